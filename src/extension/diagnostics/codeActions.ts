/**
 * Quick fixes for the engine's findings, and `source.fixAll.idv`. The edits themselves come
 * from the engine as plain data (the same the CLI applies); this file only turns them into
 * workspace edits and adds the editor-only actions (snippet picker, docs, keeping a secret file
 * out of git). Only a file that exists to hold secrets (.env, local.properties...) is ever
 * offered to git's ignore list: for a secret in source code the fix is to move the value out.
 */
import * as vscode from 'vscode';
import { lineComment } from '../../core/commentSyntax';
import { ENV_EXAMPLE_FILE, envExampleAddition, envVarToDeclare } from '../../core/engine/index';
import { langOf } from '../../core/engine/lang';
import type { Finding, Fix } from '../../core/engine/types';
import { isSecretFile } from '../../core/secretFiles';
import type { GitState } from './gitState';
import { ruleIdOf, type FindingStore } from './toDiagnostic';
import { workspacePath } from '../workspaceFiles';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('idv');

export class IdvCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly findings: FindingStore, private readonly git: Pick<GitState, 'isTracked'>) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(doc, context.diagnostics);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      const finding = this.findings.get(diagnostic);
      if (!ruleId || !finding) continue;
      actions.push(...await this.fixesFor(doc, diagnostic, finding));
      const suppress = this.suppression(doc, diagnostic, finding);
      if (suppress) actions.push(suppress);
      actions.push(command(`Show documentation for ${ruleId}`, 'idv.showRuleDocs', diagnostic, [ruleId]));
    }
    return actions;
  }

  private async fixesFor(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const edits: Array<{ title: string; fix: Fix }> = [];
    if (finding.fix) edits.push({ title: finding.fix.title ?? `Fix ${finding.ruleId}`, fix: finding.fix });
    for (const suggestion of finding.suggestions ?? []) edits.push(suggestion);
    for (const [index, { title, fix }] of edits.entries()) {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, rangeOf(doc, fix), fix.text);
      const envVar = envVarToDeclare(finding);
      if (envVar !== undefined) await addToEnvExample(action.edit, doc.uri, envVar);
      action.isPreferred = index === 0;
      actions.push(action);
    }
    if (finding.ruleId === 'hardcoded-secret' && doc.uri.scheme === 'file' && isSecretFile(doc.uri.path)) {
      const keepOut = await this.keepOutOfGit(doc.uri, diagnostic);
      if (keepOut) {
        keepOut.isPreferred = edits.length === 0;
        actions.push(keepOut);
      }
    }
    if (finding.ruleId === 'client-side-hmac') {
      const insert = command('Insert server snippet that computes the hash', 'idv.insertSnippet', diagnostic, [{ kind: 'server' }]);
      insert.isPreferred = true;
      actions.push(insert, command('Show how to move this to the server', 'idv.showRuleDocs', diagnostic, ['client-side-hmac']));
    }
    return actions;
  }

  /**
   * For a secret file: stop tracking it when git tracks it (ignoring alone would leave it in the
   * repository), add it to .gitignore when git does not track it yet, and say how when git
   * cannot be asked (Restricted Mode, no git).
   */
  private async keepOutOfGit(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
    const relative = workspacePath(uri);
    const tracked = await this.git.isTracked(uri);
    if (tracked === false) return gitignoreAction(uri, diagnostic);
    const title = tracked ? `Stop tracking ${relative} in git (git rm --cached) and ignore it` : `How to stop git tracking ${relative}`;
    return command(title, 'idv.untrackSecretFile', diagnostic, [uri]);
  }

  private suppression(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction | undefined {
    const line = doc.lineAt(diagnostic.range.start.line);
    const comment = lineComment(langOf(doc.uri.path, doc.languageId), `idv-disable-next-line ${finding.ruleId}`);
    if (comment === undefined) return undefined;
    const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.edit = new vscode.WorkspaceEdit();
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    action.edit.insert(doc.uri, line.range.start, `${indent}${comment}\n`);
    return action;
  }

  /** Every finding's `fix` (never suggestions: they need a human's judgement) in one edit. */
  private fixAll(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const fixes = diagnostics.map((d) => this.findings.get(d)?.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) return [];
    const action = new vscode.CodeAction('Fix all identity verification problems', FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    // Overlapping fixes would conflict; keep the first of each overlapping run, as applyFixes does.
    let lastEnd = -1;
    for (const fix of [...fixes].sort((a, b) => a.range.start - b.range.start)) {
      if (fix.range.start < lastEnd) continue;
      action.edit.replace(doc.uri, rangeOf(doc, fix), fix.text);
      lastEnd = fix.range.end;
    }
    return [action];
  }
}

function rangeOf(doc: vscode.TextDocument, fix: Fix): vscode.Range {
  return new vscode.Range(doc.positionAt(fix.range.start), doc.positionAt(fix.range.end));
}

function command(title: string, id: string, diagnostic: vscode.Diagnostic, args: unknown[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title, command: id, arguments: args };
  return action;
}

/** Adds `NAME=` to the workspace folder's `.env.example` when that file exists and lacks it (as `idv scan --fix` does). */
async function addToEnvExample(edit: vscode.WorkspaceEdit, uri: vscode.Uri, envVar: string): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return;
  const example = vscode.Uri.joinPath(folder.uri, ENV_EXAMPLE_FILE);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(example));
  } catch {
    return;
  }
  const addition = envExampleAddition(text, [envVar]);
  if (!addition) return;
  const lines = text.split('\n');
  const end = new vscode.Position(lines.length - 1, lines[lines.length - 1]?.length ?? 0);
  edit.insert(example, end, addition.append);
}

/** "Add this file to .gitignore", for a secret in a file that should never be committed. */
async function gitignoreAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const relative = workspacePath(uri);
  const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
  let text = '';
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(gitignore));
  } catch {
    // No .gitignore yet: the edit creates it.
  }
  const action = new vscode.CodeAction(`Add ${relative} to .gitignore`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  const entry = `/${relative}\n`;
  if (text === '') action.edit.createFile(gitignore, { ignoreIfExists: true, contents: new TextEncoder().encode(entry) });
  else {
    const lines = text.split('\n');
    action.edit.insert(gitignore, new vscode.Position(lines.length - 1, lines[lines.length - 1]?.length ?? 0), `${text.endsWith('\n') ? '' : '\n'}${entry}`);
  }
  return action;
}
