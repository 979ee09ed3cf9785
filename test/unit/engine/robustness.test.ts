import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG, lint, lintBytes, shouldSkip, type LintContext } from '../../../src/core/engine/index';
import { rng } from './helpers';

/**
 * Hostile and degenerate input: nothing throws, and time grows linearly. Linearity is checked
 * as a ratio (twice the input must cost well under four times as much; quadratic behaviour
 * would cost four times), taking the best of several runs so a busy machine cannot fail it.
 */
const PATHS = ['src/a.js', 'src/components/A.tsx', 'a.py', '.env', 'k8s/a.yaml', 'a.html.erb', 'a.swift', 'Info.plist', 'a.json', 'nuxt.config.ts'];
const ctx = (path: string): LintContext => ({ path, committed: true, config: DEFAULT_CONFIG });

function best(fn: () => void, runs = 5): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

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
    assert.equal(shouldSkip('blob.dat', binary.length, binary), 'binary file');
    assert.equal(shouldSkip('blob.bin', binary.length, binary), 'binary file');
    assert.doesNotThrow(() => lint(binary.toString('utf8'), ctx('src/a.js')));
  });

  it('handles a 10 MB minified one-line file, and shouldSkip says why it would be skipped', () => {
    const unit = "var a=function(e){return e.secret||window.intercomSettings||crypto.createHmac('sha256',k).update(e.email)},";
    const text = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    const t0 = performance.now();
    assert.doesNotThrow(() => lint(text, ctx('dist-like/app.js')));
    assert.ok(performance.now() - t0 < 60_000);
    assert.match(shouldSkip('app.js', text.length, Buffer.from(text.slice(0, 4096))) ?? '', /minified|larger/);
  });

  const shapes: [string, (n: number) => string][] = [
    ['one long line of secret assignments', (n) => 'INTERCOM_SECRET="Zq8vK2mPx7LwR4tN9bY" '.repeat(n / 40)],
    ['unclosed brackets after messenger calls', (n) => "Intercom('boot', {".repeat(n / 18)],
    ['quotes without ends', (n) => `SECRET = "${'\\"'.repeat(n / 2)}`],
    ['many short lines of hmac calls', (n) => "createHmac('sha256', k).update(user.email)\n".repeat(n / 44)],
    ['random adversarial text', (n) => adversarial(rng(7), n)],
  ];
  it('pre-filters bytes in linear time', () => {
    // Text with no topic at all, so the whole file goes through the SIMD pass and its candidates.
    const make = (n: number) => Buffer.from(adversarial(rng(11), n).replace(/\0/g, ' ').replace(/ecret|ECRET|mac|MAC|JW|jw|Verif|VERIF|HashKey|HASH_KEY|TAWK|Tawk|SIGNING/g, 'x'));
    const small = make(2_000_000);
    const large = make(4_000_000);
    const big: LintContext = { ...ctx('src/a.py'), config: { ...DEFAULT_CONFIG, maxFileSizeBytes: 64 * 1024 * 1024 } };
    assert.deepEqual(lintBytes(large, big), { findings: [] }, 'neither skipped nor a topic');
    const ratio = best(() => lintBytes(large, big)) / Math.max(best(() => lintBytes(small, big)), 0.05);
    assert.ok(ratio < 3, `2x the input took ${ratio.toFixed(2)}x the time`);
  });

  for (const [name, make] of shapes) {
    it(`runs in linear time on ${name}`, () => {
      const small = make(200_000);
      const large = make(400_000);
      const path = 'src/components/A.tsx';
      lint(small, ctx(path)); // warm up the JIT
      const ratio = best(() => lint(large, ctx(path))) / Math.max(best(() => lint(small, ctx(path))), 0.05);
      assert.ok(ratio < 3, `2x the input took ${ratio.toFixed(2)}x the time`);
    });
  }
});
