/**
 * `npm test`: every check and every test stage, in order, even after a failure, so that one
 * run shows everything that is wrong. Ends with one line counting all tests of all stages:
 *   Total: N passed, N failed, N skipped
 * Exit code 0 only when every stage passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const resultsDir = join(root, 'out', 'test-results');

interface Stage {
  readonly name: string;
  readonly command: readonly string[];
  /** Test stages write a counts file through test/countingReporter.ts; checks do not. */
  readonly counted: boolean;
}

const node = process.execPath;
const bin = (tool: string) => join(root, 'node_modules', '.bin', tool);
const STAGES: readonly Stage[] = [
  // First, before any step could rewrite a generated file: are the committed ones current?
  { name: 'generated', command: [node, 'src/build/generate.mjs', '--check'], counted: false },
  { name: 'lint', command: [bin('eslint'), '.'], counted: false },
  { name: 'types', command: [bin('tsc'), '--noEmit'], counted: false },
  { name: 'build', command: [node, 'src/build/build.mjs'], counted: false },
  { name: 'unit', command: [bin('mocha')], counted: true },
  // Every runnable server snippet built and run in its real runtime (test/snippets/install-runtimes.sh).
  { name: 'snippets', command: [bin('mocha'), '--no-config', '--reporter', './out/test/countingReporter.js', '--timeout', '600000', 'out/test/snippets/run.test.js'], counted: true },
  // `npm run package`, the README's install step, and what the .vsix holds.
  { name: 'package', command: [bin('mocha'), '--no-config', '--reporter', './out/test/countingReporter.js', 'out/test/package/package.test.js'], counted: true },
  { name: 'integration', command: [node, 'out/test/integration/runTests.js'], counted: true },
  // The installed extension in the real workbench, driven by mouse and keyboard (Playwright).
  { name: 'ui', command: [bin('mocha'), '--no-config', '--reporter', './out/test/countingReporter.js', '--timeout', '600000', 'out/test/ui/ui.test.js'], counted: true },
];

const only = process.argv.slice(2);
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const totals = { passes: 0, failures: 0, pending: 0 };
const lines: string[] = [];
let failed = false;

for (const stage of STAGES) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  console.log(`\n=== ${stage.name}: ${stage.command.map((c) => c.replace(`${root}/`, '')).join(' ')}`);
  const started = Date.now();
  const [command, ...args] = stage.command as [string, ...string[]];
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, IDV_TEST_RESULTS_DIR: resultsDir, IDV_TEST_STAGE: stage.name } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  failed ||= !ok;
  if (!stage.counted) {
    lines.push(`${stage.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
    if (!ok) totals.failures++;
    continue;
  }
  const file = join(resultsDir, `${stage.name}.json`);
  if (!existsSync(file)) {
    // The stage died before mocha finished: count it as one failure, never as nothing.
    totals.failures++;
    lines.push(`${stage.name}: FAILED before reporting any result (${seconds} s)`);
    continue;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8')) as typeof totals;
  totals.passes += counts.passes;
  totals.failures += counts.failures;
  totals.pending += counts.pending;
  if (!ok && counts.failures === 0) totals.failures++;
  lines.push(`${stage.name}: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped (${seconds} s)`);
}

console.log(`\n=== summary\n${lines.join('\n')}`);
console.log(`Total: ${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped`);
process.exitCode = failed ? 1 : 0;
