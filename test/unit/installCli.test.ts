import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { MOBILE_REMINDER } from '../../src/core/install/index';

const FIXTURE = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'install');

/** Runs the CLI in-process in `cwd`. */
async function run(argv: string[], cwd = FIXTURE) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stdin: Readable.from([]), env: {}, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const install = (file: string, line: number, platform: string, identifiers: string[], sendsHash: boolean, hashSource: string, vendor = 'intercom', scheme = sendsHash ? 'hmac' : 'none') =>
  ({ file, line, vendor, platform, identifiers, sendsHash, hashSource, scheme });

/** The project the expectations below describe; schemes/ holds two more, checked on their own. */
const PROJECT = ['android', 'ios', 'mobile', 'server', 'web'];
/** Intercom's note on a platform that sends the HMAC hash. */
const JWT_NOTE = (from: string, to: string) => `Intercom calls user_hash deprecated and recommends Messenger Security (JWT): migrate ${from} to ${to} (server first, then the clients; enforce last).`;

/** What the fixture project holds, file by file (see the comments in each fixture). */
/** The report without the skipped paths and notices (checked on their own below). */
function core(stdout: string): unknown {
  const { installations, readiness } = JSON.parse(stdout) as Record<string, unknown>;
  return { installations, readiness };
}

const EXPECTED = {
  installations: [
    install('android/app/src/main/java/com/example/app/IntercomLogin.kt', 20, 'android', ['user_id', 'email'], true, 'server'),
    install('ios/App/IntercomLogin.swift', 18, 'ios', ['user_id'], true, 'server'),
    install('mobile/lib/intercom_login.dart', 5, 'ios', ['user_id', 'email'], false, 'unknown'),
    install('mobile/lib/intercom_login.dart', 5, 'android', ['user_id', 'email'], false, 'unknown'),
    install('web/app/views/layouts/application.html.erb', 7, 'web', ['user_id', 'email'], true, 'server'),
    // The file also computes an HMAC, in getServerSideProps: the component's hash is a server prop.
    install('web/pages/account.tsx', 16, 'web', ['user_id'], true, 'server'),
    install('web/public/landing.js', 2, 'web', ['user_id', 'email'], false, 'unknown'),
    install('web/public/marketing.html', 3, 'web', [], false, 'unknown'),
    install('web/src/components/ChatWidget.tsx', 8, 'web', ['user_id', 'email'], true, 'client'),
    // Each setting ends with a `// comment`, which must not hide the next key.
    install('web/src/support/beacon.js', 5, 'web', ['email'], true, 'server', 'helpscout'),
    install('web/src/support/crisp.js', 4, 'web', ['email'], true, 'server', 'crisp'),
  ],
  readiness: [
    {
      vendor: 'intercom', platform: 'web', ready: false, scheme: 'hmac', reasons: [
        'web/public/landing.js:2 sends user_id, email without user_hash.',
        'web/src/components/ChatWidget.tsx:8 computes the hash on the client, so the secret ships with it: compute it on the server and rotate the secret.',
      ],
      notes: [JWT_NOTE('user_hash', 'intercom_user_jwt')],
    },
    { vendor: 'intercom', platform: 'ios', ready: false, scheme: 'hmac', reasons: ['mobile/lib/intercom_login.dart:5 sends user_id, email without setUserHash.', MOBILE_REMINDER], notes: [JWT_NOTE('setUserHash', 'setUserJwt')] },
    { vendor: 'intercom', platform: 'android', ready: false, scheme: 'hmac', reasons: ['mobile/lib/intercom_login.dart:5 sends user_id, email without setUserHash.', MOBILE_REMINDER], notes: [JWT_NOTE('setUserHash', 'setUserJwt')] },
    { vendor: 'crisp', platform: 'web', ready: true, scheme: 'hmac', reasons: [], notes: [] },
    { vendor: 'helpscout', platform: 'web', ready: true, scheme: 'hmac', reasons: [], notes: [] },
  ],
};

describe('cli: idv check', () => {
  it('--format json on the fixture project: every installation and a verdict per vendor and platform, exit 1', async () => {
    const result = await run(['check', '--format', 'json', ...PROJECT]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(core(result.stdout), EXPECTED);
    // The key order is part of the contract.
    assert.deepEqual(Object.keys((JSON.parse(result.stdout) as typeof EXPECTED).installations[0] ?? {}), ['file', 'line', 'vendor', 'platform', 'identifiers', 'sendsHash', 'hashSource', 'scheme']);
    assert.deepEqual(Object.keys((JSON.parse(result.stdout) as typeof EXPECTED).readiness[0] ?? {}), ['vendor', 'platform', 'ready', 'scheme', 'reasons', 'notes']);
  });

  it('text: a table and the verdicts with their reasons', async () => {
    const { code, stdout } = await run(['check', ...PROJECT]);
    assert.equal(code, 1);
    assert.match(stdout, /^LOCATION\s+VENDOR\s+PLATFORM\s+IDENTIFIERS\s+HASH\s+SCHEME\s+SOURCE\n/);
    assert.match(stdout, /\nweb\/public\/landing\.js:2 +intercom +web +user_id, email +missing +- +-\n/);
    assert.match(stdout, /\nweb\/public\/marketing\.html:3 +intercom +web +\(anonymous\) +missing +- +-\n/);
    assert.match(stdout, /\nweb\/app\/views\/layouts\/application\.html\.erb:7 +intercom +web +user_id, email +sent +hmac +server\n/);
    assert.match(stdout, /\nIntercom on web \(HMAC\): NOT ready to enforce\n {2}- web\/public\/landing\.js:2 sends user_id, email without user_hash\.\n/);
    assert.match(stdout, /\nIntercom on iOS \(HMAC\): NOT ready to enforce\n/);
    assert.match(stdout, /\nCrisp on web \(HMAC\): ready to enforce\n/);
    assert.ok(stdout.includes(`  - note: ${JWT_NOTE('user_hash', 'intercom_user_jwt')}\n`));
    assert.ok(stdout.includes(`  - ${MOBILE_REMINDER}`));
  });

  it('exit 0 when every platform found is ready; paths are relative to the current directory', async () => {
    const support = await run(['check', 'web/src/support', '--format', 'json']);
    assert.equal(support.code, 0);
    assert.deepEqual(core(support.stdout), {
      installations: EXPECTED.installations.filter((i) => i.file.startsWith('web/src/support/')),
      readiness: EXPECTED.readiness.filter((r) => r.vendor === 'crisp' || r.vendor === 'helpscout'),
    });
    const ios = await run(['check', '--format', 'json', 'IntercomLogin.swift'], join(FIXTURE, 'ios', 'App'));
    assert.equal(ios.code, 0);
    assert.deepEqual(core(ios.stdout), {
      installations: EXPECTED.installations.filter((i) => i.file === 'ios/App/IntercomLogin.swift').map((i) => ({ ...i, file: 'IntercomLogin.swift' })),
      readiness: [{ vendor: 'intercom', platform: 'ios', ready: true, scheme: 'hmac', reasons: [MOBILE_REMINDER], notes: [JWT_NOTE('setUserHash', 'setUserJwt')] }],
    });
    const none = await run(['check', 'server']);
    assert.deepEqual(none, { code: 0, stdout: 'No messenger installations found.\n', stderr: '' });
  });

  it('outside git: honours .gitignore and skips dependency folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-check-'));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      rmSync(join(dir, 'schemes'), { recursive: true });
      const missing = "window.intercomSettings = { app_id: 'x', user_id: u.id };\n";
      mkdirSync(join(dir, 'generated'));
      writeFileSync(join(dir, 'generated', 'boot.js'), missing);
      mkdirSync(join(dir, 'node_modules', 'widget'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'widget', 'boot.js'), missing);
      writeFileSync(join(dir, '.gitignore'), 'generated/\n');
      const result = await run(['check', '--format', 'json'], dir);
      assert.deepEqual(core(result.stdout), EXPECTED);
      // The same file, no longer ignored, is found: the test above can tell the difference.
      writeFileSync(join(dir, '.gitignore'), '');
      const report = JSON.parse((await run(['check', '--format', 'json'], dir)).stdout) as typeof EXPECTED & { skipped: { file: string; kind: string }[] };
      const files = report.installations.map((i) => i.file);
      assert.ok(files.includes('generated/boot.js'));
      assert.ok(!files.some((f) => f.startsWith('node_modules/')));
      // The dependency folder is not walked, and the report says so.
      assert.deepEqual(report.skipped.filter((s) => s.file === 'node_modules/').map((s) => s.kind), ['excluded-folder']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a project mixing HMAC and JWT: a SCHEME column, the scheme per verdict, the mix as a reason, exit 1', async () => {
    const { code, stdout } = await run(['check'], join(FIXTURE, 'schemes', 'mixed'));
    assert.equal(code, 1);
    assert.match(stdout, /\nweb\/src\/boot\.js:3 +intercom +web +user_id +sent +jwt +server\n/);
    assert.match(stdout, /\nweb\/src\/legacy\.js:3 +intercom +web +user_id +sent +hmac +server\n/);
    assert.match(stdout, /\nIntercom on web \(HMAC and JWT mixed\): NOT ready to enforce\n {2}- Mixes HMAC \(web\/src\/legacy\.js:3\) and JWT \(web\/src\/boot\.js:3\): /);
    // Intercom's recommendation is a note: iOS on HMAC alone stays ready.
    assert.match(stdout, /\nIntercom on iOS \(HMAC\): ready to enforce\n(?: {2}- [^\n]+\n)* {2}- note: Intercom calls user_hash deprecated and recommends Messenger Security \(JWT\): migrate setUserHash to setUserJwt/);
    assert.match(stdout, /\nIntercom on Android \(JWT\): ready to enforce\n/);
    const json = JSON.parse((await run(['check', '--format', 'json'], join(FIXTURE, 'schemes', 'mixed'))).stdout) as typeof EXPECTED;
    assert.deepEqual(json.readiness.map((r) => [r.platform, r.scheme, r.ready]), [['web', 'mixed', false], ['ios', 'hmac', true], ['android', 'jwt', true]]);
    assert.deepEqual(json.installations.map((i) => i.scheme), ['jwt', 'hmac', 'jwt', 'hmac']);
  });

  it('a project on JWT only: every platform ready, exit 0, no notes', async () => {
    const result = await run(['check', '--format', 'json'], join(FIXTURE, 'schemes', 'jwt-only'));
    assert.equal(result.code, 0);
    const json = JSON.parse(result.stdout) as typeof EXPECTED;
    assert.ok(json.installations.every((i) => i.scheme === 'jwt'));
    assert.deepEqual(json.readiness.map((r) => [r.vendor, r.platform, r.scheme, r.notes]), [
      ['intercom', 'web', 'jwt', []], ['intercom', 'ios', 'jwt', []], ['intercom', 'android', 'jwt', []], ['zendesk', 'web', 'jwt', []],
    ]);
    const text = (await run(['check'], join(FIXTURE, 'schemes', 'jwt-only'))).stdout;
    assert.match(text, /\nZendesk messaging on web \(JWT\): ready to enforce\n/);
    assert.ok(!text.includes('note:'));
  });

  it('exit 2 with one line on bad usage or a missing path', async () => {
    for (const argv of [['check', '--format', 'sarif'], ['check', 'no/such/dir'], ['check', '--nope']]) {
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /^idv: [^\n]+\n$/);
      assert.equal(result.stdout, '');
    }
  });

  it('is listed in idv --help', async () => {
    assert.match((await run(['--help'])).stdout, /\n {2}check +list messenger installations/);
  });
});
