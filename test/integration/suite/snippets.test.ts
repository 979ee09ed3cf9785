/** The snippet picker and the contributed snippet completions in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../../src/extension/commands/insertSnippet';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, EXTENSION_ID, ScriptedPrompter, testApi } from './helpers';

describe('snippets', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi();
  });
  afterEach(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
  });

  it('inserts the chosen server snippet with its tab stops into a new document of its language', async () => {
    await closeAllEditors();
    // No editor open: the picker lists everything; the user picks Flask, Intercom, user id and
    // keeps the suggested variable; the snippet goes into a new Python document.
    const prompter = new ScriptedPrompter([
      { pick: 'Flask route that returns the user hash for the signed-in user' }, { pick: 'Intercom' }, { pick: 'User id' },
      { input: 'INTERCOM_IDENTITY_VERIFICATION_SECRET' },
    ]);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<InsertResult>('idv.insertSnippet');
    assert.ok(prompter.done, 'every scripted answer was used');
    assert.equal(result.id, 'flask');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.languageId, 'python');
    const text = editor.document.getText();
    assert.match(text, /os\.environ\["INTERCOM_IDENTITY_VERIFICATION_SECRET"\]/);
    assert.match(text, /hmac\.compare_digest/);
    assert.doesNotMatch(text, /\$\{?\d/, 'tab-stop syntax is not inserted literally');
    // Snippet mode: the first tab stop (`app`) is selected and Tab moves on to the next one.
    assert.equal(editor.document.getText(editor.selection), 'app');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '/api/messenger/identity');
  });

  it('offers the snippets of the active editor\'s language first', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'ruby', content: '' });
    await vscode.window.showTextDocument(doc);
    const prompter = new ScriptedPrompter([{ pick: 'Rails helper that gives the view the user hash for the signed-in user' }, { pick: 'Crisp' }, { input: 'CRISP_VERIFY_SECRET' }]);
    api.setPrompter(prompter);
    const result = await vscode.commands.executeCommand<InsertResult>('idv.insertSnippet');
    const items = prompter.calls[0]?.items ?? [];
    assert.equal(items[0]?.label, 'For ruby');
    assert.equal(items[0]?.kind, vscode.QuickPickItemKind.Separator);
    assert.ok(items.slice(1).findIndex((i) => i.kind === vscode.QuickPickItemKind.Separator) > 0);
    assert.equal(result.vendor, 'crisp');
    assert.match(doc.getText(), /CRISP_VERIFY_SECRET/);
  });

  it('offers the generated snippets as completions at their prefix', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'idv-' });
    await vscode.window.showTextDocument(doc);
    // The workbench reads contributed snippet files in the background; on a loaded machine the
    // first request can come before they are in. Ask again (each request is a round trip to
    // the workbench, no timer) until they answer, a bounded number of times.
    let snippets: string[] = [];
    for (let attempt = 0; attempt < 2000 && !snippets.some((label) => label.startsWith('idv-flask')); attempt++) {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 4));
      snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    }
    assert.ok(snippets.some((label) => label.startsWith('idv-flask')), `snippet completions: ${snippets.join(', ')}`);
  });
});

describe('snippet languages', () => {
  it('contributes snippet files only for languages this VS Code defines', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { snippets: Array<{ language: string }> } };
    const known = new Set(await vscode.languages.getLanguages());
    const contributed = manifest.contributes.snippets.map((s) => s.language);
    assert.ok(contributed.includes('python') && !contributed.includes('kotlin'), contributed.join(', '));
    assert.deepEqual(contributed.filter((language) => !known.has(language)), []);
  });

  // Stock VS Code defines none of these; the test harness stands in for the language extensions.
  for (const [language, prefix] of [['kotlin', 'idv-ktor'], ['elixir', 'idv-phoenix'], ['vue', 'idv-intercom-vue']] as const) {
    it(`offers the ${language} snippets once a language extension defines ${language}`, async () => {
      await testApi();
      const doc = await vscode.workspace.openTextDocument({ language, content: 'idv-' });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 4));
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix);
      assert.ok(item, `${prefix} among ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
      assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
      assert.ok(item.insertText instanceof vscode.SnippetString && item.insertText.value.length > 20);
    });
  }
});
