import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { createIgnoreOracle, resolveGit } from '../../../src/core/engine/index';
import { main } from '../../../src/cli/main';

const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';

function scan(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  return main(['scan', ...args], { stdout: (t) => { out += t; }, stderr: () => undefined, stdin: process.stdin, env: {}, cwd })
    .then((code) => ({ code, out }));
}

describe('engine: git-aware "committed"', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'idv-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'core.fsmonitor=', ...args], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    mkdirSync(join(repo, 'web'));
    mkdirSync(join(repo, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(repo, '.gitignore'), '.env.local\nnode_modules/\n');
    writeFileSync(join(repo, '.env'), `INTERCOM_SECRET=${SECRET}\n`);
    writeFileSync(join(repo, '.env.local'), `INTERCOM_SECRET=${SECRET}\nNEXT_PUBLIC_INTERCOM_SECRET=x\n`);
    writeFileSync(join(repo, 'web', 'untracked.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    writeFileSync(join(repo, 'node_modules', 'dep', 'index.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    git('add', '.gitignore', '.env');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('asks git once for a batch of paths: the ignored .env.local, not the tracked .env', async () => {
    const oracle = await createIgnoreOracle(repo);
    assert.equal(oracle.inRepository, true);
    assert.deepEqual([...await oracle.ignored(['.env', '.env.local', 'web/untracked.js'])], ['.env.local']);
  });

  it('counts everything as committable outside a repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'idv-nogit-'));
    try {
      const oracle = await createIgnoreOracle(outside);
      assert.equal(oracle.inRepository, false);
      assert.deepEqual([...await oracle.ignored(['.env'])], []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('idv scan: reports the tracked .env and untracked files, the ignored .env.local only for its public prefix, never node_modules', async () => {
    const { code, out } = await scan(repo, ['--format', 'json']);
    assert.equal(code, 1);
    const findings = (JSON.parse(out) as { findings: { file: string; ruleId: string; line: number }[] }).findings;
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), [
      '.env:1 hardcoded-secret',
      '.env.local:2 secret-exposed-to-client',
      'web/untracked.js:1 hardcoded-secret',
    ]);
  });

  it('idv scan on an explicitly named ignored file still knows it is not committed', async () => {
    const { out } = await scan(repo, ['.env.local']);
    assert.match(out, /^\.env\.local:2:1 error secret-exposed-to-client /);
    assert.doesNotMatch(out, /hardcoded-secret/);
  });
});

describe('engine: which git runs', () => {
  it('is found by absolute path on PATH, never in the scanned folder or through a relative entry', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'idv-gitbin-'));
    const saved = process.env.PATH;
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo });
      writeFileSync(join(repo, 'server.env'), `INTERCOM_SECRET=${SECRET}\n`);
      // A "git" planted in the repository: running it would leave a marker file.
      const marker = join(repo, 'planted-git-ran');
      for (const dir of [repo, join(repo, 'bin')]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'git'), `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
      }
      const real = resolveGit({ PATH: saved });
      assert.ok(real !== undefined && isAbsolute(real));
      process.env.PATH = ['.', '', join(repo, 'bin'), repo, saved].join(delimiter);
      assert.equal(resolveGit(process.env, [repo]), real, 'the planted ones are passed over');
      const { out } = await scan(repo, ['--format', 'json']);
      assert.ok(!existsSync(marker), 'the planted git never ran');
      assert.equal((JSON.parse(out) as { findings: { file: string }[] }).findings[0]?.file, 'server.env');
    } finally {
      process.env.PATH = saved;
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
