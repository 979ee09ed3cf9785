/** `idv.showRuleDocs` and `idv.showProblems`: documentation and the Problems view. */
import * as vscode from 'vscode';
import { RULES } from '../../core/engine/index';

/** Opens the README's section on `ruleId` in the Markdown preview (asks which rule if none). */
export async function showRuleDocs(docsUri: (ruleId: string) => vscode.Uri, ruleId?: string): Promise<void> {
  const id = ruleId ?? (await vscode.window.showQuickPick(RULES.map((r) => ({ label: r.id, detail: r.description })), { placeHolder: 'Which rule?' }))?.label;
  if (!id) return;
  const uri = docsUri(id);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown preview (a minimal host): the README as text still answers the question.
    await vscode.window.showTextDocument(uri.with({ fragment: '' }));
  }
}

/** Opens the Problems view, where the `identity-verification` source tags our findings. */
export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
