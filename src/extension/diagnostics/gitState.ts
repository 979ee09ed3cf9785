/**
 * "Is this file committed, or would it be?" for the editor: a file git ignores is not, anything
 * else (tracked, untracked, untitled, outside a repository) is. Answers come from `git
 * check-ignore` through the core's oracle, cached per file until a .gitignore changes.
 *
 * In Restricted Mode git is not run at all (it reads the folder's own .git/config, which an
 * untrusted repository controls): every file counts as committed until the folder is trusted.
 */
import * as vscode from 'vscode';
import { createIgnoreOracle, resolveGit, runGit, type IgnoreOracle } from '../../core/engine/git';

export class GitState implements vscode.Disposable {
  private readonly oracles = new Map<string, Promise<IgnoreOracle>>();
  private readonly answers = new Map<string, Promise<boolean>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  /** Fires when ignore rules may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.gitignore,.git/info/exclude}');
    const reset = () => {
      this.answers.clear();
      this.emitter.fire();
    };
    this.disposables = [this.emitter, watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { this.oracles.clear(); reset(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(reset)];
  }

  /** False in Restricted Mode, where git must not run on the folder. */
  get enabled(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** True unless git ignores `uri`. */
  isCommitted(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file' || !this.enabled) return Promise.resolve(true);
    const key = uri.fsPath;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.ask(uri);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /**
   * Whether git can be run for a command that changes the repository (stop tracking a file):
   * not in Restricted Mode, and only a git found on PATH outside every workspace folder.
   */
  canRunGit(): boolean {
    return this.enabled && resolveGit(process.env, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)) !== undefined;
  }

  /** Whether git tracks `uri`; undefined when git cannot be asked (Restricted Mode, no git, no repository). */
  async isTracked(uri: vscode.Uri): Promise<boolean | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!this.canRunGit() || !folder || uri.scheme !== 'file') return undefined;
    const inside = await runGit(['rev-parse', '--is-inside-work-tree'], folder.uri.fsPath);
    if (inside.code !== 0) return undefined;
    // Literal pathspecs: no pathspec magic (`:(glob)…`) in a file's name.
    const listed = await runGit(['--literal-pathspecs', 'ls-files', '--error-unmatch', '--', uri.fsPath], folder.uri.fsPath);
    return listed.code === 0;
  }

  /** The subset of `uris` git ignores, in one git call per workspace folder. */
  async ignored(uris: readonly vscode.Uri[]): Promise<Set<string>> {
    if (!this.enabled) return new Set();
    const byFolder = new Map<vscode.WorkspaceFolder, vscode.Uri[]>();
    for (const uri of uris) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder && uri.scheme === 'file') byFolder.set(folder, [...(byFolder.get(folder) ?? []), uri]);
    }
    const out = new Set<string>();
    for (const [folder, members] of byFolder) {
      const oracle = await this.oracle(folder.uri.fsPath);
      for (const path of await oracle.ignored(members.map((u) => u.fsPath))) out.add(path);
    }
    return out;
  }

  private async ask(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = folder?.uri.fsPath ?? vscode.Uri.joinPath(uri, '..').fsPath;
    const oracle = await this.oracle(root);
    if (!oracle.inRepository) return true;
    return !(await oracle.ignored([uri.fsPath])).has(uri.fsPath);
  }

  private oracle(root: string): Promise<IgnoreOracle> {
    let oracle = this.oracles.get(root);
    if (!oracle) {
      oracle = createIgnoreOracle(root);
      this.oracles.set(root, oracle);
    }
    return oracle;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
