/**
 * The syntax layer in the real extension host: the extension parses a workspace document with
 * the grammar it ships in dist/grammars and reads facts from the tree. Loaded on demand only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testApi } from './helpers';

describe('syntax layer', () => {
  it('parses a document in the extension host and reads its facts, loading one grammar on demand', async () => {
    const api = await testApi();
    // Other tests in this host have opened documents by now; what activation itself loaded is
    // recorded when it returns.
    assert.deepEqual(api.syntaxLoadedAtActivation, {}, 'activation loads no grammar');
    console.log(`activation of the installed extension: ${api.activationMs.toFixed(1)} ms`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'app/components/ChatWidget.tsx');
    const facts = await api.syntaxFacts(uri);
    assert.ok(facts, 'a .tsx file has a grammar');
    assert.equal(facts.language, 'tsx');
    assert.deepEqual(facts.directives.map((d) => d.value), ['use client']);
    const [hmac] = facts.crypto;
    assert.equal(hmac?.api, 'CryptoJS.HmacSHA256');
    assert.deepEqual(hmac?.messages.map((m) => m.path), ['user.id']);
    const document = await vscode.workspace.openTextDocument(uri);
    const key = hmac?.key;
    assert.ok(key);
    assert.equal(document.getText(new vscode.Range(document.positionAt(key.start), document.positionAt(key.end))), "'placeholder'");
    const loaded = api.syntaxLoaded();
    assert.ok(Object.keys(loaded).includes('tsx'), 'the tsx grammar is loaded once a .tsx file needs it');
    console.log(`syntax layer in the extension host (Node ${process.versions.node}): tsx grammar loaded in ${loaded.tsx?.toFixed(1)} ms`);
  });
});
