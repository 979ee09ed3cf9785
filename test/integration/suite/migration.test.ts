/**
 * "Migrate to Messenger Security" in a real VS Code, on the fixture workspace's Next.js route
 * (an HMAC of the user id) and the client component that sends its hash: each rewrite is offered
 * as a refactoring where the cursor is, and the code it leaves is linted with no finding.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, ours, testApi, workspaceFile } from './helpers';

/**
 * Applies the migration offered at the first `at` in `path`, then waits for the lint of the
 * migrated text (`marker` is in it): a lint of an older version is dropped by the linter, so
 * the first lint that finds the marker in the document read the migrated text.
 */
async function migrate(path: string, at: string, marker: string): Promise<string> {
  const api = await testApi();
  const uri = workspaceFile(path);
  // Settled first: the first lint of the opened file done, so no request is cut short by it.
  const opened = api.nextLint(uri);
  const editor = await vscode.window.showTextDocument(uri);
  await opened;
  const position = editor.document.positionAt(editor.document.getText().indexOf(at));
  const actions = await codeActions(uri, new vscode.Range(position, position));
  const action = actions.find((a) => a.title.startsWith('Migrate to Messenger Security'));
  assert.ok(action?.edit, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
  const linted = (async () => {
    for (;;) {
      await api.nextLint(uri);
      if (editor.document.getText().includes(marker)) return;
    }
  })();
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await linted;
  assert.deepEqual(ours(uri).map((d) => d.message), [], `${path} after the migration`);
  return editor.document.getText();
}

/**
 * The refactorings at `range`. The workbench cancels a request that a newer one (the light bulb
 * it asks for itself) overtakes; ask again, a bounded number of times.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.RefactorRewrite.value);
    } catch (error) {
      if (attempt >= 20 || !/Canceled/.test(String(error))) throw error;
    }
  }
}

describe('migrate to Messenger Security', () => {
  afterEach(closeAllEditors);

  it('rewrites an HMAC Next.js route and its client component into code the scan reports nothing on', async function () {
    this.timeout(120_000);
    const route = await migrate('app/api/intercom-hash/route.ts', 'createHmac(', 'jwt.sign(');
    assert.match(route, /jwt\.sign\(\{ user_id: String\(user\.id\) \}, process\.env\.INTERCOM_IDENTITY_VERIFICATION_SECRET as string, \{ algorithm: 'HS256', expiresIn: '1h' \}\)/);
    assert.match(route, /^import jwt from 'jsonwebtoken';$/m);
    assert.doesNotMatch(route, /createHmac/);
    const client = await migrate('app/components/IntercomBoot.tsx', 'user_hash', 'intercom_user_jwt');
    assert.match(client, /user_id: userId, intercom_user_jwt: userHash \}/);
  });
});
