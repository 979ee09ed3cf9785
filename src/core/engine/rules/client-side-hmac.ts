/** client-side-hmac: the user hash or a JWT computed in code that runs in the browser or app. */
import type { Doc } from '../doc';
import type { Lang } from '../lang';
import { fitted } from '../message';
import { CRYPTO_TOPIC } from '../topics';
import type { RawFinding, Rule } from './rule';

interface Call {
  /** The text searched for; the finding spans it. */
  readonly needle: string;
  /** Only counts when the file also contains this (WebCrypto's `sign` is HMAC only with 'HMAC'). */
  readonly requires?: string;
  readonly what: string;
}

const JS_CALLS: readonly Call[] = [
  { needle: 'HmacSHA', what: 'CryptoJS HMAC' },
  { needle: 'hmacSHA', what: 'crypto-js HMAC' },
  { needle: 'HMAC.create(', what: 'CryptoJS HMAC' },
  { needle: 'createHmac(', what: 'createHmac' },
  { needle: 'subtle.sign(', requires: 'HMAC', what: 'WebCrypto HMAC signing' },
  { needle: 'SignJWT(', what: 'jose JWT signing' },
  { needle: 'JWS.sign(', what: 'jsrsasign JWT signing' },
  { needle: 'jwt.sign(', what: 'JWT signing' },
  { needle: 'jwt.encode(', what: 'jwt-simple JWT signing' },
  { needle: 'nJwt.create(', what: 'njwt JWT signing' },
  { needle: 'njwt.create(', what: 'njwt JWT signing' },
  { needle: 'sha256.hmac(', what: 'js-sha256 HMAC' },
  { needle: 'hmac.create(', what: 'forge HMAC' },
  { needle: 'hmac256(', what: 'React Native HMAC' },
];
const JVM_CALLS: readonly Call[] = [
  { needle: 'Mac.getInstance(', what: 'javax.crypto.Mac' },
  { needle: 'Algorithm.HMAC256(', what: 'java-jwt HS256 signing' },
  { needle: 'Jwts.builder(', what: 'jjwt JWT signing' },
  { needle: 'MACSigner(', what: 'Nimbus JOSE JWT signing' },
];
const CALLS_BY_LANG: Partial<Record<Lang, readonly Call[]>> = {
  js: JS_CALLS,
  html: JS_CALLS,
  swift: [
    { needle: 'HMAC<', what: 'CryptoKit HMAC' }, { needle: 'CCHmac(', what: 'CommonCrypto CCHmac' },
    { needle: 'JWTSigner.hs256(', what: 'JWT signing (SwiftJWT / JWTKit)' },
  ],
  objc: [{ needle: 'CCHmac(', what: 'CommonCrypto CCHmac' }],
  java: JVM_CALLS,
  kotlin: JVM_CALLS,
  dart: [
    { needle: 'Hmac(', what: 'package:crypto Hmac' }, { needle: 'Hmac.sha256(', what: 'package:cryptography Hmac' },
    { needle: '.sign(SecretKey(', what: 'dart_jsonwebtoken JWT signing' },
  ],
};

export const clientSideHmac: Rule = {
  meta: {
    id: 'client-side-hmac',
    defaultSeverity: 'error',
    description: 'HMAC or JWT signing in code that runs on the client (browser, iOS, Android, Flutter, React Native).',
    fixable: false,
    docs: {
      what: 'A call that computes an HMAC or signs a JWT in a file that runs on the client: CryptoJS `HmacSHA256`, WebCrypto `subtle.sign` with HMAC, `createHmac` in a browser or `\'use client\'` file, JWT signing in a component (`jsonwebtoken`, `jose`, `jsrsasign`, `jwt-simple`, `njwt`), Swift CryptoKit `HMAC<SHA256>`, `CCHmac` and SwiftJWT `JWTSigner.hs256`, Objective-C `CCHmac`, Android `javax.crypto.Mac` and the JWT libraries over it (java-jwt `Algorithm.HMAC256`, jjwt, Nimbus `MACSigner`), Dart `Hmac(sha256, …)` and dart_jsonwebtoken, React Native crypto. Whether a file is client code comes from its path and content (Next.js `\'use client\'`, `pages/api`, `*.server.ts`, Nuxt `server/`, SvelteKit `+page.server.ts`, iOS/Android/Flutter projects…) and the `clientGlobs` / `serverGlobs` settings.',
      why: 'Computing the hash needs the secret, so the secret must be in the client, where anyone can read it and compute a valid hash for any user. tawk.to\'s own documentation shows this mistake. The hash proves identity only when the server, which knows who is logged in, computes it.',
      fix: 'Compute the hash on your server (an API route, a server action, a controller) for the logged-in user and send it to the client with the rest of the messenger settings; rotate the secret that was shipped.',
      suppress: 'Mark the file as server code with `serverGlobs` in `.idvrc.json` if the guess is wrong; otherwise `idv-disable-next-line client-side-hmac` on the line before or `idv-disable-line client-side-hmac` on the line itself.',
    },
  },
  check(doc) {
    const calls = CALLS_BY_LANG[doc.lang];
    if (!calls || !(CRYPTO_TOPIC.some((n) => doc.has(n)) || (calls === JVM_CALLS && doc.has('Mac.getInstance(')))) return [];
    // The calls first (cached searches), then the side: classifying the file runs regexes.
    const present = calls.filter((call) => doc.has(call.needle) && (call.requires === undefined || doc.has(call.requires)));
    const keyImport = doc.has('importKey(') && doc.has('HMAC');
    if ((present.length === 0 && !keyImport) || doc.side !== 'client') return [];
    const out: RawFinding[] = [];
    for (const call of present) {
      for (const hit of doc.offsets(call.needle)) {
        // Dart's `Hmac(` also matches inside `CCHmac(`-like names; require a word boundary.
        // A needle that starts with a method (`.hs256(key:`) follows its receiver's name.
        if (/[\w$]/.test(doc.text.charAt(hit - 1)) && !call.needle.startsWith('.') && call.needle !== 'HmacSHA' && call.needle !== 'HMAC<') continue;
        // `HmacSHA256(` is a call; `import hmacSHA256 from 'crypto-js/hmac-sha256'` is not.
        if (call.needle.endsWith('SHA') && !/^\d{1,3}\s{0,5}\(/.test(doc.text.slice(hit + call.needle.length, hit + call.needle.length + 12))) continue;
        out.push(report(doc, call, hit, wordEnd(doc.text, hit + call.needle.length)));
      }
    }
    if (keyImport && !out.some((f) => doc.text.startsWith('subtle.sign(', f.start))) {
      for (const hit of doc.offsets('importKey(')) {
        if (doc.text.slice(hit, hit + 300).includes('HMAC')) out.push(report(doc, { needle: 'importKey', what: 'WebCrypto HMAC key import' }, hit, hit + 9));
      }
    }
    return out;
  },
};

/** The range covers the whole name (`HmacSHA256`, not the needle `HmacSHA`); bounded scan. */
function wordEnd(text: string, from: number): number {
  let end = from;
  if (!/\w/.test(text.charAt(from - 1))) return end;
  while (end < from + 32 && /\w/.test(text.charAt(end))) end++;
  return end;
}

/** The fact (what is computed where) as the message; what follows from it as the detail. */
function report(doc: Doc, call: Call, start: number, end: number): RawFinding {
  const where = doc.lang === 'js' || doc.lang === 'html' ? 'in the browser' : 'in the app';
  const signsJwt = /jwt/i.test(call.what);
  const message = fitted(`${signsJwt ? 'JWT signed' : 'User hash computed'} ${where} (${call.what})`, `${signsJwt ? 'JWT signed' : 'User hash computed'} ${where}`);
  const detail = `${call.what} runs ${where}, so the secret that keys it ships with ${where === 'in the app' ? 'the app' : 'the page'}: anyone can read it and ${signsJwt ? 'sign a token' : 'compute the hash'} for any user. Compute it on your server for the logged-in user and send only the result; rotate the secret that shipped.`;
  return { start, end, message, detail };
}
