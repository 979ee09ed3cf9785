import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../../src/cli/main';
import { DEFAULT_CONFIG, lint } from '../../../src/core/engine/index';
import { FIXTURES, filesBelow, loadAllGrammars, syntax } from '../engine/helpers';

/**
 * The scan from disk finds exactly what `lint` finds on the decoded text: every rule fixture is
 * written in every supported encoding, with LF, CRLF and lone-CR line ends, and with padding
 * that moves it across the sniffing and SIMD block boundaries or adds a very long line. Then one
 * `idv scan` over the whole tree must report, file by file, what lint reports on the text, and
 * the same lines whatever the encoding and line ends.
 */
const ENCODINGS = {
  utf8: (t: string) => Buffer.from(t, 'utf8'),
  utf8bom: (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  utf16le: (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  utf16be: (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
} as const;
const EOLS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
// Padding lines go first (a comment-free blank run) so the fixture's own lines shift by one.
const PADS: Record<string, (eol: string) => { head: string; tail: string }> = {
  none: () => ({ head: '', tail: '' }),
  block: (eol) => ({ head: `${' '.repeat(4093)}${eol}`, tail: '' }),
  sniff: (eol) => ({ head: `${' '.repeat(7998)}${eol}`, tail: '' }),
  longLine: (eol) => ({ head: '', tail: `${eol}${'x'.repeat(20_000)}${eol}` }),
};

interface Json { findings: { file: string; ruleId: string; line: number; column: number }[]; skipped: unknown[] }

describe('cli: the scan from disk equals lint on the decoded text', function () {
  this.timeout(300_000);
  // The CLI reads syntax facts for the languages the layer parses; so does the lint it is compared with.
  before(loadAllGrammars);

  it('for every rule fixture in every encoding, line end and padding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-diff-'));
    try {
      const fixtures = ['client-side-hmac', 'hardcoded-secret', 'missing-user-hash', 'secret-exposed-to-client', 'user-hash-identifier-mismatch']
        .flatMap((rule) => ['true', 'false'].flatMap((kind) => filesBelow(join(FIXTURES, 'rules', rule, kind)).map((file) => ({ src: join(FIXTURES, 'rules', rule, kind, file), file }))));
      const expected = new Map<string, string[]>();
      const lineSets = new Map<string, Map<string, string>>();
      let n = 0;
      for (const { src, file } of fixtures) {
        const original = readFileSync(src, 'utf8').replace(/\r\n?/g, '\n');
        for (const [eolName, eol] of Object.entries(EOLS)) {
          for (const [padName, pad] of Object.entries(PADS)) {
            const { head, tail } = pad(eol);
            const text = head + original.replace(/\n/g, eol) + tail;
            for (const [encName, encode] of Object.entries(ENCODINGS)) {
              const variant = `v${n++}`;
              const path = `${variant}/${file}`;
              mkdirSync(dirname(join(dir, path)), { recursive: true });
              writeFileSync(join(dir, path), encode(text));
              const found = lint(text, { path, committed: true, config: DEFAULT_CONFIG, syntax }).map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.column + 1}`);
              expected.set(path, found);
              const key = `${src}|${padName}`;
              const lines = found.map((f) => f.replace(/:\d+$/, '')).join(',');
              if (!lineSets.has(key)) lineSets.set(key, new Map());
              lineSets.get(key)?.set(`${encName}/${eolName}`, lines);
            }
          }
        }
      }
      let out = '';
      const code = await main(['scan', '--format', 'json'], { stdout: (t) => { out += t; }, stderr: () => undefined, stdin: process.stdin, env: {}, cwd: dir });
      assert.ok(code === 0 || code === 1, `exit ${code}`);
      const report = JSON.parse(out) as Json;
      // Every variant is read, except the fixtures that are skipped by their name alone.
      const skipped = new Set((report.skipped as { file: string; kind: string }[]).map((sk) => {
        assert.ok(sk.kind === 'checksum-file' || sk.kind === 'lock-file', JSON.stringify(sk));
        return sk.file;
      }));
      for (const path of skipped) assert.deepEqual(expected.get(path), [], `${path} gives nothing to lint either`);
      const actual = new Map<string, string[]>();
      for (const f of report.findings) actual.set(f.file, [...(actual.get(f.file) ?? []), `${f.ruleId}@${f.line}:${f.column}`]);
      let compared = 0;
      for (const [path, want] of expected) {
        assert.deepEqual((actual.get(path) ?? []).sort(), [...want].sort(), path);
        compared++;
      }
      assert.equal(compared, fixtures.length * 48);
      assert.ok(skipped.size < compared / 20);
      // Same rules on the same lines whatever the encoding and line ends.
      for (const [key, variants] of lineSets) assert.equal(new Set(variants.values()).size, 1, `${key}: ${JSON.stringify(Object.fromEntries(variants))}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
