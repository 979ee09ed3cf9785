/** The snippet picker and the contributed snippet completions in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InsertResult } from '../../../src/extension/commands/insertSnippet';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, EXTENSION_ID, ours, ScriptedPrompter, testApi, workspaceFile, type Call } from './helpers';

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

/**
 * The picker on the fixture's Next.js app (next-shop/: app router, next-auth's `auth` in
 * auth.ts, the `@/*` alias, Intercom's messenger SDK, and a module that reads INTERCOM_SECRET).
 */
describe('snippet picker on a Next.js project', () => {
  let api: TestApi;
  const route = () => workspaceFile('next-shop/app/api/intercom/user-hash/route.ts');
  before(async () => {
    api = await testApi();
  });
  afterEach(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
    await vscode.workspace.fs.delete(route(), { recursive: false, useTrash: false }).then(undefined, () => undefined);
  });

  const openPage = async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('next-shop/app/page.tsx')));
  const snippetIds = (call: Call | undefined) => (call?.items ?? []).map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? `-- ${i.label}` : (i.detail ?? '').split(' · ').pop()));
  const options = (call: Call | undefined) => call?.options as { title?: string; step?: number; totalSteps?: number; back?: boolean; value?: string; active?: vscode.QuickPickItem };

  it('ranks the Next.js route handlers first, pre-fills the vendor and INTERCOM_SECRET, and creates the route the scan accepts', async () => {
    await openPage();
    const create = 'Create the route at app/api/intercom/user-hash/route.ts';
    const prompter = new ScriptedPrompter([
      { pick: 'Next.js route handler (app router) that returns the user hash' }, { pick: 'Intercom' }, { pick: 'User id' },
      { input: 'INTERCOM_SECRET' }, { pick: create },
    ]);
    api.setPrompter(prompter);
    // As the missing-user-hash quick fix runs it.
    const result = await vscode.commands.executeCommand<InsertResult | undefined>('idv.insertSnippet', { kind: 'server' });
    assert.ok(prompter.done, 'every scripted answer was used');
    const [snippets, vendors, , envVar, place] = prompter.calls;
    assert.deepEqual(snippetIds(snippets).slice(0, 5), ['-- For this project (Next.js (app router))', 'jwt-nextjs-route', 'jwt-nextjs-server-action', 'nextjs-route', 'nextjs-server-action']);
    assert.equal(vendors?.items?.[0]?.label, 'Intercom');
    assert.match(vendors?.items?.[0]?.description ?? '', /@intercom\/messenger-js-sdk in package\.json/);
    assert.equal(options(envVar).value, 'INTERCOM_SECRET', 'the variable the project reads, not the default');
    assert.equal(options(place).active?.label, create);
    assert.ok(prompter.calls.every((c) => c.kind === 'finish' || options(c).title === 'Identity Verification: Insert Snippet'), 'one title across the steps');
    assert.deepEqual(prompter.calls.filter((c) => c.kind === 'pick' || c.kind === 'input').map((c) => `${options(c).step}/${options(c).totalSteps}`), ['1/5', '2/5', '3/5', '4/5', '5/5']);

    assert.ok(result?.created);
    assert.equal(result.uri.toString(), route().toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(route()));
    assert.match(text, /^import \{ auth \} from '@\/auth';$/m, 'the project\'s own auth helper');
    assert.match(text, /process\.env\.INTERCOM_SECRET/);
    assert.doesNotMatch(text, /verifyUserHash|Placeholder|\$\{?\d/, 'no unused helper, no placeholder, no tab-stop syntax');
    const summary = await vscode.commands.executeCommand<{ files: number }>('idv.scanWorkspace');
    assert.ok(summary.files > 0);
    assert.deepEqual(ours(route()).map((d) => d.message), [], 'the scan accepts the route it wrote');

    // Never over an existing file: the second run offers no creation.
    await openPage();
    const again = new ScriptedPrompter([{ pick: 'Next.js route handler (app router) that returns the user hash' }, { pick: 'Intercom' }, { pick: 'User id' }, { input: 'INTERCOM_SECRET' }, { dismiss: true }]);
    api.setPrompter(again);
    assert.equal(await vscode.commands.executeCommand('idv.insertSnippet', { kind: 'server' }), undefined);
    assert.deepEqual(again.calls.at(-2)?.items?.map((i) => i.label), ['Insert into next-shop/app/page.tsx']);
  });

  it('goes back a step with the earlier answer kept, and forward with new answers', async () => {
    await openPage();
    const prompter = new ScriptedPrompter([
      { pick: 'Next.js route handler (app router) that returns the user hash' }, { pick: 'Crisp' },
      { back: true }, // at the variable: back to the vendor, which still shows Crisp
      { pick: 'Intercom' }, { pick: 'User id' }, { input: 'INTERCOM_SECRET' }, { dismiss: true },
    ]);
    api.setPrompter(prompter);
    assert.equal(await vscode.commands.executeCommand('idv.insertSnippet', { kind: 'server' }), undefined);
    assert.ok(prompter.done);
    const asked = prompter.calls.filter((c) => c.kind === 'pick' || c.kind === 'input');
    const crispEnv = asked[2];
    assert.equal(options(crispEnv).value, 'CRISP_VERIFY_SECRET');
    assert.equal(options(crispEnv).back, true);
    const vendorAgain = asked[3];
    assert.equal(options(vendorAgain).active?.label, 'Crisp', 'the earlier answer is selected again');
    assert.equal(`${options(vendorAgain).step}/${options(vendorAgain).back}`, '2/true');
    assert.equal(options(asked[5]).value, 'INTERCOM_SECRET', 'the new vendor\'s variable, not Crisp\'s');
  });

  it('the hash checker goes back from the identifier to the platform with the platform kept', async () => {
    const prompter = new ScriptedPrompter([{ pick: 'Intercom' }, { pick: 'iOS' }, { back: true }, { dismiss: true }]);
    api.setPrompter(prompter);
    assert.equal(await vscode.commands.executeCommand('idv.computeUserHash'), undefined);
    const asked = prompter.calls.filter((c) => c.kind === 'pick' || c.kind === 'input');
    assert.deepEqual(asked.map((c) => `${c.kind} ${options(c).step}/${options(c).totalSteps}`), ['pick 1/3', 'pick 2/3', 'input 3/3', 'pick 2/3']);
    assert.equal(options(asked[3]).active?.label, 'iOS');
  });
});
