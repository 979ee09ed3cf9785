/**
 * The user hash itself: HMAC-SHA256(secret, identifier) as lowercase hex, with each vendor's
 * quirks. Everything goes through node:crypto; nothing here is hand-rolled crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKeyBytes, type HmacSha256 } from './userHash';

// Choosing the identifier needs no crypto: it lives with the host-neutral half in userHash.ts.
export { chooseIdentifier, looksLikeEmail, type ChosenIdentifier, type UserIdentifiers } from './userHash';
import type { SecretEncoding, Vendor } from './vendors';

/** The bytes used as the HMAC key (userHash.ts's secretKeyBytes, as a Buffer for node:crypto). */
export function secretKey(secret: string, encoding: SecretEncoding = 'utf8'): Buffer {
  const bytes = secretKeyBytes(secret, encoding);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The raw HMAC-SHA256 MAC of `message` under `key` (strings are UTF-8). */
export function hmacSha256(key: Buffer | string, message: Buffer | string): Buffer {
  return typeof message === 'string' ? createHmac('sha256', key).update(message, 'utf8').digest() : createHmac('sha256', key).update(message).digest();
}

/** HMAC-SHA256 through node:crypto behind userHash.ts's interface (the browser's is webCryptoHmac). */
export const nodeHmac: HmacSha256 = (key, message) => Promise.resolve(new Uint8Array(hmacSha256(Buffer.from(key), Buffer.from(message))));

/** The user hash a vendor expects: lowercase hex of HMAC-SHA256(secret, identifier). */
export function computeUserHash(secret: string, identifier: string, vendor?: Pick<Vendor, 'secretEncoding'>): string {
  return hmacSha256(secretKey(secret, vendor?.secretEncoding), identifier).toString('hex');
}

/**
 * Compares two strings without leaking, through timing, where they first differ.
 * Unequal lengths still cost one full comparison so that length is the only thing learnt.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
