/**
 * The generated .idvrc.json schema is what reports a mistake in the editor (the extension adds
 * no copy of its own), so it must reject exactly what parseConfig rejects, apart from the
 * problems parseConfig marks beyondSchema (which the extension reports itself).
 */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { DEFAULT_CONFIG, parseConfig, RULES } from '../../src/core/engine/index';
import { configSchema } from '../../src/core/engine/configSchema';

const CASES: readonly string[] = [
  '{}',
  JSON.stringify(DEFAULT_CONFIG),
  '{ "$schema": "./node_modules/identity-verification-kit/dist/idvrc.schema.json" }',
  '{ "rules": { "missing-user-hash": "off", "hardcoded-secret": "warning" } }',
  '{ "rules": { "hardcoded-secret": "loud" } }',
  '{ "rules": { "hardcoded-secret": 2 } }',
  '{ "rules": { "no-such-rule": "error" } }',
  '{ "rules": [] }',
  '{ "rules": "off" }',
  '{ "ignore": ["docs/**"], "clientGlobs": ["web/**"], "serverGlobs": ["api/**"], "secretNamePatterns": ["*_PEPPER"] }',
  '{ "ignore": "docs/**" }',
  '{ "ignore": [""] }',
  '{ "clientGlobs": [1] }',
  '{ "serverGlobs": {} }',
  '{ "secretNamePatterns": [null] }',
  '{ "maxFileSizeBytes": 1000 }',
  '{ "maxFileSizeBytes": 0 }',
  '{ "maxFileSizeBytes": -5 }',
  '{ "maxFileSizeBytes": 1.5 }',
  '{ "maxFileSizeBytes": "2MB" }',
  '{ "maxFileSizeBytes": 536870913 }',
  '{ "rules": { "missing-user-hash": "warn" } }',
  `{ "ignore": ["${'a'.repeat(1001)}"] }`,
  `{ "ignore": ${JSON.stringify(Array.from({ length: 501 }, (_, i) => `dir${i}/**`))} }`,
  '\ufeff{ "ignore": ["docs/**"] }',
  '{ "extra": true }',
  '{ "Rules": {} }',
  '[1]',
  '"text"',
  // JSON with comments and trailing commas, as the editor and the CLI accept it.
  '{ // a comment\n "rules": { "client-side-hmac": "info", }, }',
  ...RULES.map((r) => `{ "rules": { "${r.id}": "error" } }`),
];

describe('.idvrc.json schema', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(configSchema());

  it('rejects exactly what parseConfig rejects, except what only parseConfig can check', () => {
    for (const text of CASES) {
      const parsed: unknown = parse(text.replace(/^\ufeff/, ''), [], { allowTrailingComma: true });
      const schemaOk = validate(parsed);
      const problems = parseConfig(text).problems.filter((p) => !p.beyondSchema);
      assert.equal(schemaOk, problems.length === 0, `${text.slice(0, 200)}\nparseConfig: ${JSON.stringify(problems.map((p) => p.message))}\nschema: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('leaves to parseConfig only checks a schema cannot express: name patterns the pre-filter cannot use', () => {
    for (const text of ['{ "secretNamePatterns": ["*"] }', '{ "secretNamePatterns": ["!FOO_SECRET"] }']) {
      assert.equal(validate(parse(text)), true, text);
      const problems = parseConfig(text).problems;
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0]?.beyondSchema, true, text);
    }
  });

  it('lets VS Code accept comments and trailing commas, as parseConfig does', () => {
    assert.equal(configSchema().allowTrailingCommas, true);
  });
});
