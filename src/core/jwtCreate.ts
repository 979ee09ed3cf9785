/**
 * Test tokens for the hash checker's Create Test JWT: the claims each vendor expects, read from
 * the vendor files (identifier claim, required claims, fixed claims, `kid`), and the HS256
 * signature from jwt.ts. A developer compares such a token with what their server mints, or
 * pastes it into a client to try the messenger; it is never meant for production code.
 */
import { secretKey } from './hmac';
import { signHs256Key, type JsonObject } from './jwt';
import type { Vendor } from './vendors';

/** One claim the user is asked for, in the order the questions come. */
export interface ClaimQuestion {
  readonly claim: string;
  /** False for claims the vendor accepts but does not require (Intercom's `email`). */
  readonly required: boolean;
  /** The vendor's identifier claim (`user_id`, `external_id`, `userId`). */
  readonly identifier: boolean;
}

/** What a vendor's test token needs, from the vendor data alone. */
export interface TestJwtPlan {
  readonly questions: readonly ClaimQuestion[];
  /** Claims whose value the vendor fixes (Zendesk's `scope: "user"`), set without asking. */
  readonly fixedClaims: Readonly<Record<string, string>>;
  /** True when the header must carry the key id as `kid` (Zendesk). */
  readonly needsKid: boolean;
}

/** A lifetime offered for a test token. */
export interface Lifetime {
  readonly label: string;
  readonly seconds: number;
}

/** The lifetimes offered, the default first: an hour is a common session length. */
export const TEST_JWT_LIFETIMES: readonly Lifetime[] = [
  { label: '1 hour', seconds: 3600 },
  { label: '10 minutes', seconds: 600 },
  { label: '1 day', seconds: 86_400 },
];

/** The default lifetime, one hour. */
export const DEFAULT_LIFETIME_SECONDS = 3600;

/**
 * The questions and fixed values for `vendor`'s token: the identifier claim, the other
 * required claims, then the email when the vendor takes one and does not already require it.
 */
export function testJwtPlan(vendor: Vendor): TestJwtPlan {
  const jwt = vendor.jwt;
  if (!jwt) throw new Error(`${vendor.name} has no JWT scheme.`);
  const fixedClaims = jwt.fixedClaims ?? {};
  const questions: ClaimQuestion[] = [];
  const add = (claim: string, required: boolean, identifier: boolean): void => {
    if (claim in fixedClaims || questions.some((q) => q.claim === claim)) return;
    questions.push({ claim, required, identifier });
  };
  add(jwt.identifierClaim, jwt.requiredClaims.includes(jwt.identifierClaim), true);
  for (const claim of jwt.requiredClaims) add(claim, true, false);
  if (vendor.emailField) add('email', false, false);
  return { questions, fixedClaims, needsKid: jwt.needsKid === true };
}

/** What the user gave for a test token. */
export interface TestJwtInput {
  /** Claim values by claim name; empty strings count as not given. */
  readonly claims: Readonly<Record<string, string>>;
  /** The key id for vendors that need a `kid` header. */
  readonly kid?: string | undefined;
  /** Lifetime in seconds; one hour when absent. */
  readonly lifetimeSeconds?: number;
  /** Seconds since the epoch; defaults to the clock. */
  readonly now?: number;
}

/** A signed test token with its decoded parts, so the caller can describe it without decoding. */
export interface TestJwt {
  readonly token: string;
  readonly header: JsonObject;
  readonly payload: JsonObject;
}

/**
 * Builds and signs `vendor`'s test token: the given claims, the fixed ones, `iat` and `exp`,
 * HS256 under the secret as the vendor encodes it. Throws an Error naming what is missing (the
 * message never contains the secret).
 */
export function createTestJwt(vendor: Vendor, secret: string, input: TestJwtInput): TestJwt {
  const plan = testJwtPlan(vendor);
  const given = (claim: string): string | undefined => {
    const value = input.claims[claim]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const missing = plan.questions.filter((q) => q.required && given(q.claim) === undefined).map((q) => `"${q.claim}"`);
  if (missing.length > 0) throw new Error(`${vendor.name} requires the ${missing.length === 1 ? 'claim' : 'claims'} ${missing.join(' and ')}.`);
  const kid = input.kid?.trim();
  if (plan.needsKid && !kid) throw new Error(`${vendor.name} needs the key id (kid) of the secret.`);
  const lifetime = input.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime <= 0) throw new Error('The lifetime must be a positive whole number of seconds.');

  const now = input.now ?? Math.floor(Date.now() / 1000);
  const payload: JsonObject = {};
  for (const { claim } of plan.questions) {
    const value = given(claim);
    if (value !== undefined) payload[claim] = value;
  }
  Object.assign(payload, plan.fixedClaims, { iat: now, exp: now + lifetime });
  const extraHeader: JsonObject = plan.needsKid ? { kid } : {};
  const token = signHs256Key(payload, secretKey(secret, vendor.secretEncoding), extraHeader);
  return { token, header: { alg: 'HS256', typ: 'JWT', ...extraHeader }, payload };
}
