/**
 * Finds the runtime each runnable snippet needs and the environment it needs to run offline.
 * A runtime that is missing yields a reason, which the proof test reports by name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Runtime {
  /** Why the snippet cannot run here; undefined when it can. */
  readonly missing?: string;
  /** Extra environment for the program (JAVA_HOME, NODE_PATH, a PATH with the right python3). */
  readonly env: Readonly<Record<string, string>>;
}

function which(tool: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function succeeds(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { env, stdio: 'ignore' }).status === 0;
}

/** The tools a command runs: the first word of each `&&` step, shell built-ins aside. */
export function toolsOf(command: string): string[] {
  return command.split('&&').map((step) => step.trim().split(/\s+/)[0] ?? '').filter((tool) => tool !== '' && tool !== 'printf');
}

/** Debian's librust-*-dev packages hold crate sources that cargo can use as an offline registry. */
const DEBIAN_CRATES = '/usr/share/cargo/registry';

/**
 * Prepares `root` (the parent of every run directory) and says what snippet `id` needs.
 * Cargo reads .cargo/config.toml from parent directories, so the offline crate source is set
 * up for these runs only, without touching the user's cargo configuration.
 */
export function runtimeFor(id: string, command: string, root: string): Runtime {
  const absent = toolsOf(command).filter((tool) => which(tool) === undefined);
  if (absent.length > 0) return { missing: `${absent.join(', ')} not found (see test/snippets/install-runtimes.sh)`, env: {} };
  const env: Record<string, string> = {};
  const java = which('java');
  if (java && process.env.JAVA_HOME === undefined) env.JAVA_HOME = dirname(dirname(realpathSync(java)));

  if (toolsOf(command).includes('cargo')) {
    const crates = existsSync(DEBIAN_CRATES) ? readdirSync(DEBIAN_CRATES) : [];
    const needed = ['hmac-0.12', 'sha2-0.10', 'hex-0.4'].filter((c) => !crates.some((dir) => dir.startsWith(c)));
    if (needed.length > 0) return { missing: `crates ${needed.join(', ')} not available offline (apt: librust-hmac-dev librust-sha2-dev librust-hex-dev)`, env };
    mkdirSync(join(root, '.cargo'), { recursive: true });
    writeFileSync(join(root, '.cargo', 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_CRATES}"\n\n[net]\noffline = true\n`);
  }
  if (id === 'aspnetcore') {
    const version = spawnSync('dotnet', ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.split('.')[0]) < 10) return { missing: `dotnet ${version} cannot run a single .cs file (needs .NET 10)`, env };
  }
  if (id === 'jwt-node') {
    const globalRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    if (!succeeds('node', ['-e', "require.resolve('jsonwebtoken')"], { ...process.env, NODE_PATH: globalRoot })) {
      return { missing: 'npm package jsonwebtoken not installed globally', env };
    }
    env.NODE_PATH = globalRoot;
  }
  if (id === 'jwt-python') {
    // pyenv and the like shadow Debian's python3, which is where python3-jwt is installed.
    const python = [which('python3'), '/usr/bin/python3'].find((p) => p !== undefined && succeeds(p, ['-c', 'import jwt']));
    if (python === undefined) return { missing: 'no python3 with PyJWT (apt: python3-jwt)', env };
    const shim = join(root, 'python-bin');
    if (!existsSync(shim)) {
      mkdirSync(shim);
      symlinkSync(python, join(shim, 'python3'));
    }
    env.PATH = `${shim}:${process.env.PATH ?? ''}`;
  }
  if (id === 'jwt-ruby' && !succeeds('ruby', ['-e', 'require "jwt"'])) return { missing: 'ruby gem jwt not installed (apt: ruby-jwt)', env };
  return { env };
}
