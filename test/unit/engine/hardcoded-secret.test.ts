import * as assert from 'node:assert/strict';
import { applyFixes, DEFAULT_CONFIG, type Finding } from '../../../src/core/engine/index';
import { run } from './helpers';

const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';
const only = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'hardcoded-secret');

describe('rule hardcoded-secret', () => {
  const cases: [string, string, string | undefined][] = [
    ['server/a.js', `const INTERCOM_SECRET = '${SECRET}';`, 'process.env.INTERCOM_SECRET'],
    ['app.py', `import os\nINTERCOM_SECRET = "${SECRET}"`, 'os.environ["INTERCOM_SECRET"]'],
    ['config.rb', `INTERCOM_SECRET = "${SECRET}"`, 'ENV.fetch("INTERCOM_SECRET")'],
    ['config.php', `$intercomSecret = '${SECRET}';`, "getenv('INTERCOM_SECRET')"],
    ['Hash.java', `static final String INTERCOM_SECRET = "${SECRET}";`, 'System.getenv("INTERCOM_SECRET")'],
    ['Hash.cs', `string IntercomSecret = "${SECRET}";`, 'Environment.GetEnvironmentVariable("INTERCOM_SECRET")'],
    ['config.exs', `config :app, intercom_secret: "${SECRET}"`, 'System.fetch_env!("INTERCOM_SECRET")'],
    ['hash.pl', `my $intercom_secret = '${SECRET}';`, '$ENV{INTERCOM_SECRET}'],
    ['ios/Config.swift', `let intercomSecret = "${SECRET}"`, undefined],
    ['appsettings.json', `{ "IntercomSecret": "${SECRET}" }`, undefined],
  ];
  for (const [path, text, replacement] of cases) {
    it(`reports ${path} on the literal${replacement ? ` and fixes it to ${replacement}` : ' without a fix'}`, () => {
      const [finding, ...rest] = only(run(path, text));
      assert.ok(finding, 'no finding');
      assert.equal(rest.length, 0);
      const lines = text.split('\n');
      const line = lines[finding.range.start.line] ?? '';
      const covered = line.slice(finding.range.start.column, finding.range.end.column);
      assert.match(covered, /^["']/);
      assert.ok(covered.includes(SECRET) && covered.length === SECRET.length + 2, covered);
      assert.equal(finding.data?.envVar, 'INTERCOM_SECRET');
      assert.equal(finding.fix?.text, replacement);
      if (finding.fix) assert.deepEqual(only(run(path, applyFixes(text, [finding.fix]))), []);
    });
  }

  it('does not take module specifiers in import, require and from statements for keys', () => {
    const cases: [string, string][] = [
      ['src/components/Widget.js', "import HmacSHA256 from 'crypto-js/hmac-sha256';"],
      ['src/components/Widget.js', "const HmacSHA256 = require('crypto-js/hmac-sha256');"],
      ['src/components/Widget.tsx', 'import { HmacSHA512 } from "crypto-js/hmac-sha512";'],
      ['src/components/Widget.ts', "import hmac = require('crypto-js/hmac-sha256');"],
      ['src/components/Widget.js', "export * from './hmac-secret-Zq8vK2mP';"],
      ['src/components/Widget.js', "const m = await import('crypto-js/hmac-sha256');"],
      ['lib/sign.rb', "require 'openssl/hmac_secret_rotation'"],
      ['lib/sign.php', "require_once 'vendor/hmac-secret-key-loader.php';"],
      ['lib/sign.dart', "import 'package:crypto/hmac_secret_keys.dart';"],
      ['lib/sign.go', 'package sign\n\nimport (\n\thmacsecret "github.com/example/hmac-secret-provider"\n)\n'],
      ['lib/sign.go', 'package sign\n\nimport hmackeys "github.com/example/hmac-signing-keys"\n'],
    ];
    for (const [path, text] of cases) assert.deepEqual(only(run(path, text)), [], `${path}: ${text}`);
  });

  it('still reports a literal key on a line that also imports', () => {
    assert.equal(only(run('server/sign.js', `import x from 'y'; const h = createHmac('sha256', '${SECRET}');`)).length, 1);
  });

  it('offers the edit as a suggestion, not a fix, where it would not compile (Go constant, Python without import os)', () => {
    const go = only(run('hash.go', `const intercomSecret = "${SECRET}"`))[0];
    assert.equal(go?.fix, undefined);
    assert.equal(go?.suggestions?.[0]?.fix.text, 'os.Getenv("INTERCOM_SECRET")');
    const py = only(run('hash.py', `INTERCOM_SECRET = "${SECRET}"`))[0];
    assert.equal(py?.fix, undefined);
    assert.match(py?.suggestions?.[0]?.title ?? '', /import/);
  });

  it('names the vendor env var when the constant name is generic', () => {
    const text = `const secret = '${SECRET}';\nwindow.intercomSettings = { app_id: 'x' };`;
    assert.equal(only(run('server/x.js', text))[0]?.data?.envVar, 'INTERCOM_IDENTITY_VERIFICATION_SECRET');
  });

  it('reports a literal key passed straight to an HMAC call in each language', () => {
    for (const [path, text] of [
      ['server/a.ts', `crypto.createHmac('sha256', '${SECRET}').update(id)`],
      ['a.rb', `OpenSSL::HMAC.hexdigest('sha256', '${SECRET}', current_user.id.to_s)`],
      ['a.php', `hash_hmac('sha256', $id, '${SECRET}');`],
      ['a.py', `import os\nhmac.new(b'${SECRET}', uid.encode(), hashlib.sha256)`],
      ['A.java', `new SecretKeySpec("${SECRET}".getBytes(), "HmacSHA256")`],
      ['a.js', `jwt.sign({ user_id: id }, '${SECRET}')`],
    ]) assert.equal(only(run(path as string, text as string)).length, 1, path);
  });

  it('reports the committed fallback of an environment lookup in each language, and not prose near the word "environment"', () => {
    for (const [path, text] of [
      ['server/a.js', `const k = process.env.INTERCOM_SECRET || '${SECRET}';`],
      ['a.py', `import os\nk = os.environ.get("INTERCOM_SECRET", "${SECRET}")`],
      ['a.rb', `k = ENV.fetch('INTERCOM_SECRET', '${SECRET}')`],
      ['a.php', `$k = getenv('INTERCOM_SECRET') ?: '${SECRET}';`],
      ['A.java', `String k = System.getenv().getOrDefault("INTERCOM_SECRET", "${SECRET}");`],
      ['A.cs', `var k = Environment.GetEnvironmentVariable("INTERCOM_SECRET") ?? "${SECRET}";`],
      ['a.ex', `k = System.get_env("INTERCOM_SECRET") || "${SECRET}"`],
    ]) assert.equal(only(run(path as string, text as string)).length, 1, path);
    assert.deepEqual(only(run('docs/a.md', `Uses \`libsecret\`; set the \`VSCE_STORE=${SECRET}\` environment variable.`)), []);
  });

  it('does not take a value that spells its own name for a secret', () => {
    for (const text of ['export const CLIENT_SECRET = "client_secret";', 'clientSecret: "client-secret",', 'const HMAC_KEY_PARAM = "hmac_key_param";', 'INTERCOM_SECRET_ENV = "INTERCOM_SECRET"']) {
      assert.deepEqual(only(run('src/a.ts', text)), [], text);
    }
    assert.equal(only(run('src/a.ts', 'const JWT_SECRET = "jwt_secret_2024_prod";')).length, 1, 'a weak secret that starts with its name is still a secret');
  });

  it('does not report a git-ignored file', () => {
    assert.deepEqual(only(run('.env', `INTERCOM_SECRET=${SECRET}`, { committed: false })), []);
    assert.equal(only(run('.env', `INTERCOM_SECRET=${SECRET}`)).length, 1);
  });

  for (const placeholder of ['YOUR_SECRET_HERE', '<secret>', 'changeme', 'xxxxxxxxxxxx', '${INTERCOM_SECRET}', '%env(INTERCOM_SECRET)%', '{{ .Values.secret }}', 'your-intercom-secret', 'REPLACE_ME_WITH_REAL', '********']) {
    it(`ignores the placeholder ${placeholder}`, () => {
      assert.deepEqual(only(run('server/a.js', `const INTERCOM_SECRET = '${placeholder}';`)), []);
      assert.deepEqual(only(run('.env', `INTERCOM_SECRET=${placeholder}`)), []);
    });
  }

  it('ignores obviously fake values in test files but not the same value in source', () => {
    const text = "const INTERCOM_SECRET = 'my-intercom-test-secret';";
    assert.deepEqual(only(run('src/hash.test.ts', text)), []);
    assert.deepEqual(only(run('test/hash.ts', text)), []);
    assert.equal(only(run('src/hash.ts', text)).length, 1);
    assert.equal(only(run('src/hash.test.ts', `const INTERCOM_SECRET = '${SECRET}';`)).length, 1);
  });

  it('ignores UUIDs, colours, data URIs, publishable keys, commit SHAs, integrity hashes, env var names and URLs', () => {
    for (const value of [
      '3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d', '#a1b2c3', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg', `pk_live_${SECRET}`,
      'sha512-Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5==', 'INTERCOM_IDENTITY_VERIFICATION_SECRET',
      'https://example.com/Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1', 'intercom.identity.secret',
    ]) assert.deepEqual(only(run('src/a.ts', `const webhookSecret = '${value}';`)), [], value);
    assert.deepEqual(only(run('src/a.ts', "const release = { commit: 'e83c5163316f89bfbde7d9ab23ca2e25604af290' };")), []);
  });

  it('never reports lock files or checksum lists', () => {
    assert.deepEqual(run('package-lock.json', `{ "INTERCOM_SECRET": "${SECRET}" }`), []);
    assert.deepEqual(run('SHA256SUMS', `INTERCOM_SECRET=${SECRET}`), []);
  });

  it('treats extra secretNamePatterns from the config as secret names', () => {
    const config = { ...DEFAULT_CONFIG, secretNamePatterns: ['*_SIGNATURE_SALT'] };
    const text = `const CHAT_SIGNATURE_SALT = '${SECRET}';`;
    assert.deepEqual(only(run('src/a.ts', text)), []);
    assert.equal(only(run('src/a.ts', text, { config })).length, 1);
  });
});
