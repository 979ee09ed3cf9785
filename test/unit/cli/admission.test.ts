import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

/**
 * Issue 10's reproductions, one by one: every file is either scanned (the secret is found) or
 * listed as skipped with its reason; nothing outside the folder is read or written; a partial
 * failure still prints the whole report and exits 2.
 */
const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';
const LINE = `INTERCOM_SECRET=${SECRET}`;

interface Run { code: number; out: string; err: string }
async function idv(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: process.stdin, env, cwd });
  return { code, out, err };
}
interface Json { findings: { file: string; line: number; ruleId: string }[]; skipped: { file: string; kind: string; reason: string }[]; notices: { level: string; message: string }[] }
const json = (r: Run) => JSON.parse(r.out) as Json;
const secretLines = (r: Run, file: string) => json(r).findings.filter((f) => f.file === file && f.ruleId === 'hardcoded-secret').map((f) => f.line);
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' });

describe('cli: what idv scan reads, and what it says it did not', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'idv-admit-')); });
  afterEach(() => {
    // rm copes with paths longer than the system allows (one test makes such a tree).
    execFileSync('rm', ['-rf', dir]);
  });

  it('reads UTF-16 files (LE and BE, with a byte order mark) with correct lines', async () => {
    const text = `# settings\r\n${LINE}\r\n`;
    writeFileSync(join(dir, 'le.env'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'be.env'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const r = await idv(['scan', '--format', 'json'], dir);
    assert.deepEqual(secretLines(r, 'le.env'), [2]);
    assert.deepEqual(secretLines(r, 'be.env'), [2]);
  });

  it('reads files with long lines and CR-only line ends instead of dropping them as minified', async () => {
    writeFileSync(join(dir, '.env'), `${LINE}\nLOGO=data:image/png;base64,${'A'.repeat(6000)}\n`);
    writeFileSync(join(dir, 'appsettings.Production.json'), `{"Logging":{"Level":"${'x'.repeat(4700)}"},"Intercom":{"IdentityVerificationSecret":"${SECRET}"}}`);
    writeFileSync(join(dir, 'mac.env'), `# one\r# two\r${LINE}\r`);
    const r = await idv(['scan', '--format', 'json'], dir);
    assert.deepEqual(secretLines(r, '.env'), [1]);
    assert.deepEqual(secretLines(r, 'appsettings.Production.json'), [1]);
    assert.deepEqual(secretLines(r, 'mac.env'), [3], 'a lone CR ends a line, as in VS Code');
  });

  it('in a git repository, follows no committed link: no hang, nothing outside read or written', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'idv-outside-'));
    try {
      writeFileSync(join(outside, 'server.env'), `${LINE}\n`);
      mkdirSync(join(dir, 'repo'));
      const repo = join(dir, 'repo');
      git(repo, 'init', '-q');
      symlinkSync('/dev/stdin', join(repo, 'stdin.env'));
      execFileSync('mkfifo', [join(outside, 'fifo')]);
      symlinkSync(join(outside, 'fifo'), join(repo, 'fifo.env'));
      symlinkSync(join(outside, 'server.env'), join(repo, 'server.env'));
      symlinkSync(outside, join(repo, 'linked'));
      writeFileSync(join(repo, 'own.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'links');
      const r = await idv(['scan', '--format', 'json', '--fix'], repo);
      assert.equal(readFileSync(join(outside, 'server.env'), 'utf8'), `${LINE}\n`, 'the file outside is untouched');
      const report = json(r);
      assert.deepEqual(report.findings.map((f) => f.file), [], 'own.js was fixed; nothing else was read');
      assert.match(readFileSync(join(repo, 'own.js'), 'utf8'), /process\.env\./);
      assert.deepEqual(report.skipped.map((s) => [s.file, s.kind]).sort(), [['fifo.env', 'symlink'], ['linked', 'symlink'], ['server.env', 'symlink'], ['stdin.env', 'symlink']]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps every result when a folder cannot be read: full JSON and SARIF, the path named, exit 2', async () => {
    writeFileSync(join(dir, 'server.env'), `${LINE}\n`);
    // A path longer than the system allows cannot be read, even by root.
    let deep = 'deep';
    mkdirSync(join(dir, deep));
    execFileSync('bash', ['-c', `cd deep && for i in $(seq 1 24); do mkdir ${'d'.repeat(200)} && cd ${'d'.repeat(200)}; done`], { cwd: dir });
    deep = join('deep', ...Array.from({ length: 24 }, () => 'd'.repeat(200)));
    const r = await idv(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    const report = json(r);
    assert.deepEqual(secretLines(r, 'server.env'), [1]);
    const unreadable = report.skipped.filter((s) => s.kind === 'unreadable');
    assert.equal(unreadable.length, 1);
    assert.ok(deep.startsWith(unreadable[0]?.file.replace(/\/$/, '').split('/').slice(0, 2).join('/') ?? '?'));
    assert.match(unreadable[0]?.reason ?? '', /ENAMETOOLONG/);
    assert.match(r.err, /not scanned: deep\/.*ENAMETOOLONG/);
    const sarif = await idv(['scan', '--format', 'sarif'], dir);
    assert.equal(sarif.code, 2);
    const invocation = (JSON.parse(sarif.out) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string }[] }[]; results: unknown[] }[] }).runs[0];
    assert.equal(invocation?.invocations[0]?.executionSuccessful, false);
    assert.ok(invocation?.invocations[0]?.toolExecutionNotifications.some((n) => n.level === 'error'));
    assert.equal(invocation?.results.length, 1);
  });

  it('scans the folder itself whatever core.worktree says', async () => {
    const other = mkdtempSync(join(tmpdir(), 'idv-other-'));
    try {
      git(dir, 'init', '-q');
      writeFileSync(join(dir, 'server.env'), `${LINE}\n`);
      writeFileSync(join(other, 'decoy.js'), 'export const a = 1;\n');
      git(dir, 'config', 'core.worktree', other);
      const r = await idv(['scan', '--format', 'json'], dir);
      assert.deepEqual(secretLines(r, 'server.env'), [1]);
      assert.deepEqual(json(r).notices, []);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('says so when git refuses the repository, and still treats git-ignored .env files as not committed', async function () {
    if (process.getuid?.() !== 0) this.skip(); // making a repository another user owns needs root
    git(dir, 'init', '-q');
    writeFileSync(join(dir, '.gitignore'), '.env\n');
    writeFileSync(join(dir, '.env'), `${LINE}\n`);
    writeFileSync(join(dir, 'server.env'), `${LINE}\n`);
    execFileSync('chown', ['-R', '12345:12345', dir]);
    const r = await idv(['scan', '--format', 'json'], dir);
    assert.match(json(r).notices.map((n) => n.message).join('\n'), /git refused the repository .*dubious ownership.*plain folder/);
    assert.deepEqual(secretLines(r, 'server.env'), [1]);
    assert.deepEqual(secretLines(r, '.env'), [], 'git-ignored: not committed');
    chownSync(dir, 0, 0);
  });

  it('lists every file it did not read, with the reason, in text, JSON and SARIF', async () => {
    writeFileSync(join(dir, 'big.env'), `${LINE}\n${'#'.repeat(3 * 1024 * 1024)}\n`);
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([0x41, 0, 0x42]));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'x.js'), 'x');
    const text = await idv(['scan'], dir);
    assert.equal(text.code, 0);
    assert.match(text.err, /^4 files not checked \(2 binary, 1 too large|^3 files not checked/m);
    assert.match(text.err, /1 folder not walked \(1 dependency or build folder\); --verbose lists them\n$/);
    const verbose = await idv(['scan', '--verbose'], dir);
    assert.match(verbose.err, /not scanned: big\.env: over 2 MB \(raise "maxFileSizeBytes" in \.idvrc\.json to read it\)/);
    const report = json(await idv(['scan', '--format', 'json'], dir));
    assert.deepEqual(report.skipped.map((s) => [s.file, s.kind]), [['big.env', 'too-large'], ['blob.txt', 'binary'], ['logo.png', 'binary'], ['node_modules/', 'excluded-folder']]);
    const sarif = JSON.parse((await idv(['scan', '--format', 'sarif'], dir)).out) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] };
    const notes = sarif.runs[0]?.invocations[0];
    assert.equal(notes?.executionSuccessful, true);
    assert.deepEqual(notes?.toolExecutionNotifications.map((n) => n.locations[0]?.physicalLocation.artifactLocation.uri), ['big.env', 'blob.txt', 'logo.png', 'node_modules/']);
  });

  it('matches secretNamePatterns as documented: braces, extglobs, any case', async () => {
    writeFileSync(join(dir, '.idvrc.json'), JSON.stringify({ secretNamePatterns: ['{FOO,BAR}_PEPPER', '@(db|app)_salt'] }));
    writeFileSync(join(dir, 'config.py'), `FOO_PEPPER = "${SECRET}"\nBar_Pepper = "${SECRET}"\nDB_SALT = "${SECRET}"\nOTHER_PEPPER = "${SECRET}"\n`);
    const r = await idv(['scan', '--format', 'json'], dir);
    assert.deepEqual(secretLines(r, 'config.py'), [1, 2, 3]);
  });

  it('refuses a broken config with a message naming the file and the key; accepts a byte order mark', async () => {
    writeFileSync(join(dir, 'server.env'), `${LINE}\n`);
    writeFileSync(join(dir, '.idvrc.json'), `\uFEFF{ "rules": { "missing-user-hash": "warn" } }`);
    const bom = await idv(['scan', '--format', 'json'], dir);
    assert.equal(bom.err, '');
    assert.deepEqual(secretLines(bom, 'server.env'), [1]);
    const cases: [string, RegExp][] = [
      ['{ "__proto__": { "rules": {} } }', /unknown key "__proto__"/],
      ['{ "rules": { "toString": "off", "constructor": "off" } }', /rules: unknown rule "toString"/],
      [JSON.stringify({ ignore: [`${'a'.repeat(70_000)}/**`] }), /"ignore": an entry of 70003 characters; at most 1000/],
      [JSON.stringify({ secretNamePatterns: Array.from({ length: 10_000 }, (_, i) => `*_KEY${i}`) }), /"secretNamePatterns" has 10000 entries; at most 500/],
      [JSON.stringify({ secretNamePatterns: ['*'] }), /"secretNamePatterns": "\*" has no run of 3/],
    ];
    for (const [config, message] of cases) {
      writeFileSync(join(dir, '.idvrc.json'), config);
      const r = await idv(['scan'], dir);
      assert.equal(r.code, 2, config.slice(0, 60));
      assert.equal(r.out, '');
      assert.match(r.err, /^idv: \.idvrc\.json: /);
      assert.match(r.err, message);
      assert.ok(r.err.length < 1000, 'the message does not repeat a huge value');
    }
  });

  it('never repeats a value given where a name was expected', async () => {
    for (const args of [['hash', '--identifier', 'u1', '--secret-env', SECRET], ['verify', '--identifier', 'u1', '--hash', 'ab', '--secret-env', SECRET], ['hash', SECRET], [SECRET]]) {
      const r = await idv(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(!r.err.includes(SECRET), r.err);
      assert.ok(!r.out.includes(SECRET));
    }
  });
});

describe('cli: a folder the user may not read', function () {
  this.timeout(60_000);
  // Root reads every folder; the scan runs as the unprivileged user `nobody` instead.
  const asNobody = (cwd: string) => execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', 'HOME=/tmp', process.execPath, join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js'), 'scan', '--format', 'json'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  for (const mode of ['plain folder', 'git repository']) {
    it(`in a ${mode}: the rest is reported, the folder is named once, exit 2`, function () {
      if (process.getuid?.() !== 0) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'idv-locked-'));
      try {
        if (mode === 'git repository') git(dir, 'init', '-q');
        writeFileSync(join(dir, 'server.env'), `${LINE}\n`);
        mkdirSync(join(dir, 'locked'));
        writeFileSync(join(dir, 'locked', 'a.env'), `${LINE}\n`);
        execFileSync('chmod', ['000', join(dir, 'locked')]);
        execFileSync('chown', ['-R', '65534:65534', dir]);
        let out = '';
        let status = 0;
        try {
          out = asNobody(dir);
        } catch (error) {
          const e = error as { status: number; stdout: string };
          status = e.status;
          out = e.stdout;
        }
        assert.equal(status, 2);
        const report = JSON.parse(out) as Json;
        assert.deepEqual(report.findings.map((f) => [f.file, f.line]), [['server.env', 1]]);
        assert.deepEqual(report.skipped.map((s) => [s.file, s.kind]), [['locked/', 'unreadable']]);
        assert.match(report.skipped[0]?.reason ?? '', /[Pp]ermission denied/);
      } finally {
        execFileSync('chmod', ['-R', '755', dir]);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
