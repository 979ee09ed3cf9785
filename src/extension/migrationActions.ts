/**
 * "Migrate to Messenger Security" (src/core/migrate): a refactoring offered where the cursor
 * is on an Intercom HMAC computed on the server, on the `user_hash` a client sends, or on a
 * mobile `setUserHash`. The edits come from the core; this only turns them into a workspace
 * edit. Files that mention none of those cost one text search per request.
 */
import * as vscode from 'vscode';
import { migrateClientProof, migrateServerHash } from '../core/migrate/index';
import type { EditorSyntax } from './syntax';

export const MIGRATE_KIND = vscode.CodeActionKind.RefactorRewrite.append('idv.messengerSecurity');

export class MigrationActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [MIGRATE_KIND];

  constructor(private readonly syntax: EditorSyntax) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const text = doc.getText();
    if (!text.includes('createHmac') && !text.includes('user_hash') && !text.includes('setUserHash')) return [];
    const offset = doc.offsetAt(range.start);
    const facts = await this.syntax.facts(doc.uri);
    const migration = (facts ? migrateServerHash(text, facts, offset) : undefined) ?? migrateClientProof(text, facts, offset);
    if (!migration) return [];
    const action = new vscode.CodeAction(migration.title, MIGRATE_KIND);
    action.edit = new vscode.WorkspaceEdit();
    for (const e of migration.edits) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
    return [action];
  }
}
