import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG, lint, type FactsSource } from '../../src/core/engine/index';
import { findInstallations } from '../../src/core/install/index';
import { syntaxLanguageOf } from '../../src/core/syntax/index';
import { loadAllGrammars, syntax } from './engine/helpers';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

interface Fixture {
  /** The path the fixture is linted and checked as. */
  readonly path: string;
  /** As shown in a difference: its path below test/fixtures. */
  readonly shown: string;
  readonly text: string;
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name !== 'expected.json') yield p;
  }
}

function* fixtures(): Generator<Fixture> {
  for (const root of ['rules', 'install', 'project', 'workspace']) {
    for (const abs of files(join(FIXTURES, root))) {
      // A rule fixture's lint path is its path below true/ or false/.
      const path = relative(join(FIXTURES, root), abs).split(sep).join('/').replace(/^[^/]+\/(?:true|false)\//, '');
      yield { path, shown: relative(FIXTURES, abs).split(sep).join('/'), text: readFileSync(abs, 'utf8') };
    }
  }
}

/**
 * The calls `idv scan` reports under missing-user-hash and the ones `idv check` lists as
 * identifying a user without a hash, by line, each given `syntax` as the CLI gives it (or not).
 * Calls whose settings cannot be read (`unresolved`) are named by neither, nor is a mobile
 * setter called after the login (that finding is about order, not a missing proof).
 */
function compare(fixture: Fixture, facts: FactsSource | undefined, differences: string[]): number {
  const { path, shown, text } = fixture;
  const withSyntax = facts ? { syntax: facts } : {};
  // A proof set after the login is sent, only too late: no call without a hash to compare.
  const scan = new Set(lint(text, { path, committed: true, config: DEFAULT_CONFIG, ...withSyntax })
    .filter((f) => f.ruleId === 'missing-user-hash' && f.data?.['order'] !== 'proof-after-login').map((f) => f.range.start.line + 1));
  const check = new Set(findInstallations(text, path, undefined, withSyntax).filter((i) => i.identifiers.length > 0 && !i.sendsHash && i.unresolved !== true).map((i) => i.line));
  let agreed = 0;
  for (const line of scan) if (check.has(line)) agreed++; else differences.push(`${shown}:${line} only idv scan`);
  for (const line of check) if (!scan.has(line)) differences.push(`${shown}:${line} only idv check`);
  return agreed;
}

describe('install: idv check and idv scan agree', () => {
  before(async function () {
    this.timeout(60_000);
    await loadAllGrammars();
  });

  it('on every call in the fixtures, both reading syntax facts as the CLI and the editor do', () => {
    const differences: string[] = [];
    let agreed = 0;
    for (const fixture of fixtures()) agreed += compare(fixture, syntax, differences);
    assert.deepEqual(differences, []);
    assert.ok(agreed >= 25, `${agreed} calls agreed on`);
  });

  it('on every call in the fixtures without a grammar, both reading text', () => {
    const differences: string[] = [];
    let agreed = 0;
    for (const fixture of fixtures()) if (syntaxLanguageOf(fixture.path) === undefined) agreed += compare(fixture, undefined, differences);
    assert.deepEqual(differences, []);
    assert.ok(agreed >= 6, `${agreed} calls agreed on`);
  });
});
