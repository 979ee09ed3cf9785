/**
 * Two missing-user-hash cases that are about order within a file, not about one call:
 * a mobile SDK's `setUserHash` / `setUserJwt` that comes after the user was logged in (the
 * SDKs say "before any user login takes place"; once verification is enforced the login is
 * rejected), and a single-page app whose `update` identifies the user without the JWT that its
 * `boot` sent. Swift, Objective-C, Kotlin, Dart and C# have no grammar here, so both are read
 * from the text, the same way in the editor, the CLI and the ESLint plugin: one pass over the
 * braces for blocks, and bounded regexes near each hit.
 */
import type { Doc } from '../doc';
import { hasKey, matchBracket } from '../calls';
import { IDENTIFY_CALLS, MOBILE_INTERCOM_HASH, onIntercom } from '../identify-calls';
import { code } from '../message';
import type { RawFinding } from './rule';

/** The mobile logins, as the Intercom vendor file spells them for the text engine. */
const LOGINS: readonly string[] = [...new Set(IDENTIFY_CALLS.filter((c) => c.vendor === 'intercom' && c.settings === 'file').map((c) => c.needle))];
/** The setters that hand the hash or JWT over (`setUserHash`, `setUserJwt`, Xamarin's `SetUserHash` …). */
const SETTERS: readonly string[] = MOBILE_INTERCOM_HASH.filter((k) => /^[sS]et/.test(k));

interface Hit { readonly at: number; readonly name: string; readonly kind: 'login' | 'setter' }

/**
 * A setter that follows an Intercom login in the same block (the innermost pair of braces
 * around both), unless a setter already came before that login in the block. A setter in
 * another function, another branch or a callback is another block and is never paired.
 */
export function proofAfterLogin(doc: Doc): RawFinding[] {
  if (!doc.has('Intercom')) return [];
  const hits: Hit[] = [];
  for (const needle of LOGINS) {
    if (!doc.has(needle)) continue;
    for (const at of doc.offsets(needle)) if (onIntercom(doc.text, at)) hits.push({ at, name: needle.replace(/[(:]$/, ''), kind: 'login' });
  }
  if (hits.length === 0) return [];
  const loginCount = hits.length;
  for (const needle of SETTERS) {
    if (!doc.has(needle)) continue;
    for (const at of doc.offsets(needle)) {
      // A call (`setUserHash(` or Objective-C's `setUserHash:`), not a state setter or a property.
      if (!/^\s{0,3}[(:]/.test(doc.text.slice(at + needle.length, at + needle.length + 4))) continue;
      if (onIntercom(doc.text, at)) hits.push({ at, name: needle, kind: 'setter' });
    }
  }
  if (hits.length === loginCount) return [];
  hits.sort((a, b) => a.at - b.at);
  const blocks = blockIds(doc.text, hits.map((h) => h.at));
  // Per block: the first login not preceded by a setter, once one is seen.
  const login = new Map<number, Hit | null>();
  const out: RawFinding[] = [];
  hits.forEach((hit, i) => {
    const block = blocks[i] ?? 0;
    if (block < 0) return;
    const seen = login.get(block);
    if (hit.kind === 'login') {
      if (seen === undefined) login.set(block, hit);
      return;
    }
    if (!seen) {
      login.set(block, null); // a setter first: this block does it right
      return;
    }
    const line = doc.positionAt(seen.at).line + 1;
    out.push({
      start: hit.at, end: hit.at + hit.name.length,
      message: `${hit.name} is called after ${seen.name} (line ${line})`,
      detail: `Intercom's mobile SDK reads the hash or JWT when the user logs in: ${code(hit.name)} called after ${code(seen.name)} (line ${line}) is too late, and enforced verification rejects the login. Call it before the login.`,
      // Not a call without the proof: the installation check has no record of it to agree with.
      data: { order: 'proof-after-login' },
    });
  });
  return out;
}

/**
 * For each offset in `at` (ascending), the id of the innermost `{ … }` around it (0 outside
 * any), or -1 inside an object or array literal (a `{` after `=`, `(`, `,`, `:`, `[` or `?`):
 * there, as in an SDK's own table of methods (`setUserHash: (h) => Module.setUserHash(h),`),
 * the calls are not statements in order. One pass over the text; strings and comments are
 * skipped so their braces do not count.
 */
function blockIds(text: string, at: readonly number[]): number[] {
  const out: number[] = [];
  const stack: number[] = [0];
  let next = 1;
  let k = 0;
  let prev = 0; // the last character that is neither blank nor in a comment
  const n = text.length;
  for (let i = 0; i < n && k < at.length; i++) {
    while (k < at.length && (at[k] ?? 0) <= i) { out.push(stack[stack.length - 1] ?? 0); k++; }
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 47 && text.charCodeAt(i + 1) === 47) { const e = text.indexOf('\n', i); i = e < 0 ? n : e; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { const e = text.indexOf('*/', i + 2); i = e < 0 ? n : e + 1; continue; }
    if (c === 123) stack.push(LITERAL_BEFORE.has(prev) ? -1 : next++);
    else if (c === 125) { if (stack.length > 1) stack.pop(); }
    else if (c === 34 || c === 39 || c === 96) i = stringEnd(text, i, c);
    prev = c;
  }
  while (out.length < at.length) out.push(stack[stack.length - 1] ?? 0);
  return out;
}

/** `=`, `(`, `,`, `:`, `[`, `?`: a `{` after one of these opens a literal, not a block of statements. */
const LITERAL_BEFORE = new Set([61, 40, 44, 58, 91, 63]);

/** The offset of the quote closing the string opened at `open`; `'` and `"` strings stop at a line end. */
function stringEnd(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i;
    else if (c === 10 && quote !== 96) return i;
  }
  return text.length;
}

/** Keys that carry the Messenger Security JWT on the web (settings, react-use-intercom). */
const JWT_KEYS = ['intercom_user_jwt', 'intercomUserJwt'];
/** Keys that tell Intercom who the user is. */
const ID_KEYS = ['user_id', 'userId', 'email'];

/**
 * `Intercom('update', { user_id … })` or react-use-intercom's `update({ userId … })` without
 * the JWT, in a file whose `boot` (or `intercomSettings`) sent `intercom_user_jwt`. Only then:
 * a file that never sent the JWT is the ordinary missing-proof case.
 */
export function updateDropsJwt(doc: Doc): RawFinding[] {
  if (!doc.has('Intercom') || !JWT_KEYS.some((k) => doc.has(k))) return [];
  const text = doc.text;
  // Each call as [where it starts, where its settings object opens].
  const boots: (readonly [number, number])[] = [];
  const updates: (readonly [number, number])[] = [];
  for (const at of doc.offsets('Intercom(')) {
    const rest = text.slice(at + 9, at + 100);
    const m = /^\s{0,40}["'](boot|update)["']\s{0,40},\s{0,40}\{/.exec(rest);
    // `Intercom('boot', {…})`, or @intercom/messenger-js-sdk's `Intercom({…})`, which boots.
    if (m) (m[1] === 'boot' ? boots : updates).push([at, text.indexOf('{', at + 9)]);
    else if (/^\s{0,40}\{/.test(rest)) boots.push([at, text.indexOf('{', at + 9)]);
  }
  for (const at of doc.offsets('intercomSettings')) {
    if (/^\s{0,40}=\s{0,40}\{/.test(text.slice(at + 16, at + 100))) boots.push([at, text.indexOf('{', at + 16)]);
  }
  // react-use-intercom's `const { boot, update } = useIntercom()` and the functions
  // @intercom/messenger-js-sdk exports.
  if (doc.has('useIntercom') || doc.has('@intercom/messenger-js-sdk')) {
    for (const name of ['boot(', 'update('] as const) {
      for (const at of doc.offsets(name)) {
        // The bare function, not `hmac.update(` or `$intercom.boot(`.
        if (/[\w$.]/.test(text.charAt(at - 1)) || !/^\s{0,40}\{/.test(text.slice(at + name.length, at + name.length + 42))) continue;
        (name === 'boot(' ? boots : updates).push([at, text.indexOf('{', at + name.length)]);
      }
    }
  }
  const span = (open: number): string => text.slice(open, matchBracket(text, open));
  let jwtKey: string | undefined;
  for (const [, open] of boots) jwtKey ??= JWT_KEYS.find((k) => hasKey(span(open), k));
  if (!jwtKey) return [];
  const out: RawFinding[] = [];
  for (const [at, open] of updates) {
    const settings = span(open);
    if (settings.includes('...') || JWT_KEYS.some((k) => settings.includes(k))) continue;
    const id = ID_KEYS.find((k) => hasKey(settings, k));
    if (!id) continue;
    out.push({
      start: at, end: doc.lineBounds(at)[1],
      message: `Intercom update sends ${id} without the ${jwtKey} boot sent`,
      detail: `Boot sent ${code(jwtKey)}, so verification is on the JWT; this update names the user with ${code(id)} but carries no ${code(jwtKey)}, and enforced verification rejects it. Pass the same ${code(jwtKey)} in every update that names the user.`,
    });
  }
  return out;
}
