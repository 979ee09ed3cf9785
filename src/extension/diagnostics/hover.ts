/**
 * The hover over our diagnostics: the short message says the fact, the hover says the rest,
 * as the detail the engine wrote for this finding (the identifier sent and the one hashed, why
 * it fails), or the first sentence of the rule's "why" when it wrote none; then a link per quick
 * fix and one to the rule's documentation.
 *
 * The links run the quick fixes the code action provider offers, found again by title when
 * clicked: the menu and the hover can never disagree, and an edit made in between (which moves
 * or removes the diagnostic) makes the link do nothing rather than edit the wrong text.
 */
import * as vscode from 'vscode';
import { RULES, type Finding } from '../../core/engine/index';
import type { IdvCodeActions } from './codeActions';
import { ruleIdOf, type FindingStore } from './toDiagnostic';

/** Run by the hover's links; not in the palette (it needs a diagnostic to act on). */
export const APPLY_QUICK_FIX = 'idv.applyQuickFix';

/** The commands the hover's links may run: VS Code runs no other from its Markdown. */
const LINKED = [APPLY_QUICK_FIX, 'idv.showRuleDocs'];

/** Arguments of APPLY_QUICK_FIX: the document, the diagnostic's range, the action's title. */
type ApplyArgs = [uri: string, range: [number, number, number, number], title: string];

export class IdvHover implements vscode.HoverProvider {
  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly findings: FindingStore,
    private readonly actions: IdvCodeActions,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const here = this.ours(doc.uri).filter(({ diagnostic }) => diagnostic.range.contains(position));
    if (here.length === 0) return undefined;
    const markdown = new vscode.MarkdownString();
    markdown.isTrusted = { enabledCommands: LINKED };
    for (const [i, { diagnostic, finding }] of here.entries()) {
      if (i > 0) markdown.appendMarkdown('\n\n---\n\n');
      markdown.appendMarkdown(`**${escaped(finding.message)}** ${link(finding.ruleId, 'idv.showRuleDocs', [finding.ruleId], true)}\n\n`);
      markdown.appendMarkdown(finding.detail ?? shortWhy(finding));
      // The rule id above links its documentation already.
      const docs = `Show documentation for ${finding.ruleId}`;
      const fixes = (await this.quickFixes(doc, diagnostic)).filter((action) => action.title !== docs);
      const links = fixes.map((action) => link(action.title, APPLY_QUICK_FIX, [doc.uri.toString(), rangeArgs(diagnostic.range), action.title] satisfies ApplyArgs));
      if (links.length > 0) markdown.appendMarkdown(`\n\n${links.join(' · ')}`);
    }
    return new vscode.Hover(markdown, here[0]?.diagnostic.range);
  }

  /** Applies the quick fix titled `title` for the diagnostic at `range`, as the lightbulb menu would. */
  async apply(...[uri, range, title]: ApplyArgs): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const at = new vscode.Range(...range);
    const match = this.ours(doc.uri).find(({ diagnostic }) => diagnostic.range.isEqual(at));
    if (!match) return false;
    const action = (await this.quickFixes(doc, match.diagnostic)).find((a) => a.title === title);
    if (!action) return false;
    if (action.edit && !await vscode.workspace.applyEdit(action.edit)) return false;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []) as unknown[]);
    return true;
  }

  private ours(uri: vscode.Uri): { diagnostic: vscode.Diagnostic; finding: Finding }[] {
    return (this.collection.get(uri) ?? []).flatMap((diagnostic) => {
      const finding = ruleIdOf(diagnostic) ? this.findings.get(diagnostic) : undefined;
      return finding ? [{ diagnostic, finding }] : [];
    });
  }

  private quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    return this.actions.provideCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: vscode.CodeActionKind.QuickFix, triggerKind: vscode.CodeActionTriggerKind.Invoke });
  }
}

/** Registers the hover for every document and the command its links run. */
export function registerDiagnosticHover(hover: IdvHover): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider({ scheme: '*' }, hover),
    vscode.commands.registerCommand(APPLY_QUICK_FIX, (...args: ApplyArgs) => hover.apply(...args)),
  ];
}

/** The first sentence of the rule's "why", for a finding that carries no detail. */
function shortWhy(finding: Finding): string {
  const why = RULES.find((r) => r.id === finding.ruleId)?.docs.why ?? '';
  return /^.*?[.!?](?=\s|$)/.exec(why)?.[0] ?? why;
}

function rangeArgs(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** `text` with Markdown's special characters escaped (appendText would also turn spaces into `&nbsp;`). */
function escaped(text: string): string {
  return text.replace(/[\\[\]*_`<>#|~!]/g, (c) => `\\${c}`);
}

/** A Markdown link that runs `command` with `args`, its label escaped (or as inline code). */
function link(label: string, command: string, args: unknown[], asCode = false): string {
  const text = asCode ? `\`${label}\`` : escaped(label);
  return `[${text}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${asCode ? 'Show the rule\'s documentation' : 'Apply this quick fix'}")`;
}
