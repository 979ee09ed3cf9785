/**
 * Intercom's mobile SDKs: iOS (Swift, Objective-C), Android (Kotlin, Java), React Native,
 * Flutter and Capacitor. They log the user in with one call and take the hash in another
 * (`setUserHash` / `setUserJwt`), which must run first; so the login call is the installation
 * and the file's setter says whether it sends a hash.
 */
import { callArguments, matchBracket } from '../engine/calls';
import type { Doc } from '../engine/doc';
import { IDENTIFY_CALLS } from '../engine/identify-calls';
import { proofScheme } from '../vendors';
import { capped, identifierList, isEmptyValue, type Site } from './site';
import type { Identifier } from './types';

/** Login calls: the engine's table, from the vendor files (the legacy Swift and Objective-C spellings included). */
const LOGINS: readonly string[] = [...new Set(IDENTIFY_CALLS.filter((c) => c.settings === 'file').map((c) => c.needle.replace(/\($/, '')))];
const ANONYMOUS = ['loginUnidentifiedUser', 'registerUnidentifiedUser'];
const SETTERS = ['setUserHash', 'setUserJwt'];
/** How an attributes object built before the login names its identifiers. */
const ID_BUILDERS = ['withUserId(', '.userId =', '.userId=', 'setUserId(', 'userId = '];
const EMAIL_BUILDERS = ['withEmail(', '.email =', '.email=', 'setEmail('];

interface Hit {
  readonly at: number;
  readonly needle: string;
}

/** Every Intercom mobile login, anonymous login and (when no login is in the file) hash setter. */
export function mobileSites(doc: Doc): Site[] {
  if (!doc.has('ntercom')) return [];
  const logins = hits(doc, LOGINS);
  const anonymous = hits(doc, ANONYMOUS);
  const setters = hits(doc, SETTERS);
  // Of a file's setters that hand over a value, the JWT's, which Intercom checks once Messenger Security is on.
  let hash: string | undefined;
  let proofName: string | undefined;
  for (const setter of setters) {
    const arg = setterArgument(doc.text, setter);
    if (arg === undefined || isEmptyValue(arg)) continue;
    const jwt = proofScheme('intercom', setter.needle) === 'jwt';
    if (hash === undefined || jwt) {
      hash = arg;
      proofName = setter.needle;
    }
    if (jwt) break;
  }
  const sendsHash = hash !== undefined;
  const withHash = sendsHash ? { hash, ...(proofName !== undefined ? { proofName } : {}) } : {};
  const out: Site[] = logins.map((h) => ({ offset: h.at, vendor: 'intercom', identifiers: loginIdentifiers(doc, h), sendsHash, ...withHash, mobile: true }));
  for (const h of anonymous) out.push({ offset: h.at, vendor: 'intercom', identifiers: [], sendsHash: false, mobile: true });
  // A file that only sets the hash (an auth service) is reported so readiness can pair it with
  // a login elsewhere.
  const setter = setters[0];
  if (logins.length === 0 && sendsHash && setter) out.push({ offset: setter.at, vendor: 'intercom', identifiers: [], sendsHash, ...withHash, mobile: true });
  return out;
}

/** Offsets of the needles called on Intercom (`Intercom.`, `Intercom.client().`, `[Intercom `). */
function hits(doc: Doc, needles: readonly string[]): Hit[] {
  const out: Hit[] = [];
  for (const needle of needles) {
    if (!doc.has(needle)) continue;
    for (const at of capped(doc.offsets(needle))) {
      if (/[\w$]/.test(doc.text.charAt(at + needle.length))) continue; // loginUser inside loginUserWithUserAttributes
      if (/ntercom[\w.()]{0,30}\s?$/.test(doc.text.slice(Math.max(0, at - 40), at))) out.push({ at, needle });
    }
  }
  return out;
}

/** The hash passed to a setter: `(hash)`, Objective-C `:hash]`, Capacitor `({ hmac: hash })`. */
function setterArgument(text: string, hit: Hit): string | undefined {
  const after = hit.at + hit.needle.length;
  const next = text.slice(after, after + 300);
  if (next.startsWith('(')) {
    const arg = callArguments(text, after)[0]?.text;
    if (arg === undefined) return undefined;
    const inObject = /^\{\s{0,20}[\w$]{1,40}\s{0,5}:\s{0,5}([^{}]{1,200}?)\s{0,20}\}$/.exec(arg);
    return inObject?.[1] ?? arg;
  }
  return /^:\s{0,5}([^\]\n]{1,200})\]/.exec(next)?.[1]?.trim();
}

/** Which identifiers the login sends: from its arguments, else from an attributes builder in the file. */
function loginIdentifiers(doc: Doc, hit: Hit): Identifier[] {
  const after = hit.at + hit.needle.length;
  const args = doc.text.charAt(after) === '(' ? doc.text.slice(after, matchBracket(doc.text, after))
    : doc.text.slice(after, Math.min(doc.text.length, after + 300)).split(']')[0] ?? '';
  const call = hit.needle + args;
  const found: (Identifier | undefined)[] = [
    /user_?id\b|userId|UserId/i.test(call) ? 'user_id' : undefined,
    /email/i.test(call) ? 'email' : undefined,
  ];
  if (!found.some((f) => f !== undefined)) {
    if (ID_BUILDERS.some((n) => doc.has(n))) found.push('user_id');
    if (EMAIL_BUILDERS.some((n) => doc.has(n))) found.push('email');
  }
  const list = identifierList(found);
  return list.length > 0 ? list : ['user_id_or_email'];
}
