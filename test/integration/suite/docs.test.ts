/**
 * Rule documentation in the installed extension: from a diagnostic's link (what the hover, the
 * Problems view and the marker peek open), from the command with and without a rule id, and
 * from the code actions. Each time the page shown must be the rule's own docs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULES } from '../../../src/core/engine/index';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, ScriptedPrompter, testApi } from './helpers';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The rendered page shows the rule's title and the start of each of its four sections. */
function assertPageOf(html: string, ruleId: string): void {
  const rule = RULES.find((r) => r.id === ruleId);
  assert.ok(rule);
  assert.match(html, new RegExp(`<h1>${ruleId}</h1>`));
  for (const [title, text] of [['What it catches.', rule.docs.what], ['Why it matters.', rule.docs.why], ['How to fix it.', rule.docs.fix], ['How to suppress it.', rule.docs.suppress]] as const) {
    assert.ok(html.includes(`<strong>${title}</strong>`), title);
    // The first words before any code span, as the page renders them.
    const words = escapeHtml(text.split('`')[0]?.slice(0, 40) ?? '');
    assert.ok(html.includes(words), `${ruleId} page shows "${words}"`);
  }
}

function activeTabInput(): unknown {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input;
}

describe('rule documentation', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi();
    await closeAllEditors();
  });
  afterEach(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
  });

  it('opens the page a diagnostic links to, rendered from the rule', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'app/components/ChatWidget.tsx');
    const reported = new Promise<vscode.Diagnostic>((resolve) => {
      const check = () => {
        const hmac = vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'client-side-hmac');
        if (!hmac) return;
        subscription.dispose();
        resolve(hmac);
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    await vscode.window.showTextDocument(uri);
    const diagnostic = await reported;
    assert.ok(typeof diagnostic.code === 'object');
    const target = diagnostic.code.target;
    assert.equal(target.toString(), 'idv-docs:/rules/client-side-hmac');

    // What the hover's and the Problems view's link do: open the target URI.
    const shown = api.nextDocsRender();
    await vscode.commands.executeCommand('vscode.open', target);
    const page = await shown;
    assert.equal(page.uri.toString(), target.toString());
    assertPageOf(page.html, 'client-side-hmac');
    const input = activeTabInput();
    assert.ok(input instanceof vscode.TabInputCustom, 'the page is the rendered view, not the Markdown source');
    assert.equal(input.viewType, 'idv.ruleDocs');
  });

  it('opens every rule\'s page from Show Rule Documentation', async () => {
    for (const rule of RULES) {
      const shown = api.nextDocsRender();
      await vscode.commands.executeCommand('idv.showRuleDocs', rule.id);
      assertPageOf((await shown).html, rule.id);
    }
  });

  it('asks which rule when run from the palette', async () => {
    api.setPrompter(new ScriptedPrompter([{ pick: 'missing-user-hash' }]));
    const shown = api.nextDocsRender();
    await vscode.commands.executeCommand('idv.showRuleDocs');
    assertPageOf((await shown).html, 'missing-user-hash');
  });

  it('opens the page from the "Show documentation" and "Show how to move this to the server" code actions', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'app/components/ChatWidget.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const hmac = vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'client-side-hmac');
    assert.ok(hmac, 'still reported from the first test');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, hmac.range);
    for (const title of ['Show documentation for client-side-hmac', 'Show how to move this to the server']) {
      const action = actions.find((a) => a.title === title);
      assert.ok(action?.command, `${title} among ${actions.map((a) => a.title).join(' | ')}`);
      await closeAllEditors();
      const shown = api.nextDocsRender();
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []) as unknown[]);
      assertPageOf((await shown).html, 'client-side-hmac');
    }
  });

  it('serves the page as read-only Markdown too', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse('idv-docs:/rules/hardcoded-secret')));
    assert.match(text, /^# hardcoded-secret\n/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(vscode.Uri.parse('idv-docs:/rules/hardcoded-secret'), new Uint8Array())));
  });
});
