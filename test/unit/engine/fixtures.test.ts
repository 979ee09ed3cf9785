import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../src/core/engine/index';
import { FIXTURES, filesBelow, linesOf, run } from './helpers';

/**
 * Each rule has test/fixtures/rules/<id>/true/** (files with findings, lines listed in
 * expected.json) and false/** (files that must give none). A fixture's lint path is its path
 * below true/ or false/, so `false/pages/api/hash.ts` is linted as `pages/api/hash.ts`.
 */
describe('engine: rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, 'rules', rule.id);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, number[]>;
      const trueFiles = filesBelow(join(dir, 'true'));
      const falseFiles = filesBelow(join(dir, 'false'));

      it('has true and false fixtures, and expected.json lists exactly the true ones', () => {
        assert.ok(trueFiles.length >= 5, `${trueFiles.length} true fixtures`);
        assert.ok(falseFiles.length >= 4, `${falseFiles.length} false fixtures`);
        assert.deepEqual(Object.keys(expected).sort(), trueFiles.map((f) => `true/${f}`));
      });

      for (const file of trueFiles) {
        it(`reports true/${file} on the expected lines`, () => {
          const findings = run(file, readFileSync(join(dir, 'true', file), 'utf8'));
          assert.deepEqual(linesOf(findings, rule.id), expected[`true/${file}`]);
        });
      }
      for (const file of falseFiles) {
        it(`does not report false/${file}`, () => {
          const findings = run(file, readFileSync(join(dir, 'false', file), 'utf8'));
          assert.deepEqual(linesOf(findings, rule.id), []);
        });
      }
    });
  }

  it('covers every language of the server snippet catalogue plus Swift, Objective-C and Dart for hardcoded-secret', () => {
    const files = filesBelow(join(FIXTURES, 'rules', 'hardcoded-secret', 'true'));
    for (const ext of ['.js', '.ts', '.py', '.rb', '.php', '.go', '.java', '.kt', '.cs', '.exs', '.ex', '.rs', '.pl', '.groovy', '.swift', '.m', '.dart',
      '.json', '.yml', '.yaml', '.toml', '.config', '.plist', '.xml', '.properties', '.env', '.gradle']) {
      assert.ok(files.some((f) => f.endsWith(ext)), `no true fixture ending in ${ext}`);
    }
    assert.ok(existsSync(join(FIXTURES, 'rules', 'hardcoded-secret', 'true', 'k8s', 'secret.yaml')));
  });
});
