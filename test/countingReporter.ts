/**
 * Mocha's spec reporter, plus a small JSON file of the counts for the closing
 * `N passed, N failed` line that test/runAll.ts prints over every stage. Used by the unit
 * tests (.mocharc.json) and inside the VS Code extension host alike.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const dir = process.env.IDV_TEST_RESULTS_DIR;
    const stage = process.env.IDV_TEST_STAGE ?? 'unit';
    if (!dir) return;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${stage}.json`), JSON.stringify({ passes, failures, pending }));
    });
  }
}

export = CountingReporter;
