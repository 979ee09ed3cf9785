/**
 * Read-only documents of a file as a commit left it (`idv-git:` URIs), so a finding from
 * history opens where it was added even when the file has changed or gone since. git is asked
 * through the core's safe runner; the path is literal, never a pathspec.
 */
import * as vscode from 'vscode';
import { findRepository, repositoryArgs, runGit } from '../../core/engine/index';

export const GIT_SCHEME = 'idv-git';

interface Ref {
  /** The folder holding `.git`; git is asked again which repository that is. */
  readonly workTree: string;
  readonly sha: string;
}

/** The URI of `path` (from the repository's top) at `sha`; its path keeps the file's extension, so the language is right. */
export function gitFileUri(workTree: string, sha: string, path: string): vscode.Uri {
  const ref: Ref = { workTree, sha };
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${path}`, query: JSON.stringify(ref) });
}

export class GitShowProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = JSON.parse(uri.query) as Ref;
    if (!/^[0-9a-f]{40,64}$/.test(ref.sha)) throw new Error('not a commit id');
    const repo = (await findRepository(ref.workTree)).repository;
    if (!repo) throw new Error(`${ref.workTree} is no longer a git repository`);
    const { code, stdout, stderr } = await runGit([...repositoryArgs(repo), 'cat-file', 'blob', `${ref.sha}:${uri.path.slice(1)}`], repo.workTree);
    if (code !== 0) throw new Error(`git could not read ${uri.path.slice(1)} at ${ref.sha.slice(0, 8)}: ${stderr.trim()}`);
    return stdout;
  }
}

/** A command that opens `uri` at `line` (0-based) in a preview editor. */
export function openAt(uri: vscode.Uri, line: number, column: number, title: string): vscode.Command {
  return { title, command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(line, column, line, column), preview: true }] };
}
