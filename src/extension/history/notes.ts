/**
 * "Already in git history" for a hardcoded secret the editor shows: the file's own history is
 * searched for the value (src/core/history/valueSearch.ts), and the finding gains a sentence
 * saying that deleting the line is not enough. Answers are kept per HEAD commit, file and
 * value digest, so typing elsewhere in the file asks git nothing new; a commit or checkout
 * (a new HEAD) asks again. Not in Restricted Mode, where git must not run on the folder.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { findRepository, repositoryArgs, runGit, type Finding, type Repository } from '../../core/engine/index';
import { literalValue, subjectOf, valuesInHistory, type CommitInfo } from '../../core/history/index';
import type { GitState } from '../diagnostics/gitState';

export class HistoryNotes {
  private readonly answers = new Map<string, Promise<CommitInfo | undefined>>();
  /** The repository holding each folder asked about (a folder does not change repository often). */
  private readonly repos = new Map<string, Promise<Repository | undefined>>();

  constructor(private readonly git: GitState, private readonly log: vscode.LogOutputChannel) {}

  /**
   * `findings` with a note on each hardcoded secret whose value the file's history already
   * holds; undefined when none does (or git cannot be asked), so the caller shows nothing new.
   */
  async annotate(uri: vscode.Uri, text: string, findings: readonly Finding[]): Promise<Finding[] | undefined> {
    const secrets = findings.filter((f) => f.ruleId === 'hardcoded-secret');
    if (secrets.length === 0 || uri.scheme !== 'file' || !this.git.canRunGit()) return undefined;
    const dir = vscode.Uri.joinPath(uri, '..').fsPath;
    let lookup = this.repos.get(dir);
    if (!lookup) {
      lookup = findRepository(dir).then((r) => r.repository);
      this.repos.set(dir, lookup);
    }
    const repo = await lookup;
    if (!repo) return undefined;
    const path = relative(repo.workTree, uri.fsPath).split(sep).join('/');
    if (path.startsWith('..')) return undefined;
    const head = await runGit([...repositoryArgs(repo), 'rev-parse', '--verify', '--quiet', 'HEAD'], repo.workTree);
    if (head.code !== 0) return undefined; // no commit yet: nothing is in history
    const values = new Map(secrets.map((f) => [f, literalValue(subjectOf(text, f))]));
    const commits = await Promise.all([...values.values()].map((v) => this.ask(repo, head.stdout.trim(), path, v, [...values.values()])));
    const byValue = new Map([...values.values()].map((v, i) => [v, commits[i]]));
    if (!commits.some((c) => c !== undefined)) return undefined;
    return findings.map((f) => {
      const value = values.get(f);
      const commit = value === undefined ? undefined : byValue.get(value);
      // The message stays a short fact; the commit and what follows from it go to the detail (the hover).
      return commit ? { ...f, message: `${f.message} (already in git history)`, detail: `${historyNote(commit)}${f.detail ? `\n\n${f.detail}` : ''}`, data: { ...f.data, inHistory: commit.sha } } : f;
    });
  }

  /** One lookup per HEAD, file and value; the file's history is read once for all its values. */
  private ask(repo: Repository, head: string, path: string, value: string, all: readonly string[]): Promise<CommitInfo | undefined> {
    const key = (v: string) => `${head}\0${path}\0${createHash('sha256').update(v).digest('hex')}`;
    const known = this.answers.get(key(value));
    if (known) return known;
    const search = valuesInHistory(repo, path, all).catch((error: unknown) => {
      this.log.warn(`Could not read the git history of ${path}: ${(error as Error).message}`);
      return new Map<string, CommitInfo>();
    });
    for (const v of all) if (!this.answers.has(key(v))) this.answers.set(key(v), search.then((m) => m.get(v)));
    if (this.answers.size > 500) this.answers.delete(this.answers.keys().next().value as string);
    return this.answers.get(key(value)) as Promise<CommitInfo | undefined>;
  }
}

/** The sentence added to the finding: where the value already is, and what that means. */
export function historyNote(commit: CommitInfo): string {
  return `It is already in git history (commit ${commit.sha.slice(0, 8)}, ${commit.date.slice(0, 10)}): deleting the line does not remove it from clones, so rotate it.`;
}
