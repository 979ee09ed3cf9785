/**
 * Verifies a user hash and, when it does not match, works out which known mistake produced it:
 * the mistakes of shared/docs/identity-verification.md, tried one by one against the same secret.
 */
import { chooseIdentifier, constantTimeEqual, hmacSha256, secretKey, type ChosenIdentifier, type UserIdentifiers } from './hmac';
import type { Platform, Vendor } from './vendors';

export type DiagnosisId =
  | 'uppercase-hex'
  | 'base64'
  | 'email-instead-of-user-id'
  | 'user-id-instead-of-email'
  | 'key-message-swapped'
  | 'identifier-whitespace'
  | 'identifier-case'
  | 'previous-secret'
  | 'other-platform-secret'
  | 'secret-encoding';

export interface VerifyInput {
  /** The hash to check, as the client sent it. */
  readonly hash: string;
  readonly identifiers: UserIdentifiers;
  readonly vendor: Vendor;
  readonly platform: Platform;
  /** The secret for `platform`. */
  readonly secret: string;
  /** The secret before the last rotation, if kept. */
  readonly previousSecret?: string | undefined;
  /** Secrets of the vendor's other platforms, if known. */
  readonly otherPlatformSecrets?: Partial<Record<Platform, string>>;
}

export interface Diagnosis {
  readonly id: DiagnosisId;
  readonly message: string;
}

export interface VerifyResult {
  readonly match: boolean;
  /** What the hash should have been: lowercase hex. A hash is not a secret. */
  readonly expected: string;
  readonly identifier: ChosenIdentifier;
  /** On a mismatch, the mistake that explains the given hash, if one does. */
  readonly diagnosis?: Diagnosis;
}

interface Hypothesis {
  readonly id: DiagnosisId;
  readonly mac: () => Buffer;
  readonly message: string;
}

/** The encodings a MAC shows up in; hex lowercase is the only correct one. */
const ENCODINGS: ReadonlyArray<{ id: 'hex' | 'HEX' | 'base64' | 'base64url'; encode: (mac: Buffer) => string }> = [
  { id: 'hex', encode: (mac) => mac.toString('hex') },
  { id: 'HEX', encode: (mac) => mac.toString('hex').toUpperCase() },
  { id: 'base64', encode: (mac) => mac.toString('base64') },
  { id: 'base64url', encode: (mac) => mac.toString('base64url') },
];

function encodingNote(id: (typeof ENCODINGS)[number]['id']): string {
  if (id === 'HEX') return ' It is also uppercase hex: send lowercase.';
  if (id === 'hex') return '';
  return ' It is also base64-encoded: send lowercase hex.';
}

/** Checks `input.hash` in constant time and diagnoses a mismatch. */
export function verifyUserHash(input: VerifyInput): VerifyResult {
  const { vendor } = input;
  const identifier = chooseIdentifier(input.identifiers, vendor);
  const key = secretKey(input.secret, vendor.secretEncoding);
  const mac = hmacSha256(key, identifier.value);
  const expected = mac.toString('hex');
  const given = input.hash.trim();
  if (constantTimeEqual(given, expected)) return { match: true, expected, identifier };

  // The right MAC in the wrong encoding: old Java/C# samples printed uppercase, some base64.
  if (constantTimeEqual(given, expected.toUpperCase())) {
    return { match: false, expected, identifier, diagnosis: { id: 'uppercase-hex', message: 'The hash is right but in uppercase hex; send it in lowercase (mobile SDKs reject uppercase).' } };
  }
  if (constantTimeEqual(given, mac.toString('base64')) || constantTimeEqual(given, mac.toString('base64url'))) {
    return { match: false, expected, identifier, diagnosis: { id: 'base64', message: 'The hash is right but base64-encoded; the messenger expects lowercase hex.' } };
  }

  for (const hypothesis of hypotheses(input, identifier, key)) {
    const candidate = hypothesis.mac();
    for (const encoding of ENCODINGS) {
      if (constantTimeEqual(given, encoding.encode(candidate))) {
        return { match: false, expected, identifier, diagnosis: { id: hypothesis.id, message: hypothesis.message + encodingNote(encoding.id) } };
      }
    }
  }
  return { match: false, expected, identifier };
}

/** The known mistakes, most common first. Each MAC is computed only when reached. */
function* hypotheses(input: VerifyInput, chosen: ChosenIdentifier, key: Buffer): Generator<Hypothesis> {
  const { vendor, identifiers } = input;
  const other = chosen.kind === 'user_id' ? identifiers.email : identifiers.userId;
  if (other !== undefined && other !== '' && other !== chosen.value) {
    yield chosen.kind === 'user_id'
      ? { id: 'email-instead-of-user-id', mac: () => hmacSha256(key, other), message: `The hash is of the email, but ${vendor.name} needs the hash of the user id when a user id is sent (a hash of the email fails with 401).` }
      : { id: 'user-id-instead-of-email', mac: () => hmacSha256(key, other), message: `The hash is of the user id, but ${vendor.name} expects the hash of the email.` };
  }
  // Perl's hmac_sha256_hex($data, $key) takes the message first; so do some hand-written helpers.
  yield { id: 'key-message-swapped', mac: () => hmacSha256(Buffer.from(chosen.value, 'utf8'), input.secret), message: 'The key and the message are swapped: the hash is HMAC(identifier, secret) instead of HMAC(secret, identifier).' };

  const value = chosen.value;
  const spaced = [value.trim(), `${value}\n`, `${value.trim()}\n`, ` ${value.trim()}`, `${value.trim()} `];
  for (const variant of new Set(spaced)) {
    if (variant === value) continue;
    yield { id: 'identifier-whitespace', mac: () => hmacSha256(key, variant), message: `The hash is of the identifier with different surrounding whitespace (${JSON.stringify(variant)}); hash exactly the value the client sends.` };
  }
  for (const variant of new Set([value.toLowerCase(), value.toUpperCase(), value.trim().toLowerCase()])) {
    if (variant === value) continue;
    yield { id: 'identifier-case', mac: () => hmacSha256(key, variant), message: `The hash is of the identifier in different letter case (${JSON.stringify(variant)}); hash exactly the value the client sends.` };
  }

  if (input.previousSecret !== undefined && input.previousSecret !== input.secret) {
    const previous = input.previousSecret;
    yield { id: 'previous-secret', mac: () => hmacSha256(secretKey(previous, vendor.secretEncoding), value), message: 'The hash was made with the previous secret: the server still uses the secret from before the rotation.' };
  }
  for (const [platform, secret] of Object.entries(input.otherPlatformSecrets ?? {})) {
    if (platform === input.platform || secret === undefined || secret === input.secret) continue;
    yield { id: 'other-platform-secret', mac: () => hmacSha256(secretKey(secret, vendor.secretEncoding), value), message: `The hash was made with the ${platform} secret; each platform has its own secret (${vendor.name} answers hmac_mismatch).` };
  }
  if (vendor.secretEncoding === 'hex') {
    yield { id: 'secret-encoding', mac: () => hmacSha256(Buffer.from(input.secret, 'utf8'), value), message: `The hex secret was used as text; ${vendor.name}'s secret must be hex-decoded to bytes first.` };
  } else if (/^(?:[0-9a-fA-F]{2})+$/.test(input.secret)) {
    yield { id: 'secret-encoding', mac: () => hmacSha256(Buffer.from(input.secret, 'hex'), value), message: `The secret was hex-decoded; ${vendor.name} uses it as text, byte for byte.` };
  }
}
