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

const install = (file: string, line: number, platform: string, identifiers: string[], sendsHash: boolean, hashSource: string, vendor = 'intercom') =>
  ({ file, line, vendor, platform, identifiers, sendsHash, hashSource });

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
      vendor: 'intercom', platform: 'web', ready: false, reasons: [
        'web/public/landing.js:2 sends user_id, email without user_hash.',
        'web/src/components/ChatWidget.tsx:8 computes the hash on the client, so the secret ships with it: compute it on the server and rotate the secret.',
      ],
    },
    { vendor: 'intercom', platform: 'ios', ready: false, reasons: ['mobile/lib/intercom_login.dart:5 sends user_id, email without setUserHash.', MOBILE_REMINDER] },
    { vendor: 'intercom', platform: 'android', ready: false, reasons: ['mobile/lib/intercom_login.dart:5 sends user_id, email without setUserHash.', MOBILE_REMINDER] },
    { vendor: 'crisp', platform: 'web', ready: true, reasons: [] },
    { vendor: 'helpscout', platform: 'web', ready: true, reasons: [] },
  ],
};

describe('cli: idv check', () => {
  it('--format json on the fixture project: every installation and a verdict per vendor and platform, exit 1', async () => {
    const result = await run(['check', '--format', 'json']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(core(result.stdout), EXPECTED);
    // The key order is part of the contract.
    assert.deepEqual(Object.keys((JSON.parse(result.stdout) as typeof EXPECTED).installations[0] ?? {}), ['file', 'line', 'vendor', 'platform', 'identifiers', 'sendsHash', 'hashSource']);
  });

  it('text: a table and the verdicts with their reasons', async () => {
    const { code, stdout } = await run(['check']);
    assert.equal(code, 1);
    assert.match(stdout, /^LOCATION\s+VENDOR\s+PLATFORM\s+IDENTIFIERS\s+HASH\s+SOURCE\n/);
    assert.match(stdout, /\nweb\/public\/landing\.js:2 +intercom +web +user_id, email +missing +-\n/);
    assert.match(stdout, /\nweb\/public\/marketing\.html:3 +intercom +web +\(anonymous\) +missing +-\n/);
    assert.match(stdout, /\nIntercom on web: NOT ready to enforce\n {2}- web\/public\/landing\.js:2 sends user_id, email without user_hash\.\n/);
    assert.match(stdout, /\nIntercom on iOS: NOT ready to enforce\n/);
    assert.match(stdout, /\nCrisp on web: ready to enforce\n/);
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
      readiness: [{ vendor: 'intercom', platform: 'ios', ready: true, reasons: [MOBILE_REMINDER] }],
    });
    const none = await run(['check', 'server']);
    assert.deepEqual(none, { code: 0, stdout: 'No messenger installations found.\n', stderr: '' });
  });

  it('outside git: honours .gitignore and skips dependency folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-check-'));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
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
