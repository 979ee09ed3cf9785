import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { applyFixes, DEFAULT_CONFIG, parseConfig, RULES, shouldSkip } from '../../../src/core/engine/index';
import { REPO, run } from './helpers';

const SECRET = 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5';

describe('engine: suppression comments', () => {
  const line = `INTERCOM_SECRET = "${SECRET}"`;
  it('idv-disable-next-line with the rule id, in several comment syntaxes', () => {
    for (const [path, comment] of [['a.js', '// idv-disable-next-line hardcoded-secret'], ['a.py', '# idv-disable-next-line hardcoded-secret'],
      ['a.html', '<!-- idv-disable-next-line hardcoded-secret -->'], ['a.css', '/* idv-disable-next-line hardcoded-secret */'], ['a.erb', '<%# idv-disable-next-line hardcoded-secret %>']]) {
      assert.deepEqual(run(path as string, `${comment}\n${line}`), [], path);
    }
  });
  it('idv-disable-line, with or without ids; other ids and typos suppress nothing', () => {
    assert.deepEqual(run('a.js', `${line} // idv-disable-line`), []);
    assert.deepEqual(run('a.js', `${line} // idv-disable-line hardcoded-secret, missing-user-hash`), []);
    assert.equal(run('a.js', `${line} // idv-disable-line missing-user-hash`).length, 1);
    assert.equal(run('a.js', `${line} // idv-disable-line hardcoded-secrte`).length, 1);
    assert.equal(run('a.js', `// idv-disable-next-line\n\n${line}`).length, 1);
  });
});

describe('engine: config', () => {
  it('parses JSON with comments and applies severities, globs and limits', () => {
    const { config, errors } = parseConfig(`{
      // comments are fine
      "rules": { "missing-user-hash": "off", "hardcoded-secret": "warning" },
      "ignore": ["legacy/**"], "maxFileSizeBytes": 1000,
    }`);
    assert.deepEqual(errors, []);
    assert.equal(config.rules['missing-user-hash'], 'off');
    assert.equal(run('a.js', `const INTERCOM_SECRET = "${SECRET}";`, { config })[0]?.severity, 'warning');
    assert.deepEqual(run('legacy/a.js', `const INTERCOM_SECRET = "${SECRET}";`, { config }), []);
    assert.deepEqual(run('a.js', "Beacon('identify', { email: e });", { config }), []);
    assert.equal(config.maxFileSizeBytes, 1000);
  });
  it('explains bad config and falls back to defaults without throwing', () => {
    assert.deepEqual(parseConfig('').errors, []);
    const broken = parseConfig('{ "rules": { ');
    assert.match(broken.errors[0] ?? '', /^line 1: /);
    assert.equal(broken.config, DEFAULT_CONFIG);
    const wrong = parseConfig('{ "rules": { "nope": "error", "hardcoded-secret": "loud" }, "ignore": "x", "extra": 1, "maxFileSizeBytes": -1 }');
    assert.deepEqual(wrong.errors.map((e) => e.split(/[:(]/)[0]?.trim()), ['rules', 'rules.hardcoded-secret', '"ignore" must be an array of non-empty strings', 'unknown key "extra"', '"maxFileSizeBytes" must be a whole number of bytes from 1 to 536870912']);
    // Each problem points at its key in the text, for the editor's diagnostics.
    const text = '{ "rules": { "nope": "error" } }';
    const [p] = parseConfig(text).problems;
    assert.equal(text.slice(p?.offset, (p?.offset ?? 0) + (p?.length ?? 0)), '"nope"');
    assert.equal(wrong.config.rules['hardcoded-secret'], 'error');
    assert.equal(parseConfig('[1]').errors[0], 'the file must contain a JSON object');
  });
  it('has a JSON schema that knows every rule and accepts the defaults', () => {
    const schema = JSON.parse(readFileSync(join(REPO, 'src', 'core', 'engine', 'config.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((r) => r.id).sort());
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(JSON.parse(JSON.stringify(DEFAULT_CONFIG))), JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'hardcoded-secret': 'loud' } }), false);
  });
});

describe('engine: rule metadata', () => {
  it('documents every rule: what, why, fix, suppress', () => {
    assert.equal(RULES.length, 6);
    for (const r of RULES) {
      for (const key of ['what', 'why', 'fix', 'suppress'] as const) assert.ok(r.docs[key].length > 40, `${r.id}.docs.${key}`);
      assert.ok(['info', 'warning', 'error'].includes(r.defaultSeverity));
    }
  });
});

describe('engine: applyFixes', () => {
  it('applies non-overlapping fixes from the end and skips overlapping ones', () => {
    const text = 'aaa bbb ccc';
    assert.equal(applyFixes(text, [{ range: { start: 0, end: 3 }, text: 'X' }, { range: { start: 8, end: 11 }, text: 'Z' }]), 'X bbb Z');
    assert.equal(applyFixes(text, [{ range: { start: 0, end: 5 }, text: 'X' }, { range: { start: 4, end: 7 }, text: 'Y' }]), 'aaa Y ccc');
    assert.equal(applyFixes(text, [{ range: { start: 5, end: 50 }, text: 'bad' }]), text);
  });
});

describe('engine: shouldSkip', () => {
  it('gives a reason for lock files, checksums, binaries and oversized files, and lints minified code', () => {
    assert.match(shouldSkip('a/package-lock.json', 10) ?? '', /^lock file/);
    assert.match(shouldSkip('node_modules/.package-lock.json', 10) ?? '', /^lock file/);
    assert.match(shouldSkip('Gemfile.lock', 10) ?? '', /^lock file/);
    assert.match(shouldSkip('SHA256SUMS', 10) ?? '', /^checksum/);
    assert.equal(shouldSkip('logo.png', 10), 'binary file (.png)');
    assert.equal(shouldSkip('data.txt', 10, Buffer.from([65, 0, 66])), 'binary content');
    // Minified code is read: the rules bound their work per line, and a secret can hide in it.
    assert.equal(shouldSkip('app.min.js', 10), undefined);
    assert.equal(shouldSkip('bundle.js', 10_000, Buffer.alloc(8192, 97)), undefined);
    assert.match(shouldSkip('big.js', 3 * 1024 * 1024) ?? '', /over 2 MB .*maxFileSizeBytes/);
    assert.equal(shouldSkip('big.js', 3 * 1024 * 1024, undefined, 4 * 1024 * 1024), undefined);
    assert.equal(shouldSkip('src/app.ts', 100, Buffer.from('const a = 1;\n')), undefined);
  });
});
