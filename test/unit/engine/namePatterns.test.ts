import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { compileNamePatterns, requiredLiterals } from '../../../src/core/engine/namePatterns';
import { rng } from './helpers';

/**
 * The pre-filter may skip a file only when no name in it can match: every name a pattern
 * matches must contain one of the pattern's needles, ignoring case. Checked on random names
 * built from the patterns' own pieces, so that matches are frequent.
 */
const PATTERNS = ['*_PEPPER', '{FOO,BAR}_PEPPER', '@(db|app)_salt', 'x?_SIGNATURE_*', 'MESSENGER_KEY', '[Mm]y_*_secret_sauce', '{A{B,C}D,XYZ}_KEY', '(one|two)_token', 'pre\\*fix*', '*.hmac.key'];
const PIECES = ['_', 'PEPPER', 'pepper', 'Pepper', 'FOO', 'foo', 'BAR', 'db', 'DB', 'app', '_salt', '_SALT', 'x', '1', '_SIGNATURE_', 'MESSENGER', 'KEY', 'key', 'My', 'my', 'secret', 'sauce', 'ABD', 'ACD', 'XYZ', 'one', 'two', 'token', 'pre*fix', '.hmac', '.key', 'a'];

describe('engine: secretNamePatterns', () => {
  it('every name a pattern matches contains one of its needles, ignoring case', () => {
    const next = rng(99);
    let matched = 0;
    for (const pattern of PATTERNS) {
      const compiled = compileNamePatterns([pattern]);
      assert.deepEqual(compiled.errors, [], pattern);
      const isMatch = picomatch(pattern, { nocase: true, dot: true });
      for (let i = 0; i < 40_000; i++) {
        let name = '';
        const parts = 1 + Math.floor(next() * 5);
        for (let p = 0; p < parts; p++) name += PIECES[Math.floor(next() * PIECES.length)];
        if (!isMatch(name)) continue;
        matched++;
        assert.ok(compiled.matches(name), `${pattern} ~ ${name}`);
        assert.ok(compiled.needles.some((n) => name.toLowerCase().includes(n)), `${pattern} matched ${name}, which holds none of ${compiled.needles.join(', ')}`);
        assert.ok(compiled.occursIn(`x = ${name};`), name);
      }
    }
    assert.ok(matched > 1000, `${matched} matching names tried`);
  });

  it('takes the longest plain run, else each alternative of a group', () => {
    assert.deepEqual(requiredLiterals('*_PEPPER'), ['_PEPPER']);
    assert.deepEqual(requiredLiterals('{FOO,BAR}_PEPPER'), ['_PEPPER']);
    assert.deepEqual(requiredLiterals('{FOO,BAR}_X'), ['FOO', 'BAR']);
    assert.deepEqual(requiredLiterals('@(dbx|app)_s'), ['dbx', 'app']);
    assert.equal(requiredLiterals('@(db|app)_s'), undefined, 'db is too short to search for');
    assert.equal(requiredLiterals('*'), undefined);
    assert.equal(requiredLiterals('{1..3}_x'), undefined);
    assert.equal(requiredLiterals('!(foo)_x'), undefined);
  });

  it('rejects what it cannot search for, naming the pattern', () => {
    assert.match(compileNamePatterns(['*']).errors[0] ?? '', /"\*" has no run of 3/);
    assert.match(compileNamePatterns(['!SECRET']).errors[0] ?? '', /negated patterns are not supported/);
  });
});
