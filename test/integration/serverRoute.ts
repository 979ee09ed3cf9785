/**
 * Runs the integration suite in a real VS Code without VS Code desktop: the VS Code server from
 * code-server hosts the Node extension host, and headless Debian Chromium opens the web
 * workbench that starts it (shared/docs/real-vscode-tests.md). The suite reports its exit code
 * and console output back through the smoke-test driver's hooks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import type { ServerInstall } from './serverInstall';
import { extensionLogProblems, installExtension, isolatedEnv as isolate, killGroup, launchBrowser, makeDirs, remoteUri, spawnServer, waitForPort, workbenchUrl } from './vscodeServer';

/** Where the extension under test comes from. */
export type ExtensionSource =
  /** Loaded from the source folder, as F5 does. */
  | { readonly developmentPath: string }
  /**
   * Installed from the packaged .vsix, as a user gets it. `harnessPath` is an empty development
   * extension: VS Code runs an extensionTestsPath only in a window that has one.
   */
  | { readonly vsix: string; readonly id: string; readonly harnessPath: string };

export interface RunOptions {
  readonly install: ServerInstall;
  readonly extension: ExtensionSource;
  readonly extensionTestsPath: string;
  readonly workspace: string;
  /** A fresh temp folder for every data and profile folder of this run. */
  readonly tempDir: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  /** Workspace trust on, so the folder opens in Restricted Mode (see vscodeServer.ts). */
  readonly restricted?: boolean;
  /** `workspace` is a .code-workspace file rather than a folder. */
  readonly workspaceFile?: boolean;
  /** User settings of the window (over Restricted Mode's). */
  readonly settings?: Record<string, unknown>;
}

export interface RunResult {
  /** The suite's exit code (non-zero on failure, crash or timeout). */
  readonly code: number;
  /**
   * Warnings and errors the workbench logged about the installed extension (the Running
   * Extensions view's warning triangle); empty for a development path.
   */
  readonly extensionProblems: readonly string[];
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

/**
 * User settings of a Restricted Mode run: trust is on, and the folder stays untrusted without
 * the modal prompt (which nothing would answer).
 */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** Runs the suite. */
export async function runInServer(options: RunOptions): Promise<RunResult> {
  const dirs = makeDirs(options.tempDir);
  const isolatedEnv = isolate(dirs, options.env);
  if (options.restricted || options.settings) {
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    const settings = { ...(options.restricted ? RESTRICTED_SETTINGS : {}), ...options.settings };
    writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  }
  const source = options.extension;
  if ('vsix' in source) {
    const output = installExtension(options.install, dirs, isolatedEnv, source.vsix);
    if (!/successfully installed/.test(output)) throw new Error(`Installing ${source.vsix} failed:\n${output}`);
  }
  const server = spawnServer(options.install, dirs, isolatedEnv, { smokeTestDriver: true, workspaceTrust: options.restricted === true });
  // The workbench (browser side) validates contributions too: its console warnings about the
  // extension are what the Running Extensions view shows.
  const browserProblems: string[] = [];

  let browser: BrowserContext | undefined;
  try {
    const port = await waitForPort(server, 60_000);
    browser = await launchBrowser(dirs, isolatedEnv);
    const page = browser.pages()[0] ?? await browser.newPage();
    if ('id' in source) {
      page.on('console', (message) => {
        const text = message.text();
        if ((message.type() === 'warning' || message.type() === 'error') && text.toLowerCase().includes(source.id.toLowerCase())) browserProblems.push(`workbench: ${text}`);
      });
    }
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
      ['extensionDevelopmentPath', remoteUri(port, 'developmentPath' in source ? source.developmentPath : source.harnessPath)],
      ['extensionTestsPath', remoteUri(port, options.extensionTestsPath)],
    ], options.workspaceFile ? 'workspace' : 'folder');
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
    return { code, extensionProblems: 'id' in source ? [...browserProblems, ...extensionLogProblems(dirs, source.id)] : [] };
  } finally {
    await browser?.close().catch(() => undefined);
    killGroup(server);
  }
}
