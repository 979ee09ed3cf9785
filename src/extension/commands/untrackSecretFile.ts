/**
 * `idv.untrackSecretFile`: the whole fix for a secret in a file git tracks (a committed .env).
 * Ignoring it is not enough: a tracked file stays in the repository. After the user confirms,
 * `git rm --cached` removes it from the index (the copy on disk stays), the file is added to
 * .gitignore, and the user is told to rotate the secret, which stays in the history. Where git
 * cannot run (Restricted Mode, no git on PATH) it says which commands to run instead.
 */
import * as vscode from 'vscode';
import { runGit } from '../../core/engine/git';
import type { CommandContext } from '../context';
import type { GitState } from '../diagnostics/gitState';
import { workspacePath } from '../workspaceFiles';

export interface UntrackResult {
  /** The path relative to its workspace folder, as git was given it. */
  readonly path: string;
  /** False when .gitignore already ignored the file. */
  readonly addedToGitignore: boolean;
}

const STOP = 'Stop Tracking';
const ROTATE = 'Set the New Secret';
const COPY = 'Copy Command';

/** Command handler. Resolves to what was done, or undefined if nothing was (declined, or instructions shown). */
export async function untrackSecretFile(ctx: CommandContext, git: GitState, uri?: vscode.Uri): Promise<UntrackResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const folder = target && vscode.workspace.getWorkspaceFolder(target);
  if (!target || !folder) {
    void ctx.prompter().info('Open a file of a workspace folder to stop git tracking it.');
    return undefined;
  }
  const path = workspacePath(target);
  if (!git.canRunGit()) {
    const command = `git rm --cached -- '${path.replace(/'/g, "'\\''")}'`;
    const why = vscode.workspace.isTrusted ? 'No git was found on PATH' : 'In Restricted Mode the extension does not run git';
    const answer = await ctx.prompter().info(`${why}. To stop tracking ${path}: run ${command}, add /${path} to .gitignore and commit. Then rotate the secret: it stays in the repository's history.`, COPY);
    if (answer === COPY) await vscode.env.clipboard.writeText(command);
    return undefined;
  }

  const choice = await ctx.prompter().confirm(
    `Stop tracking ${path} in git?`,
    `git rm --cached removes it from the index and keeps your copy on disk; the next commit removes it from the repository, and ${path} is added to .gitignore. The secret stays in the repository's history: rotate it.`,
    STOP,
  );
  if (choice !== STOP) return undefined;
  const cwd = folder.uri.fsPath;
  const removed = await runGit(['--literal-pathspecs', 'rm', '--cached', '--quiet', '--', path], cwd);
  if (removed.code !== 0) {
    ctx.log.warn(`git rm --cached -- ${path} failed (${removed.code}): ${removed.stderr.trim()}`);
    void ctx.prompter().warn(`git could not stop tracking ${path}: ${removed.stderr.trim() || `exit code ${removed.code}`}`);
    return undefined;
  }
  // --no-index: the rules alone decide, now that the file is no longer in the index.
  const ignored = await runGit(['--literal-pathspecs', 'check-ignore', '--no-index', '--quiet', '--', path], cwd);
  const addedToGitignore = ignored.code !== 0;
  if (addedToGitignore) await appendToGitignore(folder.uri, `/${path}`);
  ctx.log.info(`Stopped tracking ${path} (git rm --cached)${addedToGitignore ? ' and added it to .gitignore' : ''}.`);
  void ctx.prompter().warn(
    `${path} is no longer tracked${addedToGitignore ? ' and is in .gitignore' : ''}: commit the change. Its secret is still in the repository's history and in every clone, so rotate it in the messenger's settings and store the new one.`,
    ROTATE,
  ).then((answer) => (answer === ROTATE ? vscode.commands.executeCommand('idv.setSecret') : undefined));
  return { path, addedToGitignore };
}

/** Adds `entry` as a line of the folder's .gitignore, creating the file if needed. */
async function appendToGitignore(folder: vscode.Uri, entry: string): Promise<void> {
  const file = vscode.Uri.joinPath(folder, '.gitignore');
  let text = '';
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    // No .gitignore yet.
  }
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${text}${separator}${entry}\n`));
}
