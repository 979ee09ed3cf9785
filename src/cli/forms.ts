/**
 * What each input of the CLI must look like, and the usage error that names the expected form
 * when it does not. No message repeats the value given: people paste a secret where a name or a
 * hash belongs, and what a command prints lands in terminals, CI logs and bug reports.
 */
import { isEnvVarName } from '../core/engine/index';
import { secretKey } from '../core/hmac';
import { PLATFORMS, type Platform, type Vendor } from '../core/vendors';
import { UsageError } from './io';

const NOT_REPEATED = 'the value given is not repeated, in case it is a secret';

/** `value` when it is an environment variable's name; else a UsageError saying what a name looks like. */
export function envVarName(value: string, flag: string): string {
  if (isEnvVarName(value)) return value;
  throw new UsageError(`${flag} takes the name of an environment variable (letters, digits and _, not starting with a digit, such as INTERCOM_SECRET), not its value; ${NOT_REPEATED}`);
}

/**
 * The hash `idv verify` checks: 64 hex characters (HMAC-SHA256), or the same 32 bytes in base64
 * (44 characters with `=`) or base64url (43), which verify recognises and names as the mistake.
 * Anything else cannot be a user hash, and is refused with what it looks like instead.
 */
export function userHashFrom(value: string | undefined): string {
  const expected = 'the user hash, 64 lowercase hex characters (HMAC-SHA256 as hex)';
  if (value === undefined || value.trim() === '') throw new UsageError(`--hash is required: ${expected}`);
  const hash = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(hash) || /^[A-Za-z0-9+/]{43}=$/.test(hash) || /^[A-Za-z0-9_-]{43}$/.test(hash)) return hash;
  if (hash.split('.').length === 3) throw new UsageError(`--hash must be ${expected}; what was given has three dot-separated parts like a JWT (idv jwt TOKEN inspects one)`);
  if (/^[0-9a-fA-F]+$/.test(hash)) {
    const hint = hash.length === 40 ? ' (HMAC-SHA1 gives 40: use SHA-256)' : hash.length === 32 ? ' (MD5 gives 32: use HMAC-SHA256)' : '';
    throw new UsageError(`--hash must be ${expected}; what was given is hex of ${hash.length} characters${hint}`);
  }
  throw new UsageError(`--hash must be ${expected}; what was given is neither hex nor the base64 of 32 bytes (${NOT_REPEATED})`);
}

/**
 * Refuses a secret the vendor cannot use, saying where it came from (`source`) and what form
 * the vendor's secret takes; today that is the hex of Pylon's dashboard.
 */
export function checkSecretForm(secret: string, vendor: Vendor, source: string): void {
  try {
    secretKey(secret, vendor.secretEncoding);
  } catch {
    throw new UsageError(`${source} is not a ${vendor.name} secret: ${vendor.name}'s secret is hex, an even number of 0-9 and a-f characters as its dashboard shows it; the secret is not repeated`);
  }
}

/** The platform `value` names, when `vendor` has it; `flag` is the option that gave it. */
export function platformFrom(value: string | undefined, vendor: Vendor, flag: string): Platform {
  const platform = PLATFORMS.find((p) => p === value);
  if (!platform) throw new UsageError(`${flag} must be one of ${PLATFORMS.join(', ')}`);
  if (!vendor.platforms.includes(platform)) throw new UsageError(`${flag}: ${vendor.name} has no ${platform} secret; its platforms are ${vendor.platforms.join(', ')}`);
  return platform;
}
