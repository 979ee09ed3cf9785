/** The streaming multi-pattern search (src/core/leaks/search.ts): every match once, wherever chunks split, in linear work. */
import * as assert from 'node:assert/strict';
import { LISTED_PER_STREAM, MultiSearch, RawLogParser, type StreamResult } from '../../src/core/leaks/index';

const PATTERN = Buffer.from('Secret-Value-0123456789');
const OTHER = Buffer.from('another-pattern-that-is-much-longer-than-the-first-one');

function feed(search: MultiSearch, bytes: Buffer, chunk: number): StreamResult {
  const s = search.stream();
  for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.subarray(i, i + chunk));
  return s.end();
}

describe('leaks: streaming search', () => {
  it('finds a match straddling any window boundary exactly once, whatever the chunk size', () => {
    // Windows are at least 64 KiB: put matches around the first boundaries and split the input every way.
    for (const at of [0, 65_536 - 10, 65_536 - PATTERN.length, 65_536, 131_072 - 3, 200_000 - PATTERN.length]) {
      const bytes = Buffer.alloc(200_000, 0x61);
      PATTERN.copy(bytes, at);
      for (const chunk of [1_000, 7, 65_536, 65_537, 200_000]) {
        const result = feed(new MultiSearch([PATTERN, OTHER]), bytes, chunk);
        assert.deepEqual(result.hits.map((h) => [h.pattern, h.offset]), [[0, at]], `at ${at}, chunks of ${chunk}`);
      }
    }
  });

  it('gives line and column in UTF-16 units across CRLF, lone CR, multi-byte characters and a window boundary', () => {
    const text = `\uFEFFline one\r\nzwei: «ü» 😀 ${PATTERN.toString()}\rthird\n${'x'.repeat(70_000)}${PATTERN.toString()}\n`;
    const bytes = Buffer.from(text, 'utf8');
    for (const chunk of [3, 4_096, bytes.length]) {
      const result = feed(new MultiSearch([PATTERN]), bytes, chunk);
      const positions = result.hits.map((h) => [h.line, h.column]);
      // Line 2: "zwei: «ü» 😀 " is 13 UTF-16 units (the emoji counts two) before the match.
      assert.deepEqual(positions, [[2, 14], [4, 70_001]], `chunks of ${chunk}`);
    }
    // Binary (a NUL near the start): offsets only.
    const binary = Buffer.concat([Buffer.from([0, 1, 2]), PATTERN]);
    assert.deepEqual(feed(new MultiSearch([PATTERN]), binary, 2).hits.map((h) => [h.offset, h.line]), [[3, undefined]]);
  });

  it('reports one place once, named by the first pattern: overlapping matches are one', () => {
    const inner = PATTERN.subarray(3, 12);
    const bytes = Buffer.concat([Buffer.from('..'), PATTERN, Buffer.from('..'), inner]);
    const result = new MultiSearch([PATTERN, inner]).searchBytes(bytes);
    assert.deepEqual(result.hits.map((h) => [h.pattern, h.offset]), [[0, 2], [1, 2 + PATTERN.length + 2]]);
    // UTF-16LE after a NUL byte also matches as UTF-16BE one byte earlier.
    const le = Buffer.from('Secret-Value', 'utf16le');
    const be = Buffer.from(le).swap16();
    const utf16 = new MultiSearch([le, be]).searchBytes(Buffer.concat([Buffer.alloc(4), le, Buffer.alloc(4)]));
    assert.deepEqual(utf16.hits.map((h) => [h.pattern, h.offset]), [[0, 4]]);
  });

  it('lists the first matches of a stream and counts the rest', () => {
    const bytes = Buffer.concat(Array.from({ length: 50 }, () => Buffer.concat([PATTERN, Buffer.from(' ')])));
    const result = new MultiSearch([PATTERN]).searchBytes(bytes);
    assert.equal(result.hits.length, LISTED_PER_STREAM);
    assert.equal(result.more, 50 - LISTED_PER_STREAM);
  });

  it('examines a bounded number of bytes per input byte, whatever the input size and chunking (linear)', () => {
    // Adversarial for naive search: long runs of the pattern's first byte, no match.
    const patterns = [Buffer.from(`${'a'.repeat(40)}b`), PATTERN, OTHER];
    const ratios: number[] = [];
    for (const size of [1 << 20, 4 << 20]) {
      for (const chunk of [64, 65_536, size]) {
        const search = new MultiSearch(patterns);
        const result = feed(search, Buffer.alloc(size, 0x61), chunk);
        assert.equal(result.hits.length, 0);
        assert.equal(search.stats.bytesFed, size);
        ratios.push(search.stats.bytesExamined / (size * patterns.length));
      }
    }
    // Each pattern looks at each byte about once: the overlap adds (longest - 1) bytes per 64 KiB window.
    for (const r of ratios) assert.ok(r >= 1 && r < 1.01, `examined ${r} times the input per pattern`);
  });
});

describe('leaks: git log parser', () => {
  it('reads commits and changes, skipping deletions and submodules, and never takes a path for a header', () => {
    const zero = '0'.repeat(40);
    const blob = 'b'.repeat(40);
    const text = [
      `IDV-COMMIT ${'1'.repeat(40)} 2024-01-02T03:04:05+00:00 Ada Lovelace`,
      `\n:000000 100644 ${zero} ${blob} A`, `IDV-COMMIT ${'9'.repeat(40)} 2000-01-01T00:00:00+00:00 Path Impostor`,
      `:100644 000000 ${blob} ${zero} D`, 'gone.txt',
      `:000000 160000 ${zero} ${'c'.repeat(40)} A`, 'submodule',
      `IDV-COMMIT ${'2'.repeat(40)} 2023-01-01T00:00:00+00:00 Grace`, '',
    ].join('\0');
    const bytes = Buffer.from(text, 'utf8');
    for (const chunk of [1, 5, bytes.length]) {
      const parser = new RawLogParser();
      const records = [];
      for (let i = 0; i < bytes.length; i += chunk) records.push(...parser.push(bytes.subarray(i, i + chunk)));
      records.push(...parser.end());
      assert.deepEqual(records, [
        { kind: 'commit', commit: { sha: '1'.repeat(40), date: '2024-01-02T03:04:05+00:00', author: 'Ada Lovelace' } },
        { kind: 'change', mode: '100644', blob, path: `IDV-COMMIT ${'9'.repeat(40)} 2000-01-01T00:00:00+00:00 Path Impostor` },
        { kind: 'commit', commit: { sha: '2'.repeat(40), date: '2023-01-01T00:00:00+00:00', author: 'Grace' } },
      ], `chunks of ${chunk}`);
    }
  });
});
