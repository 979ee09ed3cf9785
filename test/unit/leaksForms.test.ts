/** The forms the known secret is looked for in (src/core/leaks/forms.ts). */
import * as assert from 'node:assert/strict';
import { base64Cores, MIN_SECRET_LENGTH, secretForms, secretProblem } from '../../src/core/leaks/index';

// 40 characters with URL- and JSON-significant ones, as a pasted secret may have.
const SECRET = 'sk/Idv+Test"Secret\\ 0123456789abcdefABCD';
const HEX_SECRET = 'a8f5f167f44f4964e6c998dee827110c';

describe('leaks: secret forms', () => {
  it('refuses a secret shorter than the minimum, without repeating it', () => {
    const short = 'tooShort-1234';
    assert.ok(short.length < MIN_SECRET_LENGTH);
    const problem = secretProblem(short);
    assert.match(problem ?? '', /shorter than 16 characters/);
    assert.ok(!problem?.includes(short));
    assert.throws(() => secretForms(short), (e: Error) => e instanceof RangeError && !e.message.includes(short));
    assert.equal(secretProblem('x'.repeat(2000))?.includes('longer than'), true);
    assert.equal(secretProblem(HEX_SECRET), undefined);
  });

  it('gives each byte sequence once, and every form decodes back to the secret', () => {
    const forms = secretForms(SECRET);
    const keys = forms.map((f) => f.bytes.toString('hex'));
    assert.equal(new Set(keys).size, keys.length);
    const by = (label: string) => forms.find((f) => f.label === label)?.bytes;
    assert.equal(by('the secret as text')?.toString('utf8'), SECRET);
    assert.equal(Buffer.from(by('hex of the secret')?.toString() ?? '', 'hex').toString('utf8'), SECRET);
    assert.equal(Buffer.from(by('hex of the secret (uppercase)')?.toString() ?? '', 'hex').toString('utf8'), SECRET);
    assert.equal(Buffer.from(by('base64 of the secret')?.toString() ?? '', 'base64').toString('utf8'), SECRET);
    // The same bytes as base64 when the encoding has no + or /: then listed once, as base64.
    assert.equal(Buffer.from((by('base64url of the secret') ?? by('base64 of the secret'))?.toString() ?? '', 'base64url').toString('utf8'), SECRET);
    assert.equal(decodeURIComponent(by('URL-encoded secret')?.toString() ?? ''), SECRET);
    assert.equal(new URLSearchParams(`s=${by('form-encoded secret')?.toString() ?? ''}`).get('s'), SECRET);
    assert.equal(JSON.parse(`"${by('JSON-escaped secret')?.toString() ?? ''}"`), SECRET);
    assert.equal(JSON.parse(`"${by('JSON-escaped secret (with \\/)')?.toString() ?? ''}"`), SECRET);
    assert.equal(by('UTF-16LE secret')?.toString('utf16le'), SECRET);
    assert.equal(Buffer.from(by('UTF-16BE secret') ?? Buffer.alloc(0)).swap16().toString('utf16le'), SECRET);
    // Nothing for a secret without characters to escape: those forms equal the text.
    const plain = secretForms('PlainSecretValue0123456789');
    assert.ok(!plain.some((f) => f.id === 'url' || f.id === 'json' || f.id === 'form'));
  });

  it('finds the secret inside a longer base64 value at every byte offset, in both alphabets', () => {
    const forms = secretForms(SECRET);
    for (const encoding of ['base64', 'base64url'] as const) {
      for (let before = 0; before < 7; before++) {
        for (const after of [0, 1, 2, 5]) {
          const blob = Buffer.concat([Buffer.from('{"k":"x', 'utf8').subarray(0, before), Buffer.from(SECRET, 'utf8'), Buffer.alloc(after, 0x7e)]).toString(encoding);
          const hit = forms.find((f) => f.id.startsWith('base64') && blob.includes(f.bytes.toString('latin1')));
          assert.ok(hit, `${encoding}, ${before} bytes before, ${after} after`);
        }
      }
    }
  });

  it('base64 cores are the characters fixed by the secret alone', () => {
    const bytes = Buffer.from(SECRET, 'utf8');
    const cores = base64Cores(bytes, 'base64');
    assert.equal(cores.length, 3);
    for (const [align, core] of cores.entries()) {
      // Two different neighbours give the same core.
      const a = Buffer.concat([Buffer.alloc(align, 0x00), bytes, Buffer.alloc(2, 0x00)]).toString('base64');
      const b = Buffer.concat([Buffer.alloc(align, 0xff), bytes, Buffer.alloc(2, 0xff)]).toString('base64');
      assert.ok(a.includes(core) && b.includes(core), `alignment ${align}`);
      assert.ok(core.length >= Math.floor((bytes.length * 4) / 3) - 2);
    }
  });

  it('a hex secret adds its other letter case and its decoded bytes', () => {
    const forms = secretForms(HEX_SECRET);
    const decoded = Buffer.from(HEX_SECRET, 'hex');
    assert.ok(forms.some((f) => f.bytes.toString() === HEX_SECRET.toUpperCase()));
    assert.ok(forms.some((f) => f.bytes.equals(decoded)));
    assert.ok(forms.some((f) => f.bytes.toString() === decoded.toString('base64').replace(/=+$/, '')));
  });
});
