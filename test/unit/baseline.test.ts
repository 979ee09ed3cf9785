/** The baseline model (src/core/baseline): fingerprints, the file format, matching, update and prune. */
import * as assert from 'node:assert/strict';
import { BaselineError, createBaseline, findingSubject, fingerprint, matchBaseline, newKey, parseBaseline, pruneBaseline, serializeBaseline, updateBaseline, type Baseline, type BaselineEntry } from '../../src/core/baseline/index';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const SECRET = 'a8f5f167f44f4964e6c998dee827110c';

/** The subject of the first occurrence of `needle` in `text` (a one-line range, as the rules give). */
function subjectAt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  const line = text.slice(0, at).split(/\r\n|\r|\n/).length - 1;
  const column = at - Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) - 1;
  return findingSubject(text, { start: { line, column }, end: { line, column: column + needle.length } });
}

function entry(file: string, fp: string, note?: string): BaselineEntry {
  return { rule: 'hardcoded-secret', file, fingerprint: fp.padEnd(32, '0'), ...(note !== undefined ? { note } : {}) };
}

describe('baseline: fingerprints', () => {
  it('are 32 hex characters that depend on the key, the rule, the file and the subject, and on nothing else', () => {
    const fp = fingerprint(KEY, 'hardcoded-secret', 'server/config.js', SECRET);
    assert.match(fp, /^[0-9a-f]{32}$/);
    assert.equal(fingerprint(KEY, 'hardcoded-secret', 'server/config.js', SECRET), fp, 'the same input gives the same fingerprint');
    const others = [
      fingerprint(newKey(), 'hardcoded-secret', 'server/config.js', SECRET),
      fingerprint(KEY, 'client-side-hmac', 'server/config.js', SECRET),
      fingerprint(KEY, 'hardcoded-secret', 'server/other.js', SECRET),
      fingerprint(KEY, 'hardcoded-secret', 'server/config.js', `${SECRET.slice(0, -1)}d`),
      // The fields cannot run into each other: moving a character across the separator changes it.
      fingerprint(KEY, 'hardcoded-secret', 'server/config.j', `s${SECRET}`),
    ];
    assert.equal(new Set([fp, ...others]).size, others.length + 1);
    assert.ok(!fp.includes(SECRET.slice(0, 8)));
  });

  it('read the subject without whitespace and one pair of quotes, so re-indenting and re-quoting keep it', () => {
    const single = `const INTERCOM_SECRET = '${SECRET}';\n`;
    const double = `\n\n    const INTERCOM_SECRET   =   "${SECRET}";\n`;
    assert.equal(subjectAt(single, `'${SECRET}'`), SECRET);
    assert.equal(subjectAt(double, `"${SECRET}"`), SECRET);
    assert.equal(subjectAt('x = `abc`', '`abc`'), 'abc');
    assert.equal(subjectAt('x = "a b\tc"', '"a b\tc"'), 'abc');
    // Only one pair, and only a matching one.
    assert.equal(subjectAt(`x = "'abc'"`, `"'abc'"`), `'abc'`);
    assert.equal(subjectAt(`x = "abc'`, `"abc'`), `"abc'`);
    // A range over several lines, its line breaks removed with the rest of the whitespace.
    const call = 'Intercom("boot", {\n  app_id: id,\n  user_hash: hash\n})';
    assert.equal(findingSubject(call, { start: { line: 0, column: 0 }, end: { line: 3, column: 2 } }), 'Intercom("boot",{app_id:id,user_hash:hash})');
  });

  it('count lines at LF, CRLF and a lone CR, as the engine does', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `a${eol}b${eol}const S = '${SECRET}';${eol}`;
      assert.equal(findingSubject(text, { start: { line: 2, column: 10 }, end: { line: 2, column: 44 } }), SECRET, JSON.stringify(eol));
    }
    assert.equal(findingSubject('abc', { start: { line: 5, column: 0 }, end: { line: 6, column: 0 } }), '', 'a range past the end is empty');
  });
});

describe('baseline: the file', () => {
  it('round-trips entries and notes, sorted by file, rule and fingerprint, one entry per line', () => {
    const baseline: Baseline = { key: KEY, entries: [entry('b.js', 'aa'), entry('a.js', 'cc', 'test fixture, "not real"'), { ...entry('a.js', 'bb'), rule: 'client-side-hmac' }] };
    const text = serializeBaseline(baseline);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['{', '  "version": 1,', `  "key": "${KEY}",`, '  "entries": [']);
    assert.deepEqual(lines.filter((l) => l.startsWith('    {')).map((l) => (JSON.parse(l.replace(/,$/, '')) as BaselineEntry).file), ['a.js', 'a.js', 'b.js']);
    assert.match(text, /^ {4}\{ "rule": "client-side-hmac", "file": "a\.js", "fingerprint": "bb0+" \},$/m);
    assert.match(text, /"note": "test fixture, \\"not real\\""/);
    assert.ok(text.endsWith(']\n}\n'));
    const parsed = parseBaseline(text);
    assert.equal(serializeBaseline(parsed), text, 'reading and writing again gives the same bytes');
    assert.deepEqual(parsed.entries.find((e) => e.fingerprint.startsWith('cc'))?.note, 'test fixture, "not real"');
    assert.equal(JSON.stringify(JSON.parse(text)), JSON.stringify(JSON.parse(serializeBaseline({ key: KEY, entries: [...baseline.entries].reverse() }))), 'the order given does not matter');
    assert.equal(serializeBaseline({ key: KEY, entries: [] }), `{\n  "version": 1,\n  "key": "${KEY}",\n  "entries": []\n}\n`);
  });

  it('keeps one entry per fingerprint, joining the notes a merge brought together', () => {
    const merged = serializeBaseline({ key: KEY, entries: [entry('a.js', 'aa', 'left'), entry('a.js', 'aa', 'right'), entry('a.js', 'aa')] });
    assert.deepEqual(parseBaseline(merged).entries, [entry('a.js', 'aa', 'left; right')]);
  });

  it('gets a fresh random key with each new baseline', () => {
    const a = createBaseline();
    const b = createBaseline();
    assert.match(a.key, /^[0-9a-f]{64}$/);
    assert.notEqual(a.key, b.key);
  });

  it('refuses what it cannot read with a message that says where and why, never quoting the file', () => {
    const good = JSON.parse(serializeBaseline({ key: KEY, entries: [entry('a.js', 'aa')] })) as Record<string, unknown>;
    const cases: [string, RegExp][] = [
      [`{ "version": 1, "key": "${SECRET}" `, /^not valid JSON at line 1, column \d+: /],
      [`{\n  "version": 1,\n  "key": ${SECRET}\n}`, /^not valid JSON at line 3, column 10: /],
      ['{ "version": 1, // a comment\n "key": "x" }', /^not valid JSON at line 1/],
      ['', /empty/],
      ['[]', /must hold a JSON object/],
      [JSON.stringify({ ...good, version: 2 }), /"version" is 2; this idv reads baseline version 1/],
      [JSON.stringify({ ...good, version: '1' }), /"version" is that is not a whole number/],
      [JSON.stringify({ key: KEY, entries: [] }), /no "version": this is not an idv baseline/],
      [JSON.stringify({ ...good, key: 'abc' }), /"key" must be 64 hex characters/],
      [JSON.stringify({ ...good, entries: {} }), /"entries" must be an array/],
      [JSON.stringify({ ...good, entries: [{ rule: 'r', file: 'f', fingerprint: SECRET.toUpperCase() }] }), /entries\[0\]: "fingerprint" must be 32 lowercase hex/],
      [JSON.stringify({ ...good, entries: [{ rule: 'r', file: '', fingerprint: '0'.repeat(32) }] }), /entries\[0\]: "file" must be a non-empty string/],
      [JSON.stringify({ ...good, entries: [{ rule: 'r', file: 'f', fingerprint: '0'.repeat(32), line: 3 }] }), /entries\[0\] has "line" this idv does not know/],
      [JSON.stringify({ ...good, entries: [{ rule: 'r', file: 'f', fingerprint: '0'.repeat(32), [SECRET]: 1 }] }), /entries\[0\] has a field this idv does not know/],
      [JSON.stringify({ ...good, entries: [{ rule: 'r', file: 'f', fingerprint: '0'.repeat(32), note: 3 }] }), /"note" must be a string/],
      [JSON.stringify({ ...good, generated: 'today' }), /the file has "generated" this idv does not know/],
      [`{\n<<<<<<< HEAD\n  "a": 1\n=======\n  "a": 2\n>>>>>>> other\n}`, /^line 2: unresolved merge conflict markers/],
    ];
    for (const [text, expected] of cases) {
      assert.throws(() => parseBaseline(text), (error: unknown) => {
        assert.ok(error instanceof BaselineError, text);
        assert.match(error.message, expected, text);
        assert.ok(!error.message.includes(SECRET) && !error.message.toLowerCase().includes(SECRET.slice(0, 12)), `the message quotes the file: ${error.message}`);
        return true;
      });
    }
    assert.equal(parseBaseline(`\ufeff${serializeBaseline({ key: KEY.toUpperCase(), entries: [] })}`).key, KEY, 'a byte order mark and an upper-case key are read');
  });
});

describe('baseline: matching', () => {
  const baseline: Baseline = { key: KEY, entries: [entry('a.js', 'aa'), entry('b.js', 'bb', 'keep me'), entry('c.js', 'cc')] };
  const finding = (fp: string | undefined) => ({ id: fp ?? 'none', ...(fp !== undefined ? { fingerprint: fp.padEnd(32, '0') } : {}) });

  it('suppresses by fingerprint, reports the rest, and lists the entries in scope no finding used', () => {
    const findings = [finding('aa'), finding('dd'), finding(undefined)];
    const all = matchBaseline(baseline, findings);
    assert.deepEqual(all.suppressed.map((f) => f.id), ['aa']);
    assert.deepEqual(all.reported.map((f) => f.id), ['dd', 'none']);
    assert.deepEqual(all.unused.map((e) => e.file), ['b.js', 'c.js']);
    const onlyB = matchBaseline(baseline, findings, (e) => e.file === 'b.js');
    assert.deepEqual(onlyB.unused.map((e) => e.file), ['b.js'], 'an entry for a file the scan did not cover is not unused');
  });

  it('update adds what is missing and keeps every entry and note; prune removes only unused entries in scope', () => {
    const { baseline: updated, added } = updateBaseline(baseline, [entry('a.js', 'aa'), entry('d.js', 'dd'), entry('d.js', 'dd')]);
    assert.deepEqual(added, [entry('d.js', 'dd')]);
    assert.deepEqual(updated.entries, [...baseline.entries, entry('d.js', 'dd')]);
    assert.equal(updated.key, KEY);
    const { baseline: pruned, removed } = pruneBaseline(updated, [finding('bb'), finding('dd')], (e) => e.file !== 'a.js');
    assert.deepEqual(removed, [entry('c.js', 'cc')]);
    assert.deepEqual(pruned.entries, [entry('a.js', 'aa'), entry('b.js', 'bb', 'keep me'), entry('d.js', 'dd')]);
  });
});
