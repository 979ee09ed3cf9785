/**
 * A multi-root workspace (runTests.ts's multiRoot pass): two copies of the fixture, alpha and
 * beta, each with its own .idvrc.json. The same file gives each folder's severity: the
 * configuration is resolved per folder, not from the first folder or the workspace file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, ruleOf, testApi } from './helpers';

describe('Multi-root workspace', () => {
  it('lints the same file in two folders with each folder\'s .idvrc.json', async () => {
    await testApi();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), ['alpha', 'beta'], 'the two-folder workspace is open');
    const severities: Record<string, vscode.DiagnosticSeverity | undefined> = {};
    for (const folder of folders) {
      const uri = vscode.Uri.joinPath(folder.uri, 'server.env');
      const waiting = diagnosticsWhere(uri, (d) => d.some((x) => ruleOf(x) === 'hardcoded-secret'));
      await vscode.window.showTextDocument(uri);
      severities[folder.name] = (await waiting).find((x) => ruleOf(x) === 'hardcoded-secret')?.severity;
    }
    // alpha's .idvrc.json says error, beta's says info (runTests.ts MULTI_ROOT_CONFIGS).
    assert.deepEqual(severities, { alpha: vscode.DiagnosticSeverity.Error, beta: vscode.DiagnosticSeverity.Information });
  });

  it('applies a change to one folder\'s .idvrc.json to that folder only', async () => {
    const api = await testApi();
    const [alpha, beta] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(alpha && beta);
    const alphaEnv = vscode.Uri.joinPath(alpha.uri, 'server.env');
    const betaEnv = vscode.Uri.joinPath(beta.uri, 'server.env');
    const betaConfig = vscode.Uri.joinPath(beta.uri, '.idvrc.json');
    const before = await vscode.workspace.fs.readFile(betaConfig);
    try {
      const relinted = api.nextLint(betaEnv);
      await vscode.workspace.fs.writeFile(betaConfig, new TextEncoder().encode('{ "rules": { "hardcoded-secret": "off" } }\n'));
      await relinted;
      assert.deepEqual(vscode.languages.getDiagnostics(betaEnv).filter((d) => ruleOf(d) === 'hardcoded-secret'), []);
      assert.equal(vscode.languages.getDiagnostics(alphaEnv).find((d) => ruleOf(d) === 'hardcoded-secret')?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.workspace.fs.writeFile(betaConfig, before);
    }
  });
});
