import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint, lintBytes, shouldSkip, type LintContext } from '../../../src/core/engine/index';
import { bytePreFilterWork } from '../../../src/core/engine/topics';
import { rng } from './helpers';
import { countWork } from './workMeter';

/**
 * Hostile and degenerate input: nothing throws, and work grows linearly. Work is counted, not
 * timed (workMeter.ts): the same input always gives the same count, whatever else the machine
 * is doing. Twice the input must cost under 2.5 times the work; quadratic work would be 4x.
 */
const PATHS = ['src/a.js', 'src/components/A.tsx', 'a.py', '.env', 'k8s/a.yaml', 'a.html.erb', 'a.swift', 'Info.plist', 'a.json', 'nuxt.config.ts'];
const ctx = (path: string): LintContext => ({ path, committed: true, config: DEFAULT_CONFIG });

// Fragments that reach deep into the rules: names, operators, quotes, brackets, calls.
const FRAGMENTS = ['SECRET', 'secret', 'Secret', 'HMAC', 'hmac', 'Hmac', 'jwt', 'JWT', ' = ', ': ', '=>', ':=', '"', "'", '`', '\\', '{', '}', '(', ')', '[', ']', ',', '\n', '\r\n', ' ',
  'NEXT_PUBLIC_', 'PUBLIC_', 'VITE_', 'intercomSettings', 'Intercom(', "'boot'", 'user_id', 'email', 'user_hash', 'createHmac(', '.update(', 'Beacon(', "'identify'",
  '$crisp.push(', '["set", "user:email", [', 'Gleap.identify(', 'idv-disable-line', 'idv-disable-next-line ', '<key>', '</key>', '<string>', '</string>', 'name: ', 'value: ',
  'kind: Secret', 'runtimeConfig', 'public: {', '.public.', 'Zq8vK2mPx7LwR4tN9bYc3HdF6jSg1Ae5', 'x', '0', 'é', '\u{1F600}', '\uD800', '\0'];

function adversarial(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += next() < 0.8 ? FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
  return s;
}

describe('engine: robustness', function () {
  this.timeout(120_000);

  it('handles 100,000 random and adversarial inputs without throwing', () => {
    const next = rng(42);
    for (let i = 0; i < 100_000; i++) {
      const text = adversarial(next, Math.floor(next() * 200));
      const path = PATHS[i % PATHS.length] as string;
      const findings = lint(text, ctx(path));
      for (const f of findings) assert.ok(f.range.start.line >= 0 && f.range.end.column >= 0);
    }
  });

  it('lints 100,000 random byte strings from disk-like input as it lints their decoded text', () => {
    const next = rng(2024);
    for (let i = 0; i < 100_000; i++) {
      // Mostly adversarial text, some raw bytes (invalid UTF-8, NULs, lone continuation bytes).
      const bytes = next() < 0.7
        ? Buffer.from(adversarial(next, Math.floor(next() * 200)), 'utf8')
        : Buffer.from(Array.from({ length: Math.floor(next() * 64) }, () => Math.floor(next() * 256)));
      const path = PATHS[i % PATHS.length] as string;
      const result = lintBytes(bytes, ctx(path));
      if (result.skipped !== undefined) continue;
      let text = bytes.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      assert.deepEqual(result.findings, lint(text, ctx(path)));
    }
  });

  it('handles an empty file, invalid UTF-8 and a binary file', () => {
    for (const path of PATHS) assert.deepEqual(lintBytes(Buffer.alloc(0), ctx(path)), { findings: [] });
    for (const path of PATHS) assert.deepEqual(lint('', ctx(path)), []);
    const invalid = Buffer.from([0x49, 0x4e, 0x54, 0xff, 0xfe, 0xc3, 0x28, 0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0x3d, 0xed, 0xa0, 0x80]).toString('utf8');
    assert.doesNotThrow(() => lint(invalid, ctx('.env')));
    const binary = Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256));
    assert.equal(shouldSkip('blob.dat', binary.length, binary), 'binary file (.dat)');
    assert.equal(shouldSkip('blob.txt', binary.length, binary), 'binary content');
    assert.doesNotThrow(() => lint(binary.toString('utf8'), ctx('src/a.js')));
  });

  it('lints a 10 MB minified one-line file in linear work, and says a file over the limit is skipped', () => {
    const unit = "var a=function(e){return e.secret||window.intercomSettings||crypto.createHmac('sha256',k).update(e.email)},";
    const text = (n: number) => unit.repeat(Math.ceil(n / unit.length));
    const small = countWork(() => lint(text(5 * 1024 * 1024), ctx('dist-like/app.js')));
    const large = countWork(() => lint(text(10 * 1024 * 1024), ctx('dist-like/app.js')));
    assert.ok(large / small < 2.5, `2x the input took ${(large / small).toFixed(2)}x the work`);
    assert.match(shouldSkip('app.js', 10 * 1024 * 1024, Buffer.from(text(4096))) ?? '', /over 2 MB/);
  });

  const shapes: [string, (n: number) => string][] = [
    ['one long line of secret assignments', (n) => 'INTERCOM_SECRET="Zq8vK2mPx7LwR4tN9bY" '.repeat(n / 40)],
    ['unclosed brackets after messenger calls', (n) => "Intercom('boot', {".repeat(n / 18)],
    ['quotes without ends', (n) => `SECRET = "${'\\"'.repeat(n / 2)}`],
    ['many short lines of hmac calls', (n) => "createHmac('sha256', k).update(user.email)\n".repeat(n / 44)],
    ['random adversarial text', (n) => adversarial(rng(7), n)],
  ];
  it('pre-filters bytes in linear work', function () {
    // Text with no topic at all, so the whole file goes through the SIMD pass and its candidates.
    const make = (n: number) => Buffer.from(adversarial(rng(11), n).replace(/\0/g, ' ').replace(/ecret|ECRET|mac|MAC|JW|jw|Verif|VERIF|HashKey|HASH_KEY|TAWK|Tawk|SIGNING/g, 'x'));
    const small = make(2_000_000);
    const large = make(4_000_000);
    const big: LintContext = { ...ctx('src/a.py'), config: { ...DEFAULT_CONFIG, maxFileSizeBytes: 64 * 1024 * 1024 } };
    assert.deepEqual(lintBytes(large, big), { findings: [] }, 'neither skipped nor a topic');
    const counters = bytePreFilterWork();
    if (counters === undefined) this.skip(); // no WebAssembly SIMD: the string path is covered below
    const work = (bytes: Buffer) => {
      const before = { ...counters };
      lintBytes(bytes, big);
      return (counters?.bytes ?? 0) - (before.bytes ?? 0) + (counters?.candidates ?? 0) - (before.candidates ?? 0);
    };
    const ratio = work(large) / work(small);
    assert.ok(ratio < 2.5, `2x the input took ${ratio.toFixed(2)}x the work`);
  });

  for (const [name, make] of shapes) {
    it(`runs in linear work on ${name}`, () => {
      const small = make(200_000);
      const large = make(400_000);
      const path = 'src/components/A.tsx';
      const ratio = countWork(() => lint(large, ctx(path))) / countWork(() => lint(small, ctx(path)));
      assert.ok(ratio < 2.5, `2x the input took ${ratio.toFixed(2)}x the work`);
    });
  }
});

describe('engine: the work meter', () => {
  it('sees quadratic work as quadratic (so the linear checks can fail)', () => {
    const quadratic = (n: number) => () => {
      const text = 'a'.repeat(n);
      for (let i = 0; i < n; i++) text.indexOf('b', i);
    };
    const ratio = countWork(quadratic(4000)) / countWork(quadratic(2000));
    assert.ok(ratio > 3.5, `quadratic work measured ${ratio.toFixed(2)}x`);
    const regexScan = (n: number) => () => {
      const text = 'x'.repeat(n);
      for (let i = 0; i < n; i += 10) /y/.test(text.slice(i));
    };
    assert.ok(countWork(regexScan(8000)) / countWork(regexScan(4000)) > 3.5);
  });
});
