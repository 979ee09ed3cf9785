import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { colorEnabled } from '../../../src/cli/format/color';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';
const HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597'; // HMAC-SHA256("secret", "Message")
const ESC = '\u001b[';

interface Terminal {
  readonly tty?: boolean;
  readonly env?: Record<string, string>;
  readonly stdin?: string;
}

async function idv(argv: string[], cwd: string, terminal: Terminal = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: Readable.from([Buffer.from(terminal.stdin ?? '')]),
    env: terminal.env ?? {}, cwd, stdoutIsTTY: terminal.tty === true,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('cli: colour and --quiet', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-output-'));
    mkdirSync(join(dir, 'server'));
    // One error (a literal secret) and one warning (a messenger told who the user is without the hash).
    writeFileSync(join(dir, 'server', 'hash.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'boot.js'), "window.Intercom('boot', { app_id: 'abc123', user_id: user.id });\n");
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decides colour: --no-color, then FORCE_COLOR, then NO_COLOR, then a terminal that is not dumb', () => {
    const cases: Array<[Parameters<typeof colorEnabled>[0], boolean]> = [
      [{ env: {}, stdoutIsTTY: true }, true],
      [{ env: {}, stdoutIsTTY: false }, false],
      [{ env: {} }, false],
      [{ env: { NO_COLOR: '1' }, stdoutIsTTY: true }, false],
      [{ env: { NO_COLOR: '' }, stdoutIsTTY: true }, true],
      [{ env: { TERM: 'dumb' }, stdoutIsTTY: true }, false],
      [{ env: { FORCE_COLOR: '1' }, stdoutIsTTY: false }, true],
      [{ env: { FORCE_COLOR: '' }, stdoutIsTTY: false }, true],
      [{ env: { FORCE_COLOR: '1', NO_COLOR: '1' }, stdoutIsTTY: false }, true],
      [{ env: { FORCE_COLOR: '0' }, stdoutIsTTY: true }, false],
      [{ env: { FORCE_COLOR: 'false' }, stdoutIsTTY: true }, false],
      [{ env: { FORCE_COLOR: '1' }, stdoutIsTTY: true, noColor: true }, false],
    ];
    for (const [io, expected] of cases) assert.equal(colorEnabled(io), expected, JSON.stringify(io));
  });

  it('scan: colours severity, dims the location and colours the rule on a terminal; the same characters without it', async () => {
    const tty = await idv(['scan'], dir, { tty: true });
    assert.equal(tty.code, 1);
    assert.ok(tty.out.includes(`${ESC}2mserver/hash.js:1:25${ESC}22m ${ESC}1m${ESC}31merror${ESC}39m${ESC}22m ${ESC}36mhardcoded-secret${ESC}39m "INTERCOM_SECRET" holds`), tty.out);
    assert.ok(tty.out.includes(`${ESC}33mwarning${ESC}39m`), tty.out);
    const plain = await idv(['scan'], dir);
    assert.ok(!plain.out.includes(ESC));
    assert.equal(tty.out.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, ''))).join(''), plain.out);
    assert.ok(!tty.err.includes(ESC), 'stderr is not coloured');
  });

  it('scan: no colour with --no-color (before or after the command) or NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    for (const argv of [['scan', '--no-color'], ['--no-color', 'scan'], ['scan', '--format', 'text', '--no-color', '--', '.']]) {
      const result = await idv(argv, dir, { tty: true });
      assert.equal(result.code, 1, `${argv.join(' ')}: ${result.err}`);
      assert.ok(result.out.length > 0 && !result.out.includes(ESC), argv.join(' '));
    }
    assert.ok(!(await idv(['scan'], dir, { tty: true, env: { NO_COLOR: '1' } })).out.includes(ESC));
    assert.ok((await idv(['scan'], dir, { env: { FORCE_COLOR: '1' } })).out.includes(ESC));
    assert.ok(!(await idv(['scan', '--format', 'json'], dir, { tty: true })).out.includes(ESC), 'JSON is never coloured');
  });

  it('check, find-secret, verify and jwt colour their verdicts on a terminal only', async () => {
    const check = await idv(['check'], dir, { tty: true });
    assert.match(check.out, new RegExp(`${ESC.replace('[', '\\[')}1m${ESC.replace('[', '\\[')}31mNOT ready to enforce`));
    assert.ok(!(await idv(['check'], dir)).out.includes(ESC));
    const found = await idv(['find-secret', '--secret-env', 'S'], dir, { tty: true, env: { S: SECRET } });
    assert.equal(found.code, 1);
    assert.ok(found.out.includes(`${ESC}2mserver/hash.js:1:26${ESC}22m`), found.out);
    assert.ok(!found.out.includes(SECRET) && !found.err.includes(SECRET));
    const verify = await idv(['verify', '--identifier', 'Message', '--hash', HASH], dir, { tty: true, stdin: 'secret' });
    assert.ok(verify.out.startsWith(`${ESC}32mmatch${ESC}39m: `), verify.out);
    assert.ok((await idv(['verify', '--identifier', 'Message', '--hash', HASH], dir, { stdin: 'secret' })).out.startsWith('match: '));
  });

  it('scan --quiet: the findings, and nothing on stderr but errors', async () => {
    const loud = await idv(['scan'], dir);
    assert.match(loud.err, /2 problems \(1 error, 1 warning, 0 info\)/);
    assert.match(loud.err, /1 file not checked \(1 binary\)/);
    const quiet = await idv(['scan', '--quiet'], dir);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.out, loud.out);
    assert.equal(quiet.err, '');
    assert.equal((await idv(['scan', '-q', '--format', 'json'], dir)).err, '');
  });

  it('scan --quiet: leaves out info findings (they never fail a run), in every format', async () => {
    const sub = join(dir, 'info');
    mkdirSync(sub);
    try {
      writeFileSync(join(sub, '.idvrc.json'), '{ "rules": { "missing-user-hash": "info" } }\n');
      writeFileSync(join(sub, 'boot.js'), "window.Intercom('boot', { app_id: 'abc123', user_id: user.id });\n");
      const loud = await idv(['scan'], sub);
      assert.equal(loud.code, 0);
      assert.match(loud.out, / info missing-user-hash /);
      const quiet = await idv(['scan', '--quiet'], sub);
      assert.deepEqual(quiet, { code: 0, out: '', err: '' });
      assert.deepEqual((JSON.parse((await idv(['scan', '--quiet', '--format', 'json'], sub)).out) as { findings: unknown[] }).findings, []);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('check --quiet and find-secret --quiet: no counts or summaries on stderr', async () => {
    assert.match((await idv(['check'], dir)).err, /1 file not checked \(1 binary\)/);
    const check = await idv(['check', '--quiet'], dir);
    assert.equal(check.code, 1);
    assert.match(check.out, /NOT ready to enforce/);
    assert.equal(check.err, '');
    const loud = await idv(['find-secret', '--secret-env', 'S'], dir, { env: { S: SECRET } });
    assert.match(loud.err, /Searched \d+ files/);
    const quiet = await idv(['find-secret', '--secret-env', 'S', '--quiet'], dir, { env: { S: SECRET } });
    assert.equal(quiet.code, 1);
    assert.equal(quiet.out, loud.out);
    assert.equal(quiet.err, '');
  });

  it('--quiet still prints errors: a .env.example that is a link is not written, and says so', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'idv-quiet-error-'));
    try {
      writeFileSync(join(sub, 'elsewhere.env'), 'PORT=3000\n');
      symlinkSync(join(sub, 'elsewhere.env'), join(sub, '.env.example'));
      writeFileSync(join(sub, 'hash.js'), `const INTERCOM_SECRET = '${SECRET}';\n`);
      const result = await idv(['scan', '--fix', '--quiet'], sub);
      assert.equal(result.code, 2, 'a file --fix should have written and could not makes the run incomplete');
      assert.match(result.err, /^idv: fixed hash\.js:1:25 hardcoded-secret: replaced the literal with process\.env\.INTERCOM_SECRET\nidv: error: \.env\.example: not updated: symbolic link/m);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
