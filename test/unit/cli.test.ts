import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { signHs256 } from '../../src/core/jwt';

const KNOWN = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597';

/** Runs the CLI in-process with `stdin` as piped input. */
async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stdin: Readable.from([Buffer.from(stdin)]), env, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('cli', () => {
  it('hash: reads the secret from stdin', async () => {
    assert.deepEqual(await run(['hash', '--identifier', 'Message'], 'secret'), { code: 0, stdout: `${KNOWN}\n`, stderr: '' });
  });

  it('hash: drops the newline echo adds, keeps other whitespace', async () => {
    assert.equal((await run(['hash', '--identifier', 'Message'], 'secret\n')).stdout, `${KNOWN}\n`);
    assert.notEqual((await run(['hash', '--identifier', 'Message'], 'secret \n')).stdout, `${KNOWN}\n`);
  });

  it('hash: reads the secret from a named environment variable', async () => {
    assert.equal((await run(['hash', '--identifier', 'Message', '--secret-env', 'S'], '', { S: 'secret' })).stdout, `${KNOWN}\n`);
  });

  it('hash: hashes the user id when both are given and notes it on stderr', async () => {
    const result = await run(['hash', '--user-id', 'Message', '--email', 'a@b.co'], 'secret');
    assert.equal(result.stdout, `${KNOWN}\n`);
    assert.match(result.stderr, /user id is hashed/);
  });

  it('hash: has no flag that takes the secret itself', async () => {
    const result = await run(['hash', '--identifier', 'x', '--secret', 'oops']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1);
  });

  it('exits 2 with one line on bad usage', async () => {
    for (const argv of [['hash'], ['nope'], ['hash', '--identifier', 'x', '--vendor', 'acme'], ['verify', '--identifier', 'x'], ['jwt']]) {
      const result = await run(argv, 'secret');
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /^idv: [^\n]+\n$/);
    }
  });

  it('exits 2 when no secret arrives', async () => {
    const result = await run(['hash', '--identifier', 'x'], '');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /No secret/);
  });

  it('verify: exit 0 on a match, 1 with a diagnosis on a mismatch', async () => {
    assert.equal((await run(['verify', '--identifier', 'Message', '--hash', KNOWN], 'secret')).code, 0);
    const miss = await run(['verify', '--identifier', 'Message', '--hash', KNOWN.toUpperCase()], 'secret');
    assert.equal(miss.code, 1);
    assert.match(miss.stdout, /uppercase-hex/);
  });

  it('verify: spots the previous secret from an env var', async () => {
    const result = await run(['verify', '--identifier', 'Message', '--hash', KNOWN, '--previous-secret-env', 'OLD'], 'new-secret', { OLD: 'secret' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /previous-secret/);
  });

  it('jwt: decodes, verifies with --verify, and exits 1 on warnings', async () => {
    const token = signHs256({ user_id: '42', exp: 4_000_000_000 }, 's');
    const ok = await run(['jwt', token, '--verify'], 's');
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /signature: valid/);
    const bad = await run(['jwt', signHs256({ user_id: '42' }, 's')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /warning: .*exp/);
  });

  describe('built binary (dist/cli.js)', () => {
    const cli = join(resolve(__dirname, '..', '..', '..'), 'dist', 'cli.js');
    before(function () {
      if (!existsSync(cli)) this.skip();
    });
    it('printf secret | node dist/cli.js hash --identifier Message', () => {
      const result = spawnSync(process.execPath, [cli, 'hash', '--identifier', 'Message'], { input: 'secret', encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${KNOWN}\n`);
    });
  });
});
