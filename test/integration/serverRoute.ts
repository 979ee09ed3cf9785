/**
 * Runs the integration suite in a real VS Code without VS Code desktop: the VS Code server from
 * code-server hosts the Node extension host, and headless Debian Chromium opens the web
 * workbench that starts it (shared/docs/real-vscode-tests.md). The suite reports its exit code
 * and console output back through the smoke-test driver's hooks.
 */
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import type { ServerInstall } from './serverInstall';
import { isolatedEnv as isolate, killGroup, launchBrowser, makeDirs, remoteUri, spawnServer, waitForPort, workbenchUrl } from './vscodeServer';

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
  const isolatedEnv = isolate(dirs, options.env);
  const server = spawnServer(options.install, dirs, isolatedEnv, true);

  let browser: BrowserContext | undefined;
  try {
    const port = await waitForPort(server, 60_000);
    browser = await launchBrowser(dirs, isolatedEnv);
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

    const url = workbenchUrl(port, options.workspace, [
      ['extensionDevelopmentPath', remoteUri(port, options.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(port, options.extensionTestsPath)],
    ]);
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
