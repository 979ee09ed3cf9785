/**
 * The byte patterns a known secret takes once a build, a bundler or a packager has handled it.
 * Pure: no I/O. Every form is searched as bytes, so one pass finds the value in a JavaScript
 * chunk, a UTF-16 Android string pool and a base64 blob alike.
 */
import { Buffer } from 'node:buffer';

/** Shorter secrets match by chance in megabytes of minified code and binaries. */
export const MIN_SECRET_LENGTH = 16;
/** A bound on every pattern's length, which bounds the search's overlap and work per byte. */
export const MAX_SECRET_LENGTH = 1024;

/** One way the secret can be written, with a stable id for machines and a label for people. */
export interface SecretForm {
  /** `text`, `hex`, `base64`, `base64-inner`, `url`, `json`, `utf16le`, ... (several forms may share one). */
  readonly id: string;
  /** "base64 of the secret": what the report says was found (never the bytes themselves). */
  readonly label: string;
  readonly bytes: Buffer;
}

/**
 * Why `secret` cannot be searched for, or undefined when it can. The message never repeats the
 * value. Real secrets are 32 to 64 characters (Intercom's identity verification secrets are 40,
 * hex keys 32 or 64); 16 is the floor below which chance matches would drown the report.
 */
export function secretProblem(secret: string): string | undefined {
  if (secret.length < MIN_SECRET_LENGTH) return `The secret is shorter than ${MIN_SECRET_LENGTH} characters: a value that short matches by chance in build output and binaries, so it is not searched for. Identity verification secrets are 32 to 64 characters; check that the whole secret was given.`;
  if (secret.length > MAX_SECRET_LENGTH) return `The secret is longer than ${MAX_SECRET_LENGTH} characters: that is not a messenger secret (was a file given instead of the value?).`;
  return undefined;
}

/**
 * Every form of `secret` worth looking for, each byte sequence once (the first label wins):
 * the value as UTF-8; hex of its bytes (lower and upper case); base64 and base64url without
 * padding, and the part of the encoding that does not depend on its neighbours at each of the
 * three byte alignments (the secret inside a larger encoded blob, such as a base64-embedded
 * config); URL and form encoding; JSON escaping (also with `\/`, as PHP writes it); UTF-16LE
 * and UTF-16BE (Android's resources.arsc, iOS string tables). A hex secret adds its other case
 * and its decoded bytes (raw and base64). Throws a RangeError with `secretProblem`'s message.
 */
export function secretForms(secret: string): SecretForm[] {
  const problem = secretProblem(secret);
  if (problem !== undefined) throw new RangeError(problem);
  const forms: SecretForm[] = [];
  const seen = new Set<string>();
  const add = (id: string, label: string, bytes: Buffer) => {
    const key = bytes.toString('latin1');
    if (bytes.length === 0 || seen.has(key)) return;
    seen.add(key);
    forms.push({ id, label, bytes });
  };
  const text = Buffer.from(secret, 'utf8');
  add('text', 'the secret as text', text);
  add('hex', 'hex of the secret', Buffer.from(text.toString('hex'), 'latin1'));
  add('hex', 'hex of the secret (uppercase)', Buffer.from(text.toString('hex').toUpperCase(), 'latin1'));
  addBase64(add, text, 'the secret');
  const url = encodeURIComponent(secret);
  add('url', 'URL-encoded secret', Buffer.from(url, 'latin1'));
  add('url', 'URL-encoded secret (lowercase escapes)', Buffer.from(url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), 'latin1'));
  add('form', 'form-encoded secret', Buffer.from(new URLSearchParams({ s: secret }).toString().slice(2), 'latin1'));
  const json = JSON.stringify(secret).slice(1, -1);
  add('json', 'JSON-escaped secret', Buffer.from(json, 'utf8'));
  add('json', 'JSON-escaped secret (with \\/)', Buffer.from(json.replace(/\//g, '\\/'), 'utf8'));
  add('utf16le', 'UTF-16LE secret', Buffer.from(secret, 'utf16le'));
  add('utf16be', 'UTF-16BE secret', Buffer.from(secret, 'utf16le').swap16());
  if (/^(?:[0-9a-f]{2})+$/i.test(secret)) {
    add('case', 'the secret in the other letter case', Buffer.from(secret === secret.toLowerCase() ? secret.toUpperCase() : secret.toLowerCase(), 'latin1'));
    const decoded = Buffer.from(secret, 'hex');
    // Raw bytes shorter than this would match by chance in binaries.
    if (decoded.length >= MIN_SECRET_LENGTH) {
      add('hex-decoded', "the secret's hex-decoded bytes", decoded);
      addBase64(add, decoded, "the secret's hex-decoded bytes");
    }
  }
  return forms;
}

type Add = (id: string, label: string, bytes: Buffer) => void;

function addBase64(add: Add, bytes: Buffer, what: string): void {
  for (const [encoding, name] of [['base64', 'base64'], ['base64url', 'base64url']] as const) {
    add(name, `${name} of ${what}`, Buffer.from(bytes.toString(encoding).replace(/=+$/, ''), 'latin1'));
    for (const core of base64Cores(bytes, encoding)) add(`${name}-inner`, `${name} of ${what} inside a longer ${name} value`, Buffer.from(core, 'latin1'));
  }
}

/**
 * The characters of the encoding fixed by `bytes` alone, at each of the three offsets (mod 3)
 * the bytes can have inside a larger encoded value. A base64 character carries 6 bits; one that
 * straddles a neighbouring byte differs from blob to blob, so it is cut off at both ends.
 */
export function base64Cores(bytes: Buffer, encoding: 'base64' | 'base64url'): string[] {
  const cores: string[] = [];
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString(encoding);
    cores.push(encoded.slice(Math.ceil((8 * align) / 6), Math.floor((8 * (align + bytes.length)) / 6)));
  }
  return cores;
}
