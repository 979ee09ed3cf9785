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
/** Debian's golang-github-golang-jwt-jwt-dev: module github.com/golang-jwt/jwt/v4. */
const DEBIAN_GOLANG_JWT = '/usr/share/gocode/src/github.com/golang-jwt/jwt';

/** The npm packages a runnable program imports, linked from the global install. */
const NPM_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  'jwt-express': ['jsonwebtoken'], 'jwt-nestjs': ['jsonwebtoken'], 'jwt-nextjs-route': ['jsonwebtoken'], 'jwt-nextjs-server-action': ['jsonwebtoken'],
  'jwt-deno': ['jose'], 'jwt-bun': ['jose'], 'jwt-cloudflare-workers': ['jose'],
};

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
    const needed = (id === 'jwt-rust' ? ['jsonwebtoken-8', 'serde_json-1'] : ['hmac-0.12', 'sha2-0.10', 'hex-0.4']).filter((c) => !crates.some((dir) => dir.startsWith(c)));
    if (needed.length > 0) return { missing: `crates ${needed.join(', ')} not available offline (apt: ${id === 'jwt-rust' ? 'librust-jsonwebtoken-dev librust-serde-json-dev' : 'librust-hmac-dev librust-sha2-dev librust-hex-dev'})`, env };
    // One target directory for every cargo run: the crates are compiled once, not per vendor.
    env.CARGO_TARGET_DIR = join(root, 'cargo-target');
    mkdirSync(join(root, '.cargo'), { recursive: true });
    writeFileSync(join(root, '.cargo', 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_CRATES}"\n\n[net]\noffline = true\n`);
  }
  if (id === 'aspnetcore') {
    const version = spawnSync('dotnet', ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.split('.')[0]) < 10) return { missing: `dotnet ${version} cannot run a single .cs file (needs .NET 10)`, env };
  }
  const npmPackages = NPM_PACKAGES[id];
  if (npmPackages !== undefined) {
    // Node, Bun and Deno all resolve bare imports from a node_modules folder in a parent
    // directory (Deno once a package.json sits beside it): link the global installs there.
    const globalRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    const absentPackages = npmPackages.filter((name) => !existsSync(join(globalRoot, name, 'package.json')));
    if (absentPackages.length > 0) return { missing: `npm package ${absentPackages.join(', ')} not installed globally`, env };
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    if (!existsSync(join(root, 'package.json'))) writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
    for (const name of npmPackages) {
      if (!existsSync(join(root, 'node_modules', name))) symlinkSync(join(globalRoot, name), join(root, 'node_modules', name));
    }
  }
  if (id === 'jwt-django' || id === 'jwt-flask' || id === 'jwt-fastapi') {
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
  if (id === 'jwt-rails' && !succeeds('ruby', ['-e', 'require "jwt"'])) return { missing: 'ruby gem jwt not installed (apt: ruby-jwt)', env };
  if (id === 'jwt-perl' && !succeeds('perl', ['-MCrypt::JWT', '-e', '1'])) return { missing: 'Perl module Crypt::JWT not installed (apt: libcrypt-jwt-perl)', env };
  if (id === 'jwt-phoenix' && !succeeds('elixir', ['-e', ':jose_jwk.from_oct("k")'])) return { missing: 'Erlang jose not installed (apt: erlang-jose erlang-jiffy)', env };
  if (id === 'jwt-go') {
    // GOPATH mode over Debian's golang-jwt v4 source: no module proxy needed.
    if (!existsSync(DEBIAN_GOLANG_JWT)) return { missing: `golang-jwt not available offline (apt: golang-github-golang-jwt-jwt-dev)`, env };
    const link = join(root, 'gopath', 'src', 'github.com', 'golang-jwt', 'jwt', 'v4');
    if (!existsSync(link)) {
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(DEBIAN_GOLANG_JWT, link);
    }
    Object.assign(env, { GO111MODULE: 'off', GOPATH: join(root, 'gopath') });
  }
  return { env };
}
