import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, type LintContext } from '../../../src/core/engine/index';
import { FIXTURES, filesBelow, linesOf, loadAllGrammars, run, syntax } from './helpers';

/**
 * Each rule has test/fixtures/rules/<id>/true/** (files with findings, lines listed in
 * expected.json) and false/** (files that must give none). A fixture's lint path is its path
 * below true/ or false/, so `false/pages/api/hash.ts` is linted as `pages/api/hash.ts`.
 * Where the text scanner (all the ESLint plugin has) and the syntax facts differ, the entry
 * says so: `{ "facts": [8], "text": [] }`; a false/ file may appear with the text scanner's
 * known false alarms, `{ "text": [6] }`.
 */
type Expected = number[] | { readonly text?: number[]; readonly facts?: number[] };

function linesFor(expected: Expected | undefined, mode: 'text scanner' | 'syntax facts'): number[] {
  if (expected === undefined) return [];
  if (Array.isArray(expected)) return expected;
  return (mode === 'text scanner' ? expected.text : expected.facts) ?? [];
}
/**
 * Run twice: as the ESLint plugin runs the rules (the text scanner alone), and as the CLI and
 * the editor run them (with the syntax layer's facts for the languages it parses).
 */
for (const mode of ['text scanner', 'syntax facts'] as const) describe(`engine: rule fixtures (${mode})`, () => {
  const overrides: Partial<LintContext> = mode === 'syntax facts' ? { syntax } : {};
  before(async function () {
    this.timeout(60_000);
    if (mode === 'syntax facts') await loadAllGrammars();
  });
  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, 'rules', rule.id);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
      const trueFiles = filesBelow(join(dir, 'true'));
      const falseFiles = filesBelow(join(dir, 'false'));

      it('has true and false fixtures, and expected.json lists exactly the true ones', () => {
        assert.ok(trueFiles.length >= 5, `${trueFiles.length} true fixtures`);
        assert.ok(falseFiles.length >= 4, `${falseFiles.length} false fixtures`);
        assert.deepEqual(Object.keys(expected).filter((k) => k.startsWith('true/')).sort(), trueFiles.map((f) => `true/${f}`));
        for (const key of Object.keys(expected).filter((k) => !k.startsWith('true/'))) {
          assert.ok(key.startsWith('false/') && falseFiles.includes(key.slice(6)), `${key} in expected.json is no false/ fixture`);
          assert.ok(!Array.isArray(expected[key]) && (expected[key] as { facts?: unknown }).facts === undefined, `${key}: a false fixture may only list the text scanner's known false alarms`);
        }
      });

      for (const file of trueFiles) {
        it(`reports true/${file} on the expected lines`, () => {
          const findings = run(file, readFileSync(join(dir, 'true', file), 'utf8'), overrides);
          assert.deepEqual(linesOf(findings, rule.id), linesFor(expected[`true/${file}`], mode));
        });
      }
      for (const file of falseFiles) {
        it(`does not report false/${file}`, () => {
          const findings = run(file, readFileSync(join(dir, 'false', file), 'utf8'), overrides);
          assert.deepEqual(linesOf(findings, rule.id), linesFor(expected[`false/${file}`], mode));
        });
      }
    });
  }

  if (mode === 'text scanner') it('covers every language of the server snippet catalogue plus Swift, Objective-C and Dart for hardcoded-secret', () => {
    const files = filesBelow(join(FIXTURES, 'rules', 'hardcoded-secret', 'true'));
    for (const ext of ['.js', '.ts', '.py', '.rb', '.php', '.go', '.java', '.kt', '.cs', '.exs', '.ex', '.rs', '.pl', '.groovy', '.swift', '.m', '.dart',
      '.json', '.yml', '.yaml', '.toml', '.config', '.plist', '.xml', '.properties', '.env', '.gradle']) {
      assert.ok(files.some((f) => f.endsWith(ext)), `no true fixture ending in ${ext}`);
    }
    assert.ok(existsSync(join(FIXTURES, 'rules', 'hardcoded-secret', 'true', 'k8s', 'secret.yaml')));
  });
});
