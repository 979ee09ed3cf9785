/**
 * Starting and stopping the VS Code server from code-server and the headless Chromium that opens
 * its web workbench (shared/docs/real-vscode-tests.md). Shared by the integration runner
 * (serverRoute.ts) and the README screenshot script (test/screenshots/takeScreenshots.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { ServerInstall } from './serverInstall';

/** Every data, profile and home folder of one run, all below one temp folder. */
export interface RunDirs {
  readonly userData: string;
  readonly serverData: string;
  readonly extensions: string;
  readonly home: string;
  readonly tmp: string;
  readonly xdgConfig: string;
  readonly xdgData: string;
  readonly xdgCache: string;
  readonly chromium: string;
}

export function makeDirs(root: string): RunDirs {
  const dirs: RunDirs = {
    userData: join(root, 'user-data'), serverData: join(root, 'server-data'), extensions: join(root, 'extensions'),
    home: join(root, 'home'), tmp: join(root, 'tmp'), xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'), xdgCache: join(root, 'xdg-cache'), chromium: join(root, 'chromium'),
  };
  for (const dir of Object.values(dirs) as string[]) mkdirSync(dir, { recursive: true });
  return dirs;
}

/** The environment with HOME, TMPDIR and the XDG folders moved into `dirs`, plus `extra`. */
export function isolatedEnv(dirs: RunDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
  };
}

function dataDirArgs(dirs: RunDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions];
}

/**
 * Installs a packaged extension into `dirs.extensions`, as `code --install-extension` does for a
 * user: the server's own command line, which unpacks the .vsix exactly as the Marketplace would.
 */
export function installExtension(install: ServerInstall, dirs: RunDirs, env: NodeJS.ProcessEnv, vsix: string): string {
  return execFileSync(install.node, [install.serverMain, '--accept-server-license-terms', ...dataDirArgs(dirs), '--install-extension', vsix], {
    env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ServerOptions {
  /** The workbench honours a test payload (extensionTestsPath) and exposes the codeAutomation* hooks. */
  readonly smokeTestDriver: boolean;
  /**
   * Workspace trust as a user has it (folders open in Restricted Mode until trusted). Off by
   * default: the trust prompt would stop a run that does not test it.
   */
  readonly workspaceTrust?: boolean;
}

/** Spawns the server on a free port in its own process group (end it with killGroup). */
export function spawnServer(install: ServerInstall, dirs: RunDirs, env: NodeJS.ProcessEnv, options: ServerOptions): ChildProcess {
  return spawn(install.node, [
    install.serverMain,
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms',
    ...(options.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    '--disable-telemetry',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...dataDirArgs(dirs),
  ], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Lines of the server's and the extension hosts' logs that are warnings or errors about
 * `extensionId`: what the Running Extensions view shows as a warning triangle (an unknown
 * snippet language, a bad manifest entry, a failed activation).
 */
export function extensionLogProblems(dirs: RunDirs, extensionId: string): string[] {
  const problems: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.log')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (/\[(warning|error)\]/i.test(line) && line.toLowerCase().includes(extensionId.toLowerCase())) problems.push(`${name}: ${line.trim()}`);
        }
      }
    }
  };
  walk(join(dirs.serverData, 'logs'));
  walk(join(dirs.userData, 'logs'));
  return problems;
}

export interface BrowserOptions {
  /** Page size; Playwright's default (1280x720) when omitted. */
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
}

/** Headless Debian Chromium with a fresh profile in `dirs.chromium`. */
export function launchBrowser(dirs: RunDirs, env: NodeJS.ProcessEnv, options: BrowserOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dirs.chromium, {
    executablePath: process.env.IDV_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    env,
    ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The `vscode-remote://` URI of a server-side path, as a workbench payload wants it. */
export function remoteUri(port: number, path: string): string {
  return `vscode-remote://127.0.0.1:${port}${path}`;
}

/** The workbench URL that opens `path` (a folder, or a .code-workspace file) with the given payload entries. */
export function workbenchUrl(port: number, path: string, payload: readonly (readonly [string, string])[], kind: 'folder' | 'workspace' = 'folder'): string {
  return `http://127.0.0.1:${port}/?${kind}=${encodeURIComponent(path)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Resolves with the port once the server says it listens; rejects if it dies or stalls. */
export async function waitForPort(server: ChildProcess, timeoutMs: number): Promise<number> {
  let output = '';
  const listening = new Promise<number>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /Extension host agent listening on (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (data: Buffer) => { output += data.toString(); });
    void once(server, 'exit').then(([code]) => reject(new Error(`VS Code server exited (${String(code)}) before listening:\n${output}`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`VS Code server did not listen within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
  });
  try {
    return await Promise.race([listening, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the server and everything it started (its extension host, agent-host children). */
export function killGroup(child: ChildProcess): void {
  // Even when the server itself has exited, children of its group may linger: kill the group.
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
