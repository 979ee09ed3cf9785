/**
 * Mistakes in `.idvrc.json` are reported once, on the offending key: by VS Code's JSON service
 * through the generated schema, never again by the extension at line 1; the extension reports
 * only what a schema cannot check (a name pattern the pre-filter cannot use). While the file is
 * not open, a notification says that it has mistakes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, ScriptedPrompter, testApi } from './helpers';

const CONFIG = `{
  // comments and a trailing comma are fine in this file
  "rules": { "hardcoded-secret": "loud", "missing-user-hash": "off", },
  "secretNamePatterns": ["*"],
  "extra": true
}
`;

describe('.idvrc.json', () => {
  let api: TestApi;
  let file: vscode.Uri;
  before(async () => {
    api = await testApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    file = vscode.Uri.joinPath(folder.uri, '.idvrc.json');
  });
  after(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
    await vscode.workspace.fs.delete(file);
  });

  it('says once that the closed file has mistakes, then shows each mistake once, on its key', async () => {
    // Configuration is read for documents being linted: keep one open.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(file, '..', 'server.env'));
    const prompter = new ScriptedPrompter();
    api.setPrompter(prompter);
    const announced = prompter.nextNotice();
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(CONFIG));
    assert.match(await announced, /\.idvrc\.json has 3 mistakes .*the defaults are used/);

    const shown = new Promise<vscode.Diagnostic[]>((resolve) => {
      const check = () => {
        const diagnostics = vscode.languages.getDiagnostics(file);
        if (diagnostics.length < 3) return;
        subscription.dispose();
        resolve(diagnostics);
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    const editor = await vscode.window.showTextDocument(file);
    assert.equal(editor.document.languageId, 'jsonc', 'the file is JSON with comments');
    const diagnostics = await shown;
    const shownAt = diagnostics.map((d) => [editor.document.getText(d.range), d.source === 'identity-verification' ? 'extension' : 'schema']).sort();
    assert.deepEqual(shownAt, [['"*"', 'extension'], ['"extra"', 'schema'], ['"loud"', 'schema']], JSON.stringify(diagnostics.map((d) => [d.source, d.message, d.range.start.line, d.range.start.character])));
    assert.equal(prompter.notices.length, 1, 'one notification for one set of mistakes');
  });
});
