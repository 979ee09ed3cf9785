/** `idv.showRuleDocs` and `idv.showProblems`: documentation and the Problems view. */
import * as vscode from 'vscode';
import { RULES } from '../../core/engine/index';
import type { CommandContext } from '../context';
import { openRuleDocs } from '../docs/ruleDocsView';

/** Opens the documentation page of `ruleId` (asks which rule if none). */
export async function showRuleDocs(ctx: CommandContext, ruleId?: string): Promise<void> {
  const id = ruleId ?? (await ctx.prompter().pick(RULES.map((r) => ({ label: r.id, detail: r.description })), {
    title: 'Identity Verification: Show Rule Documentation', placeHolder: 'Which rule?', matchOnDetail: true, ignoreFocusOut: true,
  }))?.label;
  if (!id) return;
  await openRuleDocs(id);
}

/** Opens the Problems view, where the `identity-verification` source tags our findings. */
export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
