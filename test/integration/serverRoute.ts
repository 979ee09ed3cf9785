/**
 * Runs the integration suite in a real VS Code without VS Code desktop: the VS Code server from
 * code-server hosts the Node extension host, and headless Debian Chromium opens the web
 * workbench that starts it (shared/docs/real-vscode-tests.md). The suite reports its exit code
 * and console output back through the smoke-test driver's hooks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import type { ServerInstall } from './serverInstall';

export interface RunOptions {
  readonly install: ServerInstall;
  readonly extensionDevelopmentPath: string;
  readonly extensionTestsPath: string;
  readonly workspace: string;
  /** A fresh temp folder for every data and profile folder of this run. */
  readonly tempDir: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/**
 * Workbench chatter that only says this machine is offline (gallery, GitHub sign-in, chat
 * models). Muted so that the suite's own lines stand out.
 */
const OFFLINE_NOISE: readonly RegExp[] = [
  /^\[AgentHost\]/, /^\[ChatModelSelection\]/, /^\[AccountPolicyGate\]/, /open-vsx\.org/,
  /authentication provider 'github'/, /ENOTFOUND/, /^\[Extension Host\] \[otel/,
];
const verbose = process.env.IDV_TEST_VERBOSE === '1';

/** Runs the suite; resolves to its exit code (non-zero on failure, crash or timeout). */
export async function runInServer(options: RunOptions): Promise<number> {
  const dirs = makeDirs(options.tempDir);
  const isolatedEnv = {
    ...process.env,
    ...options.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
  };
  const server = spawn(options.install.node, [
    options.install.serverMain,
    '--host', '127.0.0.1', '--port', '0',
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions,
  ], { detached: true, env: isolatedEnv, stdio: ['ignore', 'pipe', 'pipe'] });

  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    const port = await waitForPort(server, 60_000);
    browser = await chromium.launchPersistentContext(dirs.chromium, {
      executablePath: process.env.IDV_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      env: isolatedEnv,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? await browser.newPage();
    let finish: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => { finish = resolve; });
    let muted = 0;
    // The workbench's start-up chatter is kept back until the suite prints the VS Code version,
    // and shown only if the suite never starts (that is when it explains something).
    let startup: string[] | undefined = [];
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      // Console calls arrive unformatted (mocha's reporter uses "%s" templates).
      const text = format(...args);
      if (startup && /^VS Code \d/.test(text)) startup = undefined;
      if (verbose) options.log(text);
      else if (startup) startup.push(text);
      else if (OFFLINE_NOISE.some((pattern) => pattern.test(text))) muted++;
      else options.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    server.once('exit', (code) => finish(code ?? 1));

    const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        options.log(`Timed out after ${options.timeoutMs / 1000} s waiting for the tests to finish.`);
        resolve(1);
      }, options.timeoutMs);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (startup) options.log(['The suite never started. Workbench log:', ...startup].join('\n'));
    if (muted > 0) options.log(`(${muted} workbench log lines about the offline network muted; IDV_TEST_VERBOSE=1 shows them)`);
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    killGroup(server);
  }
}

function makeDirs(root: string) {
  const dirs = {
    userData: join(root, 'user-data'), serverData: join(root, 'server-data'), extensions: join(root, 'extensions'),
    home: join(root, 'home'), tmp: join(root, 'tmp'), xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'), xdgCache: join(root, 'xdg-cache'), chromium: join(root, 'chromium'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

/** Resolves with the port once the server says it listens; rejects if it dies or stalls. */
async function waitForPort(server: ChildProcess, timeoutMs: number): Promise<number> {
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
function killGroup(child: ChildProcess): void {
  // Even when the server itself has exited, children of its group may linger: kill the group.
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
