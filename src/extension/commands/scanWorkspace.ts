/**
 * `idv.scanWorkspace`: every file of the workspace through the engine, results in the Problems
 * panel. Respects `files.exclude` (findFiles does), `.gitignore` for what to walk (one git call
 * per batch), `.idvrc.json` ignores and the engine's skips. Files are read and linted a batch
 * at a time with a yield in between, so the extension host stays responsive; cancellable.
 */
import * as vscode from 'vscode';
import { globMatcher } from '../../core/engine/classify';
import { bytePreFilter, lint, lintBytes } from '../../core/engine/index';
import type { Finding, RuleId } from '../../core/engine/types';
import { summarizeSkips, tooLarge, type Skip, type SkippedPath } from '../../core/files/index';
import { ALWAYS_EXCLUDED, BATCH, workspacePath } from '../workspaceFiles';
import type { CommandContext } from '../context';
import { skipReason, type DocumentLinter } from '../diagnostics/linter';
import type { EditorSyntax } from '../syntax';
import type { GitState } from '../diagnostics/gitState';
import type { ProjectConfigs } from '../diagnostics/projectConfig';
import type { IdentityPanel } from '../panel/panelView';


export interface ScanSummary {
  readonly files: number;
  /** Files not read, each with why (git-ignored files are not counted: they are out of scope). */
  readonly skipped: readonly SkippedPath[];
  readonly findings: number;
  readonly byRule: Partial<Record<RuleId, number>>;
  readonly cancelled: boolean;
  /** How files on disk were pre-filtered before decoding (WebAssembly SIMD wherever VS Code runs). */
  readonly preFilter: string;
}

export interface ScanServices {
  readonly linter: DocumentLinter;
  readonly git: GitState;
  readonly configs: ProjectConfigs;
  readonly syntax: EditorSyntax;
  /** Where the summary goes: counts by rule and every file not read. */
  readonly panel: IdentityPanel;
}

/** Command handler. Resolves to the summary, also shown in the Identity Verification panel. */
export async function scanWorkspace(ctx: CommandContext, services: ScanServices): Promise<ScanSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void ctx.prompter().info('Open a folder to scan it.');
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Identity Verification: scanning', cancellable: true },
    (progress, token) => scan(services, progress, token),
  );
  const rules = Object.entries(summary.byRule).map(([id, n]) => `${id}: ${n}`).join(', ');
  const skips = summarizeSkips(summary.skipped);
  const message = `${summary.cancelled ? 'Scan cancelled after' : 'Scanned'} ${summary.files} files: ${summary.findings === 0 ? 'no identity verification problems' : `${summary.findings} problem${summary.findings === 1 ? '' : 's'} (${rules})`}.${skips ? ` ${skips}.` : ''}`;
  ctx.log.info(`${message} Pre-filter: ${summary.preFilter}.`);
  // Every file not read is named in the output channel too, beside the panel's list.
  for (const s of summary.skipped) ctx.log.info(`Not scanned: ${s.file}: ${s.reason}`);
  await services.panel.show({ scan: {
    files: summary.files, findings: summary.findings, cancelled: summary.cancelled,
    byRule: Object.entries(summary.byRule).map(([rule, count]) => ({ rule, count: count ?? 0 })),
    notRead: summary.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  } });
  services.panel.notify(summary.findings > 0 ? 'warn' : 'info', summary.cancelled ? 'Scan cancelled.'
    : `Scan done: ${summary.findings === 0 ? 'no problems' : `${summary.findings} problem${summary.findings === 1 ? '' : 's'}`}.`);
  return summary;
}

async function scan(services: ScanServices, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
  const uris = await vscode.workspace.findFiles('**/*', ALWAYS_EXCLUDED, undefined, token);
  const total = uris.length;
  const byRule: Partial<Record<RuleId, number>> = {};
  let files = 0;
  const skipped: SkippedPath[] = [];
  let findings = 0;
  for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
    const batch = uris.slice(i, i + BATCH);
    const ignored = await services.git.ignored(batch);
    // Documents with unsaved edits are linted from their text, everything else from disk.
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
    for (const uri of batch) {
      if (token.isCancellationRequested) break;
      files++;
      // Git-ignored files are out of scope, as for `idv scan`: not read, not reported.
      if (ignored.has(uri.fsPath)) continue;
      const result = await lintFile(services, uri, open.get(uri.toString())?.getText());
      if ('skip' in result) {
        skipped.push({ file: vscode.workspace.asRelativePath(uri, true).replace(/\\/g, '/'), ...result.skip });
        continue;
      }
      services.linter.set(uri, result);
      for (const f of result) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      findings += result.length;
    }
    progress.report({ message: `${files} of ${total} files, ${findings} problems`, increment: (batch.length / Math.max(total, 1)) * 100 });
    // Let other extension-host work (typing, other extensions) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { files, skipped, findings, byRule, cancelled: token.isCancellationRequested, preFilter: bytePreFilter() };
}

/** Findings for one file on disk (or its unsaved text), or why it was not read. */
async function lintFile(services: ScanServices, uri: vscode.Uri, openText: string | undefined): Promise<Finding[] | { skip: Skip }> {
  const config = await services.configs.get(uri);
  const path = workspacePath(uri);
  if (globMatcher(config.ignore)(path)) return { skip: { kind: 'ignored', reason: 'matched by "ignore" in .idvrc.json' } };
  if (openText !== undefined) {
    const skip = skipReason(path, openText, config.maxFileSizeBytes);
    if (skip !== undefined) return { skip };
    const syntax = await services.syntax.forText(openText, { path, config });
    return lint(openText, { path, committed: true, config, ...(syntax ? { syntax } : {}) });
  }
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > config.maxFileSizeBytes) return { skip: tooLarge(config.maxFileSizeBytes) };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { skip: { kind: 'unreadable', reason: `could not be read: ${(error as Error).message}` } };
  }
  // Decodes only the files the pre-filter lets through (bytes.ts in the engine).
  const syntax = await services.syntax.forBytes(bytes, { path, config });
  const result = lintBytes(bytes, { path, committed: true, config, ...(syntax ? { syntax } : {}) });
  return result.skipped ? { skip: result.skipped } : result.findings;
}
