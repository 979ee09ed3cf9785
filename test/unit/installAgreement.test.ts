import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG, lint } from '../../src/core/engine/index';
import { findInstallations } from '../../src/core/install/index';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

/**
 * `idv scan` (missing-user-hash) and `idv check` (an installation that identifies a user and
 * sends no hash) read one table of identify calls, so on every fixture they must name the same
 * calls. One difference is by design: settings spread from elsewhere (`{ ...server, user_id }`)
 * are not judged by the rule, while the check must answer yes or no.
 */
const BY_DESIGN = new Set(['rules/missing-user-hash/false/src/spread.js']);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name !== 'expected.json') yield p;
  }
}

describe('install: idv check and idv scan agree', () => {
  it('on every call in the fixtures', () => {
    const differences: string[] = [];
    let agreed = 0;
    for (const root of ['rules', 'install', 'project', 'workspace']) {
      for (const abs of files(join(FIXTURES, root))) {
        const shown = relative(FIXTURES, abs).split(sep).join('/');
        if (BY_DESIGN.has(shown)) continue;
        // A rule fixture's lint path is its path below true/ or false/.
        const path = relative(join(FIXTURES, root), abs).split(sep).join('/').replace(/^[^/]+\/(?:true|false)\//, '');
        const text = readFileSync(abs, 'utf8');
        const scan = new Set(lint(text, { path, committed: true, config: DEFAULT_CONFIG }).filter((f) => f.ruleId === 'missing-user-hash').map((f) => f.range.start.line + 1));
        const check = new Set(findInstallations(text, path).filter((i) => i.identifiers.length > 0 && !i.sendsHash).map((i) => i.line));
        for (const line of scan) if (check.has(line)) agreed++; else differences.push(`${shown}:${line} only idv scan`);
        for (const line of check) if (!scan.has(line)) differences.push(`${shown}:${line} only idv check`);
      }
    }
    assert.deepEqual(differences, []);
    assert.ok(agreed >= 25, `${agreed} calls agreed on`);
  });
});
