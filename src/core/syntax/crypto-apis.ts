/**
 * The HMAC and JWT-signing APIs the facts extractor recognises, as data: where each takes its
 * key, message and algorithm, and which calls on its result add to the message or say how the
 * output is encoded. Adding an API is one entry here; the extractor has no API names of its own.
 */
import type { Family } from './adapters/index';

/** Where an argument is: by position, by Python keyword, or as a field of an options object. */
export interface ArgRef {
  readonly index?: number;
  readonly keyword?: string;
  /** The argument at `index` is an object; the value is its field `field`. */
  readonly field?: string;
}

/** One API. */
export interface CryptoApi {
  readonly family: Family;
  readonly kind: 'hmac' | 'jwt';
  /** The name facts report (`createHmac`, `CryptoJS.HmacSHA256`). */
  readonly api: string;
  /** The callee's last path segment, or a pattern for a family of names (`HmacSHA256`, `HmacSHA512`). */
  readonly name: string | RegExp;
  /** What may come just before the name (`jwt` in `jwt.sign`, `sha256.hmac`); absent: anything, or nothing. */
  readonly receivers?: readonly string[];
  /** The name must have a receiver: a bare `sign(…)` is too common to be `jwt.sign`. */
  readonly needsReceiver?: boolean;
  readonly algorithm?: ArgRef;
  /** The algorithm is in the name (`HmacSHA256`): the part after this prefix. */
  readonly algorithmInName?: string;
  readonly key?: ArgRef;
  /** A method called later on the result takes the key (`new SignJWT(p).sign(key)`). */
  readonly keyMethod?: { readonly name: string; readonly arg: ArgRef };
  readonly message?: ArgRef;
  /** Methods on the result (chained, or on the variable holding it) that add to the message. */
  readonly updates?: readonly string[];
  /**
   * Methods on the result that finish it, and the encoding they give: a fixed one, or the
   * first argument's value with a default when there is none (`digest()` gives bytes).
   */
  readonly finishers?: Readonly<Record<string, string | { readonly fromArg: string }>>;
  /** The encoding the API itself gives (`OpenSSL::HMAC.hexdigest`: hex). */
  readonly encoding?: string;
  /** The call counts only when this argument's text matches (WebCrypto `sign` is HMAC only with 'HMAC'). */
  readonly requires?: { readonly arg: number; readonly pattern: RegExp };
}

const NODE_FINISH = { digest: { fromArg: 'bytes' } } as const;
// CryptoJS's toString() is hex unless given an encoder.
const CRYPTOJS_FINISH = { toString: { fromArg: 'hex' } } as const;
const PYTHON_FINISH = { hexdigest: 'hex', digest: 'bytes' } as const;
const RUBY_FINISH = { hexdigest: 'hex', digest: 'bytes', base64digest: 'base64' } as const;

/** Every API, JavaScript first. */
export const CRYPTO_APIS: readonly CryptoApi[] = [
  // Node's crypto (and browserify's): createHmac(alg, key).update(msg).digest(enc).
  { family: 'js', kind: 'hmac', api: 'createHmac', name: 'createHmac', algorithm: { index: 0 }, key: { index: 1 }, updates: ['update'], finishers: NODE_FINISH },
  // CryptoJS.HmacSHA256(message, key): the message comes first.
  { family: 'js', kind: 'hmac', api: 'CryptoJS.HmacSHA256', name: /^Hmac(?:SHA\d*|SHA3|MD5|RIPEMD160)$/, algorithmInName: 'Hmac', message: { index: 0 }, key: { index: 1 }, finishers: CRYPTOJS_FINISH },
  // crypto-js/hmac-sha256 imported as a function: hmacSHA256(message, key).
  { family: 'js', kind: 'hmac', api: 'crypto-js hmacSHA256', name: /^hmacSHA\d+$/, algorithmInName: 'hmac', message: { index: 0 }, key: { index: 1 }, finishers: CRYPTOJS_FINISH },
  // CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA256, key).update(msg).finalize()
  { family: 'js', kind: 'hmac', api: 'CryptoJS.algo.HMAC', name: 'create', receivers: ['HMAC'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, updates: ['update', 'finalize'], finishers: CRYPTOJS_FINISH },
  // js-sha256: sha256.hmac(key, message), sha256.hmac.hex(key, message).
  { family: 'js', kind: 'hmac', api: 'sha256.hmac', name: 'hmac', receivers: ['sha256', 'sha224', 'sha512', 'sha384'], needsReceiver: true, key: { index: 0 }, message: { index: 1 } },
  { family: 'js', kind: 'hmac', api: 'sha256.hmac', name: /^(?:hex|array|arrayBuffer|digest)$/, receivers: ['sha256.hmac', 'sha224.hmac', 'sha512.hmac', 'sha384.hmac'], needsReceiver: true, key: { index: 0 }, message: { index: 1 } },
  // WebCrypto: crypto.subtle.sign('HMAC', key, data).
  { family: 'js', kind: 'hmac', api: 'crypto.subtle.sign', name: 'sign', receivers: ['subtle'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, message: { index: 2 }, requires: { arg: 0, pattern: /HMAC|^[\w$.]+$/ } },
  // jsonwebtoken: jwt.sign(payload, secret, { algorithm }).
  { family: 'js', kind: 'jwt', api: 'jwt.sign', name: 'sign', receivers: ['jwt', 'jsonwebtoken', 'JWT', 'jsonWebToken'], needsReceiver: true, message: { index: 0 }, key: { index: 1 }, algorithm: { index: 2, field: 'algorithm' } },
  // jose: new SignJWT(payload).setProtectedHeader({ alg }).sign(key).
  { family: 'js', kind: 'jwt', api: 'jose SignJWT', name: 'SignJWT', message: { index: 0 }, keyMethod: { name: 'sign', arg: { index: 0 } } },
  // jsrsasign: KJUR.jws.JWS.sign(alg, header, payload, key).
  { family: 'js', kind: 'jwt', api: 'jsrsasign JWS.sign', name: 'sign', receivers: ['JWS'], needsReceiver: true, algorithm: { index: 0 }, message: { index: 2 }, key: { index: 3 } },
  // Python's hmac: hmac.new(key, msg, digestmod), hmac.HMAC(…), hmac.digest(key, msg, digest).
  { family: 'python', kind: 'hmac', api: 'hmac.new', name: 'new', receivers: ['hmac'], needsReceiver: true, key: { index: 0, keyword: 'key' }, message: { index: 1, keyword: 'msg' }, algorithm: { index: 2, keyword: 'digestmod' }, updates: ['update'], finishers: PYTHON_FINISH },
  { family: 'python', kind: 'hmac', api: 'hmac.HMAC', name: 'HMAC', receivers: ['hmac'], key: { index: 0, keyword: 'key' }, message: { index: 1, keyword: 'msg' }, algorithm: { index: 2, keyword: 'digestmod' }, updates: ['update'], finishers: PYTHON_FINISH },
  { family: 'python', kind: 'hmac', api: 'hmac.digest', name: 'digest', receivers: ['hmac'], needsReceiver: true, key: { index: 0, keyword: 'key' }, message: { index: 1, keyword: 'msg' }, algorithm: { index: 2, keyword: 'digest' } },
  // PyJWT: jwt.encode(payload, key, algorithm="HS256").
  { family: 'python', kind: 'jwt', api: 'jwt.encode', name: 'encode', receivers: ['jwt'], needsReceiver: true, message: { index: 0, keyword: 'payload' }, key: { index: 1, keyword: 'key' }, algorithm: { index: 2, keyword: 'algorithm' } },
  // Ruby: OpenSSL::HMAC.hexdigest(digest, key, data), .digest, .base64digest; OpenSSL::HMAC.new(key, digest) << data.
  { family: 'ruby', kind: 'hmac', api: 'OpenSSL::HMAC.hexdigest', name: 'hexdigest', receivers: ['HMAC'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, message: { index: 2 }, encoding: 'hex' },
  { family: 'ruby', kind: 'hmac', api: 'OpenSSL::HMAC.digest', name: 'digest', receivers: ['HMAC'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, message: { index: 2 }, encoding: 'bytes' },
  { family: 'ruby', kind: 'hmac', api: 'OpenSSL::HMAC.base64digest', name: 'base64digest', receivers: ['HMAC'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, message: { index: 2 }, encoding: 'base64' },
  { family: 'ruby', kind: 'hmac', api: 'OpenSSL::HMAC.new', name: 'new', receivers: ['HMAC'], needsReceiver: true, key: { index: 0 }, algorithm: { index: 1 }, updates: ['update', '<<'], finishers: RUBY_FINISH },
  // ruby-jwt: JWT.encode(payload, key, 'HS256').
  { family: 'ruby', kind: 'jwt', api: 'JWT.encode', name: 'encode', receivers: ['JWT'], needsReceiver: true, message: { index: 0 }, key: { index: 1 }, algorithm: { index: 2 } },
  // PHP: hash_hmac(algo, data, key, binary = false) gives hex; firebase/php-jwt JWT::encode(payload, key, alg).
  { family: 'php', kind: 'hmac', api: 'hash_hmac', name: 'hash_hmac', algorithm: { index: 0, keyword: 'algo' }, message: { index: 1, keyword: 'data' }, key: { index: 2, keyword: 'key' }, encoding: 'hex' },
  { family: 'php', kind: 'jwt', api: 'JWT::encode', name: 'encode', receivers: ['JWT'], needsReceiver: true, message: { index: 0 }, key: { index: 1 }, algorithm: { index: 2 } },
  // Go: hmac.New(sha256.New, key) written to with Write and read with Sum; golang-jwt's
  // jwt.NewWithClaims(method, claims).SignedString(key).
  { family: 'go', kind: 'hmac', api: 'hmac.New', name: 'New', receivers: ['hmac'], needsReceiver: true, algorithm: { index: 0 }, key: { index: 1 }, updates: ['Write'], finishers: { Sum: 'bytes' } },
  { family: 'go', kind: 'jwt', api: 'jwt.NewWithClaims', name: 'NewWithClaims', receivers: ['jwt'], needsReceiver: true, algorithm: { index: 0 }, message: { index: 1 }, keyMethod: { name: 'SignedString', arg: { index: 0 } } },
  // Java: Mac.getInstance("HmacSHA256"), then init(new SecretKeySpec(key, …)) and doFinal(data)
  // on the variable; jjwt's Jwts.builder()….signWith(key).
  { family: 'java', kind: 'hmac', api: 'javax.crypto.Mac', name: 'getInstance', receivers: ['Mac'], needsReceiver: true, algorithm: { index: 0 }, keyMethod: { name: 'init', arg: { index: 0 } }, updates: ['update', 'doFinal'], finishers: { doFinal: 'bytes' } },
  { family: 'java', kind: 'jwt', api: 'Jwts.builder', name: 'builder', receivers: ['Jwts'], needsReceiver: true, keyMethod: { name: 'signWith', arg: { index: 0 } }, updates: ['setClaims', 'claims', 'setSubject', 'subject', 'claim'] },
];
