import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { chooseIdentifier, computeUserHash, constantTimeEqual, hmacSha256, secretKey } from '../../src/core/hmac';
import { getVendor } from '../../src/core/vendors';
import { RFC4231 } from './vectors';

describe('core/hmac', () => {
  it("matches Intercom's known answer for key \"secret\", message \"Message\"", () => {
    assert.equal(computeUserHash('secret', 'Message'), 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597');
  });

  for (const vector of RFC4231) {
    it(`matches RFC 4231 ${vector.name}`, () => {
      // The RFC's keys and data are bytes, not text: keys go through the hex-secret path.
      const mac = hmacSha256(secretKey(vector.keyHex, 'hex'), Buffer.from(vector.dataHex, 'hex')).toString('hex');
      assert.equal(mac.slice(0, vector.sha256.length), vector.sha256);
    });
  }

  it('hashes UTF-8 identifiers as UTF-8 bytes', () => {
    const id = 'zoë@exämple.com';
    assert.equal(computeUserHash('secret', id), createHmac('sha256', 'secret').update(Buffer.from(id, 'utf8')).digest('hex'));
    assert.notEqual(computeUserHash('secret', id), createHmac('sha256', 'secret').update(Buffer.from(id, 'latin1')).digest('hex'));
  });

  it('always returns lowercase hex', () => {
    assert.match(computeUserHash('k', 'ABC'), /^[0-9a-f]{64}$/);
  });

  it("hex-decodes Pylon's secret before use", () => {
    const pylon = getVendor('pylon');
    assert.equal(computeUserHash('0b0b0b0b', 'a@b.co', pylon), createHmac('sha256', Buffer.from([11, 11, 11, 11])).update('a@b.co').digest('hex'));
  });

  it('rejects a hex secret that is not hex rather than silently truncating it', () => {
    assert.throws(() => secretKey('abz1', 'hex'), /hex/);
    assert.throws(() => secretKey('abc', 'hex'), /even/);
  });

  it('compares in constant time and handles unequal lengths', () => {
    assert.equal(constantTimeEqual('abc', 'abc'), true);
    assert.equal(constantTimeEqual('abc', 'abd'), false);
    assert.equal(constantTimeEqual('abc', 'abcd'), false);
  });

  describe('chooseIdentifier', () => {
    const intercom = getVendor('intercom');
    it('hashes the user id when both are given, and says so', () => {
      const chosen = chooseIdentifier({ userId: '42', email: 'a@b.co' }, intercom);
      assert.equal(chosen.value, '42');
      assert.match(chosen.note ?? '', /user id is hashed/);
    });
    it('falls back to the email when there is no user id', () => {
      assert.deepEqual(chooseIdentifier({ email: 'a@b.co' }, intercom), { value: 'a@b.co', kind: 'email' });
    });
    it('hashes the email for email vendors', () => {
      assert.equal(chooseIdentifier({ userId: '42', email: 'a@b.co' }, getVendor('crisp')).value, 'a@b.co');
    });
    it('refuses an unidentified user', () => {
      assert.throws(() => chooseIdentifier({}, intercom), /unidentified/i);
    });
  });
});
