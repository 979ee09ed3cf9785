/**
 * Running the git command line safely on a folder the user may not control. The executable is
 * the first `git` on PATH given as an absolute path and outside the folder (a relative PATH
 * entry or one inside the workspace would run a `git` the repository ships); fsmonitor is off
 * (its hook runs arbitrary commands) and git never prompts.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';

export interface GitLookup {
  readonly path?: string;
  readonly platform?: NodeJS.Platform;
  /** Folders whose insides are never searched (the workspace folders). */
  readonly exclude?: readonly string[];
}

function inside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The absolute path of git, or undefined when PATH holds none outside the excluded folders. */
export function findGit(lookup: GitLookup = {}): string | undefined {
  const platform = lookup.platform ?? process.platform;
  const path = lookup.path ?? process.env.PATH ?? '';
  // Only git.exe on Windows: a .cmd or .bat would need a shell to run.
  const name = platform === 'win32' ? 'git.exe' : 'git';
  for (const dir of path.split(platform === 'win32' ? ';' : delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    if ((lookup.exclude ?? []).some((folder) => inside(dir, folder))) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      if (platform !== 'win32') accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there, or not executable: the next entry.
    }
  }
  return undefined;
}

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `git` (an absolute path from findGit) in `cwd` with fsmonitor off and no prompts. */
export function runGit(git: string, cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((done) => {
    execFile(git, ['-c', 'core.fsmonitor=', ...args], {
      cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
      // Paths are passed as they are: no pathspec magic (`:(glob)…`) in a file's name.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' },
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      done({ code, stdout, stderr });
    });
  });
}
