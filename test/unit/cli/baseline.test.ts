/**
 * `idv baseline create|update|prune` and `idv scan --baseline` on real files in temporary
 * folders, and on a real git repository for `--staged`: a baseline keeps accepting a finding
 * after the code around it moves and is reformatted, and reports a different secret in its place.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../../src/cli/main';

const REPO = join(__dirname, '..', '..', '..', '..');
const SECRET = 'a8f5f167f44f4964e6c998dee827110c';
const OTHER = '5d41402abc4b2a76b9719d911017c592';
const BASELINE = '.idv-baseline.json';

const ORIGINAL = `const INTERCOM_SECRET = '${SECRET}';\nmodule.exports = { INTERCOM_SECRET };\n`;
/** The same secret three lines lower, indented, with other quotes and spacing. */
const REFORMATTED = `// Settings for the support widget.\n'use strict';\n\nfunction settings() {\n    const INTERCOM_SECRET   =   "${SECRET}";\n    return { INTERCOM_SECRET };\n}\nmodule.exports = settings;\n`;

async function idv(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env: {}, cwd });
  return { code, out, err };
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

interface JsonReport {
  findings: { file: string; ruleId: string; line: number }[];
  baseline?: { file: string; suppressed: number; unused: { rule: string; file: string; fingerprint: string }[] };
}

interface Entry {
  rule: string;
  file: string;
  fingerprint: string;
  note?: string;
}

/** The official SARIF 2.1.0 schema, as test/unit/cli/scan.test.ts loads it. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, ...rest } = schema;
  delete rest.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('cli: idv baseline and idv scan --baseline', function () {
  this.timeout(60_000);
  let dir = '';
  const path = (...parts: string[]) => join(dir, ...parts);
  const entries = () => (JSON.parse(readFileSync(path(BASELINE), 'utf8')) as { entries: Entry[] }).entries;
  const scanJson = async (...extra: string[]) => {
    const r = await idv(['scan', '--baseline', BASELINE, '--format', 'json', ...extra], dir);
    return { ...r, report: JSON.parse(r.out) as JsonReport };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-baseline-'));
    mkdirSync(path('server'));
    writeFileSync(path('server', 'config.js'), ORIGINAL);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a finding suppressed after lines are inserted above it and it is re-indented and re-quoted', async () => {
    const created = await idv(['baseline', 'create', BASELINE], dir);
    assert.equal(created.code, 0, created.err);
    assert.equal(created.out, `Wrote ${BASELINE}: 1 entry for 1 finding.\n`);
    writeFileSync(path('server', 'config.js'), REFORMATTED);
    const plain = JSON.parse((await idv(['scan', '--format', 'json'], dir)).out) as JsonReport;
    assert.deepEqual(plain.findings.map((f) => [f.file, f.ruleId, f.line]), [['server/config.js', 'hardcoded-secret', 5]], 'the finding moved to line 5');
    const { code, report } = await scanJson();
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.baseline, { file: BASELINE, suppressed: 1, unused: [] });
    const text = await idv(['scan', '--baseline', BASELINE], dir);
    assert.equal(text.code, 0);
    assert.equal(text.out, '');
    assert.equal(text.err, `idv: baseline ${BASELINE}: 1 finding suppressed\n`);
  });

  it('reports a different secret on the same line, and the entry the old one used as unused', async () => {
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    const fingerprint = entries()[0]?.fingerprint ?? '';
    writeFileSync(path('server', 'config.js'), ORIGINAL.replace(SECRET, OTHER));
    const { code, report, out } = await scanJson();
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f) => [f.file, f.ruleId, f.line]), [['server/config.js', 'hardcoded-secret', 1]]);
    assert.deepEqual(report.baseline, { file: BASELINE, suppressed: 0, unused: [{ rule: 'hardcoded-secret', file: 'server/config.js', fingerprint }] });
    assert.ok(!out.includes(SECRET) && !out.includes(OTHER));

    // Both on one line: the accepted one stays suppressed, the new one is reported.
    writeFileSync(path('server', 'config.js'), `const INTERCOM_SECRET = '${SECRET}'; const CRISP_SECRET_KEY = '${OTHER}';\n`);
    const both = await scanJson();
    assert.equal(both.code, 1);
    assert.deepEqual(both.report.findings.map((f) => [f.file, f.line]), [['server/config.js', 1]]);
    assert.equal(both.report.baseline?.suppressed, 1);
  });

  it('lists unused entries on stderr as a notice, and prune removes them and says how many', async () => {
    writeFileSync(path('server', 'old.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    assert.equal(entries().length, 2);
    writeFileSync(path('server', 'old.js'), 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n');
    const text = await idv(['scan', '--baseline', BASELINE], dir);
    assert.equal(text.code, 0, 'an unused entry is not a failure');
    assert.equal(text.err, [
      `idv: baseline ${BASELINE}: 1 finding suppressed`,
      `idv: baseline ${BASELINE}: 1 entry no finding uses (fixed, or the file is gone); idv baseline prune ${BASELINE} removes it:`,
      'idv:   server/old.js hardcoded-secret',
      '',
    ].join('\n'));

    // A prune of another folder cannot tell that the entry is unused, and leaves it.
    mkdirSync(path('client'));
    const elsewhere = await idv(['baseline', 'prune', BASELINE, 'client'], dir);
    assert.equal(elsewhere.code, 0, elsewhere.err);
    assert.equal(elsewhere.out, `${BASELINE} unchanged: 0 entries no finding uses removed, 2 left.\n`);
    const pruned = await idv(['baseline', 'prune', BASELINE], dir);
    assert.equal(pruned.code, 0, pruned.err);
    assert.equal(pruned.out, `Wrote ${BASELINE}: 1 entry no finding uses removed, 1 left.\n`);
    assert.deepEqual(entries().map((e) => e.file), ['server/config.js']);
    assert.equal((await idv(['scan', '--baseline', BASELINE], dir)).err, `idv: baseline ${BASELINE}: 1 finding suppressed\n`);
  });

  it('update adds new findings and keeps existing entries with their notes; prune keeps the notes of what it keeps', async () => {
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    const withNote = readFileSync(path(BASELINE), 'utf8').replace(/" \}/, '", "note": "test key from the vendor docs, revoked" }');
    writeFileSync(path(BASELINE), withNote);
    writeFileSync(path('server', 'more.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    const updated = await idv(['baseline', 'update', BASELINE], dir);
    assert.equal(updated.code, 0, updated.err);
    assert.equal(updated.out, `Wrote ${BASELINE}: 1 entry added, 1 kept.\n`);
    assert.deepEqual(entries().map((e) => [e.file, e.note]), [['server/config.js', 'test key from the vendor docs, revoked'], ['server/more.js', undefined]]);
    const again = await idv(['baseline', 'update', BASELINE], dir);
    assert.equal(again.out, `${BASELINE} unchanged: 0 entries added, 2 kept.\n`);
    rmSync(path('server', 'more.js'));
    assert.equal((await idv(['baseline', 'prune', BASELINE], dir)).code, 0);
    assert.deepEqual(entries().map((e) => [e.file, e.note]), [['server/config.js', 'test key from the vendor docs, revoked']]);
  });

  it('writes no secret and no line number, and the same bytes for the same findings', async () => {
    writeFileSync(path('server', 'more.js'), `\n\n\nconst INTERCOM_SECRET = '${OTHER}';\n`);
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    const first = readFileSync(path(BASELINE), 'utf8');
    for (const value of [SECRET, OTHER, SECRET.slice(0, 10), OTHER.slice(0, 10)]) assert.ok(!first.includes(value), 'no secret, nor a part of one');
    for (const e of entries()) assert.deepEqual(Object.keys(e), ['rule', 'file', 'fingerprint']);
    assert.ok(!/\bline\b|"4"|: 4\b/.test(first), 'no line number');
    const refused = await idv(['baseline', 'create', BASELINE], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /\.idv-baseline\.json exists; idv baseline update adds to it, or --force replaces it/);
    const again = await idv(['baseline', 'create', BASELINE, '--force'], dir);
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, `${BASELINE} unchanged: 2 entries for 2 findings; key kept from the file replaced.\n`);
    assert.equal(readFileSync(path(BASELINE), 'utf8'), first);
    // From a subfolder, with the baseline named from there: the same entries (paths from the baseline's folder).
    assert.equal((await idv(['baseline', 'create', join('..', BASELINE), '--force', '.'], path('server'))).code, 0);
    assert.equal(readFileSync(path(BASELINE), 'utf8'), first);
  });

  it('refuses a corrupt baseline with exit 2 and a message naming the file and the problem, without quoting it', async () => {
    writeFileSync(path(BASELINE), `{ "version": 1, "key": "${SECRET}",\n  "entries": [ oops ] }\n`);
    for (const argv of [['scan', '--baseline', BASELINE], ['baseline', 'update', BASELINE], ['baseline', 'prune', BASELINE]]) {
      const r = await idv(argv, dir);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.equal(r.err, `idv: ${BASELINE}: not valid JSON at line 2, column 16: InvalidSymbol\n`);
    }
    writeFileSync(path(BASELINE), '{ "version": 7, "key": "", "entries": [] }\n');
    assert.match((await idv(['scan', '--baseline', BASELINE], dir)).err, /^idv: \.idv-baseline\.json: "version" is 7; this idv reads baseline version 1/);
    const missing = await idv(['scan', '--baseline', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'idv: nope.json: no such baseline file (idv baseline create writes one)\n');
    assert.equal((await idv(['baseline'], dir)).code, 2);
    assert.equal((await idv(['baseline', 'create'], dir)).code, 2);
    assert.equal((await idv(['baseline', 'update', BASELINE, '--force'], dir)).code, 2);
  });

  it('prints neither the secret nor the text the fingerprint is made of in text, JSON or SARIF; SARIF leaves accepted results out', async () => {
    writeFileSync(path('server', 'more.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    assert.equal((await idv(['baseline', 'create', BASELINE, 'server/config.js'], dir)).code, 0);
    writeFileSync(path('server', 'gone.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    assert.equal((await idv(['baseline', 'update', BASELINE], dir)).code, 0);
    rmSync(path('server', 'gone.js'));
    const validate = sarifValidator();
    for (const format of ['text', 'json', 'sarif']) {
      const r = await idv(['scan', '--baseline', BASELINE, '--format', format], dir);
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      for (const value of [SECRET, OTHER]) assert.ok(!r.out.includes(value) && !r.err.includes(value), `${format} prints a secret`);
      if (format !== 'sarif') continue;
      const log = JSON.parse(r.out) as { runs: { results: unknown[]; invocations: { toolExecutionNotifications: { descriptor?: { id: string }; message: { text: string }; locations?: unknown[] }[] }[] }[] };
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
      const run = log.runs[0];
      assert.deepEqual(run?.results, [], 'both accepted findings are left out');
      const notes = run?.invocations[0]?.toolExecutionNotifications.filter((n) => n.descriptor?.id.startsWith('baseline/')) ?? [];
      assert.deepEqual(notes.map((n) => n.descriptor?.id), ['baseline/suppressed', 'baseline/unused']);
      assert.match(notes[0]?.message.text ?? '', /^2 findings accepted by the baseline \.idv-baseline\.json/);
    }
  });

  it('--fix leaves an accepted finding as it is and fixes the others', async () => {
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    writeFileSync(path('server', 'more.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    const r = await idv(['scan', '--baseline', BASELINE, '--fix'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(readFileSync(path('server', 'config.js'), 'utf8'), ORIGINAL);
    assert.equal(readFileSync(path('server', 'more.js'), 'utf8'), 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\n');
  });

  it('reads --config as idv scan does', async () => {
    mkdirSync(path('conf'));
    writeFileSync(path('conf', '.idvrc.json'), '{ "rules": { "hardcoded-secret": "off" } }\n');
    const off = await idv(['baseline', 'create', BASELINE, '--config', 'conf/.idvrc.json'], dir);
    assert.equal(off.out, `Wrote ${BASELINE}: 0 entries for 0 findings.\n`, off.err);
    writeFileSync(path('conf', '.idvrc.json'), '{ "rules": { "hardcoded-secret": "loud" } }\n');
    const broken = await idv(['baseline', 'update', BASELINE, '--config', 'conf/.idvrc.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /conf\/\.idvrc\.json has 1 problem/);
    assert.deepEqual(entries(), [], 'nothing was written');
  });

  it('merges without a conflict when two branches each accept a finding in another file', async () => {
    mkdirSync(path('a'));
    mkdirSync(path('z'));
    writeFileSync(path('server', 'other.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    git(dir, 'init', '-q');
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'baseline');
    git(dir, 'checkout', '-q', '-b', 'left');
    writeFileSync(path('a', 'left.js'), `const INTERCOM_SECRET = '7d793037a0760186574b0282f2f435e7';\n`);
    assert.equal((await idv(['baseline', 'update', BASELINE], dir)).code, 0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'left');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-q', '-b', 'right');
    writeFileSync(path('z', 'right.js'), `const INTERCOM_SECRET = '0cc175b9c0f1b6a831c399e269772661';\n`);
    assert.equal((await idv(['baseline', 'update', BASELINE], dir)).code, 0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'right');
    git(dir, 'merge', '-q', '--no-edit', 'left'); // throws on a conflict
    assert.deepEqual(entries().map((e) => e.file), ['a/left.js', 'server/config.js', 'server/other.js', 'z/right.js']);
    const merged = readFileSync(path(BASELINE), 'utf8');
    assert.equal((await idv(['baseline', 'update', BASELINE], dir)).out, `${BASELINE} unchanged: 0 entries added, 4 kept.\n`, 'the merged file is what update would write');
    assert.equal(readFileSync(path(BASELINE), 'utf8'), merged);
    assert.equal((await idv(['scan', '--baseline', BASELINE], dir)).err, `idv: baseline ${BASELINE}: 4 findings suppressed\n`);
  });

  it('works with --staged from a subfolder: entry paths are relative to the baseline, not the working directory', async () => {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'with an accepted test secret');
    assert.equal((await idv(['baseline', 'create', BASELINE], dir)).code, 0);
    writeFileSync(path('server', 'config.js'), REFORMATTED);
    writeFileSync(path('server', 'other.js'), `const INTERCOM_SECRET = '${OTHER}';\n`);
    git(dir, 'add', 'server/config.js');
    const accepted = await idv(['scan', '--staged', '--baseline', join('..', BASELINE), '--format', 'json'], path('server'));
    assert.equal(accepted.code, 0, accepted.err);
    const report = JSON.parse(accepted.out) as JsonReport;
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.baseline, { file: `../${BASELINE}`, suppressed: 1, unused: [] });
    git(dir, 'add', 'server/other.js');
    const found = await idv(['scan', '--staged', '--baseline', join('..', BASELINE)], path('server'));
    assert.equal(found.code, 1);
    assert.match(found.out, /^other\.js:1:\d+ error hardcoded-secret /m);
    assert.ok(!found.out.includes('config.js'));
    // Only the staged files are in scope: nothing else is called unused.
    assert.ok(!found.err.includes('no finding uses'), found.err);
  });
});
