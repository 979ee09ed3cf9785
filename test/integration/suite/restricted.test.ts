/**
 * Restricted Mode: the folder is not trusted (runTests.ts opens it with workspace trust on and
 * no prompt). The extension declares limited support, so it runs and reports what it finds.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testApi } from './helpers';

describe('Restricted Mode', () => {
  it('runs in an untrusted folder and reports a committed secret', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is opened untrusted');
    // Fails at once when VS Code keeps the extension disabled in Restricted Mode.
    await testApi();
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
  });
});
