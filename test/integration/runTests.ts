/**
 * Launches the integration suite in a real VS Code extension host.
 *   IDV_TEST_VSCODE=server  (default) VS Code server from the npm package code-server + headless
 *                           Chromium: works on machines that reach only the npm registry. The
 *                           extension is packaged (vsce package) and installed from the .vsix,
 *                           as a user gets it; the suite runs in four passes (PASSES): a trusted
 *                           folder, Restricted Mode, a multi-root workspace, and the browser
 *                           bundle in the workbench's web worker host.
 *                           IDV_TEST_EXTENSION=source loads the source folder instead (its
 *                           dist/, so `npm run build` first; quicker while working on a test,
 *                           with IDV_TEST_GREP=<title words> to run only some; npm test never does).
 *   IDV_TEST_VSCODE=desktop @vscode/test-electron downloads VS Code desktop and runs the suite
 *                           on the source folder, as on a contributor's laptop.
 * Prints the suite's output, the VS Code version, and exits with the suite's code. Every data
 * folder lives in one temp folder that is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeRepository } from './fixtureWorkspace';
import { ensureServer } from './serverInstall';
import { runInServer, type ExtensionSource } from './serverRoute';

const root = resolve(__dirname, '..', '..', '..');
const extensionTestsPath = resolve(__dirname, 'suite', 'index.js');
const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');
const log = (line: string) => console.log(line);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publisher: string; name: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;

/**
 * One run of the suite in one window. VS Code runs an extensionTestsPath only in a window with a
 * development extension: a harness extension is that, so the extension under test can be the
 * installed copy. The trusted pass's harness also defines Elixir, Kotlin and Vue, as a user's
 * language extensions would; the restricted pass's defines nothing, so the log check there sees
 * any contribution that stock VS Code rejects.
 */
interface Pass {
  readonly name: 'trusted' | 'restricted' | 'multiRoot' | 'web';
  readonly restricted: boolean;
  readonly harness: 'languages' | 'empty';
  /** Opens a multi-root workspace of two copies of the fixture, each with its own .idvrc.json. */
  readonly multiRoot?: boolean;
  /** User settings of the window. */
  readonly settings?: Record<string, unknown>;
}
const PASSES: readonly Pass[] = [
  { name: 'trusted', restricted: false, harness: 'languages' },
  { name: 'restricted', restricted: true, harness: 'empty' },
  { name: 'multiRoot', restricted: false, harness: 'empty', multiRoot: true },
  // The installed extension run by the workbench's web worker extension host from its `browser`
  // bundle, as in vscode.dev: the setting makes VS Code pick that host (package.json's
  // extensionKind would pick the server's Node host, as it does in a Codespace).
  { name: 'web', restricted: false, harness: 'empty', settings: { 'remote.extensionKind': { [extensionId]: ['web'] } } },
];

/** The two folders of the multiRoot pass and their configurations (multiRoot.test.ts reads the same names). */
const MULTI_ROOT_CONFIGS: Record<string, unknown> = {
  alpha: { rules: { 'hardcoded-secret': 'error' } },
  beta: { rules: { 'hardcoded-secret': 'info' } },
};

async function main(): Promise<number> {
  const route = process.env.IDV_TEST_VSCODE ?? 'server';
  const tempDir = mkdtempSync(join(tmpdir(), 'idv-vscode-'));
  // A secret made for this run only: the suite stores and uses it through every secret-handling
  // command, then both the suite and this runner look for it in everything written to disk.
  const leakProbe = `idv-probe-${randomBytes(12).toString('hex')}`;
  const baseEnv = { IDV_TEST_LEAK_PROBE: leakProbe, IDV_TEST_SCAN_DIRS: tempDir };
  try {
    let code: number;
    if (route === 'desktop') {
      const workspace = makeWorkspace(tempDir, 'workspace');
      const { runTests } = await import('@vscode/test-electron');
      code = await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath,
        launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(tempDir, 'user-data')}`],
        extensionTestsEnv: { ...baseEnv, IDV_TEST_WORKSPACE: workspace, IDV_TEST_PASS: 'trusted' },
      }).catch((error: unknown) => {
        log(String(error));
        return 1;
      });
    } else if (route === 'server') {
      const install = ensureServer(join(root, '.vscode-test'), log);
      const vsix = process.env.IDV_TEST_EXTENSION === 'source' ? undefined : packageVsix(tempDir);
      code = 0;
      const ran: Pass[] = [];
      for (const pass of PASSES) {
        // The web pass needs the installed copy: a development extension moved to the web worker
        // would take the test runner with it, and mocha needs the Node host.
        if (pass.name === 'web' && !vsix) {
          log('\n--- web pass skipped: it needs the packaged extension (IDV_TEST_EXTENSION=source loads the source folder as the development extension)');
          continue;
        }
        const extension: ExtensionSource = vsix ? { vsix, id: extensionId, harnessPath: join(root, 'test', 'integration', 'harness', pass.harness) } : { developmentPath: root };
        log(`\n--- ${pass.name} folder, extension ${vsix ? 'installed from the .vsix' : 'from the source folder'}`);
        ran.push(pass);
        code = Math.max(code, await runPass(pass, install, extension, tempDir, baseEnv));
      }
      mergeCounts(ran);
    } else {
      log(`IDV_TEST_VSCODE must be "server" or "desktop", not "${route}".`);
      return 2;
    }
    const leaks = findProbe(tempDir, leakProbe, (path) => path.endsWith('/chromium'));
    if (leaks.length > 0) {
      log(`The test secret was written to disk outside SecretStorage: ${leaks.join(', ')}`);
      return 1;
    }
    return code;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** A fresh copy of the fixture workspace, made a git repository. */
function makeWorkspace(tempDir: string, name: string): string {
  const workspace = join(tempDir, name);
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  makeRepository(workspace);
  return workspace;
}

/**
 * A multi-root workspace: a copy of the fixture per folder of MULTI_ROOT_CONFIGS, each with its
 * own .idvrc.json, and the .code-workspace file that opens them together. Returns that file.
 */
function makeMultiRoot(passDir: string): string {
  const names = Object.keys(MULTI_ROOT_CONFIGS);
  for (const name of names) {
    const folder = makeWorkspace(passDir, name);
    writeFileSync(join(folder, '.idvrc.json'), `${JSON.stringify(MULTI_ROOT_CONFIGS[name], null, 2)}\n`);
  }
  const file = join(passDir, 'two-folders.code-workspace');
  writeFileSync(file, `${JSON.stringify({ folders: names.map((path) => ({ path })), settings: { 'files.autoSave': 'off' } }, null, 2)}\n`);
  return file;
}

/** `vsce package` as `npm run package` runs it, into the temp folder: never a stale .vsix. */
function packageVsix(tempDir: string): string {
  const out = join(tempDir, `${manifest.name}.vsix`);
  const started = Date.now();
  execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  log(`Packaged ${extensionId} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return out;
}

async function runPass(pass: Pass, install: ReturnType<typeof ensureServer>, extension: ExtensionSource, tempDir: string, baseEnv: Record<string, string>): Promise<number> {
  const passDir = join(tempDir, pass.name);
  mkdirSync(passDir);
  const workspace = pass.multiRoot ? makeMultiRoot(passDir) : makeWorkspace(passDir, 'workspace');
  const { code, extensionProblems } = await runInServer({
    install, extension, extensionTestsPath, workspace, tempDir: passDir, log, restricted: pass.restricted,
    ...(pass.multiRoot ? { workspaceFile: true } : {}), ...(pass.settings ? { settings: pass.settings } : {}),
    env: { ...baseEnv, IDV_TEST_WORKSPACE: workspace, IDV_TEST_PASS: pass.name, IDV_TEST_API: '1' },
    // A guard against a hung workbench, not a speed check: a quiet machine runs the pass in about
    // 3 minutes, and one shared with other work (load 16 here) took over 5, so 20 minutes.
    timeoutMs: Number(process.env.IDV_TEST_TIMEOUT_MS ?? 1_200_000),
  });
  if (extensionProblems.length > 0) {
    log(`The workbench reported problems with the installed extension (a warning in Running Extensions):\n${extensionProblems.join('\n')}`);
    return Math.max(code, 1);
  }
  if ('vsix' in extension) log(`No warning or error about ${extensionId} in the workbench's and the extension host's logs.`);
  return code;
}

/** Each pass counted its tests in integration-<pass>.json; runAll reads one integration.json. */
function mergeCounts(ran: readonly Pass[]): void {
  const dir = process.env.IDV_TEST_RESULTS_DIR;
  if (!dir || !existsSync(dir)) return;
  const total = { passes: 0, failures: 0, pending: 0 };
  for (const pass of ran) {
    const file = join(dir, `integration-${pass.name}.json`);
    if (!existsSync(file)) {
      total.failures++; // the pass died before mocha finished
      continue;
    }
    const counts = JSON.parse(readFileSync(file, 'utf8')) as typeof total;
    total.passes += counts.passes;
    total.failures += counts.failures;
    total.pending += counts.pending;
  }
  writeFileSync(join(dir, 'integration.json'), JSON.stringify(total));
}

/**
 * Files under `dir` containing `probe`. Browser profiles are skipped: in the web workbench
 * that is where SecretStorage itself keeps secrets, which is where they belong.
 */
function findProbe(dir: string, probe: string, skip: (path: string) => boolean): string[] {
  const hits: string[] = [];
  const walk = (path: string) => {
    if (skip(path)) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile() && stat.size < 50_000_000 && readFileSync(path).includes(probe)) {
      hits.push(path);
    }
  };
  walk(dir);
  return hits;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
