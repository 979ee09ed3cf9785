/**
 * `idv.checkSecretExposure` ("Check Build Output and History for the Secret"): every secret in
 * SecretStorage looked for, in all its forms, in the workspace folders' files (build output and
 * app packages included, which the linter leaves out) and in their git history (src/core/leaks).
 * The secret goes from SecretStorage to the core and nowhere else; the results view and the log
 * name places and forms, never the value. In Restricted Mode the history is not read (git reads
 * the folder's own configuration) and the result says so.
 */
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { findSecret, leakLocationText, leakPositionText, secretProblem, type LeakHit, type LeakReport } from '../../core/leaks/index';
import type { CommandContext } from '../context';
import { gitFileUri, openAt } from '../history/gitShow';
import { RESULTS_VIEW, type ResultGroup, type ResultItem, type ResultsTreeProvider } from '../history/resultsTree';
import { platformLabel } from '../pickers';
import type { SecretRef } from '../secrets';

/** One stored secret's search: which slot it is, and what was found. */
export interface ExposureResult {
  readonly secret: string;
  readonly report: LeakReport;
}

/** A stored secret not looked for, and why (too short to search without chance matches). */
export interface Refused {
  readonly secret: string;
  readonly reason: string;
}

/** Progress is reported every this many files, entries and commits (the core calls after each). */
const PROGRESS_EVERY = 100;

/** Command handler; resolves to each stored secret's report (labels only), undefined when nothing ran. */
export async function checkSecretExposure(ctx: CommandContext, results: ResultsTreeProvider): Promise<ExposureResult[] | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void ctx.prompter().info('Open a folder to look for the secret in its build output and history.');
    return undefined;
  }
  // One search per distinct value: the same secret stored for web and iOS is looked for once.
  const secrets = new Map<string, SecretRef[]>();
  for (const ref of await ctx.vault.stored()) {
    const value = await ctx.vault.get(ref);
    if (value !== undefined) secrets.set(value, [...(secrets.get(value) ?? []), ref]);
  }
  if (secrets.size === 0) {
    const SET = 'Set Secret';
    const answer = await ctx.prompter().info('No secret is stored yet: set the messenger\'s secret first, then look for it.', SET);
    if (answer === SET) await vscode.commands.executeCommand('idv.setSecret');
    return undefined;
  }
  const trusted = vscode.workspace.isTrusted;
  const paths = folders.map((f) => f.uri.fsPath);
  const out: ExposureResult[] = [];
  const refused: Refused[] = [];
  for (const [value, refs] of secrets) {
    const problem = secretProblem(value);
    if (problem === undefined) continue;
    refused.push({ secret: refs.map(slotLabel).join(', '), reason: problem });
    secrets.delete(value);
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Identity Verification: looking for the secret', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let step = 0;
      for (const [value, refs] of secrets) {
        if (controller.signal.aborted) break;
        const label = refs.map(slotLabel).join(', ');
        const report = await findSecret(value, {
          files: paths,
          history: trusted ? paths : [],
          signal: controller.signal,
          onProgress: (p) => {
            if (++step % PROGRESS_EVERY !== 0) return;
            progress.report({ message: `${label}: ${p.phase === 'files' ? `${p.files} files, ${p.archiveEntries} archive entries` : `${p.commits}${p.totalCommits ? ` of ${p.totalCommits}` : ''} commits`}` });
          },
        }).catch((error: unknown) => {
          // The core's messages never hold the value (forms.ts), but say whose search failed.
          ctx.log.error(`Looking for the ${label} secret failed: ${(error as Error).message}`);
          return undefined;
        });
        if (report) out.push({ secret: label, report });
      }
    },
  );
  for (const r of refused) ctx.log.warn(`The ${r.secret} secret was not looked for: ${r.reason}`);
  if (out.length === 0) {
    if (refused.length > 0) void ctx.prompter().warn(`Not looked for: ${refused.map((r) => `${r.secret} (${r.reason})`).join('; ')}`);
    return undefined;
  }
  results.set(exposureGroup(out, folders, trusted, refused));
  const hits = out.reduce((n, r) => n + r.report.hits.length, 0);
  const inHistory = out.reduce((n, r) => n + r.report.hits.filter((h) => h.source === 'history').length, 0);
  const cancelled = out.some((r) => r.report.cancelled);
  const message = hits > 0
    ? `The secret is in ${hits} place${hits === 1 ? '' : 's'} (${hits - inHistory} in files, ${inHistory} in git history): rotate it.`
    : `${cancelled ? 'Stopped: not found so far' : 'Not found'} in ${searched(out)}.`;
  ctx.log.info(`${message}${trusted ? '' : ' History not read (Restricted Mode).'}`);
  for (const r of out) for (const n of r.report.notices) ctx.log.warn(`${r.secret}: ${n.message}`);
  const SHOW = 'Show Results';
  void (hits > 0 ? ctx.prompter().warn(message, SHOW) : ctx.prompter().info(message, SHOW)).then((a) => {
    if (a === SHOW) void vscode.commands.executeCommand(`${RESULTS_VIEW}.focus`);
  });
  return out;
}

function slotLabel(ref: SecretRef): string {
  return `${ref.vendor.name} ${platformLabel(ref.platform)}${ref.slot === 'previous' ? ' (previous)' : ''}`;
}

/** `1,204 files, 3 archives (812 entries), 310 commits`. */
function searched(out: readonly ExposureResult[]): string {
  const c = out[0]?.report.counts;
  if (!c) return 'nothing';
  return `${c.files} files, ${c.archives} archives (${c.archiveEntries} entries), ${c.commits} commits`;
}

/** The view's group: each place with its form, secret and commit; what was not searched, and why. */
export function exposureGroup(out: readonly ExposureResult[], folders: readonly vscode.WorkspaceFolder[], trusted: boolean, refused: readonly Refused[] = []): ResultGroup {
  const display = (absPath: string) => {
    const folder = folders.find((f) => !relative(f.uri.fsPath, absPath).startsWith('..'));
    const rel = folder ? relative(folder.uri.fsPath, absPath) : absPath;
    return (folders.length > 1 && folder ? `${folder.name}/${rel}` : rel).split(sep).join('/');
  };
  const items = out.flatMap((r) => r.report.hits.map((hit) => hitItem(hit, r.secret, display)));
  const notRead = [...refused.map((r) => `The ${r.secret} secret: ${r.reason}`), ...out.flatMap((r) => [
    ...r.report.skipped.map((s) => `${leakLocationText(s, s.source === 'file' ? display(s.path) : s.path)}${s.commit ? ` in ${s.commit.slice(0, 8)}` : ''}: ${s.reason}`),
    ...r.report.notices.map((n) => n.message),
  ])];
  return {
    id: 'known-secret',
    label: out.some((r) => r.report.cancelled) ? 'Known secret (stopped)' : 'Known secret',
    description: `${searched(out)}${trusted ? '' : '; history not read in Restricted Mode'}`,
    items,
    notRead: [...new Set(notRead)],
  };
}

function hitItem(hit: LeakHit, secret: string, display: (absPath: string) => string): ResultItem {
  const where = hit.source === 'file' ? display(hit.path) : hit.path;
  const label = `${leakLocationText(hit, where)}${hit.line !== undefined ? `:${hit.line}` : ''}`;
  const commit = hit.commit ? ` · ${hit.commit.sha.slice(0, 8)} · ${hit.commit.date.slice(0, 10)} · ${hit.atHead ? 'still at HEAD' : 'removed, still in clones'}` : '';
  const line = Math.max(0, (hit.line ?? 1) - 1);
  const column = Math.max(0, (hit.column ?? 1) - 1);
  let open: vscode.Command | undefined;
  if (hit.source === 'file' && !hit.entry?.length) {
    open = hit.line !== undefined ? openAt(vscode.Uri.file(hit.path), line, column, `Open ${label}`) : { title: 'Reveal', command: 'revealInExplorer', arguments: [vscode.Uri.file(hit.path)] };
  } else if (hit.source === 'file') {
    open = { title: 'Reveal', command: 'revealInExplorer', arguments: [vscode.Uri.file(hit.path)] };
  } else if (hit.commit && hit.repository && !hit.entry?.length && hit.line !== undefined) {
    open = openAt(gitFileUri(hit.repository, hit.commit.sha, hit.path), line, column, `Open ${label} at ${hit.commit.sha.slice(0, 8)}`);
  }
  return {
    label,
    description: `${hit.formLabel} · ${secret}${commit}`,
    tooltip: `The ${secret} secret, as ${hit.formLabel}, at ${leakLocationText(hit, where)}${leakPositionText(hit)}${hit.commit ? `, added in ${hit.commit.sha} by ${hit.commit.author} on ${hit.commit.date}${hit.commits && hit.commits > 1 ? ` (and ${hit.commits - 1} later commits)` : ''}` : ''}. Anyone with this file can impersonate your users: rotate the secret and keep it on the server.`,
    icon: 'error',
    ...(open ? { open } : {}),
  };
}
