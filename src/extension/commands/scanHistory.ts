/**
 * `idv.scanHistory`: the workspace folder's git history through the history rules (what
 * `idv scan --history` does), with a cancellable progress notification, results in the
 * "Secrets in History and Builds" view. Every ref is read: a pushed branch is in every clone.
 */
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { findRepository, type Repository } from '../../core/engine/index';
import { scanHistory, type HistoryFinding, type HistoryReport } from '../../core/history/index';
import type { CommandContext } from '../context';
import type { ProjectConfigs } from '../diagnostics/projectConfig';
import { gitFileUri, openAt } from '../history/gitShow';
import { RESULTS_VIEW, type ResultGroup, type ResultsTreeProvider } from '../history/resultsTree';

export interface HistoryServices {
  readonly configs: ProjectConfigs;
  readonly results: ResultsTreeProvider;
}

/** Command handler; resolves to the report (also in the view), undefined when nothing ran. */
export async function scanGitHistory(ctx: CommandContext, services: HistoryServices, folderArg?: vscode.Uri): Promise<HistoryReport | undefined> {
  if (!vscode.workspace.isTrusted) {
    void ctx.prompter().info('Git history is not read in Restricted Mode: git reads the folder\'s own configuration. Trust the folder to scan its history.');
    return undefined;
  }
  const folder = await pickFolder(ctx, folderArg);
  if (!folder) return undefined;
  const found = await findRepository(folder.uri.fsPath);
  if (!found.repository) {
    void ctx.prompter().info(found.problem ?? `${folder.name} is not in a git repository: there is no history to scan.`);
    return undefined;
  }
  const repo = found.repository;
  const config = await services.configs.get(folder.uri);
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Identity Verification: scanning git history', cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return scanHistory({
        repo, ranges: [], config, signal: controller.signal, progressEvery: 200,
        projectPath: (p) => {
          const rel = relative(folder.uri.fsPath, `${repo.workTree}${sep}${p.split('/').join(sep)}`);
          return rel.startsWith('..') ? p : rel.split(sep).join('/');
        },
        onProgress: (p) => progress.report({ message: `${p.commits} commits, ${p.changes} file changes read` }),
      });
    },
  );
  services.results.set(historyGroup(repo, report));
  const atHead = report.findings.filter((f) => f.atHead).length;
  const message = `${report.cancelled ? 'History scan cancelled after' : 'Scanned'} ${report.commits} commits: ${report.findings.length === 0 ? 'no committed secrets found' : `${report.findings.length} committed secret${report.findings.length === 1 ? '' : 's'} (${report.findings.length - atHead} no longer at HEAD)`}.`;
  ctx.log.info(`${message} ${report.changes} file changes read, ${report.skipped.length} not read.`);
  const SHOW = 'Show Results';
  void (report.findings.length > 0 ? ctx.prompter().warn(message, SHOW) : ctx.prompter().info(message, SHOW)).then((a) => {
    if (a === SHOW) void vscode.commands.executeCommand(`${RESULTS_VIEW}.focus`);
  });
  return report;
}

async function pickFolder(ctx: CommandContext, folderArg: vscode.Uri | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folderArg) return vscode.workspace.getWorkspaceFolder(folderArg);
  if (folders.length <= 1) {
    if (folders.length === 0) void ctx.prompter().info('Open a folder to scan its git history.');
    return folders[0];
  }
  const picked = await ctx.prompter().pick(folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })), { title: 'Scan Git History', placeHolder: 'Which folder\'s repository?' });
  return picked?.folder;
}

/** The view's group: each finding with its commit, whether it is still at HEAD, and what was not read. */
export function historyGroup(repo: Repository, report: HistoryReport): ResultGroup {
  return {
    id: 'history',
    label: report.cancelled ? 'Git history (cancelled)' : 'Git history',
    description: `${report.commits} commits, ${report.changes} file changes${report.shallow ? ', shallow clone' : ''}`,
    items: report.findings.map((f) => historyItem(repo, f)),
    notRead: [
      ...(report.shallow ? ['Commits before the shallow clone\'s boundary (fetch the whole history to read them)'] : []),
      ...report.skipped.map((s) => `${s.path} in ${s.commit.slice(0, 8)}: ${s.reason}`),
    ],
  };
}

function historyItem(repo: Repository, f: HistoryFinding): ResultItem {
  const { start } = f.finding.range;
  const where = `${f.path}:${start.line + 1}`;
  const when = `${f.commit.sha.slice(0, 8)} · ${f.commit.author} · ${f.commit.date.slice(0, 10)}`;
  return {
    label: where,
    description: `${when} · ${f.atHead ? 'still at HEAD' : 'removed, still in clones'}`,
    tooltip: `${f.finding.message}\n\nAdded in ${f.commit.sha} by ${f.commit.author} on ${f.commit.date}. ${f.atHead ? 'The value is still in the files at HEAD.' : 'The value is no longer in the files at HEAD, but every clone has this commit: rotate the secret.'}`,
    icon: f.finding.severity === 'info' ? 'info' : f.finding.severity,
    open: openAt(gitFileUri(repo.workTree, f.commit.sha, f.path), start.line, start.column, `Open ${where} at ${f.commit.sha.slice(0, 8)}`),
  };
}

type ResultItem = ResultGroup['items'][number];
