/** RFC 4231 HMAC-SHA256 test vectors (section 4), keys and data as hex. */
export interface HmacVector {
  readonly name: string;
  readonly keyHex: string;
  readonly dataHex: string;
  /** Expected MAC, hex; test case 5 is truncated to 128 bits by the RFC. */
  readonly sha256: string;
}

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

export const RFC4231: readonly HmacVector[] = [
  { name: 'test case 1', keyHex: '0b'.repeat(20), dataHex: hex('Hi There'), sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7' },
  { name: 'test case 2 (short key)', keyHex: hex('Jefe'), dataHex: hex('what do ya want for nothing?'), sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' },
  { name: 'test case 3', keyHex: 'aa'.repeat(20), dataHex: 'dd'.repeat(50), sha256: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe' },
  { name: 'test case 4', keyHex: '0102030405060708090a0b0c0d0e0f10111213141516171819', dataHex: 'cd'.repeat(50), sha256: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b' },
  { name: 'test case 5 (truncated)', keyHex: '0c'.repeat(20), dataHex: hex('Test With Truncation'), sha256: 'a3b6167473100ee06e0c796c2955552b' },
  { name: 'test case 6 (131-byte key)', keyHex: 'aa'.repeat(131), dataHex: hex('Test Using Larger Than Block-Size Key - Hash Key First'), sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54' },
  { name: 'test case 7 (131-byte key, long data)', keyHex: 'aa'.repeat(131), dataHex: hex('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'), sha256: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2' },
];
