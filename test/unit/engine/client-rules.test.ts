import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type Finding } from '../../../src/core/engine/index';
import { linesOf, run } from './helpers';

const rule = (id: string) => (findings: Finding[]) => findings.filter((f) => f.ruleId === id);

describe('rule secret-exposed-to-client', () => {
  const exposed = rule('secret-exposed-to-client');
  for (const prefix of ['NEXT_PUBLIC_', 'REACT_APP_', 'VITE_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'GATSBY_', 'VUE_APP_', 'PUBLIC_']) {
    it(`reports ${prefix} on a secret name, in a git-ignored .env and where code reads it`, () => {
      const name = `${prefix}INTERCOM_SECRET`;
      const [inEnv] = exposed(run('.env', `${name}=whatever`, { committed: false }));
      assert.deepEqual(inEnv?.range, { start: { line: 0, column: 0 }, end: { line: 0, column: name.length } });
      assert.equal(exposed(run('src/chat.ts', `const s = process.env.${name};`)).length, 1);
    });
  }
  it('leaves public ids alone', () => {
    assert.deepEqual(exposed(run('.env', 'NEXT_PUBLIC_INTERCOM_APP_ID=ab12cd34\nVITE_CRISP_WEBSITE_ID=1')), []);
  });
  it('reports a server-only secret read in client code but not in server code', () => {
    const text = "const s = process.env.INTERCOM_SECRET;";
    assert.deepEqual(linesOf(run('src/components/Chat.tsx', text), 'secret-exposed-to-client'), [1]);
    assert.deepEqual(linesOf(run('pages/api/hash.ts', text), 'secret-exposed-to-client'), []);
    assert.deepEqual(linesOf(run('src/components/Chat.tsx', text, { side: 'server' }), 'secret-exposed-to-client'), []);
  });
});

describe('rule client-side-hmac and client/server classification', () => {
  const hmac = rule('client-side-hmac');
  const text = "const h = createHmac('sha256', key).update(id).digest('hex');";
  it('follows the stack conventions for the same code', () => {
    for (const path of ['src/components/Chat.tsx', 'client/src/hash.js', 'app/javascript/hash.js', 'resources/js/hash.js', 'src/lib/hash.client.ts']) {
      assert.equal(hmac(run(path, text)).length, 1, path);
    }
    for (const path of ['pages/api/hash.ts', 'app/api/hash/route.ts', 'src/lib/hash.server.ts', 'src/routes/+page.server.ts', 'server/api/hash.ts', 'functions/src/index.ts', 'netlify/functions/hash.js']) {
      assert.deepEqual(hmac(run(path, text)), [], path);
    }
  });
  it("honours 'use client' and 'use server' directives", () => {
    assert.equal(hmac(run('lib/hash.ts', `'use client';\n${text}`)).length, 1);
    assert.deepEqual(hmac(run('src/components/hash.ts', `"use server";\n${text}`)), []);
  });
  it('lets clientGlobs and serverGlobs override the guess', () => {
    assert.deepEqual(hmac(run('web/hash.js', text)), []);
    assert.equal(hmac(run('web/hash.js', text, { config: { ...DEFAULT_CONFIG, clientGlobs: ['web/**'] } })).length, 1);
    assert.deepEqual(hmac(run('src/components/Chat.tsx', text, { config: { ...DEFAULT_CONFIG, serverGlobs: ['src/**'] } })), []);
  });
  it('reports the line of the computing call', () => {
    const [f] = hmac(run('src/components/Chat.jsx', `import CryptoJS from 'crypto-js';\n\nconst h = CryptoJS.HmacSHA256(id, key);`));
    assert.deepEqual(f?.range.start, { line: 2, column: 19 });
  });
});

describe('rules user-hash-identifier-mismatch and missing-user-hash', () => {
  it('reports the hash line, pointing at the hashed expression', () => {
    const text = "const userHash = createHmac('sha256', s).update(user.email).digest('hex');\nwindow.intercomSettings = { user_id: user.id, email: user.email, user_hash: userHash };";
    const [f] = rule('user-hash-identifier-mismatch')(run('server/a.ts', text));
    assert.deepEqual(f?.range, { start: { line: 0, column: 48 }, end: { line: 0, column: 58 } });
  });
  it('reports where the settings object starts, with the default severity warning', () => {
    const [f] = rule('missing-user-hash')(run('src/a.js', "x();\nwindow.intercomSettings = {\n  app_id: 'a',\n  email: user.email,\n};"));
    assert.equal(f?.range.start.line, 1);
    assert.equal(f?.severity, 'warning');
  });
});
