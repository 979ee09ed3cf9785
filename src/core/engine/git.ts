/**
 * Everything the scanners ask git, asked safely. git is found by absolute path on PATH, never in
 * the scanned folder (on Windows a `git.exe` there would otherwise run), with GIT_* variables
 * removed and fsmonitor off (a repository's config could name a program to run). The work tree
 * is the folder that holds `.git`, given to git explicitly, so a `core.worktree` in a cloned
 * repository cannot point the scan at another tree. git's complaints are kept, not dropped.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, lstatSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, sep } from 'node:path';

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let cachedGit: { path: string | undefined; key: string } | undefined;

/**
 * The absolute path of the git executable from PATH, skipping relative entries (`.`, empty)
 * and any entry inside `avoid` (the folders being scanned). Undefined when there is none.
 */
export function resolveGit(env: Readonly<Record<string, string | undefined>> = process.env, avoid: readonly string[] = []): string | undefined {
  const key = `${env.PATH ?? env.Path ?? ''}\0${avoid.join('\0')}`;
  if (cachedGit?.key === key) return cachedGit.path;
  const names = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean).map((e) => `git${e.toLowerCase()}`) : ['git'];
  let found: string | undefined;
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir) || avoid.some((a) => isInside(dir, a))) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        if (lstatSync(candidate).isDirectory()) continue;
        found = candidate;
        break;
      } catch {
        // Not here.
      }
    }
    if (found) break;
  }
  cachedGit = { path: found, key };
  return found;
}

/** Whether `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The environment git runs with: ours, minus every GIT_* variable that could redirect it. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) env[k] = v;
  env.GIT_OPTIONAL_LOCKS = '0'; // never write the index of the repository being scanned
  return env;
}

/** Options that keep repository configuration from running programs. */
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off'];

/** Runs git to completion. Code 127: git not found. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
  const git = resolveGit(process.env, [cwd]);
  if (git === undefined) return Promise.resolve({ code: 127, stdout: '', stderr: 'git was not found on PATH' });
  return new Promise((resolve) => {
    const child = execFile(git, [...SAFE, ...args], { cwd, env: gitEnv(), maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.on('error', () => undefined); // git may exit before reading everything
    child.stdin?.end(input ?? '');
  });
}

/** Starts git with streamed output (for `ls-files` over large trees); undefined without git. */
export function spawnGit(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams | undefined {
  const git = resolveGit(process.env, [cwd]);
  if (git === undefined) return undefined;
  return spawn(git, [...SAFE, ...args], { cwd, env: gitEnv(), windowsHide: true });
}

/** A git repository as the scanner uses it: the folder holding `.git`, and git's own directory. */
export interface Repository {
  readonly workTree: string;
  readonly gitDir: string;
}

export type RepositoryLookup =
  | { readonly repository: Repository; readonly problem?: undefined }
  | { readonly repository?: undefined; readonly problem?: string };

/**
 * The repository holding `dir`: the nearest folder above it with a `.git` entry, checked by git.
 * `problem` says why a `.git` was found but cannot be used (git refused it, or git is missing);
 * neither field: not in a repository.
 */
export async function findRepository(dir: string): Promise<RepositoryLookup> {
  let top: string | undefined;
  for (let d = dir; ; d = dirname(d)) {
    try {
      lstatSync(join(d, '.git'));
      top = d;
      break;
    } catch {
      if (dirname(d) === d) break;
    }
  }
  if (top === undefined) return {};
  const { code, stdout, stderr } = await runGit(['rev-parse', '--absolute-git-dir'], top);
  if (code === 0) return { repository: { workTree: top, gitDir: stdout.trim() } };
  if (code === 127) return { problem: 'git was not found on PATH' };
  const first = stderr.split('\n').find((l) => l.trim() !== '') ?? `git exited with ${code}`;
  return { problem: /dubious ownership/.test(stderr) ? `git refused the repository at ${top} (dubious ownership: it belongs to another user)` : `git could not read the repository at ${top}: ${first.replace(/^fatal:\s*/, '')}` };
}

/** Arguments that pin git to `repo`, whatever its config or the environment says. */
export function repositoryArgs(repo: Repository): string[] {
  return [`--git-dir=${repo.gitDir}`, `--work-tree=${repo.workTree}`];
}

/** The top of the git work tree holding `dir`, or undefined outside one (or without git). */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  return (await findRepository(dir)).repository?.workTree;
}

export interface IgnoreOracle {
  /** True when `root` is inside a git work tree and git answered. */
  readonly inRepository: boolean;
  /** The subset of `paths` (relative to root, or absolute) that git ignores. Tracked files never are. */
  ignored(paths: readonly string[]): Promise<Set<string>>;
}

/** "Would this file be committed?" for paths under `root`: one `git check-ignore` call per batch. */
export async function createIgnoreOracle(root: string): Promise<IgnoreOracle> {
  const { repository } = await findRepository(root);
  if (repository === undefined) return { inRepository: false, ignored: () => Promise.resolve(new Set()) };
  return {
    inRepository: true,
    async ignored(paths) {
      if (paths.length === 0) return new Set();
      // Exit 0: some ignored; 1: none ignored; anything else: git could not tell, so none.
      const { code, stdout } = await runGit([...repositoryArgs(repository), 'check-ignore', '--stdin', '-z'], root, `${paths.join('\0')}\0`);
      if (code !== 0) return new Set();
      return new Set(stdout.split('\0').filter((p) => p.length > 0));
    },
  };
}
