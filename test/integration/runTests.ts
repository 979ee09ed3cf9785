/**
 * Launches the integration suite in a real VS Code extension host.
 *   IDV_TEST_VSCODE=server  (default) VS Code server from the npm package code-server + headless
 *                           Chromium: works on machines that reach only the npm registry.
 *   IDV_TEST_VSCODE=desktop @vscode/test-electron downloads VS Code desktop and runs it, as on
 *                           a contributor's laptop.
 * Prints the suite's output, the VS Code version, and exits with the suite's code. Every data
 * folder lives in one temp folder that is removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeRepository } from './fixtureWorkspace';
import { ensureServer } from './serverInstall';
import { runInServer } from './serverRoute';

const root = resolve(__dirname, '..', '..', '..');
const extensionTestsPath = resolve(__dirname, 'suite', 'index.js');
const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');
const log = (line: string) => console.log(line);

async function main(): Promise<number> {
  const route = process.env.IDV_TEST_VSCODE ?? 'server';
  const tempDir = mkdtempSync(join(tmpdir(), 'idv-vscode-'));
  // A secret made for this run only: the suite stores and uses it through every secret-handling
  // command, then both the suite and this runner look for it in everything written to disk.
  const leakProbe = `idv-probe-${randomBytes(12).toString('hex')}`;
  const workspace = join(tempDir, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  makeRepository(workspace);
  const env = { IDV_TEST_LEAK_PROBE: leakProbe, IDV_TEST_SCAN_DIRS: tempDir, IDV_TEST_WORKSPACE: workspace };
  try {
    let code: number;
    if (route === 'desktop') {
      const { runTests } = await import('@vscode/test-electron');
      code = await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath,
        launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(tempDir, 'user-data')}`],
        extensionTestsEnv: env,
      }).catch((error: unknown) => {
        log(String(error));
        return 1;
      });
    } else if (route === 'server') {
      const install = ensureServer(join(root, '.vscode-test'), log);
      code = await runInServer({
        install, extensionDevelopmentPath: root, extensionTestsPath, workspace, tempDir, env, log,
        timeoutMs: Number(process.env.IDV_TEST_TIMEOUT_MS ?? 300_000),
      });
    } else {
      log(`IDV_TEST_VSCODE must be "server" or "desktop", not "${route}".`);
      return 2;
    }
    const leaks = findProbe(tempDir, leakProbe, join(tempDir, 'chromium'));
    if (leaks.length > 0) {
      log(`The test secret was written to disk outside SecretStorage: ${leaks.join(', ')}`);
      return 1;
    }
    return code;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * Files under `dir` containing `probe`. The browser profile is skipped: in the web workbench
 * that is where SecretStorage itself keeps secrets, which is where they belong.
 */
function findProbe(dir: string, probe: string, skip: string): string[] {
  const hits: string[] = [];
  const walk = (path: string) => {
    if (path === skip) return;
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
