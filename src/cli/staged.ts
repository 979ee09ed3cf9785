/**
 * What `git commit` would record: the staged version of every added, copied or modified file
 * (the index, not the working tree), read blob by blob from one `git cat-file --batch`, so
 * that a pre-commit hook costs what the commit changes and never the whole repository. Links
 * and submodules are reported as not read; git runs pinned to the repository with its
 * program-running configuration off (src/core/engine/git.ts).
 */
import { CatFile, findRepository, repositoryArgs, runGit, type Repository } from '../core/engine/index';

/** One staged file: its path from the repository's top, git mode, and blob id. */
export interface StagedFile {
  readonly path: string;
  readonly mode: string;
  readonly sha: string;
}

/** The repository holding `cwd`, or a sentence saying why --staged cannot run there. */
export async function stagedRepository(cwd: string): Promise<Repository | string> {
  const found = await findRepository(cwd);
  return found.repository ?? found.problem ?? `${cwd} is not in a git repository: --staged reads what git would commit`;
}

/** The staged files that a commit would add or change (deletions record nothing to scan). */
export async function stagedFiles(repo: Repository): Promise<StagedFile[]> {
  // --no-renames: a renamed file is a deletion and an addition; the addition is what to read.
  const { code, stdout, stderr } = await runGit([...repositoryArgs(repo), 'diff', '--cached', '--raw', '-z', '--no-renames', '--diff-filter=ACM'], repo.workTree);
  if (code !== 0) throw new Error(`git diff --cached failed: ${stderr.trim() || `exit ${code}`}`);
  const out: StagedFile[] = [];
  const fields = stdout.split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // `:100644 100644 <old sha> <new sha> M`, then the path.
    const meta = (fields[i] as string).split(' ');
    const path = fields[i + 1] as string;
    if (meta.length < 5 || !path) continue;
    out.push({ path, mode: meta[1] as string, sha: meta[3] as string });
  }
  return out;
}

/**
 * The blobs of `shas`, in order, as git stores them: read from one `git cat-file --batch`
 * as the caller asks for them (a commit of large files is never held in memory at once).
 */
export async function* readBlobs(repo: Repository, shas: readonly string[]): AsyncGenerator<{ sha: string; bytes: Buffer }> {
  if (shas.length === 0) return;
  const git = CatFile.start(repo);
  try {
    git.request(shas);
    for (let i = 0; i < shas.length; i++) {
      const chunks: Buffer[] = [];
      const answer = await git.next(() => undefined, (chunk) => chunks.push(chunk));
      if (answer.missing) throw new Error(`git cat-file: ${answer.id} missing`);
      yield { sha: answer.id, bytes: Buffer.concat(chunks) };
    }
  } finally {
    git.close();
  }
}
