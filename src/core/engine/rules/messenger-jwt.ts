/**
 * messenger-jwt: a messenger's identity JWT minted on the server, but not the way the vendor
 * verifies it: no expiry or one far beyond a session, an algorithm other than HS256 (or
 * `none`), a required claim missing (Intercom's `user_id`; Zendesk's `external_id` and
 * `scope: "user"`), Zendesk's `kid` header missing. Read from the syntax layer's facts (the
 * JWT call, its claims object and algorithm), with the call's own text for options that live
 * in a chain or an options object (`expiresIn`, `setExpirationTime`, `kid`). Only JWTs that
 * are a messenger's are judged: the key or the claims name the vendor, the file sends the
 * vendor's JWT field, or the code just before the call or the file's path names the vendor
 * (`getIntercomToken: … new SignJWT(…)`). An app's own session token is not this rule's business.
 */
import type { CryptoCall, Expr, FileFacts } from '../../syntax/index';
import { VENDORS, type Vendor } from '../../vendors';
import type { Doc } from '../doc';
import { code, fitted } from '../message';
import { durationSeconds, expirySeconds } from './durations';
import type { RawFinding, Rule } from './rule';

/** Past this, an expiry is far beyond any session (a stolen token keeps working that long). */
const LONGEST_SECONDS = 7 * 86400;
/** How far before the call a name of the vendor counts (the function or route around it). */
const NAMED_WINDOW = 300;
/** How far past the call its options are looked for (jose's chain, Go's `token.Header["kid"]`). */
const CHAIN_WINDOW = 600;

const JWT_VENDORS: readonly Vendor[] = VENDORS.filter((v) => v.jwt !== undefined);
/** The vendors' names as code spells them (`intercom`, `Intercom`, `INTERCOM_…`), and Zendesk's claim. */
const VENDOR_NAMES: readonly string[] = [...JWT_VENDORS.flatMap((v) => [v.id, v.id.charAt(0).toUpperCase() + v.id.slice(1), v.id.toUpperCase()]), 'external_id'];

export const messengerJwt: Rule = {
  meta: {
    id: 'messenger-jwt',
    defaultSeverity: 'warning',
    description: 'A messenger identity JWT without an expiry or with a long one, not HS256, or without the claims the vendor requires.',
    fixable: false,
    docs: {
      what: 'A JWT signed for a messenger (Intercom Messenger Security, Zendesk messaging, Featurebase) that the vendor will reject or that stays valid too long: no `exp` (nor `expiresIn`, `setExpirationTime`), an expiry more than 7 days away, an `alg` other than HS256 (`none` is an unsigned token), Intercom without `user_id`, Zendesk without `external_id`, `scope: "user"` or the `kid` header, Featurebase without `email`. Across files (`idv scan` and the editor\'s project model): an attribute the server signs into the token (`email`, `plan`) that a client also sends in clear beside it. A JWT counts as a messenger\'s when its key or claims name the vendor (`INTERCOM_…` secret, `external_id` with `scope`) or the file sends the vendor\'s field (`intercom_user_jwt`, `featurebaseJwt`). Checked in the languages the syntax layer parses (JavaScript, TypeScript, Python, Ruby, PHP, Go, Java).',
      why: 'The JWT is the proof that a user is who the page says. Without `exp`, a token copied from one session (a log, a shared screenshot of the network tab) logs in as that user forever; Intercom recommends matching `exp` to the session. An algorithm or claim the vendor does not expect makes every login fail once verification is enforced, and Intercom resolves an email-only token to whichever user has that email.',
      fix: 'Sign with HS256 and the vendor\'s secret, set `exp` to the session\'s length (an hour is common; mint a fresh token when the session renews), and include the required claims: Intercom `user_id` (the same id the messenger is given); Zendesk `external_id`, `scope: "user"` and the key id as the `kid` header. The JWT snippets (Insert Snippet, `idv snippet jwt-express`, …) do all of it.',
      suppress: '`idv-disable-next-line messenger-jwt` on the line before the signing call, or `idv-disable-line messenger-jwt` on its line.',
    },
  },
  check(doc) {
    if (!doc.has('jwt') && !doc.has('JWT') && !doc.has('Jwt')) return [];
    // Every way a JWT is found to be a messenger's names the vendor somewhere in the file or its
    // path (or has Zendesk's external_id): a file that never does is not parsed for its facts.
    // Many files mention JWTs (auth libraries, an app's own sessions); parsing each cost a scan
    // of node_modules 4.7 times its time (measured with npm run bench).
    if (!VENDOR_NAMES.some((n) => doc.has(n)) && !JWT_VENDORS.some((v) => doc.path.toLowerCase().includes(v.id))) return [];
    const facts = doc.facts;
    if (!facts) return [];
    const out: RawFinding[] = [];
    for (const call of facts.crypto) {
      if (call.kind !== 'jwt') continue;
      const vendor = vendorOf(doc, facts, call);
      if (vendor) out.push(...judge(doc, call, vendor));
    }
    return out;
  },
};

/** The messenger a JWT is for: its key or claims name it, or the file sends its field. */
function vendorOf(doc: Doc, facts: FileFacts, call: CryptoCall): Vendor | undefined {
  const key = (call.key?.text ?? '').toLowerCase();
  const byKey = JWT_VENDORS.find((v) => key.includes(v.id) || key.includes(v.envVar.toLowerCase()));
  if (byKey) return byKey;
  const claims = claimNames(call.messages[0]);
  const byClaims = JWT_VENDORS.find((v) => v.jwt?.fixedClaims && Object.keys(v.jwt.fixedClaims).every((c) => claims.has(c)) && claims.has(v.jwt.identifierClaim));
  if (byClaims) return byClaims;
  const sent = JWT_VENDORS.filter((v) => doc.has(v.jwt?.field ?? '\u0000') && (v.jwt?.field !== 'jwt' || facts.messengerCalls.some((m) => m.vendor === v.id)));
  if (sent.length === 1) return sent[0];
  // `getIntercomToken: … new SignJWT(…)`, `utils/intercom.ts`: the code around it names the vendor.
  const before = `${doc.path} ${doc.text.slice(Math.max(0, call.start - NAMED_WINDOW), call.start)}`.toLowerCase();
  const named = JWT_VENDORS.filter((v) => before.includes(v.id));
  return named.length === 1 ? named[0] : undefined;
}

function judge(doc: Doc, call: CryptoCall, vendor: Vendor): RawFinding[] {
  const jwt = vendor.jwt;
  if (!jwt) return [];
  const out: RawFinding[] = [];
  const name = vendor.name;
  const at = { start: call.start, end: Math.min(call.end, lineEnd(doc.text, call.start)) };
  // The call and what is chained to it or passed beside it, up to the statement's end.
  const around = doc.text.slice(call.start, Math.min(doc.text.length, call.end + CHAIN_WINDOW));
  const statement = around.slice(0, statementEnd(around, call.end - call.start));

  const alg = call.algorithm;
  const algText = alg ? (alg.value ?? alg.text) : undefined;
  if (alg && algText !== undefined && /\bnone\b/i.test(algText)) {
    out.push({ ...spanOf(alg, at), message: `${name} JWT signed with alg "none"`, detail: `A token with ${code('alg: "none"')} carries no signature: anyone can write one for any user. Sign it with HS256 and the ${name} secret.` });
  } else if (alg && algText !== undefined && !/HS256/i.test(algText) && /\b(?:HS|RS|ES|PS)\d{3}\b/i.test(algText)) {
    const used = /\b(?:HS|RS|ES|PS)\d{3}\b/i.exec(algText)?.[0] ?? algText;
    out.push({ ...spanOf(alg, at), message: fitted(`${name} JWT signed with ${used}; ${name} verifies HS256 only`, `${name} JWT signed with ${used}, not HS256`), detail: `${name} verifies HS256 tokens only, so every login with a token signed with ${code(used)} fails. Sign with HS256 and the ${name} secret.` });
  }

  const payload = call.messages[0];
  const claims = payload?.kind === 'object' ? payload.fields ?? [] : undefined;
  const open = claims === undefined || claims.some((f) => f.spread);
  if (claims && !open) {
    const names = new Set(claims.map((f) => f.name));
    const missing = jwt.requiredClaims.filter((c) => !names.has(c));
    if (missing.length > 0) {
      out.push({
        ...at,
        message: fitted(`${name} JWT has no ${missing.map((c) => `"${c}"`).join(' or ')} claim`, `${name} JWT lacks a claim ${name} requires`),
        detail: `${name} requires ${missing.map((c) => code(c)).join(' and ')} in the token${vendor.id === 'intercom' ? '; an email-only token matches whichever user has that email' : ''}. Add ${missing.length === 1 ? 'it' : 'them'} to the claims.`,
      });
    }
    for (const [claim, value] of Object.entries(jwt.fixedClaims ?? {})) {
      const field = claims.find((f) => f.name === claim);
      if (field && field.value.value !== undefined && field.value.value !== value) {
        out.push({ ...spanOf(field, at), message: fitted(`${name} JWT's "${claim}" is "${field.value.value}", not "${value}"`, `${name} JWT's "${claim}" is not "${value}"`), detail: `${name} expects ${code(`${claim}: "${value}"`)} in the token and rejects any other value.` });
      }
    }
  }
  // The header may be set in a statement of its own (Go: `token.Header["kid"] = keyID`).
  if (jwt.needsKid && !/\b(?:kid|keyid|keyId|key_id)\b/.test(around)) {
    out.push({ ...at, message: `${name} JWT has no "kid" header`, detail: `${name} finds the signing key by the token's ${code('kid')} header: set it to the key id shown in the admin center${jwt.kidEnvVar ? ` (conventionally read from ${code(jwt.kidEnvVar)})` : ''}.` });
  }

  const expiry = expiryOf(statement, claims);
  if (!expiry && !open) {
    out.push({ ...at, message: `${name} JWT never expires (no "exp" claim)`, detail: `Without ${code('exp')}, a copied token logs in as this user for good. Set ${code('exp')} to the session's length (an hour is common).` });
  } else if (expiry?.seconds !== undefined && expiry.seconds > LONGEST_SECONDS) {
    out.push({ ...(expiry.span ?? at), message: `${name} JWT stays valid for ${describe(expiry.seconds)}`, detail: `A token valid for ${describe(expiry.seconds)} outlives any session: a copied one keeps logging in as this user. Match ${code('exp')} to the session's length (an hour is common).` });
  }
  return out;
}

/** The expiry a JWT is given, and its length when the spelling says it. */
function expiryOf(statement: string, claims: Expr['fields']): { seconds?: number; span?: { start: number; end: number } } | undefined {
  const exp = claims?.find((f) => f.name === 'exp');
  if (exp) {
    const seconds = expirySeconds(exp.value.text);
    return { ...(seconds !== undefined ? { seconds } : {}), span: { start: exp.start, end: exp.end } };
  }
  const option = /\b(?:expiresIn|expires_in|setExpirationTime|ExpiresAt|setExpiresAt|withExpiresAt|expiration)\s*[:=(]\s*([^,;)}\n]{1,80})/.exec(statement);
  if (!option) return undefined;
  const seconds = /setExpirationTime|expiresIn|expires_in/.test(option[0]) ? durationSeconds(option[1] as string) : undefined;
  return seconds !== undefined ? { seconds } : {};
}

function claimNames(payload: Expr | undefined): Set<string | undefined> {
  return new Set(payload?.kind === 'object' ? (payload.fields ?? []).map((f) => f.name) : []);
}

function spanOf(x: { start: number; end: number }, fallback: { start: number; end: number }): { start: number; end: number } {
  return x.end > x.start ? { start: x.start, end: x.end } : fallback;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Where the statement holding the call ends: a `;` or a line that does not continue a chain. */
function statementEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ';') return i;
    if (c === '\n' && !/^\s*[.)]/.test(text.slice(i + 1, i + 40))) return i;
  }
  return text.length;
}

function describe(seconds: number): string {
  const days = seconds / 86400;
  return days >= 365 ? `${Math.round(days / 365)} year${days >= 730 ? 's' : ''}` : `${Math.round(days)} days`;
}
