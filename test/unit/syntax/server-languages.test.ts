import * as assert from 'node:assert/strict';
import type { CryptoCall } from '../../../src/core/syntax/index';
import { factsOf, fixture } from './helpers';

function view(call: CryptoCall | undefined): Record<string, unknown> | undefined {
  return call && { api: call.api, algorithm: call.algorithm?.value ?? call.algorithm?.text, key: call.key?.text, messages: call.messages.map((m) => m.text), encoding: call.encoding };
}

describe('syntax: Ruby', () => {
  it('reads OpenSSL::HMAC in one call and built up with <<, ENV reads and the settings hash', async () => {
    const { facts } = await fixture('rails/app/helpers/support_chat_helper.rb');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'OpenSSL::HMAC.hexdigest', algorithm: 'sha256', key: "ENV.fetch('INTERCOM_IDENTITY_SECRET')", messages: ['user.id.to_s'], encoding: 'hex' },
      { api: 'OpenSSL::HMAC.new', algorithm: 'sha256', key: "ENV['CRISP_VERIFY_SECRET'] || ''", messages: ['user.email'], encoding: 'hex' },
    ]);
    assert.equal(facts.crypto[0]?.messages[0]?.path, 'user.id.to_s');
    assert.deepEqual(facts.env.map((e) => [e.name, e.via, e.fallback?.value]), [['INTERCOM_IDENTITY_SECRET', 'ENV.fetch', undefined], ['CRISP_VERIFY_SECRET', 'ENV', '']]);
    assert.deepEqual(facts.literals.map((l) => [l.kind, l.name, l.value]), [['variable', 'APP_ID', 'k2x9qpl']]);
    assert.deepEqual(facts.imports.map((i) => [i.kind, i.source]), [['require', 'openssl']]);
  });

  it('reads string values in both quotings, symbols as keys, keyword arguments and JWT.encode', async () => {
    const text = "A = 'it\\'s \\\\ \\n'\nB = \"tab\\there\"\nC = \"#{x}\"\nconfig.secret_key = \"s\"\nh = { user_hash: 'v', 'email' => 'e', :sym => 's' }\nJWT.encode(payload, SECRET, 'HS256')\nfoo(secret: 'kw')\n";
    const { literals, crypto } = await factsOf(text, 'ruby');
    assert.deepEqual(literals.map((l) => [l.kind, l.name, l.path, l.value]), [
      ['variable', 'A', undefined, "it's \\ \\n"],
      ['variable', 'B', undefined, 'tab\there'],
      ['assignment', 'secret_key', 'config.secret_key', 's'],
      ['property', 'user_hash', undefined, 'v'],
      ['property', 'email', undefined, 'e'],
      ['property', 'sym', undefined, 's'],
      ['property', 'secret', undefined, 'kw'],
    ]);
    assert.deepEqual(crypto.map(view), [{ api: 'JWT.encode', algorithm: 'HS256', key: 'SECRET', messages: ['payload'], encoding: undefined }]);
  });
});

describe('syntax: PHP', () => {
  it('reads hash_hmac (data before key), JWT::encode, use statements and the array it returns', async () => {
    const { facts } = await fixture('laravel/app/Http/Controllers/ChatController.php');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'hash_hmac', algorithm: 'sha256', key: "config('services.crisp.secret')", messages: ['$user->email'], encoding: 'hex' },
      { api: 'JWT::encode', algorithm: 'HS256', key: "getenv('INTERCOM_MESSENGER_SECRET')", messages: ["['user_id' => (string) $user->id, 'exp' => time() + 3600]"], encoding: undefined },
    ]);
    assert.deepEqual(facts.crypto[1]?.messages[0]?.fields?.map((f) => [f.name, f.value.path ?? f.value.text]), [['user_id', 'user.id'], ['exp', 'time() + 3600']]);
    assert.deepEqual(facts.env.map((e) => [e.name, e.via]), [['INTERCOM_MESSENGER_SECRET', 'getenv']]);
    assert.deepEqual(facts.imports.map((i) => [i.source, i.names.map((n) => n.local).join()]), [['Firebase\\JWT\\JWT', 'JWT'], ['Illuminate\\Http\\Request', 'Request']]);
    assert.deepEqual(facts.literals.map((l) => [l.kind, l.name, l.value]), [['field', 'algorithm', 'HS256']]);
  });

  it("reads Laravel's env() with its default and $_ENV with ??", async () => {
    const { facts } = await fixture('laravel/config/services.php');
    assert.deepEqual(facts.env.map((e) => [e.name, e.via, e.fallback?.text]), [
      ['CRISP_WEBSITE_ID', 'env', "'c0ffee00-website'"], ['CRISP_VERIFY_SECRET', 'env', undefined], ['INTERCOM_IDENTITY_SECRET', '_ENV', 'null'],
    ]);
    assert.deepEqual(facts.literals.map((l) => [l.name, l.value]), [['app_id', 'k2x9qpl']]);
  });

  it('reads both quotings, constants and named arguments', async () => {
    const text = "<?php\nconst A = 'it\\'s \\n';\n$b = \"tab\\there\";\n$c = \"x $y\";\nclass K { const SECRET = 's'; }\n$h = hash_hmac(algo: 'sha256', data: $email, key: $k);\n";
    const { literals, crypto } = await factsOf(text, 'php');
    assert.deepEqual(literals.map((l) => [l.kind, l.name, l.value]), [['variable', 'A', "it's \\n"], ['variable', 'b', 'tab\there'], ['variable', 'SECRET', 's']]);
    assert.deepEqual(crypto.map(view), [{ api: 'hash_hmac', algorithm: 'sha256', key: '$k', messages: ['$email'], encoding: 'hex' }]);
  });
});

describe('syntax: Go', () => {
  it('reads hmac.New fed with Write, a golang-jwt token, os.Getenv, imports and map literals', async () => {
    const { facts } = await fixture('go/support.go');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'hmac.New', algorithm: 'sha256.New', key: 'os.Getenv("INTERCOM_IDENTITY_SECRET")', messages: ['userID'], encoding: 'bytes' },
      { api: 'jwt.NewWithClaims', algorithm: 'jwt.SigningMethodHS256', key: 'os.Getenv("INTERCOM_MESSENGER_SECRET")', messages: ['claims'], encoding: undefined },
    ]);
    assert.deepEqual(facts.env.map((e) => e.name), ['INTERCOM_IDENTITY_SECRET', 'INTERCOM_MESSENGER_SECRET']);
    assert.deepEqual(facts.imports.map((i) => `${i.names[0]?.local}=${i.source}`), ['hmac=crypto/hmac', 'sha256=crypto/sha256', 'hex=encoding/hex', 'os=os', 'jwt=github.com/golang-jwt/jwt/v5']);
    assert.deepEqual(facts.literals.map((l) => [l.kind, l.name, l.value]), [['variable', 'appID', 'k2x9qpl']]);
  });
});

describe('syntax: Java', () => {
  it('reads javax.crypto.Mac across getInstance, init and doFinal, a jjwt builder and System.getenv', async () => {
    const { facts } = await fixture('java/src/main/java/com/example/SupportHash.java');
    assert.deepEqual(facts.crypto.map(view), [
      { api: 'javax.crypto.Mac', algorithm: 'ALGORITHM', key: 'new SecretKeySpec(secret.getBytes(UTF_8), ALGORITHM)', messages: ['userId.getBytes(UTF_8)'], encoding: 'bytes' },
      { api: 'Jwts.builder', algorithm: undefined, key: 'key', messages: ['"user_id"'], encoding: undefined },
    ]);
    assert.deepEqual(facts.env.map((e) => [e.name, e.via]), [['INTERCOM_IDENTITY_SECRET', 'System.getenv']]);
    assert.deepEqual(facts.literals.map((l) => [l.kind, l.name, l.value]), [['variable', 'ALGORITHM', 'HmacSHA256']]);
    assert.deepEqual(facts.imports.map((i) => i.source), ['java.nio.charset.StandardCharsets.UTF_8', 'io.jsonwebtoken.Jwts', 'java.util.HexFormat', 'javax.crypto.Mac', 'javax.crypto.spec.SecretKeySpec']);
  });
});
