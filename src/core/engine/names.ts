/**
 * Names that say "this holds an identity-verification secret or a signing key", and the
 * environment variable name to move such a value to.
 */
import { compileNamePatterns } from './namePatterns';
import { VENDORS, type Vendor } from '../vendors';

// Matched against the name lowercased with separators removed, so `INTERCOM_SECRET`,
// `intercomSecret` and `intercom-secret` are one name.
const SECRETISH = /secret|hmac|signingkey|signkey|jwtkey|identityverification|verificationkey|userhashkey|hashkey/;
// A name that ends like this holds something about the secret (where it lives, how long it
// is), not the secret itself.
const ABOUT_THE_SECRET = /(?:name|names|path|file|filename|env|envvar|var|id|ids|arn|url|uri|ref|field|header|param|length|len|size|type|prefix|enabled|required|count|hint|label|description|message|error|pattern|regex|algorithm|algo|digest|encoding|version|provider|manager|store|rotation|expiry|expires|ttl|question|answer|santa)$/;
const VENDOR_ENV_NAMES = new Set(VENDORS.map((v) => normalize(v.envVar)));
/**
 * A web framework's own keys, which no messenger verifies with: Rails' `secret_key_base`
 * (generated per app, committed for development and test by `rails new`). General secret
 * scanners own those; reporting them here buried the messenger secrets on real projects.
 */
const FRAMEWORK_KEYS: ReadonlySet<string> = new Set(['secretkeybase']);

/** Lowercase, separators and sigils removed: `$intercom_secret` → `intercomsecret`. */
export function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A compiled form of the configured extra name patterns (globs, case-insensitive). */
export type NameMatcher = (name: string) => boolean;

/** Compiles `secretNamePatterns` once per config array (see namePatterns.ts). */
export function extraNameMatcher(patterns: readonly string[]): NameMatcher {
  return compileNamePatterns(patterns).matches;
}

// The same few names (`secret`, `clientSecret`, `createHmac`) come up again and again, in a
// file and across files; the built-in verdict depends on the name alone, so it is remembered.
const verdicts = new Map<string, boolean>();

/** Whether `name` (an identifier, key or env var name) says it holds a secret. */
export function isSecretName(name: string, extra?: NameMatcher): boolean {
  if (name.length > 200) return false;
  if (extra?.(name)) return true;
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    const n = normalize(name);
    verdict = VENDOR_ENV_NAMES.has(n) || (SECRETISH.test(n) && !ABOUT_THE_SECRET.test(n) && !FRAMEWORK_KEYS.has(n));
    if (verdicts.size >= 10_000) verdicts.clear();
    verdicts.set(name, verdict);
  }
  return verdict;
}

/** Whether `code` can be part of an identifier, key or env var name. */
export function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/** The name token around `offset`: letters, digits, `_`, `$`, and `-`/`.` inside it. */
export function nameAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  let end = offset;
  const inName = (c: number, next: number) => isNameChar(c) || ((c === 45 || c === 46) && isNameChar(next));
  for (let n = 0; start > 0 && n < 200 && inName(text.charCodeAt(start - 1), text.charCodeAt(start)); n++) start--;
  for (let n = 0; end < text.length && n < 200 && inName(text.charCodeAt(end), text.charCodeAt(end + 1)); n++) end++;
  // A leading dot belongs to a member access (`env.X`), not the name.
  while (start < end && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 45)) start++;
  return { start, end };
}

const CONTAINER_SEGMENTS = new Set(['this', 'self', 'process', 'env', 'os', 'environ', 'window', 'import', 'meta', 'config', 'settings', 'app', 'application', 'credentials', 'props', 'public']);

/**
 * `intercomSecret` → `INTERCOM_SECRET`; `kIntercomSecret` (Objective-C) → `INTERCOM_SECRET`;
 * `intercom.secret` → `INTERCOM_SECRET`; containers such as `this.` or `process.env.` are dropped.
 */
export function toEnvName(name: string): string {
  const segments = name.replace(/^[$@:]+/, '').split('.').filter((s) => s !== '' && !CONTAINER_SEGMENTS.has(s.toLowerCase()));
  return segments.slice(-2).join('_')
    .replace(/^k(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** Whether the env name says which vendor it is for; a bare `SECRET` does not. */
export function namesVendor(envName: string, vendor: Vendor): boolean {
  const n = normalize(envName);
  return n.includes(vendor.id) || n.includes(normalize(vendor.name).slice(0, 6));
}
