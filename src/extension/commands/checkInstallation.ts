/**
 * `idv.checkInstallation`: every messenger installation in the workspace, shown in the
 * installations view with a verdict per vendor and platform. Walks files like scanWorkspace
 * (findFiles, so `files.exclude` applies; git-ignored files skipped; the engine's skips), reads
 * them with `workspace.fs` (open documents from their live text), and is cancellable.
 */
import * as vscode from 'vscode';
import { globMatcher } from '../../core/engine/classify';
import { decodeText, skipByName, tooLarge } from '../../core/files/index';
import { compareInstallations, findInstallations, readiness, type Installation } from '../../core/install/index';
import { ALWAYS_EXCLUDED, BATCH, workspacePath } from '../workspaceFiles';
import type { FactsSource } from '../../core/engine/index';
import type { CommandContext } from '../context';
import type { GitState } from '../diagnostics/gitState';
import type { ProjectConfigs } from '../diagnostics/projectConfig';
import type { InstallResult, InstallTreeProvider } from '../install/installTree';
import type { EditorSyntax } from '../syntax';

/** The view's id, as contributed in package.json. */
export const INSTALLATIONS_VIEW = 'identityVerification.installations';
/** Only files in languages that can install a messenger (web code, templates, mobile sources). */
const INCLUDE = '**/*.{js,jsx,ts,tsx,mjs,cjs,vue,svelte,astro,html,htm,erb,ejs,hbs,handlebars,twig,jinja,jinja2,j2,liquid,njk,cshtml,razor,heex,eex,mustache,php,swift,m,mm,kt,kts,java,dart}';

/** What the command needs from the extension. */
export interface CheckServices {
  readonly git: GitState;
  readonly configs: ProjectConfigs;
  readonly tree: InstallTreeProvider;
  /** The diagnostics' syntax layer: the check reads the same facts, so it names the calls the diagnostics name. */
  readonly syntax: EditorSyntax;
}

/**
 * Command handler. Resolves to what it found (also shown in the view), or undefined when there
 * is no folder or the user cancelled (the view then keeps the previous result).
 */
export async function checkInstallation(ctx: CommandContext, services: CheckServices): Promise<InstallResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void ctx.prompter().info('Open a folder to check its messenger installations.');
    return undefined;
  }
  const uris = new Map<string, vscode.Uri>();
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Identity Verification: checking installations', cancellable: true },
    (progress, token) => collect(services, uris, ctx.log, progress, token),
  );
  if (!found) {
    ctx.log.info('Installation check cancelled.');
    return undefined;
  }
  // The order idv check prints them in, so Copy Report equals its text.
  found.sort(compareInstallations);
  const result: InstallResult = { installations: found, readiness: readiness(found) };
  services.tree.set(result, (file) => uris.get(file));
  // `<view>.focus` exists once the view is contributed; without it the result is still returned.
  await vscode.commands.executeCommand(`${INSTALLATIONS_VIEW}.focus`).then(undefined, (error: unknown) => ctx.log.warn(`Cannot reveal the installations view: ${String(error)}`));

  const blocked = result.readiness.filter((r) => !r.ready).length;
  const message = found.length === 0 ? 'No messenger installations found.'
    : `${found.length} installation${found.length === 1 ? '' : 's'}; ${blocked === 0 ? 'every platform is ready to enforce identity verification' : `${blocked} of ${result.readiness.length} vendor/platform pairs not ready to enforce`}.`;
  ctx.log.info(message);
  void (blocked > 0 ? ctx.prompter().warn(message) : ctx.prompter().info(message));
  return result;
}

async function collect(services: CheckServices, uris: Map<string, vscode.Uri>, log: vscode.LogOutputChannel, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<Installation[] | undefined> {
  const all = await vscode.workspace.findFiles(INCLUDE, ALWAYS_EXCLUDED, undefined, token);
  const out: Installation[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    if (token.isCancellationRequested) return undefined;
    const batch = all.slice(i, i + BATCH);
    const ignored = await services.git.ignored(batch);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const uri of batch) {
      if (token.isCancellationRequested) return undefined;
      if (ignored.has(uri.fsPath)) continue;
      const file = vscode.workspace.asRelativePath(uri).replace(/\\/g, '/');
      const found = await installationsIn(services, uri, file, open.get(uri.toString()), log);
      if (found.length > 0) uris.set(file, uri);
      out.push(...found);
    }
    progress.report({ message: `${Math.min(i + BATCH, all.length)} of ${all.length} files, ${out.length} installations`, increment: (batch.length / Math.max(all.length, 1)) * 100 });
    // Let other extension-host work run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return token.isCancellationRequested ? undefined : out;
}

/** The installations in one file; open documents are read from their (possibly unsaved) text. */
async function installationsIn(services: CheckServices, uri: vscode.Uri, file: string, document: vscode.TextDocument | undefined, log: vscode.LogOutputChannel): Promise<Installation[]> {
  const config = await services.configs.get(uri);
  const path = workspacePath(uri);
  if (globMatcher(config.ignore)(path)) return [];
  let text: string;
  let facts: FactsSource | undefined;
  if (document) {
    text = document.getText();
    facts = await services.syntax.forText(text, { path, languageId: document.languageId, config });
  } else {
    try {
      // The scans' admission policy: same names skipped, same size limit, UTF-16 decoded;
      // every file not read is named in the output channel.
      const stat = await vscode.workspace.fs.stat(uri);
      const skip = skipByName(path) ?? (stat.size > config.maxFileSizeBytes ? tooLarge(config.maxFileSizeBytes) : undefined);
      const bytes = skip ? undefined : await vscode.workspace.fs.readFile(uri);
      const decoded = bytes ? decodeText(bytes) : undefined;
      if (!bytes || !decoded || decoded.skip) {
        log.info(`Not checked: ${path}: ${(skip ?? decoded?.skip)?.reason ?? 'not read'}`);
        return [];
      }
      text = decoded.text;
      facts = await services.syntax.forBytes(bytes, { path, config });
    } catch (error) {
      log.warn(`Not checked: ${path}: could not be read: ${(error as Error).message}`);
      return [];
    }
  }
  // Classified by its path in its folder; reported by the path the user sees (folder-prefixed in multi-root workspaces).
  return findInstallations(text, path, document?.languageId, { config, ...(facts ? { syntax: facts } : {}) }).map((i) => ({ ...i, file }));
}
