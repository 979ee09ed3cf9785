/**
 * The literal pre-filter, run before anything else on every file. indexOf's cost is set by how
 * often the first character of what it looks for occurs (V8 scans for it with memchr), so the
 * needles are few and searched through their rarest window (search.ts). A file that holds none
 * of them cannot produce a finding; the rules search for anything more specific only when
 * their own topic is present.
 */
import type { Doc } from './doc';
import type { Lang } from './lang';
import { patternNeedles } from './names';
import { includesAny, includesFast, planNeedles } from './search';

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
/** Messenger client APIs (each rule call re-checks the exact spelling around the hit). */
export const MESSENGER_TOPIC = ['Intercom', 'intercomSettings', '$crisp', '$chatwoot', 'Beacon(', 'Tawk_API', 'FrontChat(', 'Gleap.', 'Featurebase(', 'chat_settings', 'customerDetails'];

const MESSENGER_LANGS: ReadonlySet<Lang> = new Set(['js', 'html', 'swift', 'objc', 'kotlin', 'java', 'dart']);
const JVM_LANGS: ReadonlySet<Lang> = new Set(['java', 'kotlin', 'groovy', 'scala']);

// The gate runs on every file, so it uses planned needles and no caches: no allocation at all.
// One search for `ecret` finds both secret and Secret, one for `jw` both jwt and jws.
const GATE_ALL = planNeedles(['ecret', 'SECRET', 'hmac', 'Hmac', 'HMAC', 'jw', 'Jw', 'JW', 'SIGNING', 'Verification', 'VERIFICATION', 'HashKey', 'HASH_KEY', 'TAWK_API_KEY']);
const GATE_MESSENGER = planNeedles(MESSENGER_TOPIC);
const GATE_JVM = planNeedles(['Mac.getInstance']);

/** Whether any rule could fire on `text` (a file in `lang`). */
export function hasAnyTopic(text: string, lang: Lang, extraPatterns: readonly string[]): boolean {
  if (includesAny(text, GATE_ALL)) return true;
  if (MESSENGER_LANGS.has(lang) && includesAny(text, GATE_MESSENGER)) return true;
  if (JVM_LANGS.has(lang) && includesAny(text, GATE_JVM)) return true;
  return extraPatterns.length > 0 && patternNeedles(extraPatterns).some((n) => includesFast(text, n));
}

/** Whether the configured extra secret name patterns could match anything in the document. */
export function hasExtraTopic(doc: Doc): boolean {
  const patterns = doc.config.secretNamePatterns;
  return patterns.length > 0 && patternNeedles(patterns).some((n) => doc.has(n));
}

/** Whether a secret-sounding name may occur in the document. */
export function hasSecretTopic(doc: Doc): boolean {
  return SECRET_TOPIC.some((n) => doc.has(n)) || hasExtraTopic(doc);
}
