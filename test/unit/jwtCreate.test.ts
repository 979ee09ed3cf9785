import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { inspectJwt } from '../../src/core/jwt';
import { createTestJwt, DEFAULT_LIFETIME_SECONDS, TEST_JWT_LIFETIMES, testJwtPlan, type TestJwtInput } from '../../src/core/jwtCreate';
import { getVendor, VENDORS } from '../../src/core/vendors';

const now = 1_800_000_000;

/** Decodes and verifies a token without the code under test: base64url JSON and node:crypto's HMAC. */
function verifyIndependently(token: string, secret: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h = '', p = '', s = ''] = token.split('.');
  assert.equal(token.split('.').length, 3);
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${h}.${p}`).digest('base64url');
  assert.equal(s, expected, 'the signature is HMAC-SHA256(secret, header.payload), base64url');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

describe('core/jwtCreate', () => {
  it('signs an Intercom token HS256 with user_id, email, iat and exp, as node:crypto verifies it', () => {
    const { token } = createTestJwt(getVendor('intercom'), 'test-secret', { claims: { user_id: '42', email: 'a@b.co' }, lifetimeSeconds: 600, now });
    const { header, payload } = verifyIndependently(token, 'test-secret');
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(payload, { user_id: '42', email: 'a@b.co', iat: now, exp: now + 600 });
  });

  it('passes the existing inspector with the same secret, and fails it with another', () => {
    const intercom = getVendor('intercom');
    const { token } = createTestJwt(intercom, 'test-secret', { claims: { user_id: '42' }, now });
    const inspected = inspectJwt(token, { secret: 'test-secret', vendor: intercom, now });
    assert.equal(inspected.signatureValid, true);
    assert.deepEqual(inspected.problems, []);
    assert.equal(inspected.payload.exp, now + DEFAULT_LIFETIME_SECONDS);
    assert.equal(inspectJwt(token, { secret: 'other', vendor: intercom, now }).signatureValid, false);
  });

  it("gives Zendesk external_id, scope \"user\" and the key id as kid", () => {
    const zendesk = getVendor('zendesk');
    const { token } = createTestJwt(zendesk, 'zd', { claims: { external_id: 'u-7' }, kid: 'app_123', lifetimeSeconds: 86_400, now });
    const { header, payload } = verifyIndependently(token, 'zd');
    assert.deepEqual(header, { alg: 'HS256', typ: 'JWT', kid: 'app_123' });
    assert.deepEqual(payload, { external_id: 'u-7', scope: 'user', iat: now, exp: now + 86_400 });
    assert.deepEqual(inspectJwt(token, { secret: 'zd', vendor: zendesk, now }).problems, []);
  });

  it('asks each JWT vendor for its identifier and required claims, never for a fixed one', () => {
    assert.deepEqual(testJwtPlan(getVendor('intercom')).questions.map((q) => [q.claim, q.required]), [['user_id', true], ['email', false]]);
    const zendesk = testJwtPlan(getVendor('zendesk'));
    assert.deepEqual(zendesk.questions.map((q) => [q.claim, q.required]), [['external_id', true], ['email', false]]);
    assert.deepEqual(zendesk.fixedClaims, { scope: 'user' });
    assert.equal(zendesk.needsKid, true);
    assert.deepEqual(testJwtPlan(getVendor('featurebase')).questions.map((q) => [q.claim, q.required]), [['userId', false], ['email', true]]);
    // Every vendor with a JWT: a token from its plan passes the inspector without problems.
    for (const vendor of VENDORS.filter((v) => v.jwt)) {
      const plan = testJwtPlan(vendor);
      const claims = Object.fromEntries(plan.questions.map((q) => [q.claim, q.claim === 'email' ? 'a@b.co' : 'x1']));
      const { token } = createTestJwt(vendor, 's', { claims, kid: 'k', now });
      assert.deepEqual(inspectJwt(token, { secret: 's', vendor, now }).problems, [], vendor.id);
    }
  });

  it('refuses a token without a required claim or kid, and leaves empty optional claims out', () => {
    assert.throws(() => createTestJwt(getVendor('intercom'), 's', { claims: { user_id: ' ' }, now }), /Intercom requires the claim "user_id"/);
    assert.throws(() => createTestJwt(getVendor('zendesk'), 's', { claims: { external_id: '1' }, now }), /key id/);
    assert.throws(() => createTestJwt(getVendor('crisp'), 's', { claims: {}, now }), /no JWT/);
    assert.throws(() => createTestJwt(getVendor('intercom'), 's', { claims: { user_id: '1' }, lifetimeSeconds: 0, now }), /positive/);
    const { payload } = createTestJwt(getVendor('intercom'), 's', { claims: { user_id: '1', email: '' }, now });
    assert.equal('email' in payload, false);
  });

  it('never puts the secret into an error message', () => {
    const secret = 'do-not-show-me';
    const inputs: TestJwtInput[] = [{ claims: {} }, { claims: { user_id: '1' }, lifetimeSeconds: -1 }];
    for (const input of inputs) {
      assert.throws(() => createTestJwt(getVendor('intercom'), secret, input), (error: Error) => !error.message.includes(secret));
    }
  });

  it('offers 10 minutes, 1 hour and 1 day, one hour first as the default', () => {
    assert.deepEqual(TEST_JWT_LIFETIMES.map((l) => l.seconds).sort((a, b) => a - b), [600, 3600, 86_400]);
    assert.equal(TEST_JWT_LIFETIMES[0]?.seconds, DEFAULT_LIFETIME_SECONDS);
  });
});
