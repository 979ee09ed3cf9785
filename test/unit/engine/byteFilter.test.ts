import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createByteFilter } from '../../../src/core/engine/byteFilter';
import { DEFAULT_CONFIG, lint, lintBytes, type LintContext } from '../../../src/core/engine/index';
import type { Lang } from '../../../src/core/engine/lang';
import { bytesHaveTopic, hasAnyTopic, TOPIC_NEEDLES } from '../../../src/core/engine/topics';
import { REPO, rng } from './helpers';

/** The plain definition both pre-filters must agree with: some needle in scope occurs. */
function reference(text: string, lang: Lang): boolean {
  const messenger = ['js', 'html', 'swift', 'objc', 'kotlin', 'java', 'dart'].includes(lang);
  const jvm = ['java', 'kotlin', 'groovy', 'scala'].includes(lang);
  return TOPIC_NEEDLES.some(({ needle, scope }) => (scope === 'any' || (scope === 'messenger' ? messenger : jvm)) && text.includes(needle));
}

// Pieces that come close to the needles without being them, the needles themselves, and filler.
const PIECES = [
  ...TOPIC_NEEDLES.map((n) => n.needle),
  ...TOPIC_NEEDLES.map((n) => n.needle.slice(0, -1)),
  ...TOPIC_NEEDLES.map((n) => n.needle.slice(1)),
  ...TOPIC_NEEDLES.map((n) => n.window),
  'Int32Array', 'concrete', 'discrete', 'create', 'Version', 'machine', 'é', '\u{1F600}', ' ', '\n', 'x', '0123456789abcdef',
];

function randomText(next: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += next() < 0.15 ? PIECES[Math.floor(next() * TOPIC_NEEDLES.length)] : PIECES[TOPIC_NEEDLES.length + Math.floor(next() * (PIECES.length - TOPIC_NEEDLES.length))];
  return s;
}

const LANGS: Lang[] = ['js', 'python', 'java', 'kotlin', 'ruby', 'dart'];

describe('engine: byte pre-filter', () => {
  it('is generated from the current teddy.wat', async () => {
    // A computed specifier stays a real import(), which can load the ES module from CommonJS.
    const wasmModule = pathToFileURL(join(REPO, 'src', 'build', 'wasm.mjs')).href;
    const { generatedWasmSource } = await (import(wasmModule) as Promise<{ generatedWasmSource: () => Promise<string> }>);
    const cwd = process.cwd();
    process.chdir(REPO);
    try {
      assert.equal(readFileSync(join(REPO, 'src', 'core', 'engine', 'teddy.wasm.ts'), 'utf8'), await generatedWasmSource(), 'run `npm run generate` to regenerate teddy.wasm.ts');
    } finally {
      process.chdir(cwd);
    }
  });

  it('runs on WebAssembly SIMD here (Node 20 and VS Code have it)', () => {
    assert.ok(createByteFilter(TOPIC_NEEDLES));
  });

  it('agrees with the string pre-filter and with plain includes on 20,000 random texts', () => {
    const next = rng(4231);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(next, Math.floor(next() * 40));
      const lang = LANGS[i % LANGS.length] as Lang;
      const expected = reference(text, lang);
      assert.equal(hasAnyTopic(text, lang, []), expected, `string pre-filter on ${JSON.stringify(text)} (${lang})`);
      // The fallback where WebAssembly SIMD is missing: the string pre-filter on a Latin-1 view.
      assert.equal(hasAnyTopic(Buffer.from(text, 'utf8').toString('latin1'), lang, []), expected, `Latin-1 view of ${JSON.stringify(text)} (${lang})`);
      assert.equal(bytesHaveTopic(Buffer.from(text, 'utf8'), lang, []), expected, `byte pre-filter on ${JSON.stringify(text)} (${lang})`);
    }
  });

  it('finds each needle at every offset around the 16-byte blocks, and not a byte short of it', () => {
    for (const { needle, scope } of TOPIC_NEEDLES) {
      const lang: Lang = scope === 'jvm' ? 'java' : 'js';
      for (let offset = 0; offset < 40; offset++) {
        const pad = 'q'.repeat(offset);
        assert.equal(bytesHaveTopic(Buffer.from(pad + needle), lang, []), true, `${needle} after ${offset} bytes`);
        assert.equal(bytesHaveTopic(Buffer.from(pad + needle.slice(0, -1)), lang, []), false, `${needle} cut short after ${offset} bytes`);
      }
    }
  });

  it('forgets the previous file: nothing of a longer earlier text is found again', () => {
    assert.equal(bytesHaveTopic(Buffer.from(`${'x'.repeat(100)}client_secret`), 'js', []), true);
    assert.equal(bytesHaveTopic(Buffer.from('x'.repeat(100)), 'js', []), false);
    assert.equal(bytesHaveTopic(Buffer.from('client_secr'), 'js', []), false);
  });

  it('looks at the view it is given, not the whole buffer behind it', () => {
    const whole = Buffer.from('SECRET quiet text SECRET');
    assert.equal(bytesHaveTopic(whole.subarray(7, 17), 'js', []), false);
    assert.equal(bytesHaveTopic(whole.subarray(6), 'js', []), true);
  });

  it('handles a file larger than the memory it keeps, then small files again', () => {
    const big = Buffer.alloc(17 * 1024 * 1024, 'a');
    big.write('HMAC', big.length - 4);
    assert.equal(bytesHaveTopic(big, 'python', []), true);
    assert.equal(bytesHaveTopic(Buffer.from('nothing to see'), 'python', []), false);
    assert.equal(bytesHaveTopic(Buffer.from('import hmac'), 'python', []), true);
  });

  it('respects scope: messenger needles only in client languages, Mac.getInstance only on the JVM', () => {
    assert.equal(bytesHaveTopic(Buffer.from('Intercom boot'), 'python', []), false);
    assert.equal(bytesHaveTopic(Buffer.from('Intercom boot'), 'js', []), true);
    assert.equal(bytesHaveTopic(Buffer.from('Mac.getInstance("x")'), 'js', []), false);
    assert.equal(bytesHaveTopic(Buffer.from('Mac.getInstance("x")'), 'kotlin', []), true);
  });

  it('searches extra name patterns as UTF-8, including non-ASCII ones', () => {
    assert.equal(bytesHaveTopic(Buffer.from('const CLÉ_API = 1'), 'js', ['*CLÉ_API*']), true);
    assert.equal(bytesHaveTopic(Buffer.from('const KEY = 1'), 'js', ['*CLÉ_API*']), false);
  });

  it('rejects needles it cannot search exactly', () => {
    assert.throws(() => createByteFilter([{ needle: 'secret', window: 'xyz' }]), /not a 3-character window/);
    assert.throws(() => createByteFilter([{ needle: 'clé_api', window: 'cl\u00e9' }]), /printable ASCII/);
  });
});

describe('engine: lintBytes', () => {
  const ctx = (path: string): LintContext => ({ path, committed: true, config: DEFAULT_CONFIG });
  const secretLine = 'const INTERCOM_SECRET = "Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5";\n';

  it('finds what lint finds on the decoded text, and returns that text', () => {
    const text = `// é ünïcode first\n${secretLine}`;
    const result = lintBytes(Buffer.from(text), ctx('src/server/config.js'));
    assert.deepEqual(result.findings, lint(text, ctx('src/server/config.js')));
    assert.equal(result.findings.length, 1);
    assert.equal(result.text, text);
  });

  it('counts positions without a byte order mark, as editors do', () => {
    const result = lintBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(secretLine)]), ctx('src/server/config.js'));
    assert.equal(result.text, secretLine);
    assert.deepEqual(result.findings.map((f) => f.range.start), [{ line: 0, column: 24 }]);
    assert.deepEqual(result.findings, lint(secretLine, ctx('src/server/config.js')));
  });

  it('says why a file is skipped, and neither decodes nor lints a file without a topic', () => {
    assert.equal(lintBytes(Buffer.from([0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0]), ctx('a.txt')).skipped?.kind, 'binary');
    assert.equal(lintBytes(Buffer.from(secretLine), ctx('yarn.lock')).skipped?.kind, 'lock-file');
    assert.match(lintBytes(Buffer.alloc(10, 'a'), { ...ctx('a.js'), config: { ...DEFAULT_CONFIG, maxFileSizeBytes: 5 } }).skipped?.reason ?? '', /over 5 bytes .*maxFileSizeBytes/);
    assert.deepEqual(lintBytes(Buffer.from('const a = 1;\n'), ctx('a.js')), { findings: [] });
  });

  it('never throws on invalid UTF-8 and agrees with lint on its decoding', () => {
    const bytes = Buffer.concat([Buffer.from('INTERCOM_SECRET='), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5\n')]);
    const result = lintBytes(bytes, ctx('.env'));
    assert.deepEqual(result.findings, lint(bytes.toString('utf8'), ctx('.env')));
  });
});
