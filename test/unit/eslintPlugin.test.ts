/**
 * The ESLint plugin's rules through typescript-eslint's RuleTester (which parses with
 * @typescript-eslint/parser, so JS, TS and TSX all go through it), and the plugin's shape.
 * `filename` makes a case client or server code, as the engine decides from the path.
 */
import * as assert from 'node:assert/strict';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { RULES, type RuleId } from '../../src/core/engine/index';
import plugin from '../../src/eslint-plugin/index';
import { configFrom, findingsFor, projectPath, type EngineContext } from '../../src/eslint-plugin/engine';
import { docsUrl, rules } from '../../src/eslint-plugin/rules';

// RuleTester needs the test framework's hooks; mocha's are globals here.
RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester();
// @typescript-eslint/rule-tester 8.72 brings its own @typescript-eslint/utils, whose RuleModule type
// differs from the plugin's (8.73) in private class members only; the objects are the same shape.
type TesterRule = Parameters<RuleTester['run']>[1];
const rule = (id: RuleId): TesterRule => rules[id] as unknown as TesterRule;
// Secret-looking, but not a real secret of any account.
const SECRET = 'q3Vt8Zr1mK7pX2wN9bL4cJ6hD0sF5gA';

describe('eslint-plugin', () => {
  tester.run('client-side-hmac', rule('client-side-hmac'), {
    valid: [
      { filename: 'pages/api/hash.ts', code: "import { createHmac } from 'node:crypto';\nexport const hash = (id: string, key: string): string => createHmac('sha256', key).update(id).digest('hex');\n" },
      { filename: 'app/components/Chat.tsx', code: "'use client';\nexport function Chat({ hash }: { hash: string }) { return <div data-hash={hash} />; }\n" },
      // Server code by the project's settings, although the path looks like a component.
      {
        filename: 'src/components/sign.js',
        code: "import CryptoJS from 'crypto-js';\nexport const sign = (id, key) => CryptoJS.HmacSHA256(id, key).toString();\n",
        settings: { 'identity-verification': { serverGlobs: ['src/components/sign.js'] } },
      },
    ],
    invalid: [
      {
        filename: 'app/components/Chat.tsx',
        code: "'use client';\nimport CryptoJS from 'crypto-js';\nexport function Chat({ id, k }: { id: string; k: string }) {\n  const userHash = CryptoJS.HmacSHA256(id, k).toString();\n  return <div data-hash={userHash} />;\n}\n",
        errors: [{ messageId: 'finding', line: 4, column: 29, endLine: 4, endColumn: 39 }],
      },
      {
        filename: 'src/components/widget.js',
        code: "const crypto = require('crypto');\nexport const sign = (id, key) => crypto.createHmac('sha256', key).update(id).digest('hex');\n",
        errors: [{ messageId: 'finding', line: 2, column: 41 }],
      },
      // Client code by the project's settings, although the path says nothing.
      {
        filename: 'lib/sign.ts',
        code: "import CryptoJS from 'crypto-js';\nexport const sign = (id: string, key: string): string => CryptoJS.HmacSHA256(id, key).toString();\n",
        settings: { 'identity-verification': { clientGlobs: ['lib/**'] } },
        errors: [{ messageId: 'finding', line: 2 }],
      },
    ],
  });

  tester.run('hardcoded-secret', rule('hardcoded-secret'), {
    valid: [
      { filename: 'lib/server/intercom.ts', code: 'export const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n' },
      { filename: 'lib/server/intercom.js', code: "export const INTERCOM_SECRET = 'YOUR_SECRET_HERE';\n" },
      // The engine's own suppression comment is honoured as well as ESLint's.
      { filename: 'lib/server/intercom.js', code: `// idv-disable-next-line hardcoded-secret\nexport const INTERCOM_SECRET = '${SECRET}';\n` },
    ],
    invalid: [
      {
        filename: 'lib/server/intercom.js',
        code: `const INTERCOM_SECRET = '${SECRET}';\n`,
        output: 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n',
        errors: [{ messageId: 'finding', line: 1, column: 25, endLine: 1, endColumn: 25 + SECRET.length + 2 }],
      },
      {
        filename: 'app/api/intercom/route.ts',
        code: `import { createHmac } from 'node:crypto';\nexport const hash = (id: string): string => createHmac('sha256', "${SECRET}").update(id).digest('hex');\n`,
        output: "import { createHmac } from 'node:crypto';\nexport const hash = (id: string): string => createHmac('sha256', process.env.INTERCOM_IDENTITY_VERIFICATION_SECRET).update(id).digest('hex');\n",
        errors: [{ messageId: 'finding', line: 2 }],
      },
      // ESLint breaks lines at U+2028 and the engine does not: the location must still be ESLint's.
      {
        filename: 'lib/server/intercom.ts',
        code: `const a = 1;\u2028const INTERCOM_SECRET = '${SECRET}';\n`,
        output: `const a = 1;\u2028const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n`,
        errors: [{ messageId: 'finding', line: 2, column: 25 }],
      },
      // Where the engine only suggests its edit (a Go constant: `os.Getenv` is not constant and
      // needs an import), ESLint gets a suggestion and no autofix. The text parses as JS too.
      {
        filename: 'cmd/server/main.go',
        code: `const hmacSecret = "${SECRET}"\n`,
        output: null,
        errors: [{
          messageId: 'finding',
          suggestions: [{
            messageId: 'suggestion',
            data: { title: 'Read HMAC_SECRET from the environment (add the import)' },
            output: 'const hmacSecret = os.Getenv("HMAC_SECRET")\n',
          }],
        }],
      },
    ],
  });

  tester.run('secret-exposed-to-client', rule('secret-exposed-to-client'), {
    valid: [
      { filename: 'pages/api/hash.ts', code: 'export const secret = process.env.INTERCOM_SECRET;\n' },
      { filename: 'app/components/Chat.tsx', code: "'use client';\nexport const Chat = ({ hash }: { hash: string }) => <div data-hash={hash} />;\n" },
    ],
    invalid: [
      {
        filename: 'src/components/intercomConfig.ts',
        code: 'export const config: { secret?: string } = { secret: process.env.NEXT_PUBLIC_INTERCOM_SECRET };\n',
        errors: [{ messageId: 'finding', line: 1, column: 66, endColumn: 93 }],
      },
      {
        filename: 'app/components/Chat.tsx',
        code: "'use client';\nexport const Chat = () => <div data-secret={process.env.INTERCOM_SECRET} />;\n",
        errors: [{ messageId: 'finding', line: 2 }],
      },
      {
        filename: 'src/config.js',
        code: 'export const secret = import.meta.env.VITE_INTERCOM_SECRET;\n',
        errors: [{ messageId: 'finding', line: 1 }],
      },
    ],
  });

  const route = (hashed: string) => [
    "import { createHmac } from 'node:crypto';",
    'export function settings(user: { id: string; email: string }) {',
    "  const secret = process.env.INTERCOM_IDENTITY_VERIFICATION_SECRET ?? '';",
    `  const userHash = createHmac('sha256', secret).update(${hashed}).digest('hex');`,
    "  return { app_id: 'abc123', user_id: user.id, user_hash: userHash };",
    '}',
    '',
  ].join('\n');
  tester.run('user-hash-identifier-mismatch', rule('user-hash-identifier-mismatch'), {
    valid: [{ filename: 'app/api/messenger/route.ts', code: route('user.id') }],
    invalid: [{
      filename: 'app/api/messenger/route.ts', code: route('user.email'),
      // The ESLint plugin has no syntax facts; the text scanner's edit is the same: hash what is sent.
      errors: [{ messageId: 'finding', line: 4, column: 56, endColumn: 66, suggestions: [{ messageId: 'suggestion', data: { title: 'Hash user.id, the identifier that is sent' }, output: route('user.id') }] }],
    }],
  });

  tester.run('missing-user-hash', rule('missing-user-hash'), {
    valid: [
      { filename: 'public/js/boot.js', code: "window.intercomSettings = { app_id: 'abc123', user_id: window.user.id, user_hash: window.user.hash };\n" },
      { filename: 'public/js/boot.js', code: "window.intercomSettings = { app_id: 'abc123' };\n" },
    ],
    invalid: [
      {
        filename: 'public/js/boot.js',
        code: "window.intercomSettings = {\n  app_id: 'abc123',\n  user_id: window.user.id,\n};\n",
        errors: [{ messageId: 'finding', line: 1, column: 8, endColumn: 24 }],
      },
      {
        filename: 'app/components/Messenger.tsx',
        code: "'use client';\nexport function Messenger({ id }: { id: string }) {\n  window.Intercom('boot', { app_id: 'abc123', user_id: id });\n  return <span />;\n}\n",
        errors: [{ messageId: 'finding', line: 3 }],
      },
    ],
  });

  describe('plugin object', () => {
    it('has one ESLint rule per core rule, described and documented as the core describes it', () => {
      assert.deepEqual(Object.keys(plugin.rules).sort(), RULES.map((r) => r.id).sort());
      for (const meta of RULES) {
        const rule = plugin.rules[meta.id];
        assert.equal(rule.meta.docs?.description, meta.description, meta.id);
        assert.equal(rule.meta.docs?.url, docsUrl(meta.id));
        assert.match(docsUrl(meta.id), new RegExp(`^https://[^#]+#${meta.id}$`));
        assert.equal(rule.meta.fixable, meta.fixable ? 'code' : undefined, meta.id);
      }
    });

    it('configs.recommended is a flat config turning every rule on at the core default severity', () => {
      const { recommended } = plugin.configs;
      assert.equal(recommended.name, 'identity-verification/recommended');
      assert.equal(recommended.plugins['identity-verification'], plugin);
      assert.deepEqual(recommended.rules, Object.fromEntries(RULES.map((r) => [`identity-verification/${r.id}`, r.defaultSeverity === 'error' ? 'error' : 'warn'])));
      assert.ok(Object.values(recommended.rules).includes('warn'), 'missing-user-hash is a warning in the core');
      assert.match(plugin.meta.version, /^\d+\.\d+\.\d+/);
    });
  });

  describe('engine bridge', () => {
    it('runs the engine once per file: the five rules share one result', () => {
      const sourceCode = { text: `const INTERCOM_SECRET = '${SECRET}';\n`, getLocFromIndex: () => ({ line: 1, column: 0 }) };
      const context = (): EngineContext => ({ cwd: '/p', filename: '/p/lib/server/a.js', settings: {}, sourceCode });
      const first = findingsFor(context());
      assert.equal(first.length, 1);
      assert.equal(findingsFor(context()), first);
      // Another file (another SourceCode) is linted afresh.
      assert.notEqual(findingsFor({ ...context(), sourceCode: { ...sourceCode } }), first);
    });

    it('gives the engine posix paths relative to cwd', () => {
      assert.equal(projectPath('/p', '/p/app/components/Chat.tsx'), 'app/components/Chat.tsx');
      assert.equal(projectPath('/p', 'pages/api/hash.ts'), 'pages/api/hash.ts');
      assert.equal(projectPath('/p', '/elsewhere/x.js'), 'elsewhere/x.js');
    });

    it('reads settings["identity-verification"] and rejects what it does not know', () => {
      const config = configFrom({ 'identity-verification': { clientGlobs: ['web/**'], secretNamePatterns: ['*_MAC_KEY'] } });
      assert.deepEqual(config.clientGlobs, ['web/**']);
      assert.deepEqual(config.secretNamePatterns, ['*_MAC_KEY']);
      assert.ok(Object.values(config.rules).every((s) => s !== 'off'));
      assert.throws(() => configFrom({ 'identity-verification': { clientGlob: ['web/**'] } }), /unknown key "clientGlob"/);
      assert.throws(() => configFrom({ 'identity-verification': { serverGlobs: 'api/**' } }), /serverGlobs must be an array/);
      assert.throws(() => configFrom({ 'identity-verification': ['web/**'] }), /must be an object/);
    });
  });
});
