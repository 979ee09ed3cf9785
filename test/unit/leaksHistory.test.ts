/**
 * The known secret in git history (src/core/leaks/history.ts), on real repositories the tests
 * build: the earliest commit that added it, whether it is still at HEAD, merges, archives,
 * progress and cancellation.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSecret, type LeakProgress } from '../../src/core/leaks/index';
import { zip } from './zipWriter';

const SECRET = 'Idv_History_Secret_0a1b2c3d4e5f6a7b8c9d';

describe('leaks: git history', function () {
  this.timeout(60_000);
  let dir = '';
  let clock = 0;
  function git(...args: string[]): string {
    // Fixed, increasing dates: the order git prints is then the order the test wrote.
    clock++;
    const date = `2024-01-01T00:00:${String(clock).padStart(2, '0')}+00:00`;
    return execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    }).trim();
  }
  function write(rel: string, data: string | Buffer): void {
    const path = join(dir, ...rel.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
  }
  function commit(message: string): string {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  }
  beforeEach(() => {
    clock = 0;
    dir = mkdtempSync(join(tmpdir(), 'idv-leaks-history-'));
    git('init', '-q');
    write('README.md', '# app\n');
    commit('start');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a secret committed then removed, with the commit that added it, "not at HEAD"', async () => {
    write('server/config.js', `module.exports = { secret: '${SECRET}' };\n`);
    const added = commit('add config');
    write('server/config.js', `module.exports = { secret: '${SECRET}', region: 'eu' };\n`);
    commit('edit config, secret still in it');
    write('server/config.js', 'module.exports = { secret: process.env.INTERCOM_SECRET };\n');
    commit('read it from the environment');
    const report = await findSecret(SECRET, { history: [dir] });
    assert.deepEqual(report.hits.map((h) => [h.source, h.path, h.form, h.commit?.sha, h.commit?.author, h.atHead, h.commits]), [
      ['history', 'server/config.js', 'text', added, 'IDV Tests', false, 2],
    ]);
    assert.equal(report.hits[0]?.commit?.date, '2024-01-01T00:00:06+00:00');
    assert.deepEqual([report.hits[0]?.line, report.hits[0]?.column], [1, 29]);
    assert.equal(report.counts.commits, 4);
    assert.deepEqual(report.notices, []);
    assert.deepEqual(report.repositories, [dir]);
  });

  it('says "at HEAD" for a secret still committed, and finds its encoded forms', async () => {
    write('web/.env.production', `NEXT_PUBLIC_INTERCOM_SECRET=${SECRET}\n`);
    write('android/app/src/main/res/raw/blob.txt', Buffer.from(`{"k":"${SECRET}"}`).toString('base64'));
    const added = commit('add env');
    const report = await findSecret(SECRET, { history: [join(dir, 'web')] });
    // The base64 is of a longer value; whether the secret's own full base64 matches depends on the bytes after it.
    assert.deepEqual(report.hits.map((h) => [h.path, h.form.replace(/-inner$/, ''), h.commit?.sha, h.atHead]).sort(), [
      ['android/app/src/main/res/raw/blob.txt', 'base64', added, true],
      ['web/.env.production', 'text', added, true],
    ]);
  });

  it('finds a secret that only a merge commit\'s resolution added', async () => {
    write('shared.txt', 'base\n');
    commit('base');
    git('checkout', '-q', '-b', 'side');
    write('shared.txt', 'side\n');
    commit('side');
    git('checkout', '-q', 'main');
    write('shared.txt', 'main\n');
    commit('main');
    try {
      git('merge', '-q', 'side', '-m', 'merge');
    } catch {
      // The conflict: resolved by hand, with the secret.
    }
    write('shared.txt', `resolved ${SECRET}\n`);
    const merge = commit('merge side');
    assert.equal(git('rev-list', '--parents', '-n', '1', 'HEAD').split(' ').length, 3, 'a merge commit');
    const report = await findSecret(SECRET, { history: [dir] });
    assert.deepEqual(report.hits.map((h) => [h.path, h.commit?.sha, h.atHead]), [['shared.txt', merge, true]]);
  });

  it('looks inside archives committed to the repository, and on every ref', async () => {
    git('checkout', '-q', '-b', 'release');
    write('release/app.apk', zip([{ name: 'assets/config.json', data: `{"secret":"${SECRET}"}` }]));
    const added = commit('ship the apk');
    git('checkout', '-q', 'main');
    const report = await findSecret(SECRET, { history: [dir] });
    assert.deepEqual(report.hits.map((h) => [h.path, h.entry, h.commit?.sha, h.atHead]), [['release/app.apk', ['assets/config.json'], added, false]]);
    assert.equal(report.counts.archives, 1);
  });

  it('reports progress with the total, and stops when cancelled', async () => {
    for (let i = 0; i < 12; i++) {
      write(`f${i}.txt`, `${i}\n`);
      commit(`c${i}`);
    }
    const progress: LeakProgress[] = [];
    const all = await findSecret(SECRET, { history: [dir], onProgress: (p) => progress.push(p) });
    assert.equal(all.cancelled, false);
    assert.equal(all.counts.commits, 13);
    assert.equal(progress.at(-1)?.totalCommits, 13);
    assert.equal(progress.at(-1)?.commits, 13);
    assert.ok(progress.every((p, i) => i === 0 || p.commits >= (progress[i - 1]?.commits ?? 0)));

    const controller = new AbortController();
    const cancelled = await findSecret(SECRET, { history: [dir], signal: controller.signal, onProgress: (p) => { if (p.commits === 2) controller.abort(); } });
    assert.equal(cancelled.cancelled, true);
    assert.ok(cancelled.counts.commits < 13);
  });

  it('says why a folder outside any repository has no history', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'idv-leaks-no-repo-'));
    try {
      const report = await findSecret(SECRET, { history: [outside] });
      assert.deepEqual(report.notices.map((n) => n.level), ['error']);
      assert.match(report.notices[0]?.message ?? '', /not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
