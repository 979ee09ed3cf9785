/**
 * `idv find-secret` on trees and repositories the tests build: build output, an `.apk`-shaped
 * archive, history; every output format; and never the secret, in any form, anywhere.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../../src/cli/main';
import { secretForms } from '../../../src/core/leaks/index';
import { zip } from '../zipWriter';

const REPO = join(__dirname, '..', '..', '..', '..');
// Characters that URL and JSON encoding change, so those forms exist too.
const SECRET = 'Idv/Cli+Secret"0123456789abcdefGHIJ';
const FORMS = secretForms(SECRET);

async function idv(args: string[], cwd: string, env: Record<string, string> = { IDV_TEST_SECRET: SECRET }, stdin: Readable = Readable.from([])): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin, env, cwd });
  // Whatever the command printed, no form of the secret is in it.
  for (const form of FORMS) {
    for (const text of [out, err]) assert.ok(!Buffer.from(text, 'utf8').includes(form.bytes), `${args.join(' ')}: output holds ${form.label}`);
  }
  return { code, out, err };
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, ...rest } = schema;
  delete rest.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('cli: idv find-secret', function () {
  this.timeout(60_000);
  let dir = '';
  function write(rel: string, data: string | Buffer): void {
    const path = join(dir, ...rel.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
  }
  function git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-find-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the secret in build output and an app package, in text, JSON and SARIF, and never prints it', async () => {
    const b64 = Buffer.from(`{"intercom":"${SECRET}"}`).toString('base64');
    write('.gitignore', '.next/\n*.apk\n');
    write('.next/static/chunks/app/page-1a2b.js', `"use strict";(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[931],{7:e=>{e.exports="${b64}"}}]);\n`);
    write('.next/static/chunks/app/page-1a2b.js.map', `{"sourcesContent":["const s = ${JSON.stringify(SECRET)};"]}`);
    write('android/app-release.apk', zip([
      { name: 'res/values/strings.xml', data: `<string name="s">${encodeURIComponent(SECRET)}</string>` },
      { name: 'assets/nested.zip', data: zip([{ name: 'k.txt', data: Buffer.from(SECRET, 'utf16le') }]) },
    ]));
    // A name that holds a form of the secret is printed with the form cleared.
    write(`dist/${encodeURIComponent(SECRET)}.txt`, Buffer.from(SECRET).toString('hex'));

    const text = await idv(['find-secret', '--secret-env', 'IDV_TEST_SECRET'], dir);
    assert.equal(text.code, 1, text.err);
    assert.deepEqual(text.out.trim().split('\n').sort(), [
      '.next/static/chunks/app/page-1a2b.js.map:1:32 known-secret JSON-escaped secret',
      '.next/static/chunks/app/page-1a2b.js:1:112 known-secret base64 of the secret inside a longer base64 value',
      'android/app-release.apk!/assets/nested.zip!/k.txt known-secret UTF-16LE secret (byte 0)',
      'android/app-release.apk!/res/values/strings.xml:1:18 known-secret URL-encoded secret',
      'dist/[secret].txt:1:1 known-secret hex of the secret',
    ]);
    assert.match(text.err, /^Searched 5 files \(.*\), 2 archives \(3 entries, .* uncompressed\) for \d+ forms of the secret\.$/m);
    assert.match(text.err, /The secret was found in 5 places: rotate it\./);

    const json = await idv(['find-secret', '--secret-env', 'IDV_TEST_SECRET', '--format', 'json'], dir);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.out) as { found: { location: string; entry?: string[]; form: string }[]; searched: { files: number; archiveEntries: number }; complete: boolean };
    assert.equal(report.complete, true);
    assert.deepEqual(report.found.find((f) => f.form === 'utf16le')?.entry, ['assets/nested.zip', 'k.txt']);
    assert.equal(report.searched.archiveEntries, 3);

    const sarif = await idv(['find-secret', '--secret-env', 'IDV_TEST_SECRET', '--format', 'sarif'], dir);
    assert.equal(sarif.code, 1);
    const validate = sarifValidator();
    const log = JSON.parse(sarif.out) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[] }[] }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const results = log.runs[0]?.results ?? [];
    assert.equal(results.length, 5);
    assert.ok(results.every((r) => r.ruleId === 'known-secret'));
    const inApk = results.find((r) => r.message.text.includes('strings.xml'));
    assert.equal(inApk?.locations[0]?.physicalLocation.artifactLocation.uri, 'android/app-release.apk');
    assert.equal(inApk?.locations[0]?.physicalLocation.region, undefined);
  });

  it('finds a secret committed then removed with --history: its commit, "not at HEAD"; still committed: "at HEAD"', async () => {
    git('init', '-q');
    writeFileSync(join(dir, 'config.js'), `const SECRET = ${JSON.stringify(SECRET)};\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'add');
    const added = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'config.js'), 'const SECRET = process.env.SECRET;\n');
    writeFileSync(join(dir, 'kept.txt'), Buffer.from(SECRET).toString('hex'));
    git('add', '-A');
    git('commit', '-q', '-m', 'remove, but keep the hex');
    const kept = git('rev-parse', 'HEAD');

    const r = await idv(['find-secret', '--history', '--no-files', '--secret-env', 'IDV_TEST_SECRET'], dir);
    assert.equal(r.code, 1, r.err);
    const date = git('log', '-1', '--format=%aI', added).slice(0, 10);
    assert.deepEqual(r.out.trim().split('\n').sort(), [
      `config.js known-secret JSON-escaped secret in history: added in ${added.slice(0, 8)} by IDV Tests on ${date}; no longer at HEAD, but in every clone`,
      `kept.txt known-secret hex of the secret in history: added in ${kept.slice(0, 8)} by IDV Tests on ${date}; still at HEAD`,
    ]);
    assert.match(r.err, /^Searched 0 files \(0 bytes\), 2 commits \(3 blobs, \d+ bytes\) for \d+ forms of the secret\.$/m);

    const sarif = await idv(['find-secret', '--history', '--no-files', '--secret-env', 'IDV_TEST_SECRET', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.out) as { runs: { results: { properties: { commit?: string; atHead?: boolean } }[] }[] };
    assert.deepEqual(log.runs[0]?.results.map((x) => [x.properties.commit, x.properties.atHead]).sort(), [[added, false], [kept, true]].sort());
  });

  it('reads the secret from standard input, and exits 0 when it is nowhere', async () => {
    write('dist/app.js', 'console.log("clean");\n');
    const r = await idv(['find-secret', 'dist'], dir, {}, Readable.from([`${SECRET}\n`]));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /^Searched 1 file /);
  });

  it('exits 2 on usage errors, a secret too short, and an archive it could not read', async () => {
    assert.equal((await idv(['find-secret', '--no-files', '--secret-env', 'IDV_TEST_SECRET'], dir)).code, 2);
    assert.equal((await idv(['find-secret', '--secret-env', 'UNSET_VARIABLE'], dir)).code, 2);
    const missing = await idv(['find-secret', SECRET, '--secret-env', 'IDV_TEST_SECRET'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /path 1 of the paths given does not exist/);
    const short = await idv(['find-secret', '--secret-env', 'S'], dir, { S: 'short-secret' });
    assert.equal(short.code, 2);
    assert.match(short.err, /shorter than 16 characters/);
    write('broken.ipa', 'not a zip');
    const broken = await idv(['find-secret', '--secret-env', 'IDV_TEST_SECRET'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /not searched: broken\.ipa: named like an archive but not a readable zip file/);
  });

  it('does not hang on a FIFO in the tree, and lists it with --verbose', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    write('node_modules/x/index.js', SECRET);
    const r = await idv(['find-secret', '--verbose', '--secret-env', 'IDV_TEST_SECRET'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /not searched: pipe: not a regular file/);
    assert.match(r.err, /not searched: node_modules\/: installed dependencies/);
  });
});
