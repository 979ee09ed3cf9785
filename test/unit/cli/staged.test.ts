/**
 * `idv scan --staged` on real git repositories the test builds: what `git commit` would record
 * (the index), not the working tree.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const SECRET = 'a8f5f167f44f4964e6c998dee827110c';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

async function idv(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd });
  return { code, out, err };
}

describe('cli: idv scan --staged', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-staged-'));
    git(dir, 'init', '-q');
    mkdirSync(join(dir, 'server'));
    writeFileSync(join(dir, 'server', 'other.js'), 'const ok = process.env.INTERCOM_SECRET;\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'clean');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a staged secret, ignores an unstaged one, and reads the index even when the working copy was cleaned', async () => {
    writeFileSync(join(dir, 'server', 'config.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    writeFileSync(join(dir, 'server', 'cleaned.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    git(dir, 'add', 'server/config.js', 'server/cleaned.js');
    // Cleaned in the working tree after staging: the commit would still record the secret.
    writeFileSync(join(dir, 'server', 'cleaned.js'), 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n');
    // A tracked file changed but not staged: not part of the commit.
    writeFileSync(join(dir, 'server', 'other.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    const { code, out } = await idv(['scan', '--staged', '--format', 'json'], dir);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { findings: { file: string; ruleId: string; line: number }[] };
    assert.deepEqual(report.findings.map((f) => [f.file, f.ruleId, f.line]), [['server/cleaned.js', 'hardcoded-secret', 1], ['server/config.js', 'hardcoded-secret', 1]]);
    assert.ok(!out.includes(SECRET), 'the secret value is never printed');
  });

  it('reports from a subfolder with paths relative to it, a staged link as not read, and nothing for a clean commit', async () => {
    symlinkSync('other.js', join(dir, 'server', 'link.js'));
    git(dir, 'add', 'server/link.js');
    const clean = await idv(['scan', '--staged', '--format', 'json', '--verbose'], join(dir, 'server'));
    assert.equal(clean.code, 0, clean.err);
    const report = JSON.parse(clean.out) as { findings: unknown[]; skipped: { file: string; reason: string }[] };
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.skipped.map((s) => s.file), ['link.js']);
    writeFileSync(join(dir, 'server', 'config.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    git(dir, 'add', 'server/config.js');
    const found = await idv(['scan', '--staged'], join(dir, 'server'));
    assert.equal(found.code, 1);
    assert.match(found.out, /^config\.js:1:\d+ error hardcoded-secret /m);
  });

  it('says why it cannot run: outside a repository, with paths, with --fix', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'idv-not-a-repo-'));
    try {
      const r = await idv(['scan', '--staged'], outside);
      assert.equal(r.code, 2);
      assert.match(r.err, /not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    assert.equal((await idv(['scan', '--staged', 'server'], dir)).code, 2);
    assert.equal((await idv(['scan', '--staged', '--fix'], dir)).code, 2);
  });
});
