/**
 * Live diagnostics, quick fixes and the workspace scan in a real VS Code, on the fixture
 * workspace (a git repository whose .gitignore excludes `.env`). Every wait is on an event.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhere, openAndWait, ours, ruleOf, testApi, workspaceFile } from './helpers';
import type { TestApi } from '../../../src/extension/extension';

async function applyPreferredFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // The command returns actions without their diagnostics; the range holds only this one.
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, `one preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
  const [fix] = preferred as [vscode.CodeAction];
  assert.ok(fix.edit, 'the preferred fix is an edit');
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  return fix;
}

describe('diagnostics', () => {
  let api: TestApi;
  before(async () => {
    api = await testApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('reports client-side-hmac at the computing call in a client component, and drops it when edited away', async () => {
    const { editor, diagnostics } = await openAndWait('app/components/ChatWidget.tsx', (d) => d.some((x) => ruleOf(x) === 'client-side-hmac'));
    const hmac = diagnostics.find((d) => ruleOf(d) === 'client-side-hmac');
    assert.ok(hmac);
    const line = editor.document.lineAt(hmac.range.start.line).text;
    assert.equal(editor.document.getText(hmac.range), 'HmacSHA256', `range covers the call, on: ${line}`);
    assert.equal(typeof hmac.code === 'object' && hmac.code.target.toString(), 'idv-docs:/rules/client-side-hmac', 'the code links to the rule\'s page (docs.test.ts opens it)');

    const gone = diagnosticsWhere(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'client-side-hmac'));
    await editor.edit((edit) => edit.replace(editor.document.lineAt(hmac.range.start.line).range, '  const userHash = user.hash; // from the server'));
    await gone;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports the secret in a tracked env file but not the same line in a git-ignored .env', async () => {
    const tracked = await openAndWait('server.env', (d) => d.length > 0);
    assert.deepEqual(tracked.diagnostics.map(ruleOf), ['hardcoded-secret']);
    assert.equal(tracked.diagnostics[0]?.range.start.line, 0);
    const ignoredUri = workspaceFile('.env');
    const linted = api.nextLint(ignoredUri);
    const doc = await vscode.workspace.openTextDocument(ignoredUri);
    await vscode.window.showTextDocument(doc);
    await linted;
    assert.equal(doc.getText(), tracked.editor.document.getText(), 'same content in both files');
    assert.deepEqual(ours(ignoredUri), []);
  });

  it('quick-fixes a JavaScript secret to process.env and adds it to .env.example', async () => {
    const { editor, diagnostics } = await openAndWait('server/intercom.js', (d) => d.some((x) => ruleOf(x) === 'hardcoded-secret'));
    const secret = diagnostics.find((d) => ruleOf(d) === 'hardcoded-secret');
    assert.ok(secret);
    const gone = diagnosticsWhere(editor.document.uri, (d) => d.length === 0);
    await applyPreferredFix(editor.document.uri, secret);
    assert.match(editor.document.lineAt(secret.range.start.line).text, /= process\.env\.INTERCOM_IDENTITY_SECRET;$/);
    await gone;
    const example = await vscode.workspace.openTextDocument(workspaceFile('.env.example'));
    assert.match(example.getText(), /^INTERCOM_IDENTITY_SECRET=$/m);
  });

  it('quick-fixes a Python secret to os.environ', async () => {
    const { editor, diagnostics } = await openAndWait('server/settings.py', (d) => d.length > 0);
    const secret = diagnostics[0];
    assert.ok(secret && ruleOf(secret) === 'hardcoded-secret');
    const gone = diagnosticsWhere(editor.document.uri, (d) => d.length === 0);
    await applyPreferredFix(editor.document.uri, secret);
    assert.match(editor.document.getText(), /os\.environ\["INTERCOM_IDENTITY_SECRET"\]/);
    await gone;
  });

  it('suppresses exactly one line with the idv-disable-next-line comment', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: "const INTERCOM_SECRET = 'kX9vT2qLm8ZrW4nB7yH3cJ6dF1sA5gE0';\nconst INTERCOM_SECRET_2 = 'pQ7wE2rT9yU4iO1aS6dF3gH8jK5lZ0xC';\n",
    });
    const two = diagnosticsWhere(doc.uri, (d) => d.length === 2);
    const editor = await vscode.window.showTextDocument(doc);
    const [first] = await two;
    assert.ok(first);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, first.range);
    const suppress = actions.find((a) => a.title.startsWith('Disable hardcoded-secret'));
    assert.ok(suppress?.edit);
    const one = diagnosticsWhere(doc.uri, (d) => d.length === 1);
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));
    const [left] = await one;
    assert.equal(editor.document.lineAt(0).text, '// idv-disable-next-line hardcoded-secret');
    assert.equal(left?.range.start.line, 2, 'the second secret is still reported');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('lints a 10,000-line file without blocking typing (engine time printed)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) lines.push(i === 5_000 ? "const INTERCOM_SECRET = 'kX9vT2qLm8ZrW4nB7yH3cJ6dF1sA5gE0';" : `export function handler${i}(req, res) { return res.json({ ok: ${i} }); }`);
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: lines.join('\n') });
    const first = diagnosticsWhere(doc.uri, (d) => d.length === 1);
    const editor = await vscode.window.showTextDocument(doc);
    await first;
    const runsBefore = api.lintTimings().milliseconds.length;
    // Ten keystrokes in a row; the debounce folds them into few engine runs.
    const relinted = api.nextLint(doc.uri);
    for (let i = 0; i < 10; i++) await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '/'));
    await relinted;
    const times = api.lintTimings().milliseconds.slice(-5).sort((a, b) => a - b);
    console.log(`      engine time on a 10,000-line file in the extension host: median ${times[Math.floor(times.length / 2)]?.toFixed(2)} ms over ${times.length} runs; ${api.lintTimings().milliseconds.length - runsBefore} run(s) for 10 keystrokes`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('scans the workspace and reports the fixture findings', async () => {
    await closeAllEditors();
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; byRule: Record<string, number>; preFilter: string; skipped: { file: string; kind: string; reason: string }[] }>('idv.scanWorkspace');
    // A file saved as UTF-16 is read, not taken for binary; a binary one is named as not read.
    assert.deepEqual(ours(workspaceFile('legacy/windows.env')).map((d) => [ruleOf(d), d.range.start.line]), [['hardcoded-secret', 1]]);
    assert.deepEqual(summary.skipped.filter((s) => s.file.endsWith('tools/lookup.sqlite')).map((s) => s.kind), ['binary']);
    assert.ok(summary.files >= 6, `scanned ${summary.files} files`);
    assert.equal(summary.preFilter, 'WebAssembly SIMD', 'the extension host runs the SIMD pre-filter');
    assert.ok((summary.byRule['client-side-hmac'] ?? 0) >= 1, JSON.stringify(summary));
    assert.ok((summary.byRule['missing-user-hash'] ?? 0) >= 1, JSON.stringify(summary.byRule));
    assert.ok((summary.byRule['hardcoded-secret'] ?? 0) >= 1, JSON.stringify(summary.byRule));
    assert.deepEqual(ours(workspaceFile('.env')), [], 'the git-ignored .env is not reported');
    assert.ok(ours(workspaceFile('web/boot.js')).some((d) => ruleOf(d) === 'missing-user-hash'));
    assert.equal(api.problemCount(), summary.findings);
  });

  it('keeps the scan\'s findings for a file opened, edited without saving and closed', async () => {
    const uri = workspaceFile('web/boot.js');
    const scanned = ours(uri).map(ruleOf);
    assert.ok(scanned.includes('missing-user-hash'), 'the scan reported boot.js');
    const total = api.problemCount();
    // Opened as the explorer opens it: a document the API opened (showTextDocument) stays open
    // for minutes after its editor closes, one the workbench opened closes with its editor.
    const opened = api.nextLint(uri);
    await vscode.commands.executeCommand('vscode.open', uri);
    await opened;
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.deepEqual(ours(uri).map(ruleOf), scanned, 'the live lint of the same text agrees');
    // An edit that removes the finding, never saved: the live linter follows it...
    const edited = diagnosticsWhere(uri, (d) => d.length === 0);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), '// nothing here yet\n'));
    await edited;
    // ...and closing without saving brings back what the file on disk holds.
    const closed = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.toString() !== uri.toString()) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await diagnosticsWhere(uri, (d) => d.length === scanned.length);
    assert.deepEqual(ours(uri).map(ruleOf), scanned);
    assert.equal(api.problemCount(), total);
  });
});
