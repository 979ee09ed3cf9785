/** The installation check and its tree view in a real VS Code, on the fixture workspace. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Installation, Readiness } from '../../../src/core/install/types';
import { testApi } from './helpers';

describe('installation check', () => {
  it('lists every installation in the tree with a verdict per vendor and platform', async () => {
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
    const top = tree.find((item) => item.label.includes('Intercom'));
    assert.ok(top, `tree: ${JSON.stringify(tree.map((t) => t.label))}`);
    assert.match(`${top.label} ${top.description ?? ''}`, /not ready/i);
    const boot = top.children.find((child) => child.label === 'web/boot.js:2');
    assert.ok(boot, `children: ${JSON.stringify(top.children.map((c) => c.label))}`);
    assert.equal(boot.command?.command, 'vscode.open');
    // Clicking the row opens the place.
    await vscode.commands.executeCommand(boot.command.command, ...boot.command.arguments);
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('web/boot.js'));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 1);
  });
});
