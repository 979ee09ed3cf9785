/**
 * Check Build Output and History for the Secret, on the fixture repository: the stored secret's
 * base64 form in a `.next/static` chunk, the secret in an entry of a built `.apk`, and a commit
 * that added it and was undone since, all listed in the results view without the value.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { resolveGit } from '../../../src/core/engine/git';
import type { ExposureResult } from '../../../src/extension/commands/checkSecretExposure';
import type { TestApi } from '../../../src/extension/extension';
import { zip } from '../../unit/zipWriter';
import { closeAllEditors, ScriptedPrompter, testApi } from './helpers';

const SECRET = 'Tz8qLm3Vx6Kp1Wn9Rb4Hc7Jd2Fs5Gy0AeQu';
const BASE64 = Buffer.from(SECRET).toString('base64');

describe('the known secret in build output and history', () => {
  let api: TestApi;
  let folder: vscode.WorkspaceFolder;
  const git = (...args: string[]) => execFileSync(resolveGit() ?? 'git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', ...args], { cwd: folder.uri.fsPath, encoding: 'utf8' }).trim();
  const file = (path: string) => vscode.Uri.joinPath(folder.uri, path);
  const write = (path: string, data: string | Uint8Array) => vscode.workspace.fs.writeFile(file(path), typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const drive = async <T>(command: string, answers: ConstructorParameters<typeof ScriptedPrompter>[0], ...args: unknown[]) => {
    const prompter = new ScriptedPrompter(answers);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<T>(command, ...args);
    return { result, prompter };
  };

  before(async () => {
    api = await testApi();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first);
    folder = first;
    // Build output (git-ignored in real projects; the search reads it anyway).
    await write('.next/static/chunks/app-4f2c.js', `(self.webpackChunk=self.webpackChunk||[]).push([[1],{9:function(e){e.exports={k:"${BASE64}"}}}]);\n`);
    await write('dist/app-release.apk', zip([
      { name: 'AndroidManifest.xml', data: Buffer.from([3, 0, 8, 0, 1, 2, 3, 4]) },
      { name: 'res/values/strings.xml', data: `<resources>\n  <string name="intercom_secret">${SECRET}</string>\n</resources>\n` },
    ]));
    // Committed once, removed by the next commit: only history holds it now.
    await write('server/old-keys.js', `module.exports = { key: '${SECRET}' };\n`);
    git('add', '--', 'server/old-keys.js');
    git('commit', '-q', '-m', 'keys', '--', 'server/old-keys.js');
    git('rm', '-q', '--', 'server/old-keys.js');
    git('commit', '-q', '-m', 'no keys', '--', 'server/old-keys.js');
    await drive('idv.forgetSecret', [], { vendor: 'intercom', platform: 'android', slot: 'all' });
    await drive('idv.setSecret', [{ input: SECRET }], { vendor: 'intercom', platform: 'android' });
  });
  after(async () => {
    await drive('idv.forgetSecret', [], { vendor: 'intercom', platform: 'android', slot: 'all' });
    for (const path of ['.next', 'dist/app-release.apk']) await vscode.workspace.fs.delete(file(path), { recursive: true });
    api.setPrompter(undefined);
    await closeAllEditors();
  });

  it('finds the base64 form in a .next/static chunk, the secret in an .apk entry and in a removed commit, and never shows the value', async () => {
    const prompter = new ScriptedPrompter([]);
    api.setPrompter(prompter);
    const notice = prompter.nextNotice();
    const results = await vscode.commands.executeCommand<ExposureResult[]>('idv.checkSecretExposure');
    assert.ok(results);
    const mine = results.find((r) => r.secret.includes('Intercom Android'));
    assert.ok(mine, JSON.stringify(results.map((r) => r.secret)));
    assert.equal(mine.report.cancelled, false);
    assert.match(await notice, /^The secret is in \d+ places? \(\d+ in files, \d+ in git history\): rotate it\.$/);

    const rows = api.resultsTree();
    const text = rows.join('\n');
    assert.match(text, /^Known secret — \d+ files, \d+ archives \(\d+ entries\), \d+ commits$/m);
    assert.match(text, /^ {2}\.next\/static\/chunks\/app-4f2c\.js:1 — base64 of the secret · Intercom Android$/m);
    assert.match(text, /^ {2}dist\/app-release\.apk!\/res\/values\/strings\.xml:2 — the secret as text · Intercom Android$/m);
    assert.match(text, /^ {2}server\/old-keys\.js:1 — the secret as text · Intercom Android · [0-9a-f]{8} · \d{4}-\d\d-\d\d · removed, still in clones$/m);
    for (const form of [SECRET, BASE64, Buffer.from(SECRET).toString('hex')]) assert.ok(!text.includes(form), 'no form of the value in the view');

    // The history row opens the file as the commit that added it left it.
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.uri.scheme === 'idv-git') {
          sub.dispose();
          resolve(e);
        }
      });
    });
    assert.ok(await api.openResult('server/old-keys.js:1'));
    assert.match((await opened).document.getText(), /^module\.exports = \{ key: '/);
  });
});
