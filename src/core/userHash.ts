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
