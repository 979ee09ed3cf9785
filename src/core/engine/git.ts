/**
 * "Would this file be committed?" A secret in a git-ignored file is not in the repository, so
 * hardcoded-secret leaves it alone. One `git check-ignore --stdin -z` call answers for a whole
 * batch of paths; outside a repository (or without git) every file counts as committable.
 */
import { execFile } from 'node:child_process';

export interface IgnoreOracle {
  /** True when `root` is inside a git work tree and git answered. */
  readonly inRepository: boolean;
  /** The subset of `paths` (relative to root, or absolute) that git ignores. Tracked files never are. */
  ignored(paths: readonly string[]): Promise<Set<string>>;
}

/** Runs git with fsmonitor off (a hook there could run arbitrary code on a scanned repo). */
function git(cwd: string, args: readonly string[], input?: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile('git', ['-c', 'core.fsmonitor=', ...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      resolve({ code, stdout });
    });
    child.stdin?.on('error', () => undefined); // git may exit before reading everything
    child.stdin?.end(input ?? '');
  });
}

/** The top of the git work tree holding `dir`, or undefined outside one (or without git). */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  const { code, stdout } = await git(dir, ['rev-parse', '--show-toplevel']);
  return code === 0 ? stdout.trim() : undefined;
}

/** An oracle for paths under `root`. */
export async function createIgnoreOracle(root: string): Promise<IgnoreOracle> {
  const top = await gitTopLevel(root);
  if (top === undefined) return { inRepository: false, ignored: () => Promise.resolve(new Set()) };
  return {
    inRepository: true,
    async ignored(paths) {
      if (paths.length === 0) return new Set();
      // Exit 0: some ignored; 1: none ignored; anything else: git could not tell, so none.
      const { code, stdout } = await git(root, ['check-ignore', '--stdin', '-z'], `${paths.join('\0')}\0`);
      if (code !== 0) return new Set();
      return new Set(stdout.split('\0').filter((p) => p.length > 0));
    },
  };
}
