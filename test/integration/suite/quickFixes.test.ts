/**
 * The quick fixes that keep a secret file out of git, on the fixture repository: server.env is
 * tracked and holds a secret; server/intercom.js holds one in source code.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { resolveGit } from '../../../src/core/engine/git';
import type { UntrackResult } from '../../../src/extension/commands/untrackSecretFile';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, diagnosticsWhere, ScriptedPrompter, testApi } from './helpers';

async function actionTitles(uri: vscode.Uri): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const [diagnostic] = await diagnosticsWhere(uri, (d) => d.some((x) => typeof x.code === 'object' && x.code.value === 'hardcoded-secret'));
  assert.ok(diagnostic);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

describe('quick fixes for secret files', () => {
  let api: TestApi;
  let folder: vscode.WorkspaceFolder;
  let gitignore = '';
  const git = (...args: string[]) => execFileSync(resolveGit() ?? 'git', args, { cwd: folder.uri.fsPath, encoding: 'utf8' });
  const file = (path: string) => vscode.Uri.joinPath(folder.uri, path);

  before(async () => {
    api = await testApi();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first);
    folder = first;
    gitignore = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.gitignore')));
  });
  after(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
    // Back to the fixture as it was: server.env tracked, .gitignore as committed.
    git('reset', '-q', '--', 'server.env');
    await vscode.workspace.fs.writeFile(file('.gitignore'), new TextEncoder().encode(gitignore));
    await vscode.workspace.fs.delete(file('staging.env')).then(undefined, () => undefined);
  });

  it('never offers to ignore a source file', async () => {
    await vscode.window.showTextDocument(file('server/intercom.js'));
    const { actions } = await actionTitles(file('server/intercom.js'));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Read INTERCOM_IDENTITY_SECRET from the environment'), titles.join(' | '));
    assert.deepEqual(titles.filter((t) => /gitignore|track/i.test(t)), []);
  });

  it('offers to stop tracking a tracked .env file, not merely to ignore it', async () => {
    await vscode.window.showTextDocument(file('server.env'));
    const { actions } = await actionTitles(file('server.env'));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Stop tracking server.env in git (git rm --cached) and ignore it'), titles.join(' | '));
    assert.deepEqual(titles.filter((t) => t.includes('.gitignore') && t.startsWith('Add')), []);
  });

  it('stops tracking it only after the user confirms, ignores it, says to rotate, and the finding goes', async () => {
    const uri = file('server.env');
    await vscode.window.showTextDocument(uri);
    const { actions } = await actionTitles(uri);
    const stop = actions.find((a) => a.title.startsWith('Stop tracking'));
    assert.ok(stop?.command);

    api.setPrompter(new ScriptedPrompter());
    const declined = await vscode.commands.executeCommand<UntrackResult | undefined>(stop.command.command, ...(stop.command.arguments ?? []) as unknown[]);
    assert.equal(declined, undefined);
    assert.equal(git('ls-files', '--', 'server.env').trim(), 'server.env', 'still tracked after the user declined');

    const prompter = new ScriptedPrompter([{ press: 'Stop Tracking' }]);
    api.setPrompter(prompter);
    const gone = diagnosticsWhere(uri, (d) => d.length === 0);
    const result = await vscode.commands.executeCommand<UntrackResult | undefined>(stop.command.command, ...(stop.command.arguments ?? []) as unknown[]);
    assert.deepEqual(result, { path: 'server.env', addedToGitignore: true });
    assert.equal(git('ls-files', '--', 'server.env').trim(), '', 'no longer tracked');
    assert.match(git('status', '--porcelain', '--', 'server.env'), /^D {2}server\.env$/m, 'the removal is staged for the next commit');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.gitignore'))), /^\/server\.env$/m);
    assert.ok((await vscode.workspace.fs.stat(uri)).size > 0, 'the copy on disk stays');
    assert.match(prompter.notices.at(-1) ?? '', /rotate it/);
    await gone;
  });

  it('offers to add an untracked .env file to .gitignore', async () => {
    const uri = file('staging.env');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('INTERCOM_IDENTITY_SECRET=qW3eR5tY7uI9oP1aS3dF5gH7jK9lZ2xC\n'));
    await vscode.window.showTextDocument(uri);
    const { actions } = await actionTitles(uri);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add staging.env to .gitignore'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Stop tracking')));
  });
});
