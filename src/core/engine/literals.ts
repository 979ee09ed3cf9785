/**
 * String literals and the question every secret rule asks of one: is this a real secret, or a
 * placeholder, an id, a hash of something public? Precision lives here; the patterns are all
 * anchored or bounded so that no value, however long or hostile, makes them backtrack.
 */

export interface Literal {
  /** Offsets of the whole literal, quotes included. */
  readonly start: number;
  readonly end: number;
  /** The characters between the quotes (escapes left as written). */
  readonly value: string;
  readonly quoted: boolean;
}

const QUOTES = new Set([34, 39, 96]); // " ' `

/** Longest literal worth inspecting; secrets are far shorter, and the bound keeps scans linear. */
const MAX_LITERAL = 1000;

/** The quoted literal opening at `at` and closing on the same line, or undefined. */
export function readQuoted(text: string, at: number, limit = text.length): Literal | undefined {
  const quote = text.charCodeAt(at);
  if (!QUOTES.has(quote)) return undefined;
  const stop = Math.min(limit, at + MAX_LITERAL);
  for (let i = at + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash: skip the escaped character
    else if (c === quote) return { start: at, end: i + 1, value: text.slice(at + 1, i), quoted: true };
    else if (c === 10) return undefined;
  }
  return undefined;
}

/** Every quoted literal that opens in [from, to); quotes inside literals do not start new ones. */
export function literalsIn(text: string, from: number, to: number): Literal[] {
  const out: Literal[] = [];
  for (let i = from; i < to; i++) {
    if (!QUOTES.has(text.charCodeAt(i))) continue;
    const lit = readQuoted(text, i, to);
    if (!lit) continue;
    out.push(lit);
    i = lit.end - 1;
  }
  return out;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) counts.set(value.charCodeAt(i), (counts.get(value.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Each pattern is anchored and linear: no nested quantifiers over overlapping classes.
const PLACEHOLDER_WORDS = /your|change_?me|changeit|replace|example|placeholder|dummy|redacted|insecure|secret_?here|_here$|^todo|fixme|xxx|\*\*\*|\.\.\.|<[^>]{0,100}>|^\[[^\]]{0,100}\]$/i;
const TEMPLATE = /\$\{|\$\(|%env\(|\{\{|\{%|#\{|<%|^\$[A-Za-z_]|^%[A-Za-z_]{1,100}%$|^@[A-Za-z_]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const EMAIL = /^[^@\s]{1,100}@[^@\s]{1,100}\.[a-z]{2,20}$/i;
// Environment variable names: upper case words joined by underscores (random upper-case keys have none).
const CONSTANT_NAME = /^[A-Z]{1,100}$|^[A-Z][A-Z0-9]{0,100}(?:_[A-Z0-9]{1,100}){1,20}$/;
// Configuration keys such as `intercom.identity.secret`.
const DOTTED_NAME = /^[a-z][a-z0-9_]{0,50}(?:[.:][a-z0-9_]{1,50}){1,10}$/;
const PUBLIC_PREFIX = /^(?:pk_|pub_|pub-|publishable|app_id|appid)/i;
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i;
const FAKE_IN_TESTS = /test|fake|dummy|mock|sample|demo|stub|fixture|secret|s3cr3t|sekret|passw|foo|bar|baz|qux|abc|xyz|123|000|key/i;

/** Placeholder spellings and template references that stand for a value kept elsewhere. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value) || TEMPLATE.test(value) || /^(.)\1{0,200}$/.test(value);
}

export interface SecretCheck {
  /** Test files: obviously fake values are expected there. */
  readonly testFile: boolean;
  /**
   * No secret-sounding name vouches for the value (a bare literal passed to an HMAC call):
   * ask for a longer, more random string before calling it a key.
   */
  readonly strict: boolean;
}

/** Whether `value` reads as a real secret rather than a placeholder, an id or public data. */
export function looksLikeSecret(value: string, check: SecretCheck): boolean {
  const min = check.strict ? 16 : 8;
  if (value.length < min || value.length > 512) return false;
  if (/\s/.test(value) || value.includes('://') || value.startsWith('data:')) return false;
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../') || value.startsWith('~/')) return false;
  if (isPlaceholder(value) || UUID.test(value) || COLOUR.test(value) || EMAIL.test(value)) return false;
  if (CONSTANT_NAME.test(value) || DOTTED_NAME.test(value) || PUBLIC_PREFIX.test(value) || INTEGRITY.test(value)) return false;
  if (new Set(value).size < 6) return false;
  const bits = entropy(value);
  if (check.testFile && (bits < 3.5 || FAKE_IN_TESTS.test(value))) return false;
  if (check.strict) return bits >= 3.5 && classes(value) >= 2;
  return bits >= 3;
}

/** How many of lower, upper, digit and symbol occur. */
function classes(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^a-zA-Z0-9]/.test(value));
}
