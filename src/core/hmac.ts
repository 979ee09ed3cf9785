/**
 * The user hash itself: HMAC-SHA256(secret, identifier) as lowercase hex, with each vendor's
 * quirks. Everything goes through node:crypto; nothing here is hand-rolled crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretKeyBytes, type HmacSha256 } from './userHash';
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
