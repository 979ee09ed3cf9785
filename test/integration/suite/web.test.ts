/**
 * The browser bundle in a browser-hosted VS Code (runTests.ts's web pass): the workbench's web
 * worker extension host runs the installed extension's `browser` entry, as vscode.dev does.
 * These tests run in the server's Node extension host beside it (VS Code runs tests only there),
 * so they see the web host's work as any extension would: its diagnostics and its commands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, ruleOf, SOURCE } from './helpers';

/** Resolves once `uri` has a diagnostic of ours; the mocha timeout is the only clock. */
function ourDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      if (ours.length === 0) return;
      subscription.dispose();
      resolve(ours);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}

describe('Web extension host', () => {
  it('runs the browser bundle outside the Node extension host and lints a document', async () => {
    // remote.extensionKind ["web"] moved it to the web worker: the Node host does not run it.
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID), undefined, 'the extension runs in the Node extension host, not the web worker');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'server.env');
    const reported = ourDiagnostics(uri);
    await vscode.window.showTextDocument(uri);
    const diagnostics = await reported;
    assert.deepEqual(diagnostics.map(ruleOf), ['hardcoded-secret']);
    // The rule's documentation page, which the web host serves from its own file system.
    await vscode.commands.executeCommand('idv.showRuleDocs', 'hardcoded-secret');
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom && input.uri.toString() === 'idv-docs:/rules/hardcoded-secret', JSON.stringify(input));
  });

  it('lints an unsaved document as it is typed, with the text scanner', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    const reported = ourDiagnostics(doc.uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), "window.intercomSettings = { app_id: 'abc123', user_id: user.id };\n"));
    assert.deepEqual((await reported).map(ruleOf), ['missing-user-hash']);
  });

  it('offers the quick fixes that need no process', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'server.env');
    const diagnostics = await ourDiagnostics(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0]?.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable hardcoded-secret for this line') && titles.includes('Show documentation for hardcoded-secret'), titles.join(' | '));
  });
});
