/**
 * Installation sites from syntax facts: the messenger calls the syntax layer found (through
 * aliases, optional chaining, settings built in a variable, spreads, `settings.x = …`), judged
 * by the same verdicts missing-user-hash decides on (installedCalls), so that `idv check` and
 * `idv scan` name the same calls. The hash's expression is the exact one the call sends, and
 * whether it is computed on the client is read from the crypto facts inside what it is built from.
 */
import type { Doc } from '../engine/doc';
import { installedCalls, type JudgedCall } from '../engine/index';
import type { CryptoCall, Expr, FileFacts, MessengerCall } from '../syntax/index';
import { proofScheme, vendorDefinition, type ClientCall } from '../vendors/index';
import { identifierList, identifierOfKey, isEmptyValue, type Site, type Span } from './site';
import type { ComputedOnClient } from './source';
import type { Identifier } from './types';

/** What an Intercom mobile login's call text, or an attributes builder in its file, names. */
const LOGIN_USER_ID = /user_?id\b|userId|UserId/i;
const LOGIN_EMAIL = /email/i;
const ID_BUILDERS = ['withUserId(', '.userId =', '.userId=', 'setUserId(', 'userId = '];
const EMAIL_BUILDERS = ['withEmail(', '.email =', '.email=', 'setEmail('];

/** Every installation site in a file with facts, in the calls' order. `mobile`: the file ships to the app stores. */
export function factSites(doc: Doc, facts: FileFacts, mobile: boolean): Site[] {
  const judged = installedCalls(facts, doc.text, (n) => doc.has(n));
  const out: Site[] = [];
  for (const j of judged) {
    const site = siteOf(doc, j, judged, mobile);
    if (site) out.push(site);
  }
  return out;
}

/**
 * Whether a hash is computed on the client, per call: only in client code (a file the
 * classifier cannot place calls a messenger's browser or app API, so it counts as client), and
 * only when an HMAC or JWT computation lies in the expression sent or in what it was traced
 * back to, not anywhere in the file.
 */
export function computedOnClient(doc: Doc, crypto: readonly CryptoCall[]): ComputedOnClient {
  if (doc.side === 'server' || crypto.length === 0) return () => false;
  return (spans) => crypto.some((c) => spans.some((s) => c.start < s.end && s.start < c.end));
}

function siteOf(doc: Doc, judged: JudgedCall, all: readonly JudgedCall[], mobile: boolean): Site | undefined {
  const { call, verdict } = judged;
  const client = clientCall(call);
  const base = { offset: call.start, vendor: call.vendor, mobile };
  switch (verdict) {
    case 'proof': {
      // A file that only sets the hash (an auth service) is reported so readiness can pair it
      // with a login elsewhere; beside a login in the same file it is part of that login.
      if (all.some((o) => o.call.vendor === call.vendor && o.verdict !== 'proof')) return undefined;
      const hash = call.args[0];
      return hash && !isEmptyValue(hash.text) ? { ...base, identifiers: [], sendsHash: true, proofName: setterName(call), ...sent(doc, hash) } : undefined;
    }
    case 'anonymous':
      // `Intercom('update', { last_request_at })` pings an existing session; it installs nothing.
      if (/update/.test(call.command ?? call.target)) return undefined;
      return { ...base, identifiers: [], sendsHash: false };
    case 'unknown':
      return { ...base, identifiers: identifiersOf(doc, call, client), sendsHash: false, unresolved: true };
    case 'missing':
      return { ...base, identifiers: identifiersOf(doc, call, client), sendsHash: false };
    case 'proven': {
      const proof = proofOf(call, client, all);
      const evidence = client?.proof?.in === 'callback' ? { evidence: doc.text.slice(call.start, call.end) } : {};
      const name = proof?.name !== undefined ? { proofName: proof.name } : {};
      return { ...base, identifiers: identifiersOf(doc, call, client), sendsHash: true, ...name, ...(proof?.expr ? sent(doc, proof.expr) : {}), ...evidence };
    }
  }
}

/**
 * The hash as written in the file: for a template the parsed text had its tags masked, and the
 * tag (`<%= user_hash %>`) is what shows that the server renders the value.
 */
function sent(doc: Doc, hash: Expr): { hash: string; hashSpan: Span } {
  return { hash: doc.text.slice(hash.start, Math.min(hash.end, hash.start + 1000)), hashSpan: { start: hash.start, end: hash.end } };
}

/** The vendor file's entry for the call's shape. */
function clientCall(call: MessengerCall): ClientCall | undefined {
  return vendorDefinition(call.vendor).calls.find((c) => c.shape && `${c.shape.kind} ${c.shape.target}` === call.shape);
}

/** Which identifiers the call sends, from its settings keys, else from what the vendor's call always carries. */
function identifiersOf(doc: Doc, call: MessengerCall, client: ClientCall | undefined): Identifier[] {
  const ids = client?.idKeys ?? vendorDefinition(call.vendor).idKeys;
  const found: (Identifier | undefined)[] = call.fields.filter((f) => f.name !== undefined && ids.includes(f.name)).map((f) => identifierOfKey(f.name ?? ''));
  const proof = client?.proof?.in;
  if (call.vendor === 'crisp') found.push('email');
  // Chatwoot's setUser(identifier, { … }) and Gleap's identify(id, …) send the id first; Zendesk's JWT carries external_id.
  if (call.vendor === 'chatwoot' || call.vendor === 'zendesk') found.push('user_id');
  if (call.vendor === 'gleap') found.push('user_id', call.args[1]?.fields?.some((f) => f.name === 'email') ? 'email' : undefined);
  if (proof === 'separate' && !found.some((f) => f !== undefined)) {
    // Intercom's mobile login: `withUserId(id)` in the call, else an attributes builder in the file.
    const text = doc.text.slice(call.start, call.end);
    found.push(LOGIN_USER_ID.test(text) ? 'user_id' : undefined, LOGIN_EMAIL.test(text) ? 'email' : undefined);
    if (!found.some((f) => f !== undefined)) {
      if (ID_BUILDERS.some((n) => doc.has(n))) found.push('user_id');
      if (EMAIL_BUILDERS.some((n) => doc.has(n))) found.push('email');
    }
  }
  const list = identifierList(found);
  return list.length > 0 ? list : ['user_id_or_email'];
}

/** The setter a proof call is, as its shape names it (`setUserJwt` of `call Intercom.client.setUserJwt`). */
function setterName(call: MessengerCall): string {
  return call.shape.slice(call.shape.lastIndexOf('.') + 1);
}

/** Of several ways the proof is handed over, the JWT, which a vendor checks once its JWT security is on. */
function preferJwt<T>(vendor: MessengerCall['vendor'], found: readonly T[], name: (t: T) => string | undefined): T | undefined {
  return found.find((f) => proofScheme(vendor, name(f)) === 'jwt') ?? found[0];
}

/**
 * The expression that carries the proof, where the vendor file says the call carries it, and
 * the key or setter it is handed over with (when the call names one).
 */
function proofOf(call: MessengerCall, client: ClientCall | undefined, all: readonly JudgedCall[]): { expr?: Expr; name?: string } | undefined {
  const proof = client?.proof ?? { in: 'fields' as const };
  switch (proof.in) {
    case 'fields': {
      const keys = client?.proofKeys ?? vendorDefinition(call.vendor).proofKeys;
      const field = preferJwt(call.vendor, call.fields.filter((f) => f.name !== undefined && (keys.includes(f.name) || /jwt/i.test(f.name))), (f) => f.name);
      return field ? { ...(field.value ? { expr: field.value } : {}), ...(field.name !== undefined ? { name: field.name } : {}) } : undefined;
    }
    case 'arg':
      return withExpr(call.args[proof.index]);
    case 'pair':
      return withExpr(call.args.map((a) => a.items?.[2]?.items?.[proof.index]).find((item) => item !== undefined));
    case 'separate': {
      const setter = preferJwt(call.vendor, all.filter((o) => o.call.vendor === call.vendor && o.verdict === 'proof'), (o) => setterName(o.call));
      return setter ? { ...withExpr(setter.call.args[0]), name: setterName(setter.call) } : undefined;
    }
    case 'callback':
      return withExpr(call.args[2]);
  }
}

function withExpr(expr: Expr | undefined): { expr?: Expr } {
  return expr ? { expr } : {};
}
