/**
 * Decodes and checks the HS256 JWTs of the newer schemes (Intercom Messenger Security,
 * Zendesk messaging, Featurebase). Signing and verifying go through node:crypto's HMAC; the
 * parsing is three base64url segments, kept here so that a broken token can still be shown.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual, secretKey } from './hmac';
import type { Vendor } from './vendors';

export type JsonObject = Record<string, unknown>;

/** What can be wrong with a token, for a verdict to rank. */
export type JwtProblemKind = 'alg' | 'signature' | 'expired' | 'missing-claim' | 'missing-kid' | 'not-yet-valid' | 'no-exp' | 'exp-not-number';

/** One problem: its kind and the sentence that explains it. */
export interface JwtProblem {
  readonly kind: JwtProblemKind;
  readonly message: string;
}

export interface JwtInspection {
  readonly header: JsonObject;
  readonly payload: JsonObject;
  /** True or false when a secret was given and the alg is HS256; undefined when not checked. */
  readonly signatureValid?: boolean;
  /** Problems worth a warning, in the order a reader should fix them (the messages of `problems`). */
  readonly warnings: readonly string[];
  /** The same problems with their kinds. */
  readonly problems: readonly JwtProblem[];
  /** The vendor's required claims the payload lacks, in the vendor's order. */
  readonly missingClaims: readonly string[];
}

/** Thrown for a token that cannot be decoded at all; the message says why. */
export class JwtFormatError extends Error {}

function decodeSegment(segment: string, what: string): JsonObject {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new JwtFormatError(`The ${what} is not base64url.`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new JwtFormatError(`The ${what} is not base64url-encoded JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JwtFormatError(`The ${what} is not a JSON object.`);
  }
  return value as JsonObject;
}

/** The HS256 signature of `header.payload`, base64url. */
function hs256(signingInput: string, key: Buffer): string {
  return createHmac('sha256', key).update(signingInput, 'ascii').digest('base64url');
}

/** Signs `payload` with HS256 under the key bytes `key`; `extraHeader` adds to `alg` and `typ` (Zendesk's `kid`). */
export function signHs256Key(payload: JsonObject, key: Buffer, extraHeader: JsonObject = {}): string {
  const header = { alg: 'HS256', typ: 'JWT', ...extraHeader };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${hs256(input, key)}`;
}

/** Signs `payload` with HS256 and a UTF-8 secret; used by tests and by the CLI's examples, never by client code. */
export function signHs256(payload: JsonObject, secret: string, extraHeader: JsonObject = {}): string {
  return signHs256Key(payload, Buffer.from(secret, 'utf8'), extraHeader);
}

export interface InspectOptions {
  readonly secret?: string | undefined;
  readonly vendor?: Vendor | undefined;
  /** Seconds since the epoch; defaults to the clock. */
  readonly now?: number;
}

/** Decodes a JWT, verifies HS256 when a secret is given, and lists what the vendor would reject. */
export function inspectJwt(token: string, options: InspectOptions = {}): JwtInspection {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new JwtFormatError(`A JWT has three dot-separated parts; this has ${parts.length}.`);
  const [h, p, s] = parts as [string, string, string];
  const header = decodeSegment(h, 'header');
  const payload = decodeSegment(p, 'payload');
  const problems: JwtProblem[] = [];
  const warn = (kind: JwtProblemKind, message: string): void => { problems.push({ kind, message }); };

  let signatureValid: boolean | undefined;
  if (header.alg !== 'HS256') {
    warn('alg', `The alg is ${JSON.stringify(header.alg)}; messengers expect HS256${header.alg === 'none' ? ', and an unsigned token proves nothing' : ''}.`);
  } else if (options.secret !== undefined) {
    const key = secretKey(options.secret, options.vendor?.secretEncoding);
    signatureValid = constantTimeEqual(s, hs256(`${h}.${p}`, key));
    if (!signatureValid) warn('signature', 'The signature does not match the secret: wrong secret, or the token was altered.');
  }

  const jwt = options.vendor?.jwt;
  const missingClaims = (jwt?.requiredClaims ?? []).filter((claim) => payload[claim] === undefined);
  for (const claim of missingClaims) warn('missing-claim', `The claim "${claim}" is missing; ${options.vendor?.name} requires it.`);
  const missingKid = jwt?.needsKid === true && header.kid === undefined;
  if (missingKid) warn('missing-kid', `The header has no "kid"; ${options.vendor?.name} needs the key id.`);

  const now = options.now ?? Math.floor(Date.now() / 1000);
  const expired = typeof payload.exp === 'number' && payload.exp <= now;
  const notYetValid = typeof payload.nbf === 'number' && payload.nbf > now;
  if (payload.exp === undefined) {
    warn('no-exp', 'There is no "exp" claim: a leaked token would be valid for ever. Set a short expiry.');
  } else if (typeof payload.exp !== 'number') {
    warn('exp-not-number', 'The "exp" claim is not a number of seconds.');
  } else if (expired) {
    warn('expired', `The token expired at ${new Date(payload.exp * 1000).toISOString()}.`);
  }
  if (notYetValid) warn('not-yet-valid', `The token is not valid before ${new Date((payload.nbf as number) * 1000).toISOString()}.`);
  const facts = { warnings: problems.map((problem) => problem.message), problems, missingClaims };
  return signatureValid === undefined ? { header, payload, ...facts } : { header, payload, signatureValid, ...facts };
}
