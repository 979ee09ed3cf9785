/** The installation check and its tree view in a real VS Code, on the fixture workspace. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Installation, Readiness } from '../../../src/core/install/types';
import type { RenderedItem } from '../../../src/extension/install/installTree';
import { EXTENSION_ID, testApi } from './helpers';

describe('installation check', () => {
  it('shows the verdict per platform on top, one row per installation with its reasons under it, full text in tooltips', async () => {
    const api = await testApi();
    const result = await vscode.commands.executeCommand<{ installations: Installation[]; readiness: Readiness[] }>('idv.checkInstallation');
    const byFile = new Map(result.installations.map((i) => [i.file, i]));
    assert.equal(byFile.get('web/boot.js')?.sendsHash, false);
    assert.equal(byFile.get('web/layout.html.erb')?.sendsHash, true);
    assert.equal(byFile.get('web/layout.html.erb')?.hashSource, 'server');
    const web = result.readiness.find((r) => r.vendor === 'intercom' && r.platform === 'web');
    assert.equal(web?.ready, false);
    assert.ok(web?.reasons.some((r) => r.includes('web/boot.js:2')), JSON.stringify(web?.reasons));

    const tree = api.installationTree();
    const top = tree.find((item) => item.label === 'Intercom · Web');
    assert.ok(top, `tree: ${JSON.stringify(tree.map((t) => t.label))}`);
    assert.match(top.description ?? '', /^not ready to enforce · HMAC$/);
    // The verdict's tooltip is Markdown: its text escaped, spaces as &nbsp;.
    assert.ok((top.tooltip ?? '').replace(/&nbsp;/g, ' ').replace(/\\/g, '').includes('web/boot.js:2 sends user_id, email without user_hash.'), top.tooltip);
    const rows = top.children.filter((c) => /:\d+$/.test(c.label));
    assert.deepEqual(rows.map((r) => r.label), result.installations.filter((i) => i.platform === 'web').map((i) => `${i.file}:${i.line}`), 'one row per installation');
    const boot = rows.find((child) => child.label === 'web/boot.js:2');
    assert.ok(boot, `children: ${JSON.stringify(top.children.map((c) => c.label))}`);
    assert.equal(boot.icon, 'circle-slash');
    assert.match(boot.tooltip ?? '', /^web\/boot\.js:2\nIntercom on Web: user_id, email · no hash\n• Sends user_id, email without user_hash\.$/);
    assert.deepEqual(boot.children.map((c) => c.label), ['Sends user_id, email without user_hash.']);
    assert.equal(rows.find((r) => r.label === 'web/layout.html.erb:3')?.icon, 'pass');

    // No reason row repeats a place that is a row of its own.
    const reasons = (items: readonly RenderedItem[]): RenderedItem[] => items.flatMap((i) => [...(i.command ? [] : [i]), ...reasons(i.children)]).filter((i) => !tree.includes(i));
    for (const reason of reasons(tree)) {
      for (const row of rows) assert.ok(!reason.label.includes(row.label), `"${reason.label}" repeats ${row.label}`);
      assert.equal(reason.tooltip !== undefined, true, `${reason.label} has a tooltip`);
    }

    // Clicking the row opens the place.
    assert.equal(boot.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(boot.command.command, ...boot.command.arguments);
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('web/boot.js'));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 1);
  });

  it('Copy Installation Report copies what idv check --format text prints for the same folder', async () => {
    const report = await vscode.commands.executeCommand<string>('idv.copyInstallReport');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(folder && extension);
    // The CLI shipped in the same package, run by the extension host's own Node.
    const cli = spawnSync(process.execPath, [join(extension.extensionPath, 'dist', 'cli.js'), 'check', '--format', 'text'], {
      cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
    });
    assert.equal(cli.status, 1, cli.stderr);
    assert.equal(report, cli.stdout);
    assert.match(report, /^LOCATION +VENDOR/);
  });
});
