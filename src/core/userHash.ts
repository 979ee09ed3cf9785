/**
 * The user hash behind one small interface, so that every host computes it the same way with
 * the crypto it has: the Node hosts (CLI, desktop and remote extension host) through
 * node:crypto (`nodeHmac` in hmac.ts), the browser (vscode.dev, github.dev) through WebCrypto
 * (`webCryptoHmac` here). Nothing here imports a Node built-in or uses `Buffer`, so the web
 * bundle can include it; hmac.ts keeps the synchronous Node path the CLI and verify use.
 */
import type { SecretEncoding, Vendor } from './vendors';

/** HMAC-SHA256 of `message` under `key`. Asynchronous because WebCrypto is. */
export type HmacSha256 = (key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

/** The message hmac.ts's secretKey throws for a malformed hex secret; one wording for both. */
export const HEX_SECRET_EXPECTED = 'This vendor\'s secret is hex: expected an even number of 0-9a-f characters.';

/** The bytes used as the HMAC key. Pylon's dashboard shows hex that must be decoded first. */
export function secretKeyBytes(secret: string, encoding: SecretEncoding = 'utf8'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(secret);
  const hex = secret.trim();
  // Refuse a bad character instead of stopping at it, as Buffer.from(hex, 'hex') would.
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error(HEX_SECRET_EXPECTED);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The user hash a vendor expects: lowercase hex of HMAC-SHA256(secret, identifier), through `hmac`. */
export async function computeUserHashWith(hmac: HmacSha256, secret: string, identifier: string, vendor?: Pick<Vendor, 'secretEncoding'>): Promise<string> {
  return toHex(await hmac(secretKeyBytes(secret, vendor?.secretEncoding), new TextEncoder().encode(identifier)));
}

/**
 * HMAC-SHA256 through WebCrypto (`crypto.subtle`), present in browsers, web workers and
 * Node 20. The key is imported as non-extractable and used for this one signature.
 */
export const webCryptoHmac: HmacSha256 = async (key, message) => {
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, message));
};

/** The identifiers a user may hand the hash checker; either may be missing. */
export interface UserIdentifiers {
  readonly userId?: string | undefined;
  readonly email?: string | undefined;
}

/** Which identifier is hashed, and why, so the UI can say so. */
export interface ChosenIdentifier {
  readonly value: string;
  readonly kind: 'user_id' | 'email';
  /** Set when a choice was made between two given identifiers. */
  readonly note?: string;
}

/**
 * Picks the identifier a vendor hashes. Intercom's rule: when both a user id and an email are
 * sent, the hash must be of the user id (a hash of the email then fails with 401).
 */
export function chooseIdentifier(ids: UserIdentifiers, vendor: Pick<Vendor, 'hashes' | 'name'>): ChosenIdentifier {
  const userId = ids.userId === '' ? undefined : ids.userId;
  const email = ids.email === '' ? undefined : ids.email;
  if (vendor.hashes === 'email') {
    if (email !== undefined) {
      return userId !== undefined
        ? { value: email, kind: 'email', note: `${vendor.name} hashes the email; the user id is not part of the hash.` }
        : { value: email, kind: 'email' };
    }
    if (userId !== undefined) return { value: userId, kind: 'user_id', note: `${vendor.name} expects the email to be hashed.` };
  } else if (vendor.hashes === 'user_id') {
    if (userId !== undefined) return { value: userId, kind: 'user_id' };
    if (email !== undefined) return { value: email, kind: 'email', note: `${vendor.name} expects the user id to be hashed.` };
  } else {
    if (userId !== undefined) {
      return email !== undefined
        ? { value: userId, kind: 'user_id', note: 'Both a user id and an email were given: the user id is hashed, as the messenger requires.' }
        : { value: userId, kind: 'user_id' };
    }
    if (email !== undefined) return { value: email, kind: 'email' };
  }
  throw new Error('An unidentified user has no hash: give a user id or an email.');
}

/** Heuristic used when one identifier is typed: emails have an @, ids rarely do. */
export function looksLikeEmail(identifier: string): boolean {
  const at = identifier.indexOf('@');
  return at > 0 && at < identifier.length - 1 && !/\s/.test(identifier);
}
