import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { signHs256 } from '../../../src/core/jwt';

const REPO = join(__dirname, '..', '..', '..', '..');
/** What a user might paste in the wrong place; no message may contain it. */
const SECRET = 'sk-live-Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';
const HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597'; // HMAC-SHA256("secret", "Message")

async function idv(argv: string[], stdin = 'secret', env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, stdin: Readable.from([Buffer.from(stdin)]), env, cwd: REPO };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Exit 2, one `idv:` line on stderr matching `expected`, nothing on stdout, and no trace of SECRET. */
async function refused(argv: string[], expected: RegExp, stdin = 'secret', env: Record<string, string> = {}): Promise<void> {
  const { code, out, err } = await idv(argv, stdin, env);
  assert.equal(code, 2, `${argv.join(' ')}: exit ${code}\n${err}`);
  assert.equal(out, '', argv.join(' '));
  assert.match(err, /^idv: [^\n]+\n$/, argv.join(' '));
  assert.match(err, expected, argv.join(' '));
  assert.ok(!err.includes(SECRET) && !err.includes('Zq8vK2mPx7'), `${argv.join(' ')} repeated the value: ${err}`);
}

describe('cli: --version and the form each input must take', () => {
  it('--version and -V print the package version; idv --help lists them', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) assert.deepEqual(await idv([flag]), { code: 0, out: `${version}\n`, err: '' });
    const help = await idv(['--help']);
    assert.match(help.out, /-V, --version +print the version of idv/);
    assert.match(help.out, /--no-color/);
  });

  it('verify --hash: says a user hash is 64 lowercase hex characters, and what was given instead', async () => {
    const base = ['verify', '--identifier', 'Message'];
    await refused([...base, '--hash', SECRET], /--hash must be the user hash, 64 lowercase hex characters \(HMAC-SHA256 as hex\); what was given is neither hex nor the base64 of 32 bytes/);
    await refused([...base, '--hash', HASH.slice(0, 40)], /hex of 40 characters \(HMAC-SHA1 gives 40: use SHA-256\)/);
    await refused([...base, '--hash', `${SECRET}.a.b`], /three dot-separated parts like a JWT \(idv jwt TOKEN inspects one\)/);
    await refused(base, /--hash is required: the user hash, 64 lowercase hex characters/);
    await refused([...base, '--hash', '  '], /--hash is required/);
  });

  it('verify --hash: uppercase hex and base64 of the right length still reach the diagnosis', async () => {
    const upper = await idv(['verify', '--identifier', 'Message', '--hash', HASH.toUpperCase()]);
    assert.equal(upper.code, 1);
    assert.match(upper.out, /uppercase-hex/);
    const b64 = await idv(['verify', '--identifier', 'Message', '--hash', Buffer.from(HASH, 'hex').toString('base64')]);
    assert.equal(b64.code, 1);
    assert.match(b64.out, /diagnosis \(base64\)/);
    assert.equal((await idv(['verify', '--identifier', 'Message', '--hash', ` ${HASH} `])).code, 0);
  });

  it('verify: platforms per vendor, and each secret variable by its own flag', async () => {
    const base = ['verify', '--identifier', 'Message', '--hash', HASH];
    await refused([...base, '--platform', 'desktop'], /--platform must be one of web, ios, android/);
    await refused([...base, '--vendor', 'crisp', '--platform', 'ios'], /--platform: Crisp has no ios secret; its platforms are web/);
    await refused([...base, '--other-secret-env', 'tv=X'], /--other-secret-env's PLATFORM must be one of web, ios, android/);
    await refused([...base, '--previous-secret-env', 'UNSET_VAR'], /^idv: --previous-secret-env names an environment variable that is not set/);
    await refused([...base, '--other-secret-env', 'ios=UNSET_VAR'], /^idv: --other-secret-env's NAME names an environment variable that is not set/);
    await refused([...base, '--previous-secret-env', SECRET], /--previous-secret-env takes the name of an environment variable \(letters, digits and _/);
    await refused([...base, '--other-secret-env', `ios=${SECRET}`], /--other-secret-env's NAME takes the name of an environment variable/);
  });

  it('hash and verify: a secret the vendor cannot use says which input and what form it takes', async () => {
    await refused(['hash', '--email', 'a@b.co', '--vendor', 'pylon'], /the secret from standard input is not a Pylon secret: Pylon's secret is hex, an even number of 0-9 and a-f characters/, SECRET);
    await refused(['hash', '--email', 'a@b.co', '--vendor', 'pylon', '--secret-env', 'S'], /the secret in the variable --secret-env names is not a Pylon secret/, '', { S: SECRET });
    await refused(['verify', '--email', 'a@b.co', '--vendor', 'pylon', '--hash', HASH, '--previous-secret-env', 'OLD'], /the secret in the variable --previous-secret-env names is not a Pylon secret/, 'ab'.repeat(16), { OLD: SECRET });
    assert.equal((await idv(['hash', '--email', 'a@b.co', '--vendor', 'pylon'], 'ab'.repeat(16))).code, 0);
  });

  it('hash: --secret-env takes a name, identifiers must not be empty, --email must be an email', async () => {
    await refused(['hash', '--identifier', 'x', '--secret-env', SECRET], /--secret-env takes the name of an environment variable \(letters, digits and _, not starting with a digit, such as INTERCOM_SECRET\), not its value/);
    await refused(['hash', '--identifier', ''], /--identifier is empty: give the user id or the email the client sends/);
    await refused(['hash', '--user-id', ' '], /--user-id is empty: give the user id the client sends/);
    await refused(['hash', '--email', SECRET], /--email must be an email address \(name@domain, no spaces\)/);
    await refused(['hash', '--identifier', 'x', '--vendor', SECRET], /--vendor must be one of intercom, /);
    await refused(['hash'], /--identifier \(or --user-id \/ --email\) is required: the user id or the email the client sends/);
    const spaced = await idv(['hash', '--identifier', 'Message ']);
    assert.equal(spaced.code, 0);
    assert.match(spaced.err, /^note: the identifier starts or ends with whitespace; it is hashed as given/);
    assert.equal((await idv(['hash', '--identifier', 'Message'])).err, '');
  });

  it('jwt: TOKEN must be header.payload.signature; a user hash is pointed to idv verify; no secret is asked for first', async () => {
    await refused(['jwt', SECRET, '--verify'], /TOKEN must be a JWT: header\.payload\.signature, three base64url parts separated by dots; the value given has 1 part$/m, '');
    await refused(['jwt', HASH], /the value given is 64 hex characters, a user hash \(idv verify checks those\)/);
    await refused(['jwt', 'eyJhbGciOiJIUzI1NiJ9.b!.c'], /TOKEN must be a JWT: .*; the payload is not base64url$/m);
    const token = signHs256({ user_id: '42', exp: 4_000_000_000 }, SECRET);
    await refused(['jwt', token, '--vendor', 'pylon', '--verify'], /the secret from standard input is not a Pylon secret/, SECRET);
  });

  it('snippet: unknown ids, --env-var and --language name the expected form without the value', async () => {
    await refused(['snippet', SECRET], /unknown snippet id \(not repeated here\); idv snippet --list shows the ids/);
    await refused(['snippet', 'express', '--env-var', SECRET], /--env-var takes the name of an environment variable/);
    await refused(['snippet', '--list', '--language', 'cobol'], /--language must be one of .*javascript/);
    assert.equal((await idv(['snippet', 'jwt-node'])).code, 0, 'an old JWT id still works');
  });

  it('options: a missing value, an unknown option and a stray argument say what is expected', async () => {
    await refused(['scan', '--format'], /--format needs a value after it/);
    await refused(['scan', `--${SECRET}`], /unknown option \(not repeated here, in case it is a secret\); --help lists this command's options/);
    await refused(['scan', '--colour'], /unknown option --colour; --help lists/);
    await refused(['hash', '--identifier', 'x', SECRET], /this command takes no arguments besides its options/);
    await refused(['scan', '--config', SECRET], /--config must name an existing \.idvrc\.json file/);
    await refused(['baseline', SECRET, 'file.json'], /idv baseline needs an action first: create, update, prune .*not repeated/);
    for (const command of ['scan', 'check', 'find-secret']) await refused([command, '--quiet', '--verbose'], /--quiet and --verbose ask for opposite things/);
  });
});
