/**
 * How Inspect JWT tells a developer what it found: the verdict first (valid, invalid signature,
 * expired, missing the vendor's claims), then the vendor's required claims; times as dates.
 * Pure text, so the editor's panel and tests word it the same way.
 */
import type { JwtInspection, JwtProblem, JwtProblemKind } from './jwt';
import type { Vendor } from './vendors';

/** What a token amounts to, from the worst problem down. */
export type JwtVerdictKind = 'wrong-alg' | 'invalid-signature' | 'expired' | 'missing-claims' | 'not-yet-valid' | 'unchecked' | 'valid';

export interface JwtVerdict {
  readonly kind: JwtVerdictKind;
  /** A short title: `Valid`, `Invalid signature`, `Expired`, … */
  readonly title: string;
  /** The verdict as one or two sentences, title first. */
  readonly headline: string;
  /** The problems the verdict does not already state, in the inspection's order. */
  readonly others: readonly JwtProblem[];
}

/** What the report needs besides the inspection. */
export interface ReportContext {
  readonly vendor: Vendor;
  /** How the secret is named in sentences: `Intercom Web secret`. */
  readonly secretName: string;
  /** True when a secret was stored (and so the signature was checked, for HS256). */
  readonly secretStored: boolean;
  /** Seconds since the epoch. */
  readonly now: number;
}

const UNITS: ReadonlyArray<readonly [string, number]> = [['year', 31_536_000], ['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];

/** `in 59 minutes`, `3 days ago`, `now`: whole units, rounded down, so "in 1 hour" is never early. */
export function relativeTime(seconds: number, now: number): string {
  const diff = seconds - now;
  const abs = Math.abs(diff);
  const unit = UNITS.find(([, size]) => abs >= size);
  if (!unit) return 'now';
  const count = Math.floor(abs / unit[1]);
  const amount = `${count} ${unit[0]}${count === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

/** A NumericDate as ISO 8601 in UTC, without milliseconds when there are none. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** What the vendor requires and the token lacks, as words: `the claim "user_id" and the "kid" header`. */
function missingWords(inspection: JwtInspection): string {
  const parts: string[] = [];
  const claims = inspection.missingClaims.map((c) => `"${c}"`);
  if (claims.length > 0) parts.push(`the ${claims.length === 1 ? 'claim' : 'claims'} ${listed(claims)}`);
  if (inspection.problems.some((p) => p.kind === 'missing-kid')) parts.push('the "kid" header (the key id)');
  return listed(parts);
}

/** The verdict: the worst problem decides it; warnings such as a missing `exp` stay in `others`. */
export function jwtVerdict(inspection: JwtInspection, ctx: ReportContext): JwtVerdict {
  const has = (kind: JwtProblemKind): boolean => inspection.problems.some((p) => p.kind === kind);
  const except = (...kinds: JwtProblemKind[]): JwtProblem[] => inspection.problems.filter((p) => !kinds.includes(p.kind));
  const { payload, header } = inspection;
  const name = ctx.vendor.name;
  if (has('alg')) {
    return { kind: 'wrong-alg', title: 'Wrong algorithm', headline: `Wrong algorithm: the alg is ${JSON.stringify(header.alg)}, and ${name} expects HS256. The signature was not checked.`, others: except('alg') };
  }
  if (has('signature')) {
    return {
      kind: 'invalid-signature', title: 'Invalid signature',
      headline: `Invalid signature: the token was not signed with the stored ${ctx.secretName}. It was signed with another secret (another platform's, or one from before a rotation), or altered.`,
      others: except('signature'),
    };
  }
  if (has('expired') && typeof payload.exp === 'number') {
    return { kind: 'expired', title: 'Expired', headline: `Expired ${relativeTime(payload.exp, ctx.now)} (${isoTime(payload.exp)}): ${name} rejects it.`, others: except('expired') };
  }
  if (has('missing-claim') || has('missing-kid')) {
    return { kind: 'missing-claims', title: 'Missing required claims', headline: `Missing required claims: ${name} requires ${missingWords(inspection)}.`, others: except('missing-claim', 'missing-kid') };
  }
  if (has('not-yet-valid') && typeof payload.nbf === 'number') {
    return { kind: 'not-yet-valid', title: 'Not valid yet', headline: `Not valid yet: usable ${relativeTime(payload.nbf, ctx.now)} (${isoTime(payload.nbf)}).`, others: except('not-yet-valid') };
  }
  const expiry = typeof payload.exp === 'number' ? `; it expires ${relativeTime(payload.exp, ctx.now)}` : '';
  if (inspection.signatureValid !== true) {
    const why = ctx.secretStored ? 'the token was not checked against a secret' : `no ${ctx.secretName} is stored (Set Secret stores one)`;
    return { kind: 'unchecked', title: 'Signature not checked', headline: `Signature not checked: ${why}. The claims ${name} requires are present${expiry}.`, others: inspection.problems };
  }
  return { kind: 'valid', title: 'Valid', headline: `Valid: the HS256 signature matches the stored ${ctx.secretName} and the claims ${name} requires are present${expiry}.`, others: inspection.problems };
}

/** The vendor's required claims and header, each marked present or missing; empty for a vendor without a JWT. */
export function requiredClaimsLine(inspection: JwtInspection, vendor: Vendor): string {
  const jwt = vendor.jwt;
  if (!jwt) return '';
  const marks = jwt.requiredClaims.map((claim) => `"${claim}" ${inspection.missingClaims.includes(claim) ? 'missing' : 'present'}`);
  if (jwt.needsKid) marks.push(`"kid" header ${inspection.header.kid === undefined ? 'missing' : 'present'}`);
  return `Required by ${vendor.name}: ${marks.join(', ')}.`;
}
