import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/engine/index';
import { buildProject, type ProjectFile, type ProjectModel } from '../../../src/core/project/index';
import { syntaxLanguageOf } from '../../../src/core/syntax/index';
import { main } from '../../../src/cli/main';
import { FIXTURES, syntax } from '../engine/helpers';

const ROOT = join(FIXTURES, 'project-model');

/** Every JS/TS module of one fixture project with its facts, and its other paths. */
async function model(name: string): Promise<{ model: ProjectModel; texts: Map<string, string> }> {
  const dir = join(ROOT, name);
  const files: ProjectFile[] = [];
  const other: string[] = [];
  const texts = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const entry of readdirSync(join(dir, rel))) {
      const path = rel === '' ? entry : `${rel}/${entry}`;
      if (statSync(join(dir, path)).isDirectory()) await walk(path);
      else {
        const language = syntaxLanguageOf(path);
        const text = readFileSync(join(dir, path), 'utf8');
        texts.set(path, text);
        if (language === 'javascript' || language === 'typescript' || language === 'tsx') files.push({ path, facts: await syntax.facts(text, language) });
        else other.push(path);
      }
    }
  };
  await walk('');
  return { model: buildProject(files, { config: DEFAULT_CONFIG, otherPaths: other }), texts };
}

const side = (m: ProjectModel, path: string) => m.sides.get(path)?.side;

describe('project model', function () {
  this.timeout(30_000);

  it('Next.js app router: server components by default, the client boundary, a secret passed as a prop', async () => {
    const { model: m, texts } = await model('next-app');
    assert.equal(side(m, 'app/layout.tsx'), 'server');
    assert.equal(side(m, 'app/account/page.tsx'), 'server');
    assert.equal(side(m, 'components/IntercomClient.tsx'), 'client');
    assert.equal(side(m, 'components/format.ts'), 'client');
    assert.match(m.sides.get('components/format.ts')?.reason ?? '', /IntercomClient/);
    // Imported only by a server component, so a server component itself.
    assert.equal(side(m, 'components/Greeting.tsx'), 'server');
    assert.deepEqual(m.imports.get('app/layout.tsx'), ['components/IntercomClient.tsx']);
    // The secret handed to the client component is a finding; the hash handed to another is not.
    assert.equal(m.findings.length, 1);
    const [f] = m.findings;
    assert.equal(f?.ruleId, 'secret-exposed-to-client');
    assert.equal(f?.path, 'app/layout.tsx');
    assert.equal(texts.get('app/layout.tsx')?.slice(f?.start, f?.end), 'secret={intercomSecret}');
  });

  it('a module that reads a server-only secret, imported by a client component', async () => {
    const { model: m, texts } = await model('lib-read');
    assert.equal(side(m, 'src/components/Chat.tsx'), 'client');
    assert.equal(side(m, 'src/lib/format.ts'), 'client', '@/lib/format resolves to src/lib/format.ts');
    assert.equal(side(m, 'src/lib/intercom.ts'), 'server');
    assert.equal(m.sides.get('src/lib/intercom.ts')?.decided, false, 'reading a secret stops the graph but does not overrule the per-file guess');
    assert.equal(m.findings.length, 1);
    const [f] = m.findings;
    assert.equal(f?.path, 'src/components/Chat.tsx');
    assert.equal(texts.get(f?.path ?? '')?.slice(f?.start, f?.end), "import { intercomUserHash } from '../lib/intercom';");
  });

  it('SvelteKit under web/src: the endpoint and $lib/server are server code, no finding', async () => {
    const { model: m } = await model('sveltekit');
    assert.equal(side(m, 'web/src/routes/api/intercom/+server.ts'), 'server');
    assert.equal(side(m, 'web/src/lib/server/intercom.ts'), 'server');
    assert.deepEqual(m.imports.get('web/src/routes/api/intercom/+server.ts'), ['web/src/lib/server/intercom.ts']);
    assert.equal(side(m, 'web/src/lib/messenger.ts'), 'unknown');
    assert.deepEqual(m.findings, []);
  });

  it('the server hashes the email while the client sends a user id: a mismatch at the computation', async () => {
    const { model: m, texts } = await model('mismatch-true');
    assert.equal(m.findings.length, 1);
    const [f] = m.findings;
    assert.equal(f?.ruleId, 'user-hash-identifier-mismatch');
    assert.equal(f?.path, 'server/api/intercom.ts');
    assert.equal(texts.get(f?.path ?? '')?.slice(f?.start, f?.end), 'user.email');
  });

  it('the server hashes the id the client sends (through String()): no mismatch', async () => {
    const { model: m } = await model('mismatch-false');
    assert.deepEqual(m.findings, []);
  });

  it('attributes the server signs into the messenger JWT and the client also sends in clear, not the id', async () => {
    const { model: m, texts } = await model('jwt-signed');
    const found = m.findings.map((f) => [f.path, f.ruleId, texts.get(f.path)?.slice(f.start, f.end)]);
    assert.deepEqual(found, [
      ['src/components/Messenger.tsx', 'messenger-jwt', 'email: user.email'],
      ['src/components/Messenger.tsx', 'messenger-jwt', 'plan: user.plan'],
    ]);
    assert.equal(m.findings[0]?.message, '"email" is signed in the Intercom JWT and also sent in clear');
    assert.match(m.findings[0]?.detail ?? '', /`email` is signed in the Intercom JWT \(`server\/api\/messenger\.ts`\)/);
    // Without the clear copies, nothing to say.
    const clean = texts.get('src/components/Messenger.tsx')?.replace(/\n {6}email: user\.email,\n {6}plan: user\.plan,/, '') ?? '';
    assert.doesNotMatch(clean, /plan: user/);
    const files = [
      { path: 'server/api/messenger.ts', facts: await syntax.facts(texts.get('server/api/messenger.ts') ?? '', 'typescript') },
      { path: 'src/components/Messenger.tsx', facts: await syntax.facts(clean, 'tsx') },
    ];
    assert.deepEqual(buildProject(files, { config: DEFAULT_CONFIG }).findings, []);
  });

  it('idv scan reports the cross-file findings and lints with the model\'s sides', async () => {
    let out = '';
    const code = await main(['scan', '--format', 'json'], { stdout: (t) => { out += t; }, stderr: () => {}, stdin: process.stdin, env: {}, cwd: join(ROOT, 'next-app') });
    assert.equal(code, 1);
    const report = JSON.parse(out) as { findings: { file: string; ruleId: string; line: number }[] };
    assert.deepEqual(report.findings.map((f) => [f.file, f.ruleId, f.line]), [['app/layout.tsx', 'secret-exposed-to-client', 10]]);
  });
});
