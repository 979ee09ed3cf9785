/**
 * The files `idv scan` looks at, streamed one by one so memory stays bounded on large trees.
 * In a git repository: what `git ls-files` lists (tracked plus untracked-but-not-ignored), plus
 * git-ignored `.env*` files, which matter because bundlers inline their public variables.
 * Outside one: a directory walk that honours every .gitignore on the way. Dependency folders and
 * build output are skipped in both cases.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { gitTopLevel } from '../core/engine/git';

export interface WalkEntry {
  readonly absPath: string;
  /** False for git-ignored files (only `.env*` ones are walked). */
  readonly committed: boolean;
}

/** Directories never worth scanning: dependencies, build output, VCS metadata, caches. */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'dist', 'build', 'out', '.git', '.hg', '.svn', '.next', '.nuxt',
  '.output', '.svelte-kit', '.vercel', '.netlify', '.turbo', '.cache', '.parcel-cache', 'coverage', '.nyc_output',
  'vendor', 'Pods', 'DerivedData', '.dart_tool', '.gradle', 'target', '__pycache__', '.venv', 'venv', '.tox',
  '.mypy_cache', '.pytest_cache', '.vscode-test', '.idea',
]);

/** Whether a relative posix path goes through a skipped directory. */
export function inSkippedDir(relPosix: string): boolean {
  const parts = relPosix.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (SKIP_DIRS.has(parts[i] ?? '')) return true;
  return false;
}

/** Streams the files under `dir`. */
export async function* walkFiles(dir: string): AsyncGenerator<WalkEntry> {
  if ((await gitTopLevel(dir)) !== undefined) {
    for await (const rel of gitLsFiles(dir, ['--cached', '--others', '--exclude-standard'])) {
      if (!inSkippedDir(rel)) yield { absPath: join(dir, rel), committed: true };
    }
    const envFiles = gitLsFiles(dir, ['--others', '--ignored', '--exclude-standard', '--', ':(glob)**/.env', ':(glob)**/.env.*', ':(glob)**/*.env', ':(exclude,glob)**/node_modules/**']);
    for await (const rel of envFiles) {
      if (!inSkippedDir(rel)) yield { absPath: join(dir, rel), committed: false };
    }
    return;
  }
  yield* walkPlain(dir);
}

/** NUL-separated paths from `git ls-files`, streamed; duplicates (merge stages) dropped. */
async function* gitLsFiles(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  const child = spawn('git', ['-c', 'core.fsmonitor=', '-c', 'core.quotepath=off', 'ls-files', '-z', ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let rest = '';
  let last = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\0');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      if (p !== '' && p !== last) yield p;
      last = p;
    }
  }
  if (rest !== '' && rest !== last) yield rest;
  const code = await exited;
  if (code !== 0) throw Object.assign(new Error(`git ls-files failed in ${cwd} (exit ${code})`), { code: 'EGIT' });
}

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

/**
 * A plain directory walk with .gitignore semantics from the `ignore` package. Synchronous calls,
 * like the scan's reads: with promises, `idv scan` of 3,000 files in 1,500 directories spent
 * half its time idle waiting for the thread pool (0.58 s; 0.29 s this way).
 */
function* walkPlain(root: string): Generator<WalkEntry> {
  const stack: { dir: string; rules: readonly Rules[] }[] = [{ dir: root, rules: [] }];
  while (stack.length > 0) {
    const { dir, rules: inherited } = stack.pop() as { dir: string; rules: readonly Rules[] };
    const rel = relative(root, dir).split(sep).join('/');
    let rules = inherited;
    try {
      const text = readFileSync(join(dir, '.gitignore'), 'utf8');
      rules = [...inherited, { base: rel, ig: ignore().add(text) }];
    } catch {
      // No .gitignore here.
    }
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue; // never follow links: loops, and files outside the tree
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !ignored(rules, `${relPath}/`)) subdirs.push(join(dir, entry.name));
      } else if (entry.isFile()) {
        if (!ignored(rules, relPath) || /^\.env(?:\..*)?$|\.env$/.test(entry.name)) yield { absPath: join(dir, entry.name), committed: true };
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ dir: sub, rules });
  }
}

function ignored(rules: readonly Rules[], relPath: string): boolean {
  for (const { base, ig } of rules) {
    const local = base === '' ? relPath : relPath.startsWith(`${base}/`) ? relPath.slice(base.length + 1) : undefined;
    if (local !== undefined && local !== '' && ig.ignores(local)) return true;
  }
  return false;
}

/** Whether `path` (followed if a link: the user named it) is a directory, a file, or neither. */
export async function kindOf(path: string): Promise<'dir' | 'file' | 'other'> {
  const st = await stat(path);
  return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
}
