/**
 * Restricted Mode: the folder is not trusted (runTests.ts opens it with workspace trust on and
 * no prompt). The extension declares limited support, so it runs and reports what it finds.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedPrompter, testApi } from './helpers';

describe('Restricted Mode', () => {
  it('runs in an untrusted folder and reports a committed secret', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is opened untrusted');
    // Fails at once when VS Code keeps the extension disabled in Restricted Mode.
    const api = await testApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'server.env');
    const reported = new Promise<vscode.Diagnostic[]>((resolve) => {
      const check = () => {
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'identity-verification');
        if (ours.length === 0) return;
        subscription.dispose();
        resolve(ours);
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    await vscode.window.showTextDocument(uri);
    const diagnostics = await reported;
    assert.deepEqual(diagnostics.map((d) => typeof d.code === 'object' ? d.code.value : d.code), ['hardcoded-secret']);

    // git does not run here: the quick fix says what to run instead of running it.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0]?.range, vscode.CodeActionKind.QuickFix.value);
    const how = actions.find((a) => a.title === 'How to stop git tracking server.env');
    assert.ok(how?.command, actions.map((a) => a.title).join(' | '));
    assert.ok(!actions.some((a) => a.title.startsWith('Stop tracking')));
    const prompter = new ScriptedPrompter();
    api.setPrompter(prompter);
    await vscode.commands.executeCommand(how.command.command, ...(how.command.arguments ?? []) as unknown[]);
    assert.match(prompter.notices[0] ?? '', /Restricted Mode.*git rm --cached -- 'server\.env'.*rotate the secret/);
  });
});
