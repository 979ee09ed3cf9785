/**
 * Git history in the editor, on the fixture repository: a hardcoded secret whose value was
 * already committed says so (deleting the line is not enough), and Scan Git History finds a
 * secret that was committed and then removed, in its view, opening the file as that commit
 * left it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { resolveGit } from '../../../src/core/engine/git';
import type { HistoryReport } from '../../../src/core/history/index';
import type { TestApi } from '../../../src/extension/extension';
import { closeAllEditors, diagnosticsWhere, ruleOf, ScriptedPrompter, testApi } from './helpers';

const LEAKED = 'Hq3xV9mT2wZr7Kp4Ls8Nd6Fb1Gy5Jc0A';
const FRESH = 'Wm5Tq8Zr2Xk7Lp3Vn9Bd4Hs6Fg1Jy0Ca';

describe('git history', () => {
  let api: TestApi;
  let folder: vscode.WorkspaceFolder;
  const git = (...args: string[]) => execFileSync(resolveGit() ?? 'git', ['-c', 'user.name=IDV Tests', '-c', 'user.email=tests@invalid', ...args], { cwd: folder.uri.fsPath, encoding: 'utf8' }).trim();
  const file = (path: string) => vscode.Uri.joinPath(folder.uri, path);
  const write = (path: string, text: string) => vscode.workspace.fs.writeFile(file(path), new TextEncoder().encode(text));
  let added = '';

  before(async () => {
    api = await testApi();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first);
    folder = first;
    // Committed with the secret; only this file, whatever else another test left staged.
    await write('server/history-leak.js', `const INTERCOM_SECRET = '${LEAKED}';\nmodule.exports = INTERCOM_SECRET;\n`);
    git('add', '--', 'server/history-leak.js');
    git('commit', '-q', '-m', 'add a leak', '--', 'server/history-leak.js');
    added = git('rev-parse', 'HEAD');
  });
  after(async () => {
    api.setPrompter(undefined);
    await closeAllEditors();
  });

  it('says a hardcoded secret is already in git history, and says nothing of a value never committed', async () => {
    const uri = file('server/history-leak.js');
    const noted = diagnosticsWhere(uri, (d) => d.some((x) => ruleOf(x) === 'hardcoded-secret' && /already in git history/.test(x.message)));
    await vscode.window.showTextDocument(uri);
    const [diagnostic] = await noted;
    assert.equal(diagnostic?.message, 'Intercom secret written in code: INTERCOM_SECRET (already in git history)');
    // The commit and what it means are in the hover.
    assert.ok(diagnostic);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, diagnostic.range.start);
    const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hover, new RegExp(`already in git history \\(commit ${added.slice(0, 8)}, \\d{4}-\\d\\d-\\d\\d\\): deleting the line does not remove it from clones, so rotate it\\.`));
    assert.ok(!`${diagnostic.message}${hover}`.includes(LEAKED), 'the value is never in the message or the hover');

    // A different value typed over it has never been committed: the plain finding, no note.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const fresh = diagnosticsWhere(uri, (d) => d.some((x) => ruleOf(x) === 'hardcoded-secret' && !/already in git history/.test(x.message)));
    await editor.edit((e) => e.replace(editor.document.lineAt(0).range, `const INTERCOM_SECRET = '${FRESH}';`));
    await fresh;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Scan Git History finds a secret that was removed since, shows it in the view, and opens the file as that commit left it', async () => {
    await write('server/history-leak.js', 'const INTERCOM_SECRET = process.env.INTERCOM_SECRET;\nmodule.exports = INTERCOM_SECRET;\n');
    git('commit', '-q', '-m', 'read it from the environment', '--', 'server/history-leak.js');
    const prompter = new ScriptedPrompter([]);
    api.setPrompter(prompter);
    const notice = prompter.nextNotice();
    const report = await vscode.commands.executeCommand<HistoryReport>('idv.scanHistory');
    assert.ok(report && !report.cancelled);
    const leak = report.findings.find((f) => f.path === 'server/history-leak.js');
    assert.ok(leak, JSON.stringify(report.findings.map((f) => f.path)));
    assert.equal(leak.commit.sha, added);
    assert.equal(leak.atHead, false);
    assert.match(await notice, /^Scanned \d+ commits: \d+ committed secrets? \(\d+ no longer at HEAD\)\.$/);

    const rows = api.resultsTree();
    assert.match(rows[0] ?? '', /^Git history — \d+ commits, \d+ file changes$/);
    assert.ok(rows.some((r) => new RegExp(`^  server/history-leak\\.js:1 — ${added.slice(0, 8)} · IDV Tests · \\d{4}-\\d\\d-\\d\\d · removed, still in clones$`).test(r)), rows.join('\n'));
    assert.ok(rows.every((r) => !r.includes(LEAKED)), 'no value in the view');

    // The row opens the file at the commit that added the secret, at its line.
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.uri.scheme === 'idv-git') {
          sub.dispose();
          resolve(e);
        }
      });
    });
    assert.ok(await api.openResult('server/history-leak.js:1'));
    const editor = await opened;
    assert.match(editor.document.getText(), /^const INTERCOM_SECRET = '/);
    assert.equal(editor.selection.active.line, 0);
  });
});
