/**
 * `idv scan --history` on real git repositories the test builds: a secret added and later
 * removed is still found, with the commit that added it and "not at HEAD".
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { DEFAULT_CONFIG, findRepository } from '../../../src/core/engine/index';
import { scanHistory } from '../../../src/core/history/index';

const SECRET = 'a8f5f167f44f4964e6c998dee827110c';
const OTHER = 'Zk4Yh8Wn6Tb5s3cR7tVa1ue9Qx2LmP0a';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' }).trim();
}

function commit(dir: string, file: string, text: string, message: string): string {
  writeFileSync(join(dir, file), text);
  git(dir, 'add', '-A', '-f');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

async function idv(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd });
  return { code, out, err };
}

interface JsonFinding { file: string; line: number; ruleId: string; commit: { sha: string; author: string; date: string; atHead: boolean } }

describe('cli: idv scan --history', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-history-'));
    git(dir, 'init', '-q');
    commit(dir, 'app.js', 'console.log("hello");\n', 'start');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a secret added then removed, with its commit and "not at HEAD", and one still there as "at HEAD"', async () => {
    const added = commit(dir, 'config.js', `const a = 1;\nconst INTERCOM_SECRET = '${SECRET}';\n`, 'add config');
    // A later commit touches the next line: the secret is context there, not added again.
    commit(dir, 'config.js', `const a = 1;\nconst INTERCOM_SECRET = '${SECRET}';\nconst b = 2;\n`, 'more config');
    commit(dir, 'config.js', 'const a = 1;\nconst INTERCOM_SECRET = process.env.INTERCOM_SECRET;\nconst b = 2;\n', 'read it from the environment');
    const kept = commit(dir, '.env.production', `INTERCOM_IDENTITY_VERIFICATION_SECRET=${OTHER}\n`, 'production env');

    const { code, out, err } = await idv(['scan', '--history', '--format', 'json'], dir);
    assert.equal(code, 1, err);
    const report = JSON.parse(out) as { findings: JsonFinding[]; history: { commits: number; changes: number; ranges: string[] } };
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.ruleId, f.commit.sha, f.commit.atHead]), [
      ['.env.production', 1, 'hardcoded-secret', kept, true],
      ['config.js', 2, 'hardcoded-secret', added, false],
    ]);
    assert.equal(report.findings[1]?.commit.author, 'Ada Lovelace');
    assert.match(report.findings[1]?.commit.date ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(report.history.ranges, ['--all']);
    assert.equal(report.history.commits, 5);

    const text = await idv(['scan', '--history'], dir);
    assert.match(text.out, new RegExp(`^config\\.js:2:\\d+ error hardcoded-secret .*\\[added in ${added.slice(0, 8)} by Ada Lovelace on \\d{4}-\\d\\d-\\d\\d; no longer at HEAD, but in every clone\\]$`, 'm'));
    assert.match(text.err, /history \(--all\): 5 commits, \d+ file changes read/);
    const sarif = await idv(['scan', '--history', '--format', 'sarif'], dir);
    const results = (JSON.parse(sarif.out) as { runs: { results: { properties?: { commit?: string; atHead?: boolean } }[] }[] }).runs[0]?.results ?? [];
    assert.deepEqual(results.map((r) => [r.properties?.commit, r.properties?.atHead]), [[kept, true], [added, false]]);
    for (const output of [out, text.out, text.err, sarif.out]) {
      assert.ok(!output.includes(SECRET) && !output.includes(OTHER), 'no secret value in any output');
    }
  });

  it('accepts a secret the baseline accepts in the working tree, and reports one removed since', async () => {
    commit(dir, 'config.js', `const INTERCOM_SECRET = '${SECRET}';\n`, 'old secret');
    commit(dir, 'config.js', `const INTERCOM_SECRET = '${OTHER}';\n`, 'rotated, still hardcoded');
    const created = await idv(['baseline', 'create', 'idv-baseline.json'], dir);
    assert.equal(created.code, 0, created.err);
    const { code, out, err } = await idv(['scan', '--history', '--baseline', 'idv-baseline.json', '--format', 'json'], dir);
    assert.equal(code, 1, err);
    const report = JSON.parse(out) as { findings: JsonFinding[]; baseline: { suppressed: number } };
    assert.deepEqual(report.findings.map((f) => [f.file, f.commit.atHead]), [['config.js', false]], 'the value at HEAD is accepted; the one before it is not');
    assert.equal(report.baseline.suppressed, 1);
  });

  it('reads every ref by default and only the range when one is given', async () => {
    git(dir, 'checkout', '-q', '-b', 'feature');
    const onBranch = commit(dir, 'server.js', `const INTERCOM_SECRET = '${SECRET}';\n`, 'secret on a branch');
    git(dir, 'checkout', '-q', 'main');
    commit(dir, 'later.js', 'const x = 2;\n', 'later on main');

    const all = JSON.parse((await idv(['scan', '--history', '--format', 'json'], dir)).out) as { findings: JsonFinding[] };
    assert.deepEqual(all.findings.map((f) => [f.file, f.commit.sha, f.commit.atHead]), [['server.js', onBranch, false]], 'a branch that is not checked out is in every clone too');
    const ranged = await idv(['scan', '--history', '--format', 'json', 'main~1..main'], dir);
    assert.equal(ranged.code, 0, ranged.err);
    const report = JSON.parse(ranged.out) as { findings: JsonFinding[]; history: { commits: number; ranges: string[] } };
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.history, { ...report.history, commits: 1, ranges: ['main~1..main'] });
  });

  it('lists a binary change as not read, warns on a shallow clone, and refuses an option-looking range', async () => {
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]));
    git(dir, 'add', 'logo.png');
    git(dir, 'commit', '-q', '-m', 'logo');
    const r = await idv(['scan', '--history', '--format', 'json'], dir);
    const report = JSON.parse(r.out) as { history: { notRead: { file: string; kind: string }[] } };
    assert.deepEqual(report.history.notRead.map((s) => [s.file, s.kind]), [['logo.png', 'binary']]);
    const verbose = await idv(['scan', '--history', '--verbose'], dir);
    assert.match(verbose.err, /not scanned: logo\.png in [0-9a-f]{8}: binary change/);

    const shallow = mkdtempSync(join(tmpdir(), 'idv-history-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
      const s = await idv(['scan', '--history'], shallow);
      assert.match(s.err, /shallow clone: commits before its boundary were not read/);
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
    const bad = await idv(['scan', '--history', '--', '--output=/tmp/x'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /must not be empty or start with "-"/);
    assert.equal((await idv(['scan', '--history', '--staged'], dir)).code, 2);
  });

  it('stops when cancelled, reads one commit at a time, and reports progress', async () => {
    for (let i = 0; i < 30; i++) commit(dir, `f${i}.js`, `const v${i} = ${i};\n`, `commit ${i}`);
    const found = await findRepository(dir);
    assert.ok(found.repository);
    const whole = await scanHistory({ repo: found.repository, ranges: [], config: DEFAULT_CONFIG });
    assert.equal(whole.commits, 31);
    assert.equal(whole.cancelled, false);
    const controller = new AbortController();
    const seen: number[] = [];
    const cut = await scanHistory({
      repo: found.repository, ranges: [], config: DEFAULT_CONFIG, progressEvery: 5, signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.commits);
        if (p.commits >= 10) controller.abort();
      },
    });
    assert.equal(cut.cancelled, true);
    assert.ok(cut.commits < 31, `stopped early (${cut.commits} commits read)`);
    assert.deepEqual(seen.slice(0, 2), [5, 10]);
  });
});
