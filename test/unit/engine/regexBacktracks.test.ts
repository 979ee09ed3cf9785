import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The work meter (workMeter.ts) counts what each regex execution moves over, not how often it
 * backtracks inside. V8 counts that itself: with these flags a single execution that backtracks
 * more than the limit switches to the linear-time engine and says so in its trace. The hostile
 * inputs below are linted in a child Node with a limit of 16 backtracks per input character, so
 * any regex that backtracks superlinearly on them shows up as a trace line.
 */
const CHARS = 200_000;
const LIMIT = CHARS * 16;

const SCRIPT = `
const { lint, DEFAULT_CONFIG } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'core', 'engine', 'index.js'))});
const { findInstallations } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'core', 'install', 'index.js'))});
const n = ${CHARS};
const shapes = [
  'INTERCOM_SECRET="Zq8vK2mPx7LwR4tN9bY" ',
  "Intercom('boot', {",
  'SECRET = "' + '\\\\"',
  "createHmac('sha256', k).update(user.email)\\n",
  "window.intercomSettings = { user_id: '",
  '$crisp.push([["set", "user:email", [[',
  'const secret = ' + ' '.repeat(40),
  'hmac.new(' + '\\t'.repeat(30),
  '<key>IntercomSecret</key>' + ' '.repeat(20),
  'NEXT_PUBLIC_INTERCOM_SECRET=' + 'a'.repeat(50) + '\\r',
  '[Intercom loginUserWithUserAttributes:a]; Intercom.setUserJwt' + ' '.repeat(20),
  "useIntercom(); Intercom('boot', { intercom_user_jwt: t }); Intercom('update', {" + ' '.repeat(30) + 'update(',
];
for (const unit of shapes) {
  const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  for (const path of ['src/components/A.tsx', 'a.py', '.env', 'a.swift', 'Info.plist', 'app/views/a.html.erb', 'a.yaml', 'a.dart']) {
    lint(text, { path, committed: true, config: DEFAULT_CONFIG });
    findInstallations(text, path);
  }
}
console.log('done');
`;

describe('engine: regex backtracking', function () {
  this.timeout(300_000);

  it('no regex backtracks superlinearly on hostile input (V8 counts, no clock)', () => {
    const run = spawnSync(process.execPath, [
      '--enable-experimental-regexp-engine-on-excessive-backtracks', `--regexp-backtracks-before-fallback=${LIMIT}`,
      '--trace-experimental-regexp-engine', '-e', SCRIPT,
    ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const excessive = run.stdout.split('\n').filter((l) => l.startsWith('Experimental execution'));
    assert.deepEqual(excessive, [], 'a regex backtracked more than 16 times per character');
    assert.match(run.stdout, /done/);
  });

  it('would see one that does (the check can fail)', () => {
    const run = spawnSync(process.execPath, [
      '--enable-experimental-regexp-engine-on-excessive-backtracks', `--regexp-backtracks-before-fallback=${LIMIT}`,
      '--trace-experimental-regexp-engine', '-e', `/(a|a)*b/.test('a'.repeat(30))`,
    ], { encoding: 'utf8' });
    assert.match(run.stdout, /Experimental execution/);
  });
});
