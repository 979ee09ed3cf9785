/**
 * The literal pre-filter, run before anything else on every file. A file that holds none of its
 * needles cannot produce a finding; the rules search for anything more specific only when their
 * own topic is present. It comes in two forms that give the same answers (a unit test compares
 * them on 20,000 texts): `hasAnyTopic` on a string, for the editor and the ESLint plugin, and
 * `bytesHaveTopic` on a file's bytes, for scans over many files. In the string form indexOf's
 * cost is set by how often the first character of what it looks for occurs (V8 scans for it with
 * memchr), so the needles are few and searched through their rarest window (search.ts). Configured extra
 * name patterns add their own needles, searched ignoring case (namePatterns.ts).
 */
import { Buffer } from 'node:buffer';
import { createByteFilter, type ByteFilter, type ByteNeedle } from './byteFilter';
import type { Doc } from './doc';
import type { Lang } from './lang';
import { compileNamePatterns } from './namePatterns';
import { includesAny, includesPlanned, planNeedles, type PlannedNeedle } from './search';
import { MESSENGER_NEEDLES } from '../vendors';

/**
 * Names that say secret, HMAC, signing key, identity verification (`ecret`: secret and Secret in one pass). Lower-case `signing_key`
 * and `verification` without `secret` are left out: each lower-case needle costs a full pass
 * over every file, and real names for these secrets nearly always say `secret` or `hmac`.
 */
export const SECRET_TOPIC = [
  'ecret', 'SECRET', 'hmac', 'Hmac', 'HMAC', 'SIGNING', 'Verification', 'VERIFICATION', 'HashKey', 'HASH_KEY', 'TAWK_API_KEY',
];
/** HMAC computations and JWT signing (`Mac.getInstance` only matters in JVM languages). */
export const CRYPTO_TOPIC = ['hmac', 'Hmac', 'HMAC', 'jwt', 'Jwt', 'JWT', 'jws', 'JWS'];
/**
 * Messenger client APIs, every vendor file's needles (each rule call re-checks the exact
 * spelling around the hit).
 */
export const MESSENGER_TOPIC: readonly string[] = MESSENGER_NEEDLES.map((n) => n.needle);

/** Languages messenger clients are written in: web, iOS, Android, Flutter, Xamarin / .NET MAUI. */
const MESSENGER_LANGS: ReadonlySet<Lang> = new Set(['js', 'html', 'swift', 'objc', 'kotlin', 'java', 'dart', 'csharp']);
const JVM_LANGS: ReadonlySet<Lang> = new Set(['java', 'kotlin', 'groovy', 'scala']);

// The gate runs on every file, so it uses no caches and allocates nothing (misses go to the
// caller's reused array). Each search is one memchr-speed pass over the text, so needles that
// share a rare leading character are found in one pass: every `H` is checked for Hmac, HMAC,
// HashKey and HASH_KEY (see `anyFrom`). One search for `ecret` finds both secret and Secret, one
// for `_API` both TAWK_API_KEY and Tawk_API.
// JWTs matter only through what the rules look for: a JWT_* name, `SignJWT`, `JWT.encode`,
// `JWS.sign`, `jwt.sign` and `jwt.encode`; a file that merely says "jwt" is not a topic.
const GATE_J = ['JWT', 'JWS.sign'];
const GATE_V = ['Verification', 'VERIFICATION'];
const GATE_H = ['Hmac', 'HMAC', 'HashKey', 'HASH_KEY'];
const GATE_SINGLE = planNeedles(['SIGNING', 'SECRET', 'hmac', 'jwt.']);
// Messenger needles come from the vendor files. Those that start with `$` or `F` share one
// pass for that character; `Tawk_API` is found by the `_API` pass with TAWK_API_KEY.
const BY_API_PASS = ['Tawk_API'];
const GATE_MESSENGER_DOLLAR = MESSENGER_TOPIC.filter((n) => n.startsWith('$'));
const GATE_MESSENGER_F = MESSENGER_TOPIC.filter((n) => n.startsWith('F'));
const GATE_MESSENGER = planNeedles(MESSENGER_TOPIC.filter((n) => !n.startsWith('$') && !n.startsWith('F') && !BY_API_PASS.includes(n)));
const GATE_JVM = planNeedles(['Mac.getInstance']);
const GATE_LAST = planNeedles(['ecret']);
const TAWK_ANY = ['TAWK_API_KEY'];
const TAWK_MESSENGER = ['TAWK_API_KEY', 'Tawk_API'];
const JVM_MISSES = ['Mac.getInstance', 'Mac.getInstance('];

/**
 * Whether one of `needles`, which all start with `anchor`, occurs in `text`: a single pass for
 * the anchor, each hit checked against the needles. Worth it when the anchor is rare.
 */
function anyFrom(text: string, anchor: string, needles: readonly string[]): boolean {
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    for (const n of needles) if (text.startsWith(n, at)) return true;
  }
  return false;
}

/** Whether `TAWK_API_KEY` (any file) or `Tawk_API` (`messenger`: a messenger client file) occurs: one pass for `_API`. */
function hasTawk(text: string, messenger: boolean): boolean {
  for (let at = text.indexOf('_API'); at >= 0; at = text.indexOf('_API', at + 1)) {
    if (text.startsWith('TAWK_API_KEY', at - 4) || (messenger && text.startsWith('Tawk_API', at - 4))) return true;
  }
  return false;
}

/** Records `needles` as absent (when the caller wants to know). */
function miss(absent: string[] | undefined, needles: readonly string[]): void {
  if (absent) for (const n of needles) absent.push(n);
}

/** Whether any planned needle occurs; those that do not are recorded in `absent`. */
function anyPlanned(text: string, needles: readonly PlannedNeedle[], absent: string[] | undefined): boolean {
  for (const n of needles) {
    if (includesPlanned(text, n)) return true;
    absent?.push(n.needle);
  }
  return false;
}

/**
 * Whether any rule could fire on `text` (a file in `lang`). The rare needles are searched first
 * and `ecret` (the most common topic) last, and every needle found absent on the way is pushed
 * to `absent`: in a file that is a topic, the rules need not search for those again.
 */
export function hasAnyTopic(text: string, lang: Lang, extraPatterns: readonly string[], absent?: string[]): boolean {
  const messenger = MESSENGER_LANGS.has(lang);
  if (anyFrom(text, 'J', GATE_J)) return true;
  miss(absent, GATE_J);
  if (anyFrom(text, 'V', GATE_V)) return true;
  miss(absent, GATE_V);
  if (anyFrom(text, 'H', GATE_H)) return true;
  miss(absent, GATE_H);
  if (hasTawk(text, messenger)) return true;
  miss(absent, messenger ? TAWK_MESSENGER : TAWK_ANY);
  if (anyPlanned(text, GATE_SINGLE, absent)) return true;
  if (messenger) {
    if (anyPlanned(text, GATE_MESSENGER, absent)) return true;
    if (anyFrom(text, '$', GATE_MESSENGER_DOLLAR)) return true;
    miss(absent, GATE_MESSENGER_DOLLAR);
    if (anyFrom(text, 'F', GATE_MESSENGER_F)) return true;
    miss(absent, GATE_MESSENGER_F);
  }
  if (JVM_LANGS.has(lang)) {
    if (includesAny(text, GATE_JVM)) return true;
    miss(absent, JVM_MISSES);
  }
  if (anyPlanned(text, GATE_LAST, absent)) return true;
  return extraPatterns.length > 0 && compileNamePatterns(extraPatterns).occursIn(text);
}

const extraTopic = new WeakMap<Doc, boolean>();

/** Whether the configured extra secret name patterns could match anything in the document. */
export function hasExtraTopic(doc: Doc): boolean {
  const patterns = doc.config.secretNamePatterns;
  if (patterns.length === 0) return false;
  let found = extraTopic.get(doc);
  if (found === undefined) {
    found = compileNamePatterns(patterns).occursIn(doc.text);
    extraTopic.set(doc, found);
  }
  return found;
}

/** Whether a secret-sounding name may occur in the document. */
export function hasSecretTopic(doc: Doc): boolean {
  return SECRET_TOPIC.some((n) => doc.has(n)) || hasExtraTopic(doc);
}

/**
 * The needles `hasAnyTopic` looks for, as data for the byte pre-filter: `scope` says in which
 * files a needle counts. Each window is the needle's rarest three characters, counted in 14 MB
 * of node_modules (`Intercom` through `rco`, 80 hits; its `Int` would stop at every Int32Array);
 * the messenger needles and their windows come from the vendor files.
 * A unit test checks that both pre-filters give the same answer.
 */
export const TOPIC_NEEDLES: readonly (ByteNeedle & { readonly scope: 'any' | 'messenger' | 'jvm' })[] = [
  { needle: 'ecret', window: 'ecr', scope: 'any' },
  { needle: 'SECRET', window: 'ECR', scope: 'any' },
  { needle: 'hmac', window: 'hma', scope: 'any' },
  { needle: 'Hmac', window: 'Hma', scope: 'any' },
  { needle: 'HMAC', window: 'HMA', scope: 'any' },
  { needle: 'SIGNING', window: 'GNI', scope: 'any' },
  { needle: 'Verification', window: 'rif', scope: 'any' },
  { needle: 'VERIFICATION', window: 'RIF', scope: 'any' },
  { needle: 'HashKey', window: 'shK', scope: 'any' },
  { needle: 'HASH_KEY', window: 'H_K', scope: 'any' },
  { needle: 'TAWK_API_KEY', window: 'TAW', scope: 'any' },
  { needle: 'JWT', window: 'JWT', scope: 'any' },
  { needle: 'JWS.sign', window: 'WS.', scope: 'any' },
  { needle: 'jwt.', window: 'wt.', scope: 'any' },
  ...MESSENGER_NEEDLES.map((n) => ({ ...n, scope: 'messenger' as const })),
  { needle: 'Mac.getInstance', window: 'c.g', scope: 'jvm' },
];

let byteFilter: ByteFilter | null | undefined;
/** Which TOPIC_NEEDLES count, by [messenger language][JVM language]. */
const WANTED = [false, true].map((messenger) => [false, true].map((jvm) => TOPIC_NEEDLES.map(({ scope }) => scope === 'any' || (scope === 'messenger' ? messenger : jvm))));

/**
 * `hasAnyTopic` on a file's UTF-8 bytes, without decoding them: one SIMD pass (byteFilter.ts)
 * where WebAssembly SIMD runs, else the string pre-filter on a Latin-1 view (a plain copy; every
 * needle is ASCII, and in UTF-8 an ASCII byte only ever stands for that character). Extra name
 * patterns from the config are searched as their UTF-8 bytes.
 */
export function bytesHaveTopic(bytes: Uint8Array, lang: Lang, extraPatterns: readonly string[]): boolean {
  const filter = topicFilter();
  const found = filter
    ? filter.anyIn(bytes, WANTED[MESSENGER_LANGS.has(lang) ? 1 : 0]?.[JVM_LANGS.has(lang) ? 1 : 0] ?? [])
    : hasAnyTopic(asBuffer(bytes).toString('latin1'), lang, []);
  if (found || extraPatterns.length === 0) return found;
  // Case-insensitive, so on text: a Latin-1 view (a plain copy) serves ASCII needles, as an
  // ASCII byte in UTF-8 is always that character; a non-ASCII needle needs the decoded text.
  const patterns = compileNamePatterns(extraPatterns);
  const ascii = patterns.needles.every((n) => [...n].every((c) => c.charCodeAt(0) < 0x80));
  return patterns.occursIn(asBuffer(bytes).toString(ascii ? 'latin1' : 'utf8'));
}

function topicFilter(): ByteFilter | null {
  if (byteFilter === undefined) byteFilter = createByteFilter(TOPIC_NEEDLES) ?? null;
  return byteFilter;
}

/** The byte pre-filter's work counters (byteFilter.ts), or undefined where it does not run. */
export function bytePreFilterWork(): { readonly bytes: number; readonly candidates: number } | undefined {
  return topicFilter()?.work;
}

/** Which pre-filter `bytesHaveTopic` runs here, for logs and tests. */
export function bytePreFilter(): 'WebAssembly SIMD' | 'strings' {
  return topicFilter() ? 'WebAssembly SIMD' : 'strings';
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
