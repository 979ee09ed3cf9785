/** hardcoded-secret: an identity-verification secret or signing key written in a committed file. */
import { getVendor } from '../../vendors';
import { k8sEnvValue, valueAfterName } from '../assignment';
import type { Doc } from '../doc';
import { envLookup, type Lang } from '../lang';
import { literalsIn, looksLikeSecret, type Literal } from '../literals';
import { extraNameMatcher, isSecretName, nameAround, namesVendor, toEnvName } from '../names';
import { compileNamePatterns } from '../namePatterns';
import { SECRET_TOPIC } from '../topics';
import { vendorOf } from '../vendor-markers';
import type { Suggestion } from '../types';
import type { RawFinding, Rule } from './rule';

// Names are found through the pre-filter's needles (see topics.ts), and `JWT` for JWT_KEY
// (jwtSecret and friends say Secret anyway).
const NAME_NEEDLES = [...SECRET_TOPIC, 'JWT'];
// A literal on the same line as one of these is a key handed straight to an HMAC or JWT call.
const CALL_NEEDLES = ['hmac', 'Hmac', 'HMAC', 'SecretKeySpec', 'jwt.sign', 'jwt.encode', 'JWT.encode', 'jws.JWS.sign', 'SignJWT'];
/** Without a name or a vendor to go by, Intercom's, the reference case. */
const DEFAULT_ENV_VAR = getVendor('intercom').envVar;
const MOBILE: ReadonlySet<Lang> = new Set(['swift', 'objc', 'dart']);
const CONST_CONTEXT = /\bconst\b|\bstatic\b/;
const BASE64 = /^[A-Za-z0-9+/]{8,2000}={0,2}$/;
/**
 * What comes right before a module specifier: `import … from '…'`, `export … from '…'`,
 * `import '…'`, `require('…')`, `import('…')`, Ruby's `require`/`require_relative`/`load`,
 * PHP's `require_once`/`include`, Python's `import_module('…')`/`__import__('…')`, Dart's
 * `import`/`export`/`part`, C and Objective-C `#import`/`#include`, CSS `@import`, Go's
 * `import "…"` and `import alias "…"`, Perl's `use lib '…'`. Tested against at most the 60 characters before the quote.
 */
const MODULE_CONTEXT = /(?:^|[^\w$.])(?:(?:from|export|part|require|require_relative|require_once|include|include_once|load|import_module|__import__)\s{0,5}\(?|(?:import|use)(?:\s{0,5}\(|\s{1,5}[A-Za-z_][\w.]{0,60})?)\s{0,5}$/;
/**
 * An environment lookup just before a name: `process.env.`, `os.environ.get("`, `ENV.fetch('`,
 * `getenv(`, `System.getenv().getOrDefault("`, `Environment.GetEnvironmentVariable("`.
 */
const ENV_BEFORE_NAME = /(?:env|ENV|Env|environ)\w{0,20}(?:\.|\[|\(|::)[\w.()]{0,30}["'`]?$/;
const ENV_IN_NAME = /(?:^|\.)(?:env|ENV|Env)\./;
/** A Go import block line: only an optional alias before the path. */
const GO_IMPORT_LINE = /^\s{0,40}(?:[A-Za-z_.][\w]{0,60}\s{1,5})?$/;

export const hardcodedSecret: Rule = {
  meta: {
    id: 'hardcoded-secret',
    defaultSeverity: 'error',
    description: 'An identity-verification secret, HMAC or JWT signing key written literally in a committed file.',
    fixable: true,
    history: true,
    docs: {
      what: 'A literal value assigned to a name that says secret, HMAC, signing key or identity verification (`INTERCOM_SECRET = "…"`, `"identityVerificationSecret": "…"`, `intercom_secret: …`, `<key>IntercomSecret</key>`, a base64 value in a Kubernetes Secret), or a literal key passed straight to an HMAC or JWT signing call, in any file git would commit. Source code in JS/TS, Python, Ruby, PHP, Go, Java, Kotlin, C#, Elixir, Rust, Perl, Groovy, Swift, Objective-C and Dart, and config: JSON, YAML, TOML, XML, `.env*`, `.properties`, Info.plist, strings.xml, appsettings.json, docker-compose and Kubernetes manifests.',
      why: 'Whoever holds the identity-verification secret can compute a valid hash for any user id and so impersonate any of your users in the messenger: read their conversations and change their data. A value in the repository is in every clone, fork, CI log and backup, and stays in git history after it is deleted.',
      fix: 'Rotate the secret in the vendor dashboard (the committed one must be treated as leaked), then read the new one from the server\'s environment or secret store. The quick fix replaces the literal with the language\'s environment lookup (`process.env.INTERCOM_IDENTITY_VERIFICATION_SECRET`, `os.environ["…"]`, `ENV.fetch("…")`, `getenv(\'…\')`, `System.getenv("…")`, …). In a mobile app there is no safe place for it: compute the hash on your server and send it to the app. Deleting the line does not remove a committed value: the editor says when the value is already in git history, and `idv scan --history` (or Scan Git History for Secrets) finds every value ever committed.',
      suppress: 'Placeholders (`YOUR_SECRET_HERE`, `<secret>`, `changeme`, `${VAR}`, `%env(…)%`, `{{ … }}`), obviously fake values in test files and git-ignored files are not reported. Otherwise add `idv-disable-next-line hardcoded-secret` in a comment on the line before, or `idv-disable-line hardcoded-secret` on the line itself.',
    },
  },
  check(doc) {
    if (!doc.committed) return [];
    const out = new Map<number, RawFinding>();
    const extra = extraNameMatcher(doc.config.secretNamePatterns);
    const seenNames = new Set<number>();
    // Built-in names through the document's cached needle search; configured patterns through
    // their own case-insensitive search (namePatterns.ts).
    const hitLists: (readonly number[])[] = NAME_NEEDLES.map((needle) => (doc.has(needle) ? doc.offsets(needle) : []));
    if (doc.config.secretNamePatterns.length > 0) hitLists.push(compileNamePatterns(doc.config.secretNamePatterns).offsetsIn(doc.text, MAX_EXTRA_HITS));
    for (const hits of hitLists) {
      for (const hit of hits) {
        const name = nameAround(doc.text, hit);
        if (seenNames.has(name.start)) continue;
        seenNames.add(name.start);
        const nameText = doc.text.slice(name.start, name.end);
        if (!isSecretName(nameText, extra)) continue;
        for (const lit of valuesFor(doc, name.start, name.end)) {
          if (out.has(lit.start) || spellsOwnName(nameText, lit.value) || isModuleSpecifier(doc, lit)) continue;
          if (isSecretValue(doc, lit, false)) out.set(lit.start, report(doc, lit, nameText));
        }
      }
    }
    for (const needle of CALL_NEEDLES) {
      if (!doc.has(needle)) continue;
      let after = -1;
      for (const hit of doc.offsets(needle)) {
        if (hit < after) continue;
        const [, lineEnd] = doc.lineBounds(hit);
        after = lineEnd;
        for (const lit of literalsIn(doc.text, hit, Math.min(lineEnd, hit + 300))) {
          if (!out.has(lit.start) && !isModuleSpecifier(doc, lit) && isSecretValue(doc, lit, true)) out.set(lit.start, report(doc, withPrefix(doc.text, lit), undefined));
        }
      }
    }
    return [...out.values()];
  },
};

/** As many hits of the configured patterns as of one built-in needle (doc.ts MAX_OFFSETS). */
const MAX_EXTRA_HITS = 5000;

/** The literals a secret name is given on its line: the assigned value, or an env lookup's default. */
function valuesFor(doc: Doc, nameStart: number, nameEnd: number): Literal[] {
  const [lineStart, lineEnd] = doc.lineBounds(nameStart);
  const direct = valueAfterName(doc.text, nameStart, nameEnd, lineEnd, doc.lang) ?? (doc.lang === 'yaml' ? k8sEnvValue(doc.text, nameStart, lineStart, lineEnd) : undefined);
  if (direct) return [direct];
  // `os.environ.get("X", "fallback")`, `process.env.X || "fallback"`: the fallback is committed.
  // The name must be what the lookup reads, so the lookup comes right before it (prose such as
  // "uses `libsecret` ... the `X=y` environment variable" is no lookup).
  // Dotted names include their object (`process.env.X`, `import.meta.env.X`).
  const lookup = ENV_BEFORE_NAME.test(doc.text.slice(Math.max(lineStart, nameStart - 60), nameStart)) || ENV_IN_NAME.test(doc.text.slice(nameStart, nameEnd));
  if (!lookup) return [];
  // A quoted name in a call or subscript (`get("X", …)`, `ENV['X']`) is followed by its quote.
  const bracketed = /[([]\s*["'`]$/.test(doc.text.slice(Math.max(lineStart, nameStart - 4), nameStart));
  return literalsIn(doc.text, nameEnd + 1, fallbackEnd(doc.text, bracketed ? nameEnd + 1 : nameEnd, lineEnd, bracketed));
}

/**
 * Where a lookup's fallback ends: the rest of the lookup's own brackets when the name is an
 * argument or a subscript (`get("X", "fallback")`), then what a fallback operator joins to it
 * (`env.X || "fallback"`, `getenv('X') ?: 'fallback'`), up to the next separator. Never the
 * next entry of a list: in `'secret' => env('X'), 'key_id' => env('Y')`, `'key_id'` is no
 * default of X.
 */
function fallbackEnd(text: string, from: number, lineEnd: number, bracketed: boolean): number {
  let i = from;
  if (bracketed) {
    for (let depth = 0; i < lineEnd; i++) {
      const c = text.charAt(i);
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (i >= lineEnd) return lineEnd;
    i++;
  }
  if (!FALLBACK_OPERATOR.test(text.slice(i, Math.min(lineEnd, i + 12)))) return i;
  for (let depth = 0; i < lineEnd; i++) {
    const c = text.charAt(i);
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if ((c === ',' || c === ';') && depth === 0) return i;
  }
  return lineEnd;
}

/** `||`, `??`, PHP's `?:`, Python's `or`, and Ruby's `ENV.fetch('X') { 'default' }` block. */
const FALLBACK_OPERATOR = /^\s*(?:\|\||\?\?|\?:|or\b|\{)/;


/**
 * `CLIENT_SECRET = "client_secret"`, `invalidSecret = "invalid_secret"`: a value that spells its
 * own name, or part of it, is the name of a parameter or an error code, not a secret.
 */
function spellsOwnName(name: string, value: string): boolean {
  if (!/^[\w.:-]{1,200}$/.test(value)) return false;
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const v = letters(value);
  return v.length > 0 && letters(name).includes(v);
}

/**
 * Whether `lit` names a module in an import, require, from or use statement
 * (`import HmacSHA256 from 'crypto-js/hmac-sha256'`): a module path is never a secret.
 */
function isModuleSpecifier(doc: Doc, lit: Literal): boolean {
  const [lineStart] = doc.lineBounds(lit.start);
  const before = doc.text.slice(Math.max(lineStart, lit.start - 60), lit.start);
  if (MODULE_CONTEXT.test(before)) return true;
  // Go: a line of an `import ( … )` block holds just the path, perhaps after an alias.
  if (doc.lang !== 'go' || !GO_IMPORT_LINE.test(doc.text.slice(lineStart, lit.start))) return false;
  const head = doc.text.slice(Math.max(0, lineStart - 5000), lineStart);
  const open = head.lastIndexOf('import (');
  return open >= 0 && !head.includes(')', open);
}

/** Includes a string prefix (`b'…'`, `@"…"`) so a fix replaces the whole literal. */
function withPrefix(text: string, lit: Literal): Literal {
  let start = lit.start;
  while (start > lit.start - 2 && /[@$bBrRuUfF]/.test(text.charAt(start - 1))) start--;
  return start === lit.start || /[\w$]/.test(text.charAt(start - 1)) ? lit : { ...lit, start };
}

/**
 * What Buffer.from(value, 'base64').toString('utf8') gives for a BASE64 match, without Buffer,
 * which the browser host (vscode.dev) lacks: padding dropped, a lone trailing character ignored.
 */
export function decodeBase64Utf8(value: string): string {
  const body = value.replace(/=+$/, '');
  const usable = body.length % 4 === 1 ? body.slice(0, -1) : body;
  return new TextDecoder().decode(Uint8Array.from(atob(usable), (c) => c.charCodeAt(0)));
}

function isSecretValue(doc: Doc, lit: Literal, strict: boolean): boolean {
  // Kubernetes Secret manifests hold base64: judge what it decodes to (a base64 "changeme" is
  // still a placeholder).
  if (doc.lang === 'yaml' && BASE64.test(lit.value) && doc.has('kind: Secret')) {
    const decoded = decodeBase64Utf8(lit.value);
    if (/^[\x21-\x7e]{8,512}$/.test(decoded)) return looksLikeSecret(decoded, { testFile: doc.testFile, strict });
  }
  return looksLikeSecret(lit.value, { testFile: doc.testFile, strict });
}

function report(doc: Doc, lit: Literal, name: string | undefined): RawFinding {
  const vendor = vendorOf(doc);
  // The server-side name drops any public prefix: that prefix is the other half of the problem.
  const derived = name === undefined ? '' : toEnvName(name).replace(/^(?:NEXT_PUBLIC|REACT_APP|VITE|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY|VUE_APP|PUBLIC)_/, '');
  const envVar = derived !== '' && (!vendor || namesVendor(derived, vendor)) ? derived : vendor?.envVar ?? (derived || DEFAULT_ENV_VAR);
  const what = name === undefined ? 'A signing key is passed as a literal' : `"${name}" holds a literal secret`;
  const message = MOBILE.has(doc.lang)
    ? `${what} inside the app, where anyone can extract it; compute the hash on your server and send it to the app.`
    : `${what}; anyone with the repository can impersonate your users. Rotate it and read ${envVar} from the server's environment.`;
  const lookup = lit.quoted ? envLookup(doc.lang, envVar) : undefined;
  if (lookup === undefined) return { start: lit.start, end: lit.end, message, data: { envVar } };
  const fix = { range: { start: lit.start, end: lit.end }, text: lookup, title: `Read ${envVar} from the environment` };
  const [lineStart] = doc.lineBounds(lit.start);
  const inConst = CONST_CONTEXT.test(doc.text.slice(lineStart, lit.start)) && (doc.lang === 'go' || doc.lang === 'kotlin' || doc.lang === 'csharp' || doc.lang === 'rust');
  const needsImport = (doc.lang === 'python' && !doc.has('import os')) || (doc.lang === 'go' && !doc.has('"os"'));
  // Where the edit alone would not compile (a constant, a missing import), offer it without applying it.
  if (inConst || needsImport) {
    const suggestion: Suggestion = { title: `${fix.title}${needsImport ? ' (add the import)' : ' (no longer a constant)'}`, fix };
    return { start: lit.start, end: lit.end, message, suggestions: [suggestion], data: { envVar } };
  }
  return { start: lit.start, end: lit.end, message, fix, data: { envVar } };
}
