import * as assert from 'node:assert/strict';
import { inspectJwt, JwtFormatError, signHs256 } from '../../src/core/jwt';
import { getVendor } from '../../src/core/vendors';

const now = 1_800_000_000;

describe('core/jwt', () => {
  it('verifies an HS256 token and finds nothing wrong with a complete Intercom token', () => {
    const token = signHs256({ user_id: '42', exp: now + 600 }, 's3');
    const result = inspectJwt(token, { secret: 's3', vendor: getVendor('intercom'), now });
    assert.equal(result.signatureValid, true);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.payload.user_id, '42');
  });

  it('rejects a token signed with another secret', () => {
    const result = inspectJwt(signHs256({ user_id: '42', exp: now + 1 }, 'a'), { secret: 'b', now });
    assert.equal(result.signatureValid, false);
  });

  it('warns on a missing user_id, a missing exp, and expiry', () => {
    const intercom = getVendor('intercom');
    assert.ok(inspectJwt(signHs256({ exp: now + 1 }, 's'), { vendor: intercom, now }).warnings.some((w) => w.includes('user_id')));
    assert.ok(inspectJwt(signHs256({ user_id: '1' }, 's'), { vendor: intercom, now }).warnings.some((w) => w.includes('"exp"')));
    assert.ok(inspectJwt(signHs256({ user_id: '1', exp: now - 1 }, 's'), { vendor: intercom, now }).warnings.some((w) => w.includes('expired')));
  });

  it('warns on an alg other than HS256 and does not claim to have verified it', () => {
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"user_id":"1","exp":9999999999}').toString('base64url')}.`;
    const result = inspectJwt(token, { secret: 's', now });
    assert.equal(result.signatureValid, undefined);
    assert.match(result.warnings[0] ?? '', /none/);
  });

  it("wants Zendesk's kid and external_id", () => {
    const warnings = inspectJwt(signHs256({ exp: now + 5 }, 's'), { vendor: getVendor('zendesk'), now }).warnings.join(' ');
    assert.match(warnings, /kid/);
    assert.match(warnings, /external_id/);
  });

  it('explains malformed tokens', () => {
    assert.throws(() => inspectJwt('abc'), JwtFormatError);
    assert.throws(() => inspectJwt('a.b.c'), /JSON/);
    assert.throws(() => inspectJwt(`${Buffer.from('[1]').toString('base64url')}.e30.`), /object/);
  });
});
