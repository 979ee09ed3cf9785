/**
 * The known secret in files on disk and in archives (src/core/leaks): build output git ignores,
 * `.apk`-shaped archives with nested zips, caps against zip bombs, and the things never opened.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { findSecret, type LeakReport } from '../../src/core/leaks/index';
import { zip } from './zipWriter';

const SECRET = 'Idv_Test_Secret_9f8e7d6c5b4a39281706';
const B64 = Buffer.from(SECRET).toString('base64').replace(/=+$/, '');

function write(root: string, rel: string, data: string | Buffer): string {
  const path = join(root, ...rel.split('/'));
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return path;
}

/** `[path relative to root with entries, form]` per hit, sorted. */
function places(report: LeakReport, root: string): string[] {
  return report.hits.map((h) => `${h.path.slice(root.length + 1).split(sep).join('/')}${(h.entry ?? []).map((e) => `!/${e}`).join('')} ${h.form}`).sort();
}

describe('leaks: files and archives', function () {
  this.timeout(60_000);
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'idv-leaks-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the base64 form in a git-ignored .next chunk, with line and column, and skips .git and node_modules with reasons', async () => {
    write(root, '.gitignore', '.next/\nnode_modules/\n');
    write(root, '.next/static/chunks/pages/_app-3f2a.js', `(self.webpackChunk=self.webpackChunk||[]).push([[888],{1:function(e){e.exports={k:"${B64}"}}}]);\n`);
    write(root, 'node_modules/pkg/index.js', SECRET);
    write(root, '.git/config', SECRET);
    write(root, 'src/clean.ts', 'export const ok = process.env.INTERCOM_SECRET;\n');
    const report = await findSecret(SECRET, { files: [root] });
    assert.deepEqual(places(report, root), ['.next/static/chunks/pages/_app-3f2a.js base64']);
    const hit = report.hits[0];
    assert.equal(hit?.line, 1);
    assert.equal(hit?.column, 1 + '(self.webpackChunk=self.webpackChunk||[]).push([[888],{1:function(e){e.exports={k:"'.length);
    assert.equal(hit?.formLabel, 'base64 of the secret');
    assert.deepEqual(report.skipped.map((s) => [s.path.slice(root.length + 1), s.kind]).sort(), [[`.git${sep}`, 'excluded-folder'], [`node_modules${sep}`, 'excluded-folder']]);
    assert.equal(report.counts.files, 3);
  });

  it('finds the secret in the entries of an .apk-shaped archive, nested zips included, named by entry path', async () => {
    const inner = zip([{ name: 'config/app.json', data: `{"messenger":{"secret":"${SECRET}"}}` }]);
    const deeper = zip([{ name: 'lib.zip', data: zip([{ name: 'keys.txt', data: `key=${encodeURIComponent(SECRET)}` }]) }]);
    write(root, 'app/build/outputs/apk/release/app-release.apk', zip([
      { name: 'AndroidManifest.xml', data: Buffer.alloc(4096, 1) },
      { name: 'res/values/strings.xml', data: `<resources>\n  <string name="k">${SECRET}</string>\n</resources>\n` },
      { name: 'resources.arsc', data: Buffer.concat([Buffer.alloc(100), Buffer.from(SECRET, 'utf16le')]), store: true },
      { name: 'assets/bundle.zip', data: inner },
      { name: 'assets/deeper.jar', data: deeper, store: true },
      { name: 'classes.dex', data: Buffer.alloc(10_000, 7) },
    ]));
    const report = await findSecret(SECRET, { files: [root] });
    const apk = 'app/build/outputs/apk/release/app-release.apk';
    assert.deepEqual(places(report, root), [
      `${apk}!/assets/bundle.zip!/config/app.json text`,
      `${apk}!/assets/deeper.jar!/lib.zip!/keys.txt text`,
      `${apk}!/res/values/strings.xml text`,
      `${apk}!/resources.arsc utf16le`,
    ]);
    const strings = report.hits.find((h) => h.entry?.[0] === 'res/values/strings.xml');
    assert.deepEqual([strings?.line, strings?.column], [2, 20]);
    assert.equal(report.hits.find((h) => h.form === 'utf16le')?.offset, 100);
    assert.equal(report.counts.archives, 4);
    assert.equal(report.counts.archiveEntries, 9);
    assert.deepEqual(report.skipped, []);
  });

  it('reports an entry over the caps as not searched, and still searches the rest of the archive', async () => {
    // 8 MiB of zeros deflate to a few KiB: a small zip bomb, capped at 1 MiB per entry.
    const bomb = Buffer.concat([Buffer.alloc(8 << 20), Buffer.from(SECRET)]);
    write(root, 'dist/app.ipa', zip([
      { name: 'Payload/App.app/bomb.bin', data: bomb },
      { name: 'Payload/App.app/Info.plist', data: `<string>${SECRET}</string>` },
    ]));
    const report = await findSecret(SECRET, { files: [root], limits: { entryBytes: 1 << 20 } });
    assert.deepEqual(places(report, root), ['dist/app.ipa!/Payload/App.app/Info.plist text']);
    assert.deepEqual(report.skipped.map((s) => [s.entry, s.kind]), [[['Payload/App.app/bomb.bin'], 'archive-limit']]);
    assert.match(report.skipped[0]?.reason ?? '', /inflates to 8 MB, over the 1 MB limit/);
    assert.ok(report.counts.entryBytes < 1 << 20, 'the capped entry was not inflated');
    // The same bound over the whole archive.
    const total = await findSecret(SECRET, { files: [root], limits: { archiveBytes: 1 << 20 } });
    assert.deepEqual(total.skipped.map((s) => [s.entry, s.kind]), [[['Payload/App.app/bomb.bin'], 'archive-limit']]);
  });

  it('opens archives three deep and reports a deeper one as not opened', async () => {
    let nested = zip([{ name: 'secret.txt', data: SECRET }]);
    for (let i = 0; i < 3; i++) nested = zip([{ name: `level${i}.zip`, data: nested }]);
    write(root, 'out.zip', nested);
    const report = await findSecret(SECRET, { files: [root] });
    assert.deepEqual(report.hits, []);
    assert.deepEqual(report.skipped.map((s) => [s.entry, s.kind]), [[['level2.zip', 'level1.zip', 'level0.zip'], 'archive-limit']]);
  });

  it('searches a damaged archive as plain bytes and says it could not be read as one', async () => {
    write(root, 'broken.apk', `PK not really a zip ${SECRET}`);
    const report = await findSecret(SECRET, { files: [root] });
    assert.deepEqual(places(report, root), ['broken.apk text']);
    assert.deepEqual(report.skipped.map((s) => s.kind), ['unreadable']);
  });

  it('never opens a FIFO, never follows a link out of the tree, and finishes', async function () {
    if (process.platform === 'win32') this.skip();
    const outside = mkdtempSync(join(tmpdir(), 'idv-leaks-outside-'));
    try {
      write(outside, 'secret.txt', SECRET);
      symlinkSync(outside, join(root, 'linked-folder'));
      symlinkSync(join(outside, 'secret.txt'), join(root, 'linked-file.txt'));
      execFileSync('mkfifo', [join(root, 'pipe')]);
      execFileSync('mkfifo', [join(root, 'pipe.apk')]);
      write(root, 'after.txt', SECRET);
      const report = await findSecret(SECRET, { files: [root] });
      assert.deepEqual(places(report, root), ['after.txt text']);
      assert.deepEqual(report.skipped.map((s) => [s.path.slice(root.length + 1), s.kind]), [['linked-file.txt', 'symlink'], ['linked-folder', 'symlink'], ['pipe', 'not-regular'], ['pipe.apk', 'not-regular']]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('stops when its AbortSignal fires and says it was cancelled', async () => {
    for (let i = 0; i < 20; i++) write(root, `f${String(i).padStart(2, '0')}.txt`, i === 19 ? SECRET : 'nothing');
    const controller = new AbortController();
    const seen: number[] = [];
    const report = await findSecret(SECRET, { files: [root], signal: controller.signal, onProgress: (p) => { seen.push(p.files); if (p.files === 3) controller.abort(); } });
    assert.equal(report.cancelled, true);
    assert.deepEqual(report.hits, []);
    assert.ok(report.counts.files <= 4, `searched ${report.counts.files} files after the abort`);
    assert.deepEqual(seen.slice(0, 3), [1, 2, 3]);
  });

  it('clears the secret from names that hold it', async () => {
    write(root, `dist/${SECRET}.txt`, SECRET);
    const report = await findSecret(SECRET, { files: [root] });
    assert.equal(report.hits.length, 1);
    assert.ok(report.hits[0]?.path.endsWith(`${sep}dist${sep}[secret].txt`));
    assert.ok(!JSON.stringify(report).includes(SECRET));
  });
});
