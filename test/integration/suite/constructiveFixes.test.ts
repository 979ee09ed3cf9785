/**
 * missing-user-hash's constructive fix and the hover, in the real editor, on the fixture's
 * web/boot.js (Intercom booted with user_id and no user_hash). Edits stay unsaved and are
 * reverted after each test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhere, ruleOf, testApi, workspaceFile } from './helpers';

const BOOT = 'web/boot.js';
const ADD = 'Add user_hash: currentUser.userHash, a value your server computes';

/** Opens web/boot.js and waits for its missing-user-hash diagnostic. */
async function openBoot(): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const uri = workspaceFile(BOOT);
  const waiting = diagnosticsWhere(uri, (d) => d.some((x) => ruleOf(x) === 'missing-user-hash'));
  // Opened as the explorer opens it, so the document closes with its editor: one opened with
  // showTextDocument stays open for minutes, and the next suite's "opened" lint never comes.
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document.uri.toString() === uri.toString(), 'boot.js is the active editor');
  const diagnostic = (await waiting).find((x) => ruleOf(x) === 'missing-user-hash');
  assert.ok(diagnostic);
  return { editor, diagnostic };
}

const noMissingHash = (d: vscode.Diagnostic[]) => !d.some((x) => ruleOf(x) === 'missing-user-hash');

describe('missing-user-hash: constructive fix and hover', () => {
  before(async () => {
    await testApi();
  });
  afterEach(closeAllEditors);

  it('says the fact in a short message', async () => {
    const { diagnostic } = await openBoot();
    assert.equal(diagnostic.message, 'Intercom gets user_id but no user_hash');
  });

  it('adds user_hash wired to a server value, offers the server snippet for Intercom, and the scan accepts the call', async () => {
    const { editor, diagnostic } = await openBoot();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const add = actions.find((a) => a.title === ADD);
    assert.ok(add?.edit, titles.join(' | '));
    assert.equal(add.isPreferred, true);
    const snippet = actions.find((a) => a.title === 'Insert the server snippet that produces user_hash');
    assert.deepEqual(snippet?.command && [snippet.command.command, snippet.command.arguments], ['idv.insertSnippet', [{ kind: 'server', vendor: 'intercom', scheme: 'hmac' }]], titles.join(' | '));

    const gone = diagnosticsWhere(editor.document.uri, noMissingHash);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    await gone;
    assert.equal(editor.document.lineAt(1).text, "window.intercomSettings = { app_id: 'abc123', user_id: currentUser.id, email: currentUser.email, user_hash: currentUser.userHash };");
  });

  it('hovers with the specifics and a link per quick fix, and the link applies the fix', async () => {
    const { editor, diagnostic } = await openBoot();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostic.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('**Intercom gets user\\_id but no user\\_hash** '), text);
    assert.match(text, /sends no `user_hash`/);
    assert.match(text, /\[`missing-user-hash`\]\(command:idv\.showRuleDocs\?/);
    const links = [...text.matchAll(/\[([^\]]*)\]\(command:idv\.applyQuickFix\?([^ )]+)/g)].map((m) => ({ label: (m[1] ?? '').replace(/\\(.)/g, '$1'), args: JSON.parse(decodeURIComponent(m[2] ?? '')) as unknown[] }));
    assert.deepEqual(links.map((l) => l.label), [ADD, 'Insert the server snippet that produces user_hash', 'Disable missing-user-hash for this line']);

    const gone = diagnosticsWhere(editor.document.uri, noMissingHash);
    const applied = await vscode.commands.executeCommand<boolean>('idv.applyQuickFix', ...(links[0]?.args ?? []));
    assert.equal(applied, true);
    await gone;
    assert.match(editor.document.lineAt(1).text, /user_hash: currentUser\.userHash \};$/);
    // The diagnostic has moved on: the same link now does nothing rather than edit again.
    assert.equal(await vscode.commands.executeCommand<boolean>('idv.applyQuickFix', ...(links[0]?.args ?? [])), false);
  });
});
