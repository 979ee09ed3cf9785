/**
 * Entry point VS Code loads in the extension host (`--extensionTestsPath`): runs every
 * `*.test.js` beside this file with mocha and reports failures through the returned promise.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import CountingReporter from '../../countingReporter';

/** Called by VS Code's test runner; rejects when any test fails. */
export async function run(): Promise<void> {
  console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} workbench, extension host on Node ${process.versions.node})`);
  // Each pass (runTests.ts) counts its tests in a file of its own; the runner adds them up.
  const pass = process.env.IDV_TEST_PASS ?? 'trusted';
  process.env.IDV_TEST_STAGE = `integration-${pass}`;
  // IDV_TEST_GREP runs only the tests whose title matches (while working on one test).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180_000, reporter: CountingReporter, ...(process.env.IDV_TEST_GREP ? { grep: process.env.IDV_TEST_GREP } : {}) });
  // The other passes run only the tests written for them; the trusted pass all others.
  const own: Record<string, string> = { restricted: 'restricted.test.js', multiRoot: 'multiRoot.test.js', web: 'web.test.js' };
  const inPass = (name: string) => (pass === 'trusted' ? !Object.values(own).includes(name) : own[pass] === name);
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js') && inPass(name)) mocha.addFile(join(__dirname, name));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
