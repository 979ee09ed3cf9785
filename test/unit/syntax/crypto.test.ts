import * as assert from 'node:assert/strict';
import type { CryptoCall } from '../../../src/core/syntax/index';
import { factsOf, fixture } from './helpers';

/** A compact view: api, algorithm, key, messages, encoding as source text. */
function view(call: CryptoCall | undefined): Record<string, unknown> | undefined {
  return call && { api: call.api, kind: call.kind, algorithm: call.algorithm?.value ?? call.algorithm?.text, key: call.key?.text, messages: call.messages.map((m) => m.text), encoding: call.encoding };
}

describe('syntax: HMAC and JWT computations', () => {
  it("reads Node's createHmac chain: algorithm, key, message and encoding", async () => {
    const { text, facts } = await fixture('next-app/app/support/IntercomLoader.tsx');
    assert.equal(facts.crypto.length, 1);
    assert.deepEqual(view(facts.crypto[0]), { api: 'createHmac', kind: 'hmac', algorithm: 'sha256', key: 'secret', messages: ['String(session.user.id)'], encoding: 'hex' });
    const key = facts.crypto[0]?.key;
    assert.equal(text.slice(key?.start, key?.end), 'secret');
  });

  it('follows update and digest called on the variable that holds the HMAC', async () => {
    const { facts } = await fixture('server/sign.ts');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'createHmac', kind: 'hmac', algorithm: 'sha256', key: 'process.env.CHATWOOT_HMAC_TOKEN', messages: ['identifier'], encoding: 'hex' },
      { api: 'jwt.sign', kind: 'jwt', algorithm: 'HS256', key: 'process.env.INTERCOM_MESSENGER_SECRET', messages: ['{ user_id: userId }'], encoding: undefined },
    ]);
    // The key's path is the environment read, seen through the `!` and `as string`.
    assert.deepEqual(facts.crypto.map((c) => c.key?.path), ['process.env.CHATWOOT_HMAC_TOKEN', 'process.env.INTERCOM_MESSENGER_SECRET']);
    assert.deepEqual(facts.crypto[1]?.messages[0]?.fields?.map((f) => f.name), ['user_id']);
  });

  it('stops following a variable at its next binding', async () => {
    const text = "let h = createHmac('sha256', k1);\nh.update(a);\nh = somethingElse();\nh.update(b);";
    const { crypto } = await factsOf(text, 'javascript');
    assert.deepEqual(crypto[0]?.messages.map((m) => m.text), ['a']);
  });

  it('reads CryptoJS with the message first and the key second, and its encodings (hex unless told)', async () => {
    const text = [
      "const a = CryptoJS.HmacSHA256(userId, SECRET).toString();",
      "const b = CryptoJS.HmacSHA512(email, 'literal-key').toString(CryptoJS.enc.Base64);",
      "import hmacSHA256 from 'crypto-js/hmac-sha256';",
      "const c = hmacSHA256(user.email, key);",
      "const d = require('crypto').createHmac('sha1', key).update(x).update(y).digest();",
    ].join('\n');
    const { crypto } = await factsOf(text, 'javascript');
    assert.deepEqual(crypto.map(view), [
      { api: 'CryptoJS.HmacSHA256', kind: 'hmac', algorithm: 'SHA256', key: 'SECRET', messages: ['userId'], encoding: 'hex' },
      { api: 'CryptoJS.HmacSHA256', kind: 'hmac', algorithm: 'SHA512', key: "'literal-key'", messages: ['email'], encoding: 'CryptoJS.enc.Base64' },
      { api: 'crypto-js hmacSHA256', kind: 'hmac', algorithm: 'SHA256', key: 'key', messages: ['user.email'], encoding: undefined },
      { api: 'createHmac', kind: 'hmac', algorithm: 'sha1', key: 'key', messages: ['x', 'y'], encoding: 'bytes' },
    ]);
    assert.equal(crypto[1]?.key?.value, 'literal-key');
  });

  it('reads jose, jsrsasign, js-sha256 and WebCrypto HMAC signing, and skips WebCrypto RSA', async () => {
    const text = [
      "const jwt1 = await new SignJWT({ user_id: id }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(secretKey);",
      "const jwt2 = KJUR.jws.JWS.sign('HS256', header, payload, { utf8: secret });",
      "const h = sha256.hmac(key, email);",
      "const s1 = await crypto.subtle.sign('HMAC', cryptoKey, data);",
      "const s2 = await window.crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, rsaKey, data);",
    ].join('\n');
    const { crypto } = await factsOf(text, 'typescript');
    assert.deepEqual(crypto.map((c) => [c.api, c.key?.text, c.messages.map((m) => m.text)]), [
      ['jose SignJWT', 'secretKey', ['{ user_id: id }']],
      ['jsrsasign JWS.sign', '{ utf8: secret }', ['payload']],
      ['sha256.hmac', 'key', ['email']],
      ['crypto.subtle.sign', 'cryptoKey', ['data']],
    ]);
  });

  it('reads imported calls as TypeScript and Babel compile them: (0, crypto_1.createHmac)(…)', async () => {
    const text = "const h = (0, crypto_1.createHmac)('sha256', secret).update(id).digest('hex');";
    const { crypto } = await factsOf(text, 'javascript');
    assert.deepEqual(crypto.map(view), [{ api: 'createHmac', kind: 'hmac', algorithm: 'sha256', key: 'secret', messages: ['id'], encoding: 'hex' }]);
  });

  it('does not take other sign() and digest() calls for crypto', async () => {
    const text = "sign(doc);\npdf.sign(key);\nhash.digest('hex');\nconst x = createHash('sha256').update(a).digest('hex');";
    assert.deepEqual((await factsOf(text, 'javascript')).crypto, []);
  });

  it("reads Python's hmac.new with positional and keyword arguments, and update on a variable", async () => {
    const { facts } = await fixture('server/hash_view.py');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'hmac.new', kind: 'hmac', algorithm: 'hashlib.sha256', key: 'SECRET.encode("utf-8")', messages: ['str(user.pk).encode("utf-8")'], encoding: 'hex' },
      { api: 'hmac.new', kind: 'hmac', algorithm: 'hashlib.sha256', key: 'os.environ["CRISP_VERIFY_SECRET"].encode()', messages: ['email.encode()'], encoding: 'hex' },
    ]);
    const message = facts.crypto[0]?.messages[0];
    assert.equal(message?.callee, 'str().encode');
    assert.equal(message?.kind, 'call');
  });

  it('reads hmac.digest, hmac.HMAC and PyJWT', async () => {
    const text = 'import hmac, jwt\nd = hmac.digest(key, uid.encode(), "sha256")\nh = hmac.HMAC(key, msg, hashlib.sha256).hexdigest()\nt = jwt.encode({"user_id": uid, "exp": exp}, key=SECRET, algorithm="HS256")\n';
    const { crypto } = await factsOf(text, 'python');
    assert.deepEqual(crypto.map(view), [
      { api: 'hmac.digest', kind: 'hmac', algorithm: 'sha256', key: 'key', messages: ['uid.encode()'], encoding: undefined },
      { api: 'hmac.HMAC', kind: 'hmac', algorithm: 'hashlib.sha256', key: 'key', messages: ['msg'], encoding: 'hex' },
      { api: 'jwt.encode', kind: 'jwt', algorithm: 'HS256', key: 'SECRET', messages: ['{"user_id": uid, "exp": exp}'], encoding: undefined },
    ]);
  });
});
