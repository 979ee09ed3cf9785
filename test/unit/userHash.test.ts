import * as assert from 'node:assert/strict';
import { computeUserHash, nodeHmac, secretKey } from '../../src/core/hmac';
import { computeUserHashWith, secretKeyBytes, toHex, webCryptoHmac, type HmacSha256 } from '../../src/core/userHash';
import { getVendor } from '../../src/core/vendors';
import { RFC4231 } from './vectors';

const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

/** Secrets and identifiers where byte handling could differ: non-ASCII, a lone surrogate, empty, long. */
const TEXT_CASES: readonly { readonly secret: string; readonly identifier: string }[] = [
  { secret: 'secret', identifier: 'Message' },
  { secret: 'sk_live_ümlaut€', identifier: 'zoë@exämple.com' },
  { secret: 'k', identifier: '' },
  { secret: 'lone \ud800 surrogate', identifier: 'id \udfff' },
  { secret: 'x'.repeat(200), identifier: '😀'.repeat(100) },
];

describe('core/userHash (the browser host\'s WebCrypto HMAC beside node:crypto)', () => {
  const implementations: readonly (readonly [string, HmacSha256])[] = [['node:crypto', nodeHmac], ['WebCrypto', webCryptoHmac]];

  for (const [name, hmac] of implementations) {
    it(`${name}: matches every RFC 4231 vector`, async () => {
      for (const vector of RFC4231) {
        const mac = toHex(await hmac(fromHex(vector.keyHex), fromHex(vector.dataHex)));
        assert.equal(mac.slice(0, vector.sha256.length), vector.sha256, vector.name);
      }
    });

    it(`${name}: matches Intercom's known answer`, async () => {
      assert.equal(await computeUserHashWith(hmac, 'secret', 'Message'), 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597');
    });
  }

  it('gives the same user hash as the synchronous Node path for text and hex secrets', async () => {
    const pylon = getVendor('pylon');
    for (const { secret, identifier } of TEXT_CASES) {
      const expected = computeUserHash(secret, identifier);
      assert.equal(await computeUserHashWith(webCryptoHmac, secret, identifier), expected, JSON.stringify(identifier));
      assert.equal(await computeUserHashWith(nodeHmac, secret, identifier), expected, JSON.stringify(identifier));
    }
    for (const secret of ['0b0b0b0b', 'AABBccdd', ` ${'aa'.repeat(131)} `]) {
      assert.equal(await computeUserHashWith(webCryptoHmac, secret, 'a@b.co', pylon), computeUserHash(secret, 'a@b.co', pylon), secret);
    }
  });

  it('decodes secrets to the same bytes as secretKey, and refuses the same malformed hex', () => {
    for (const secret of ['abc', 'ümlaut', 'lone \ud800']) assert.deepEqual(Buffer.from(secretKeyBytes(secret)), secretKey(secret));
    assert.deepEqual(Buffer.from(secretKeyBytes('0A0b', 'hex')), Buffer.from([10, 11]));
    for (const bad of ['abz1', 'abc', '', '  ']) {
      assert.throws(() => secretKeyBytes(bad, 'hex'), /hex/);
      assert.throws(() => secretKey(bad, 'hex'), /hex/);
    }
  });
});
