/** user-hash-identifier-mismatch: the hash is computed from another identifier than the one sent. */
import type { Vendor } from '../../vendors';
import { callArguments, hasKey } from '../calls';
import type { Doc } from '../doc';
import { syntaxLanguageOf, type Expr, type FileFacts } from '../../syntax/index';
import { vendorOf } from '../vendor-markers';
import { code, fitted } from '../message';
import type { RawFinding, Rule } from './rule';

/** An HMAC call and which of its arguments is the message. */
interface Computation {
  readonly needle: string;
  readonly arg: number;
  /** The message is passed to a later `.update(`/`.Write(` call rather than this one. */
  readonly chained?: string;
}

const COMPUTATIONS: readonly Computation[] = [
  { needle: 'createHmac(', arg: 0, chained: '.update(' },
  { needle: 'HmacSHA256(', arg: 0 }, { needle: 'hmacSHA256(', arg: 0 }, { needle: 'HmacSHA1(', arg: 0 },
  { needle: 'sha256.hmac(', arg: 1 },
  { needle: 'HMAC.hexdigest(', arg: 2 }, { needle: 'HMAC.digest(', arg: 2 },
  { needle: 'hash_hmac(', arg: 1 },
  { needle: 'hmac.new(', arg: 1 }, { needle: 'hmac.digest(', arg: 1 },
  { needle: 'hmac_sha256_hex(', arg: 0 },
  { needle: ':crypto.mac(', arg: 3 }, { needle: ':crypto.hmac(', arg: 2 },
  { needle: 'hmac.New(', arg: 0, chained: '.Write(' },
  { needle: 'Hmac<', arg: 0, chained: '.update(' },
  { needle: 'Mac.getInstance(', arg: 0, chained: '.doFinal(' },
  { needle: 'HMACSHA256(', arg: 0, chained: '.ComputeHash(' },
];
const GATE = ['hmac', 'Hmac', 'HMAC', 'Mac.getInstance'];
const GENERIC_ID_KEYS = ['user_id', 'userId', 'external_id', 'identifier'];
const WRAPPERS = /\.encode\([^)]{0,40}\)|\.getBytes\([^)]{0,40}\)|\.as_bytes\(\)|\.to_s\b|\.toString\(\)|\.to_string\(\)|\bString\(|\bstr\(|\bstrval\(|\(string\)|\[\]byte\(|\bbytes\(|Encoding\.UTF8\.GetBytes\(|\butf8\.encode\(|\bBuffer\.from\(|<%=|%>|\{\{|\}\}|->|[()'"\s]/g;

export const userHashIdentifierMismatch: Rule = {
  meta: {
    id: 'user-hash-identifier-mismatch',
    defaultSeverity: 'error',
    description: 'The user hash is computed from a different identifier than the one the messenger receives.',
    fixable: true,
    docs: {
      what: 'An HMAC computation whose message is the email while the same file sends a user id to the messenger (Intercom hashes the user id when one is sent), a user id for a vendor that hashes the email (Crisp, Help Scout, Front, Pylon, Plain) or an email for one that hashes the id (Chatwoot, Gleap, Novu), or an identifier other than the one sent (`user_id: user.uuid` with a hash of `user.id`).',
      why: 'The messenger recomputes the hash from the identifier it receives. A hash of anything else never matches: Intercom answers 401 and shows "Missing user_hash", the user is logged out of the messenger or, while verification is not enforced, silently stays unverified.',
      fix: 'Hash exactly the identifier the messenger receives: for Intercom the `user_id` when one is sent, else the email; for the other vendors the field in the vendor table of the README. When the identifier sent is a plain name in the same file, the quick fix puts it in the hash\'s message (`update(user.email)` becomes `update(user.id)`); when it is sent from another file, the hover says which one to hash. `idv verify` checks a hash against an identifier.',
      suppress: '`idv-disable-next-line user-hash-identifier-mismatch` on the line before the computation, or `idv-disable-line user-hash-identifier-mismatch` on it.',
    },
  },
  check(doc) {
    if (!GATE.some((g) => doc.has(g))) return [];
    // Parsing costs far more than the marker search: a file that names no messenger (most
    // crypto code mentions hmac) is never parsed for this rule.
    if (!vendorOf(doc)) return [];
    // In a template the computation sits in a template tag, which the layer keeps opaque:
    // only files parsed in their own language are judged on facts.
    const facts = syntaxLanguageOf(doc.path) !== undefined ? doc.facts : undefined;
    if (facts) return onFacts(doc, facts);
    // The computations first: most files that say hmac hash no identifier for a messenger,
    // and finding the vendor costs a search per marker.
    const candidates: { text: string; start: number }[] = [];
    for (const c of COMPUTATIONS) {
      if (!doc.has(c.needle)) continue;
      for (const hit of doc.offsets(c.needle)) {
        const message = messageArgument(doc, hit, c);
        if (message && kindOf(message.text) !== undefined && aboutTheHash(doc, hit)) candidates.push(message);
      }
    }
    if (candidates.length === 0) return [];
    const vendor = vendorOf(doc);
    if (!vendor) return [];
    const idKeys = vendor.userIdField ? [vendor.userIdField, ...GENERIC_ID_KEYS] : GENERIC_ID_KEYS;
    const sendsId = idKeys.some((k) => doc.has(k) && hasKey(doc.text, k));
    const sendsEmail = doc.has('email') && (hasKey(doc.text, 'email') || doc.has('user:email'));
    if (!sendsId && !sendsEmail) return [];
    const out: RawFinding[] = [];
    const sent = sentIn(doc, idKeys, undefined);
    for (const message of candidates) {
      const problem = judge(vendor, message.text, sendsId, sendsEmail, sent);
      if (problem) out.push(reported(doc, problem, message.start, message.start + message.text.length));
    }
    return out;
  },
};

function messageArgument(doc: Doc, hit: number, c: Computation): { text: string; start: number } | undefined {
  let open = doc.text.indexOf('(', hit + c.needle.length - 1);
  if (c.chained) {
    const at = doc.text.slice(hit, hit + 400).indexOf(c.chained);
    if (at < 0) return undefined;
    open = hit + at + c.chained.length - 1;
  }
  if (open < 0 || open - hit > 400) return undefined;
  return callArguments(doc.text, open)[c.arg];
}

/** The computation is for a messenger hash when its line or the one before says hash or signature. */
function aboutTheHash(doc: Doc, hit: number): boolean {
  const [lineStart] = doc.lineBounds(hit);
  const from = lineStart > 0 ? doc.lineBounds(lineStart - 1)[0] : lineStart;
  return /hash|signature/i.test(doc.text.slice(from, Math.min(doc.text.length, hit + 200)));
}

/**
 * Whether an expression names an email or a user id. A variable called `identifier` (or
 * `value`, `message`) says neither: it is what the caller chose, often the id with the email
 * as fallback, as this product's own snippets do, so it is never judged.
 */
function kindOf(expr: string): 'email' | 'id' | undefined {
  if (/^["'`]/.test(expr)) return undefined;
  if (/mail/i.test(expr)) return 'email';
  if (/(?:^|[^A-Za-z])(?:id|uid|uuid|pk|external_id|subscriber_id)(?:[^A-Za-z]|$)/i.test(expr) || /[a-z0-9](?:Id|ID)(?![a-z])/.test(expr) || /externalid|subscriberid/i.test(expr)) return 'id';
  return undefined;
}

/** What is wrong with a hash of `expr`, and the expression the vendor receives instead when known. */
interface Problem {
  readonly message: string;
  readonly detail: string;
  /** The identifier sent, as written where it is sent: what the hash should be computed from. */
  readonly want?: string;
}

/** The identifiers this file sends, as written (`user.id`), when it can tell. */
interface Sent {
  /** As the mismatch between two ids has always been judged: a quoted template tag is no value. */
  readonly id?: string | undefined;
  /** The id for the edit, also from inside a quoted template tag (`"<%= current_user.id %>"`). */
  readonly idWritten?: string | undefined;
  readonly email?: string | undefined;
}

function judge(vendor: Vendor, expr: string, sendsId: boolean, sendsEmail: boolean, sent: Sent): Problem | undefined {
  const kind = kindOf(expr);
  if (!kind) return undefined;
  const name = vendor.name;
  const field = vendor.hashField;
  const idField = vendor.userIdField ?? 'a user id';
  const problem = (message: string, expects: string, want: string | undefined): Problem => ({
    message,
    detail: `The hash is computed from ${code(expr)}, but ${name} recomputes it from ${expects}${want !== undefined ? `, sent here as ${code(want)}` : ''}, so it never matches: once verification is enforced the messenger rejects this user, and until then the user silently stays unverified. Hash ${want !== undefined ? code(want) : expects} instead.`,
    ...(want !== undefined ? { want } : {}),
  });
  if (vendor.hashes === 'email' && kind === 'id') return problem(`${field} hashes a user id; ${name} expects the email`, 'the email', sent.email);
  if (vendor.hashes === 'user_id' && kind === 'email') return problem(`${field} hashes the email; ${name} expects the user id`, 'the user id', sent.idWritten);
  if (vendor.hashes === 'user_id_or_email') {
    if (kind === 'email' && sendsId) return problem(`${field} hashes the email, ${idField} is sent`, `the user id when one is sent (${code(idField)})`, sent.idWritten);
    if (kind === 'id' && !sendsId && sendsEmail) return problem(`${field} hashes a user id, only the email is sent`, 'the email when no user id is sent', sent.email);
  }
  if (kind === 'id' && sendsId && sent.id !== undefined) {
    const a = normalize(expr);
    const b = normalize(sent.id);
    if (a !== '' && b !== '' && !a.endsWith(b) && !b.endsWith(a)) {
      return problem(fitted(`${field} hashes ${expr}, but ${sent.id} is sent`, `${field} hashes another id than the one sent`), 'the user id it receives', sent.id);
    }
  }
  return undefined;
}

/**
 * The finding, with an edit when the hash's message and the identifier sent are both plain
 * names in this file: the hashed name is replaced by the sent one, inside any conversion
 * (`user.email.encode()` → `user.id.encode()`). Otherwise the detail says what to hash.
 */
function reported(doc: Doc, problem: Problem, start: number, end: number): RawFinding {
  const base = { start, end, message: problem.message, detail: problem.detail };
  // The sent expression as written, conversion included (`str(user.id)`: Python cannot
  // `.encode()` an int), but only a name, never a computation.
  const want = problem.want;
  if (want === undefined || !WANT.test(want)) return base;
  const target = TARGET.exec(doc.text.slice(start, end))?.[1];
  if (target === undefined) return base;
  return { ...base, suggestions: [{ title: `Hash ${want}, the identifier that is sent`, fix: { range: { start, end: start + target.length }, text: want } }] };
}

/** A name or member chain: `user.id`, `$user->id`, `current_user.id`, `user?.id`. */
const NAME = String.raw`\$?[A-Za-z_][\w$]*(?:(?:\??\.|->)[A-Za-z_$][\w$]*){0,6}`;
/** A name, maybe converted to a string (`String(user.id)`, `str(user.pk)`, `user.id.toString()`). */
const NAMED = String.raw`(?:(?:String|str|strval)\(${NAME}\)|${NAME}(?:\.(?:toString|to_s)\(\))?|\(string\)\s?${NAME})`;
const WANT = new RegExp(`^${NAMED}$`);
/** The hash's message: a name, maybe converted, then maybe encoded (`str(user.uuid).encode()`); the name part is replaced. */
const TARGET = new RegExp(String.raw`^(${NAMED})(?:\.(?:encode|getBytes|as_bytes|bytes)\([^()]{0,40}\))*$`);

/**
 * The expression given to the first of `keys`, up to the end of the value (`str(user.id)`
 * whole, not `str`). Type annotations (`user_id: string`, `userId: str`) are no value.
 */
function sentExpression(doc: Doc, keys: readonly string[], quotedTags = false): string | undefined {
  for (const key of keys) {
    for (const at of doc.offsets(key)) {
      const m = (quotedTags ? SENT_QUOTED : SENT).exec(doc.text.slice(at + key.length, at + key.length + 130));
      const value = m?.[1]?.replace(/[,;)]+$/, '');
      // `str(user.pk),` loses its `)` with the trailing punctuation: give it back.
      if (value && !/^['"]/.test(value) && !TYPE_NAMES.has(value.replace(/[?!]$/, ''))) return value + ')'.repeat(Math.max(0, count(value, '(') - count(value, ')')));
    }
  }
  return undefined;
}

const SENT = /^["']?\s{0,3}(?::(?!:)|=>)\s{0,3}(?:<%=\s{0,3}|\{\{\s{0,3})?([\w$.[\]'"()>-]{1,100})/;
const SENT_QUOTED = /^["']?\s{0,3}(?::(?!:)|=>)\s{0,3}(?:["']?(?:<%=|\{\{)\s{0,3})?([\w$.[\]'"()>-]{1,100})/;

/** The identifiers sent, for judging and for the edit. */
function sentIn(doc: Doc, idKeys: readonly string[], email: string | undefined): Sent {
  const id = sentExpression(doc, idKeys);
  return { id, idWritten: id ?? sentExpression(doc, idKeys, true), email: email ?? sentExpression(doc, EMAIL_KEYS, true) };
}

const EMAIL_KEYS = ['email'];

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** What follows `user_id:` in a type declaration rather than an object literal. */
const TYPE_NAMES: ReadonlySet<string> = new Set(['string', 'String', 'number', 'str', 'int', 'Int', 'Integer', 'Long', 'long', 'bigint', 'UUID', 'uuid', 'any', 'unknown', 'Optional[str]', 'Optional[int]']);

function normalize(expr: string): string {
  return expr.replace(WRAPPERS, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The rule on syntax facts: the message of each HMAC computation as an expression (so
 * `str(user.id)` is the id, and `(user_id || email)` is the caller's choice and never judged),
 * and what the file sends taken from its messenger calls when it makes any. A server file that
 * makes none is judged on what it hands over beside the hash (`{ email, user_hash }`); one that
 * does not even do that sends nothing here, and only a vendor that always hashes the same
 * identifier can be judged.
 */
function onFacts(doc: Doc, facts: FileFacts): RawFinding[] {
  const hmacs = facts.crypto.filter((c) => c.kind === 'hmac' && c.messages.length === 1 && aboutTheHash(doc, c.start));
  if (hmacs.length === 0) return [];
  const vendor = vendorOf(doc);
  if (!vendor) return [];
  const idKeys = vendor.userIdField ? [vendor.userIdField, ...GENERIC_ID_KEYS] : GENERIC_ID_KEYS;
  const calls = facts.messengerCalls.filter((c) => c.vendor === vendor.id);
  let sendsId: boolean;
  let sendsEmail: boolean;
  if (calls.length > 0) {
    const names = calls.flatMap((c) => c.fields.map((f) => f.name ?? ''));
    sendsId = names.some((n) => idKeys.includes(n));
    sendsEmail = names.includes('email') || calls.some((c) => c.command?.includes('user:email') === true);
  } else {
    const handsOverHash = hasKey(doc.text, vendor.hashField);
    sendsId = handsOverHash && idKeys.some((k) => doc.has(k) && hasKey(doc.text, k));
    sendsEmail = handsOverHash && doc.has('email') && hasKey(doc.text, 'email');
  }
  // The email as the call sends it when there is one (`email: user.email`); the user id as
  // the text says it, which is also what decides a mismatch between two ids.
  const emailSent = calls.flatMap((c) => c.fields).find((f) => f.name === (vendor.emailField ?? 'email') || f.name === 'email')?.value.text;
  const sent = sentIn(doc, idKeys, emailSent);
  const out: RawFinding[] = [];
  for (const hmac of hmacs) {
    const message = identifierOf(hmac.messages[0] as Expr);
    if (!message) continue;
    const problem = vendor.hashes === 'user_id_or_email' && !sendsId && !sendsEmail ? undefined : judge(vendor, message.text, sendsId, sendsEmail, sent);
    if (problem) out.push(reported(doc, problem, message.start, message.end));
  }
  return out;
}

/**
 * The identifier an HMAC message stands for: a conversion (`str(x)`, `x.to_s`, `x.encode()`,
 * `Buffer.from(x)`) is its operand; a choice between two (`a || b`, `a ?: b`, a conditional)
 * or a computed string is no single identifier.
 */
function identifierOf(expr: Expr): Expr | undefined {
  if (expr.kind === 'binary' || expr.kind === 'conditional' || expr.kind === 'template' || expr.kind === 'string') return undefined;
  if (/\|\||\?\?|\?:|\bor\b|\+/.test(expr.text)) return undefined;
  if (expr.kind === 'call' && expr.args?.length === 1 && CONVERSIONS.test(expr.callee ?? '')) return identifierOf(expr.args[0] as Expr);
  return expr;
}

/** Calls that convert a value without changing which identifier it is. */
const CONVERSIONS = /^(?:String|str|strval|Buffer\.from|bytes|\[\]byte|utf8\.encode|Encoding\.UTF8\.GetBytes|strconv\.Itoa|fmt\.Sprint|toString|to_s)$/;
