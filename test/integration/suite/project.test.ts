/**
 * The project model in a real VS Code: a client component whose import bundles a module that
 * reads a server-only secret, on the fixture workspace (web/src). The finding is at the import
 * in the client component, and changing the imported module on disk re-evaluates the
 * component. Every wait is on a diagnostics event.
 */
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsWhere, openAndWait, ruleOf, workspaceFile } from './helpers';

const CHAT = 'web/src/components/SupportChat.tsx';
const LIB = 'web/src/lib/messengerHash.ts';

/** The finding at SupportChat.tsx's import of the secret-reading module (line 3). */
const exposedAtImport = (d: vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === 'secret-exposed-to-client' && x.range.start.line === 2);

describe('project model in the editor', () => {
  afterEach(closeAllEditors);

  it('marks the import that bundles a server secret into a client component, and follows a change to the imported module', async function () {
    this.timeout(120_000);
    const lib = workspaceFile(LIB);
    const original = await vscode.workspace.fs.readFile(lib);
    try {
      await openAndWait(CHAT, exposedAtImport);
      // The module, not open, stops reading the secret (it asks the server) on disk: the
      // component that imports it is evaluated again and is clean.
      await vscode.workspace.fs.writeFile(lib, new TextEncoder().encode([
        'export async function messengerHash(userId: string): Promise<string> {',
        "  const response = await fetch(`/api/messenger-hash?user=${encodeURIComponent(userId)}`);",
        '  return ((await response.json()) as { hash: string }).hash;',
        '}',
        '',
      ].join('\n')));
      await diagnosticsWhere(workspaceFile(CHAT), (d) => !exposedAtImport(d));
    } finally {
      await vscode.workspace.fs.writeFile(lib, original);
    }
    await diagnosticsWhere(workspaceFile(CHAT), exposedAtImport);
  });
});
