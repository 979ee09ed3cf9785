/**
 * The vendor files (src/core/vendors) against both engines: every sample is run through the
 * text engine (missing-user-hash) and through the syntax layer's facts judged by the vendor
 * data, and each engine must say what the sample says. A sample an engine is not listed for
 * must not be detected by it either, so a gap is recorded and noticed when it closes.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_CONFIG, lint, type RuleId, type SeveritySetting } from '../../src/core/engine/index';
import { IDENTIFY_CALLS, readCall } from '../../src/core/engine/identify-calls';
import { createSyntax, syntaxLanguageOf } from '../../src/core/syntax/index';
import { CLIENT_SDKS, judgeCalls, MESSENGER_SHAPES, VENDOR_DEFINITIONS, VENDORS, type Sample, type VendorId } from '../../src/core/vendors';

/** out/grammars: this test runs from out/test/unit. */
const syntax = createSyntax({ grammarDir: join(__dirname, '..', '..', 'grammars') });

const ONLY_MISSING_USER_HASH = {
  ...DEFAULT_CONFIG,
  rules: Object.fromEntries(Object.keys(DEFAULT_CONFIG.rules).map((id) => [id, id === 'missing-user-hash' ? 'warning' : 'off'])) as Record<RuleId, SeveritySetting>,
};

/** Where a sample is written: mobile languages under an app folder, the rest as browser code. */
function pathOf(sample: Sample): string {
  return ['kt', 'java'].includes(sample.lang) ? `app/src/main/java/com/example/Support.${sample.lang}` : `src/support/Support.${sample.lang}`;
}

/** Whether one of the vendor's text-engine calls is at some hit of its needle in the sample. */
function textDetects(vendor: VendorId, sample: Sample): boolean {
  const path = pathOf(sample);
  return IDENTIFY_CALLS.some((call) => {
    if (call.vendor !== vendor || !sample.code.includes(call.gate)) return false;
    for (let hit = sample.code.indexOf(call.needle); hit >= 0; hit = sample.code.indexOf(call.needle, hit + 1)) {
      if (readCall(sample.code, path, call, hit)) return true;
    }
    return false;
  });
}

describe('vendors: one file per messenger', () => {
  for (const definition of VENDOR_DEFINITIONS) {
    const vendor = definition.facts.id;
    for (const sample of definition.samples) {
      const title = `${vendor} ${sample.lang} ${sample.proven ? 'proven' : 'unproven'}: ${sample.code.split('\n').pop() ?? ''}`;

      it(`text engine: ${title}`, () => {
        const detected = textDetects(vendor, sample);
        if (!sample.engines.includes('text')) {
          assert.equal(detected, false, 'the text engine detects this call now: list it in the sample');
          return;
        }
        assert.ok(detected, 'no identify call of the vendor file is found in the sample');
        const findings = lint(sample.code, { path: pathOf(sample), committed: true, config: ONLY_MISSING_USER_HASH });
        assert.equal(findings.length > 0, !sample.proven, JSON.stringify(findings.map((f) => f.message)));
      });

      it(`syntax layer: ${title}`, async () => {
        const language = syntaxLanguageOf(pathOf(sample));
        if (!sample.engines.includes('syntax')) {
          if (!language) return; // no grammar for the language yet: nothing to compare
          const facts = await syntax.facts(sample.code, language);
          assert.deepEqual(facts.messengerCalls.filter((c) => c.vendor === vendor).map((c) => c.shape), [], 'the syntax layer finds this call now: list it in the sample');
          return;
        }
        assert.ok(language, `the syntax layer has no grammar for .${sample.lang}`);
        const facts = await syntax.facts(sample.code, language);
        const verdicts = judgeCalls(facts.messengerCalls);
        const mine = facts.messengerCalls.flatMap((c, i) => (c.vendor === vendor ? [verdicts[i]] : []));
        assert.ok(mine.length > 0, `no call of ${vendor} in the facts: ${JSON.stringify(facts.messengerCalls.map((c) => c.shape))}`);
        assert.equal(mine.includes('missing'), !sample.proven, JSON.stringify(mine));
      });
    }
  }

  it('every vendor has samples, and each vendor whose proof can be left out has one with and one without', () => {
    for (const d of VENDOR_DEFINITIONS) {
      assert.ok(d.samples.length > 0, d.facts.id);
      const detectable = d.calls.some((c) => (c.text || c.shape) && c.proof?.in !== 'callback' && (c.role ?? 'identify') === 'identify');
      if (detectable) assert.deepEqual([...new Set(d.samples.filter((s) => s.engines.length > 0).map((s) => s.proven))].sort(), [false, true], d.facts.id);
    }
  });

  it('gives every call the text engine knows on a JavaScript SDK a syntax shape too', () => {
    const js = new Set(['web', 'react-native', 'capacitor', 'cordova']);
    for (const d of VENDOR_DEFINITIONS) {
      for (const call of d.calls) {
        if (call.text && call.sdks.some((s) => js.has(s))) assert.ok(call.shape, `${d.facts.id}: ${call.example}`);
        assert.ok(call.sdks.every((s) => CLIENT_SDKS.includes(s)), call.example);
      }
    }
  });

  it('derives the tables from the files: shapes, identify calls, ids', () => {
    assert.deepEqual(VENDORS.map((v) => v.id), VENDOR_DEFINITIONS.map((d) => d.facts.id));
    assert.equal(new Set(VENDORS.map((v) => v.id)).size, VENDORS.length);
    const shapeCount = VENDOR_DEFINITIONS.flatMap((d) => d.calls).filter((c) => c.shape && c.role !== 'anonymous').length;
    assert.equal(MESSENGER_SHAPES.length, shapeCount);
    for (const call of IDENTIFY_CALLS) assert.ok(VENDOR_DEFINITIONS.some((d) => d.facts.id === call.vendor && d.calls.some((c) => c.text?.some((t) => t.needle === call.needle))), call.needle);
  });
});
