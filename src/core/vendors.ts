/**
 * The messengers that verify a logged-in user with a server-computed keyed hash or JWT.
 * Facts from shared/docs/identity-verification.md; everything vendor-specific in the
 * engine, the snippets and the hash checker is read from here, never re-typed.
 */

/** The platforms a vendor issues separate secrets for. Intercom: one secret each. */
export type Platform = 'web' | 'ios' | 'android';
export const PLATFORMS: readonly Platform[] = ['web', 'ios', 'android'];

/** What the vendor expects the hash to be computed from. */
export type HashedIdentifier = 'user_id' | 'email' | 'user_id_or_email';

/** How the secret shown in the vendor's dashboard becomes the HMAC key. */
export type SecretEncoding = 'utf8' | 'hex';

export interface Vendor {
  readonly id: VendorId;
  readonly name: string;
  /** What is hashed. `user_id_or_email`: the user id when there is one, else the email. */
  readonly hashes: HashedIdentifier;
  /** Pylon shows a hex secret that must be decoded to bytes before use. */
  readonly secretEncoding: SecretEncoding;
  /** The field or argument the client passes the hash in. */
  readonly hashField: string;
  /** The field that carries the user id on the client (when the vendor has one). */
  readonly userIdField?: string;
  /** The field that carries the email on the client. */
  readonly emailField?: string;
  /** Platforms with their own secret; web-only vendors have just `web`. */
  readonly platforms: readonly Platform[];
  /** Conventional server-side environment variable name for the secret. */
  readonly envVar: string;
  /** JWT scheme, where the vendor has one: field and claims. */
  readonly jwt?: {
    readonly field: string;
    readonly identifierClaim: string;
    readonly requiredClaims: readonly string[];
    readonly needsKid?: boolean;
    /** Claims whose value the vendor fixes (Zendesk: `scope: "user"`). */
    readonly fixedClaims?: Readonly<Record<string, string>>;
    /** Conventional environment variable for the key id sent as `kid`, when one is needed. */
    readonly kidEnvVar?: string;
  };
  /** `jwt-only`: the vendor has no plain HMAC hash (Zendesk messaging). */
  readonly scheme: 'hmac' | 'hmac+jwt' | 'jwt-only';
}

export type VendorId =
  | 'intercom' | 'crisp' | 'chatwoot' | 'helpscout' | 'tawkto' | 'front' | 'pylon'
  | 'plain' | 'gleap' | 'featurebase' | 'novu' | 'zendesk';

export const VENDORS: readonly Vendor[] = [
  {
    id: 'intercom', name: 'Intercom', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'user_hash', userIdField: 'user_id', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'INTERCOM_IDENTITY_VERIFICATION_SECRET',
    jwt: { field: 'intercom_user_jwt', identifierClaim: 'user_id', requiredClaims: ['user_id'] },
    scheme: 'hmac+jwt',
  },
  {
    id: 'crisp', name: 'Crisp', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'signature', emailField: 'user:email',
    platforms: ['web'], envVar: 'CRISP_VERIFY_SECRET', scheme: 'hmac',
  },
  {
    id: 'chatwoot', name: 'Chatwoot', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'identifier_hash', userIdField: 'identifier', emailField: 'email',
    platforms: ['web'], envVar: 'CHATWOOT_HMAC_TOKEN', scheme: 'hmac',
  },
  {
    id: 'helpscout', name: 'Help Scout Beacon', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'signature', emailField: 'email',
    platforms: ['web'], envVar: 'HELPSCOUT_BEACON_SECRET', scheme: 'hmac',
  },
  {
    id: 'tawkto', name: 'tawk.to', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'hash', userIdField: 'userId', emailField: 'email',
    platforms: ['web'], envVar: 'TAWK_API_KEY', scheme: 'hmac',
  },
  {
    id: 'front', name: 'Front Chat', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'userHash', emailField: 'email',
    platforms: ['web'], envVar: 'FRONT_CHAT_VERIFICATION_SECRET', scheme: 'hmac',
  },
  {
    id: 'pylon', name: 'Pylon', hashes: 'email', secretEncoding: 'hex',
    hashField: 'email_hash', emailField: 'email',
    platforms: ['web'], envVar: 'PYLON_IDENTITY_SECRET', scheme: 'hmac',
  },
  {
    id: 'plain', name: 'Plain', hashes: 'email', secretEncoding: 'utf8',
    hashField: 'emailHash', emailField: 'email',
    platforms: ['web'], envVar: 'PLAIN_CHAT_SECRET', scheme: 'hmac',
  },
  {
    id: 'gleap', name: 'Gleap', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'userHash', userIdField: 'userId', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'GLEAP_IDENTITY_SECRET', scheme: 'hmac',
  },
  {
    id: 'featurebase', name: 'Featurebase', hashes: 'user_id_or_email', secretEncoding: 'utf8',
    hashField: 'userHash', userIdField: 'userId', emailField: 'email',
    platforms: ['web'], envVar: 'FEATUREBASE_SECRET',
    jwt: { field: 'featurebaseJwt', identifierClaim: 'userId', requiredClaims: ['email'] },
    scheme: 'hmac+jwt',
  },
  {
    id: 'novu', name: 'Novu', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'subscriberHash', userIdField: 'subscriberId',
    platforms: ['web'], envVar: 'NOVU_SECRET_KEY', scheme: 'hmac',
  },
  {
    id: 'zendesk', name: 'Zendesk messaging', hashes: 'user_id', secretEncoding: 'utf8',
    hashField: 'jwt', userIdField: 'external_id', emailField: 'email',
    platforms: ['web', 'ios', 'android'], envVar: 'ZENDESK_MESSAGING_JWT_SECRET',
    jwt: { field: 'jwt', identifierClaim: 'external_id', requiredClaims: ['external_id', 'scope'], needsKid: true,
      fixedClaims: { scope: 'user' }, kidEnvVar: 'ZENDESK_MESSAGING_KEY_ID' },
    scheme: 'jwt-only',
  },
];

const BY_ID = new Map<string, Vendor>(VENDORS.map((v) => [v.id, v]));

/** The vendor with this id, or undefined. Accepts a few spellings users type (`tawk.to`, `help-scout`). */
export function findVendor(id: string): Vendor | undefined {
  return BY_ID.get(id.toLowerCase().replace(/[^a-z]/g, ''));
}

/** The vendor with this id; throws with the list of known ids otherwise. */
export function getVendor(id: string): Vendor {
  const vendor = findVendor(id);
  if (!vendor) {
    throw new Error(`Unknown vendor "${id}". Known vendors: ${VENDORS.map((v) => v.id).join(', ')}.`);
  }
  return vendor;
}
