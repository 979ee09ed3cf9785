import * as assert from 'node:assert/strict';
import { inspectJwt, signHs256 } from '../../src/core/jwt';
import { isoTime, jwtVerdict, relativeTime, requiredClaimsLine, type ReportContext } from '../../src/core/jwtReport';
import { getVendor } from '../../src/core/vendors';

const now = 1_800_000_000;
const intercom = getVendor('intercom');
const ctx: ReportContext = { vendor: intercom, secretName: 'Intercom Web secret', secretStored: true, now };

/** The verdict for a token signed with `signedWith` and checked against "s". */
function verdictOf(payload: Record<string, unknown>, signedWith = 's', header: Record<string, unknown> = {}, vendor = intercom) {
  const inspection = inspectJwt(signHs256(payload, signedWith, header), { secret: 's', vendor, now });
  return { inspection, verdict: jwtVerdict(inspection, { ...ctx, vendor }) };
}

describe('core/jwtReport', () => {
  it('says times relative to now in whole units, rounded down', () => {
    assert.equal(relativeTime(now + 3599, now), 'in 59 minutes');
    assert.equal(relativeTime(now + 3600, now), 'in 1 hour');
    assert.equal(relativeTime(now - 3 * 86_400 - 5, now), '3 days ago');
    assert.equal(relativeTime(now - 1, now), '1 second ago');
    assert.equal(relativeTime(now, now), 'now');
    assert.equal(relativeTime(now + 2 * 31_536_000, now), 'in 2 years');
    assert.equal(isoTime(now), '2027-01-15T08:00:00Z');
  });

  it('puts the verdict first: valid, invalid signature, expired, missing claims', () => {
    assert.equal(verdictOf({ user_id: '1', exp: now + 3599 }).verdict.kind, 'valid');
    assert.match(verdictOf({ user_id: '1', exp: now + 3599 }).verdict.headline, /^Valid: .* expires in 59 minutes\.$/);
    // A wrong signature outranks every claim problem.
    const forged = verdictOf({ exp: now - 10 }, 'other');
    assert.equal(forged.verdict.kind, 'invalid-signature');
    assert.match(forged.verdict.headline, /^Invalid signature: .*stored Intercom Web secret/);
    assert.deepEqual(forged.verdict.others.map((p) => p.kind), ['missing-claim', 'expired']);
    const expired = verdictOf({ user_id: '1', exp: now - 3 * 86_400 }).verdict;
    assert.equal(expired.kind, 'expired');
    assert.match(expired.headline, /^Expired 3 days ago \(2027-01-12T08:00:00Z\)/);
    const missing = verdictOf({ exp: now + 60 }).verdict;
    assert.equal(missing.kind, 'missing-claims');
    assert.equal(missing.headline, 'Missing required claims: Intercom requires the claim "user_id".');
    const zendesk = verdictOf({ exp: now + 60 }, 's', {}, getVendor('zendesk')).verdict;
    assert.equal(zendesk.headline, 'Missing required claims: Zendesk messaging requires the claims "external_id" and "scope" and the "kid" header (the key id).');
  });

  it('keeps a missing exp as a warning beside a valid signature, and says when nothing was checked', () => {
    const { verdict } = verdictOf({ user_id: '1' });
    assert.equal(verdict.kind, 'valid');
    assert.deepEqual(verdict.others.map((p) => p.kind), ['no-exp']);
    const unchecked = inspectJwt(signHs256({ user_id: '1', exp: now + 60 }, 's'), { vendor: intercom, now });
    assert.match(jwtVerdict(unchecked, { ...ctx, secretStored: false }).headline, /^Signature not checked: no Intercom Web secret is stored/);
    const none = inspectJwt(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"user_id":"1"}').toString('base64url')}.`, { secret: 's', vendor: intercom, now });
    assert.equal(jwtVerdict(none, ctx).kind, 'wrong-alg');
  });

  it('marks each claim and header the vendor requires as present or missing', () => {
    assert.equal(requiredClaimsLine(verdictOf({ user_id: '1' }).inspection, intercom), 'Required by Intercom: "user_id" present.');
    const zendesk = getVendor('zendesk');
    assert.equal(requiredClaimsLine(verdictOf({ external_id: 'a' }, 's', {}, zendesk).inspection, zendesk), 'Required by Zendesk messaging: "external_id" present, "scope" missing, "kid" header missing.');
  });
});
