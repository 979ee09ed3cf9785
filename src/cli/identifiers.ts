/** The identifier flags shared by `idv hash` and `idv verify`. */
import { looksLikeEmail, type UserIdentifiers } from '../core/hmac';
import { findVendor, VENDORS, type Vendor } from '../core/vendors';
import { UsageError } from './io';

export const identifierOptions = {
  identifier: { type: 'string' },
  'user-id': { type: 'string' },
  email: { type: 'string' },
  vendor: { type: 'string', default: 'intercom' },
  'secret-env': { type: 'string' },
} as const;

export const identifierUsage = `  --identifier ID     the user id or email that is hashed (an @ makes it an email)
  --user-id ID        the user id the client sends
  --email EMAIL       the email the client sends (with --user-id, the user id is hashed)
  --vendor V          ${VENDORS.map((v) => v.id).join(', ')} (default intercom)
  --secret-env NAME   read the secret from this environment variable instead of standard input`;

/** The user's identifiers from the flags; at least one is required. */
export function identifiersFrom(values: { identifier?: string | undefined; 'user-id'?: string | undefined; email?: string | undefined }): UserIdentifiers {
  for (const flag of ['identifier', 'user-id', 'email'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') throw new UsageError(`--${flag} is empty: give the ${flag === 'email' ? 'email' : flag === 'user-id' ? 'user id' : 'user id or the email'} the client sends, exactly as it sends it`);
  }
  if (values.email !== undefined && !looksLikeEmail(values.email)) throw new UsageError('--email must be an email address (name@domain, no spaces); the value given is not repeated, in case it is a secret. A user id goes in --user-id');
  const ids: { userId?: string; email?: string } = {};
  if (values.identifier !== undefined) {
    if (looksLikeEmail(values.identifier)) ids.email = values.identifier;
    else ids.userId = values.identifier;
  }
  if (values['user-id'] !== undefined) ids.userId = values['user-id'];
  if (values.email !== undefined) ids.email = values.email;
  if (ids.userId === undefined && ids.email === undefined) throw new UsageError('--identifier (or --user-id / --email) is required: the user id or the email the client sends');
  return ids;
}

/** The vendor named by --vendor, or a UsageError listing the known ones. */
export function vendorFrom(id: string | undefined): Vendor {
  const vendor = findVendor(id ?? 'intercom');
  if (!vendor) throw new UsageError(`--vendor must be one of ${VENDORS.map((v) => v.id).join(', ')}`);
  return vendor;
}
