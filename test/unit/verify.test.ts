import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { verifyUserHash, type VerifyInput } from '../../src/core/verify';
import { getVendor } from '../../src/core/vendors';

const hmac = (key: string | Buffer, message: string) => createHmac('sha256', key).update(message, 'utf8').digest();
const intercom = getVendor('intercom');
const base: VerifyInput = { hash: '', identifiers: { userId: '42', email: 'alice@example.com' }, vendor: intercom, platform: 'web', secret: 'web-secret' };
const check = (hash: string, extra: Partial<VerifyInput> = {}) => verifyUserHash({ ...base, hash, ...extra });

describe('core/verify', () => {
  it('accepts the right hash of the user id', () => {
    const result = check(hmac('web-secret', '42').toString('hex'));
    assert.equal(result.match, true);
    assert.equal(result.identifier.kind, 'user_id');
  });

  it('tolerates surrounding whitespace in the pasted hash', () => {
    assert.equal(check(`  ${hmac('web-secret', '42').toString('hex')}\n`).match, true);
  });

  const cases: Array<[string, string, Partial<VerifyInput>?]> = [
    ['uppercase-hex', hmac('web-secret', '42').toString('hex').toUpperCase()],
    ['base64', hmac('web-secret', '42').toString('base64')],
    ['base64', hmac('web-secret', '42').toString('base64url')],
    ['email-instead-of-user-id', hmac('web-secret', 'alice@example.com').toString('hex')],
    ['user-id-instead-of-email', hmac('s', '42').toString('hex'), { vendor: getVendor('crisp'), secret: 's' }],
    ['key-message-swapped', hmac('42', 'web-secret').toString('hex')],
    ['identifier-whitespace', hmac('web-secret', '42\n').toString('hex')],
    ['identifier-whitespace', hmac('web-secret', '42').toString('hex'), { identifiers: { userId: ' 42 ' } }],
    ['identifier-case', hmac('web-secret', 'alice@example.com').toString('hex'), { identifiers: { email: 'Alice@Example.com' } }],
    ['previous-secret', hmac('old-secret', '42').toString('hex'), { previousSecret: 'old-secret' }],
    ['other-platform-secret', hmac('ios-secret', '42').toString('hex'), { otherPlatformSecrets: { ios: 'ios-secret', android: 'android-secret' } }],
    ['secret-encoding', hmac('0b0b', 'a@b.co').toString('hex'), { vendor: getVendor('pylon'), secret: '0b0b', identifiers: { email: 'a@b.co' } }],
  ];
  for (const [id, hash, extra] of cases) {
    it(`diagnoses ${id}${extra ? ` (${Object.keys(extra).join(', ')})` : ''}`, () => {
      const result = check(hash, extra);
      assert.equal(result.match, false);
      assert.equal(result.diagnosis?.id, id);
      assert.ok((result.diagnosis?.message.length ?? 0) > 20);
    });
  }

  it('names a combined mistake: email hashed and uppercased', () => {
    const result = check(hmac('web-secret', 'alice@example.com').toString('hex').toUpperCase());
    assert.equal(result.diagnosis?.id, 'email-instead-of-user-id');
    assert.match(result.diagnosis?.message ?? '', /uppercase/);
  });

  it('reports no diagnosis for an unrelated hash, with the expected value', () => {
    const result = check('0'.repeat(64));
    assert.equal(result.match, false);
    assert.equal(result.diagnosis, undefined);
    assert.equal(result.expected, hmac('web-secret', '42').toString('hex'));
  });
});
