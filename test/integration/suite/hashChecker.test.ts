/**
 * The hash checker in a real VS Code: secrets go into the real SecretStorage through the
 * commands' masked input boxes, and come back out only as hashes.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { signHs256, type JwtInspection } from '../../../src/core/jwt';
import type { TestJwt } from '../../../src/core/jwtCreate';
import type { ComputeResult } from '../../../src/extension/commands/computeUserHash';
import type { TestApi } from '../../../src/extension/extension';
import type { VerifyResult } from '../../../src/core/verify';
import { ScriptedPrompter, testApi, type Answer } from './helpers';

const KNOWN_HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597';

describe('hash checker', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi();
  });
  afterEach(() => api.setPrompter(undefined));

  /** Runs `command` with a scripted user answering `answers`; checks every answer was used. */
  async function drive<T>(command: string, answers: Answer[], args?: object): Promise<{ result: T; prompter: ScriptedPrompter }> {
    const prompter = new ScriptedPrompter(answers);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<T>(command, args);
    assert.ok(prompter.done, `unused answers after ${command}`);
    return { result, prompter };
  }

  it('stores a secret through a masked input box', async () => {
    const { result, prompter } = await drive<boolean>('idv.setSecret', [{ pick: 'Intercom' }, { pick: 'Web' }, { input: 'secret' }]);
    assert.equal(result, true);
    const input = prompter.calls.find((c) => c.kind === 'input');
    assert.equal((input?.options as vscode.InputBoxOptions).password, true, 'the secret input box is masked');
  });

  it('computes the known-answer hash with the secret from SecretStorage', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Message' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 'Message'.length);
    // Identifier from the selection; the user presses "Insert at Cursor" in the panel.
    const { result, prompter } = await drive<ComputeResult>('idv.computeUserHash', [{ pick: 'Intercom' }, { pick: 'Web' }]);
    assert.equal(result.hash, KNOWN_HASH);
    assert.equal(api.panelState().hash?.hash, KNOWN_HASH);
    // The notification only says it is done, with a button back to the panel.
    assert.equal(prompter.notices[0], 'Computed the Intercom Web user_hash.');
    assert.deepEqual(prompter.calls.find((c) => c.kind === 'info')?.options, ['Show']);
    await api.panelMessage({ type: 'insert', what: 'hash' });
    assert.equal(doc.getText(), `Message${KNOWN_HASH}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('hashes the user id when both a user id and an email are typed, and says so', async () => {
    const { result } = await drive<ComputeResult>('idv.computeUserHash', [{ input: '42, alice@example.com' }], { vendor: 'intercom', platform: 'web' });
    assert.equal(result.identifier.value, '42');
    assert.match(api.panelState().hash?.identifierNote ?? '', /user id is hashed/);
  });

  it('asks for a secret when none is stored, then computes', async () => {
    const { result } = await drive<ComputeResult>('idv.computeUserHash', [{ input: '0b0b0b0b' }], { vendor: 'pylon', identifier: 'a@b.co' });
    // Pylon's secret is hex-decoded: the key is four 0x0b bytes, not the text "0b0b0b0b".
    assert.equal(result.hash, hashOf(Buffer.from([11, 11, 11, 11]), 'a@b.co'));
  });

  it('verifies a matching hash', async () => {
    const { result } = await drive<VerifyResult>('idv.verifyUserHash', [], { vendor: 'intercom', platform: 'web', identifier: 'Message', hash: KNOWN_HASH });
    assert.equal(result.match, true);
  });

  it('shows a mismatching hash in the panel: the diagnosis in full and the whole right hash', async () => {
    const diagnosis = 'The hash is of the email, but Intercom needs the hash of the user id when a user id is sent (a hash of the email fails with 401).';
    const expected = hashOf('secret', '42');
    // Waits for the page itself to show both, as loaded in the webview (its text, not the state).
    const shown = api.panelShows((text) => text.includes(diagnosis) && text.includes(expected));
    const { result, prompter } = await drive<VerifyResult>('idv.verifyUserHash', [
      { input: hashOf('secret', 'alice@example.com') }, { pick: 'Intercom' }, { pick: 'Web' }, { input: '42, alice@example.com' },
    ]);
    assert.equal(result.diagnosis?.id, 'email-instead-of-user-id');
    const text = await shown;
    assert.match(text, new RegExp(`\\b${expected}\\b`), 'the 64-character hash, whole');
    assert.equal(prompter.notices[0], 'The user_hash does not match: the panel says why.');
    assert.ok((prompter.notices[0] ?? '').length < 80);
  });

  it('diagnoses an uppercase hash', async () => {
    const { result } = await drive<VerifyResult>('idv.verifyUserHash', [], { vendor: 'intercom', platform: 'web', identifier: 'Message', hash: KNOWN_HASH.toUpperCase() });
    assert.equal(result.diagnosis?.id, 'uppercase-hex');
    assert.match(api.panelState().hash?.diagnosis ?? '', /uppercase/);
  });

  it('diagnoses a hash made with the secret from before a rotation', async () => {
    await drive('idv.setSecret', [{ input: 'rotated-secret' }], { vendor: 'intercom', platform: 'web' });
    const { result } = await drive<VerifyResult>('idv.verifyUserHash', [], { vendor: 'intercom', platform: 'web', identifier: 'Message', hash: KNOWN_HASH });
    assert.equal(result.match, false);
    assert.equal(result.diagnosis?.id, 'previous-secret');
  });

  it("diagnoses a hash made with another platform's secret", async () => {
    await drive('idv.setSecret', [{ input: 'ios-secret' }], { vendor: 'intercom', platform: 'ios' });
    const { result } = await drive<VerifyResult>('idv.verifyUserHash', [], { vendor: 'intercom', platform: 'web', identifier: 'Message', hash: hashOf('ios-secret', 'Message') });
    assert.equal(result.diagnosis?.id, 'other-platform-secret');
  });

  it('inspects a JWT: verifies HS256 with the stored secret and warns on a missing exp', async () => {
    const token = signHs256({ user_id: '42' }, 'rotated-secret');
    const { result, prompter } = await drive<JwtInspection>('idv.inspectJwt', [], { vendor: 'intercom', platform: 'web', token });
    assert.equal(result.signatureValid, true);
    assert.ok(result.warnings.some((w) => w.includes('"exp"')));
    assert.equal(prompter.notices[0], 'Intercom JWT: Valid, and 1 more problem.');
    const panel = api.panelState().jwt;
    assert.ok(panel?.problems.some((p) => p.includes('"exp"')), JSON.stringify(panel));
    assert.deepEqual(panel?.claims.find((c) => c.name === 'user_id'), { name: 'user_id', value: '"42"' });
  });

  it('creates a test JWT for Intercom that verifies with the stored secret and carries user_id and exp', async () => {
    const secret = 'jwt-test-secret';
    await drive('idv.setSecret', [{ input: secret }], { vendor: 'intercom', platform: 'android' });
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(doc);
    const before = Math.floor(Date.now() / 1000);
    // No email (optional), the default hour, then "Insert at Cursor" on the result.
    const { result, prompter } = await drive<TestJwt>('idv.createTestJwt', [
      { pick: 'Intercom' }, { pick: 'Android' }, { input: '42' }, { input: '' }, { pick: '1 hour' }, { press: 'Insert at Cursor' },
    ]);
    const after = Math.floor(Date.now() / 1000);
    const token = doc.getText();
    assert.equal(token, result.token);

    // Checked without the extension: the HMAC over header.payload with the secret, then the claims.
    const [h = '', p = '', s = ''] = token.split('.');
    assert.equal(s, createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'), 'signed HS256 with the stored secret');
    assert.equal((JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string }).alg, 'HS256');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { user_id: string; exp: number; email?: string };
    assert.equal(claims.user_id, '42');
    assert.equal(claims.email, undefined);
    assert.ok(claims.exp >= before + 3600 && claims.exp <= after + 3600, `exp ${claims.exp} is an hour from now`);
    assert.match(prompter.notices[0] ?? '', /user_id "42"; it expires in 1 hour/);
    assert.ok(prompter.notices.every((n) => !n.includes(secret)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // Inspect JWT agrees, verdict first, with the expiry as a date.
    const inspected = await drive<JwtInspection>('idv.inspectJwt', [], { vendor: 'intercom', platform: 'android', token });
    assert.equal(inspected.result.signatureValid, true);
    assert.deepEqual(inspected.result.problems, []);
    assert.equal(inspected.prompter.notices[0], 'Intercom JWT: Valid.');
    const panel = api.panelState().jwt;
    assert.match(panel?.headline ?? '', /^Valid: /);
    assert.match(panel?.claims.find((c) => c.name === 'exp')?.time ?? '', /^\d{4}-\d\d-\d\dT[\d:]+Z \(in (59 minutes|1 hour)\)$/);
    await drive('idv.forgetSecret', [], { vendor: 'intercom', platform: 'android', slot: 'all' });
  });

  it('forgets secrets', async () => {
    const { result } = await drive<number>('idv.forgetSecret', [], { vendor: 'intercom', platform: 'ios', slot: 'all' });
    assert.equal(result, 1);
  });

  it('never writes a secret to settings, logs or output channels', async function () {
    const probe = process.env.IDV_TEST_LEAK_PROBE;
    const root = process.env.IDV_TEST_SCAN_DIRS;
    if (!probe || !root) return this.skip();
    // The probe goes through every command that handles a secret.
    await drive('idv.setSecret', [{ pick: 'Crisp' }, { input: probe }]);
    await drive('idv.computeUserHash', [], { vendor: 'crisp', identifier: 'a@b.co' });
    await drive('idv.verifyUserHash', [], { vendor: 'crisp', identifier: 'a@b.co', hash: 'ab'.repeat(32) });
    await drive('idv.setSecret', [{ input: `${probe}-2` }], { vendor: 'crisp' });
    await drive('idv.forgetSecret', [], { vendor: 'crisp', slot: 'all' });
    // The JWT commands too: a test token signed with the probe, then inspected.
    await drive('idv.setSecret', [{ input: probe }], { vendor: 'featurebase' });
    const created = await drive<TestJwt>('idv.createTestJwt', [], { vendor: 'featurebase', claims: { email: 'a@b.co' }, lifetimeSeconds: 600 });
    await drive('idv.inspectJwt', [], { vendor: 'featurebase', token: created.result.token });
    assert.ok(!JSON.stringify(api.panelState()).includes(probe), 'the panel never holds the secret');
    await drive('idv.forgetSecret', [], { vendor: 'featurebase', slot: 'all' });
    const hits = filesContaining(root, probe, 'chromium');
    assert.deepEqual(hits, []);
    const settings = filesContaining(root, 'identityVerification.secret', 'chromium');
    assert.deepEqual(settings.filter((f) => f.endsWith('settings.json')), []);
  });
});

/** Computed independently of the extension, straight from node:crypto. */
function hashOf(secret: string | Buffer, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Files below `dir` whose bytes contain `needle`, outside folders named `skip` (the browser
 * profiles, one per pass of the runner, where the web workbench's SecretStorage lives).
 */
function filesContaining(dir: string, needle: string, skip: string): string[] {
  const hits: string[] = [];
  const walk = (path: string): void => {
    if (basename(path) === skip) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else if (stat?.isFile() && stat.size < 50_000_000 && readFileSync(path).includes(needle)) hits.push(path);
  };
  walk(dir);
  return hits;
}
