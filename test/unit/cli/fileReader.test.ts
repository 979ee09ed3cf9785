import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReader } from '../../../src/cli/fileReader';

describe('cli: FileReader', () => {
  let dir = '';
  before(() => { dir = mkdtempSync(join(tmpdir(), 'idv-reader-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('reads whole files, one after another, into the same buffer', () => {
    const reader = new FileReader();
    const a = file('a.txt', Buffer.from('first file, longer than the second'));
    const b = file('b.txt', Buffer.from('second'));
    assert.equal(Buffer.from(reader.read(a, 100)).toString(), 'first file, longer than the second');
    assert.equal(Buffer.from(reader.read(b, 100)).toString(), 'second');
    assert.equal(reader.read(file('empty', Buffer.alloc(0)), 100).length, 0);
  });

  it('stops one byte past the limit, so callers can tell the file is over it', () => {
    const reader = new FileReader();
    const path = file('ten', Buffer.from('0123456789'));
    assert.equal(reader.read(path, 10).length, 10);
    assert.equal(Buffer.from(reader.read(path, 9)).toString(), '0123456789');
    assert.equal(Buffer.from(reader.read(path, 4)).toString(), '01234');
  });

  it('grows past its first megabyte up to the limit, keeping what it has read', () => {
    const reader = new FileReader();
    const big = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const path = file('big.bin', big);
    assert.ok(Buffer.from(reader.read(path, 4 * 1024 * 1024)).equals(big));
    assert.equal(reader.read(path, 2 * 1024 * 1024).length, 2 * 1024 * 1024 + 1);
    assert.equal(Buffer.from(reader.read(file('small', Buffer.from('ok')), 10)).toString(), 'ok');
  });

  it('throws the system error for missing files and directories', () => {
    const reader = new FileReader();
    assert.throws(() => reader.read(join(dir, 'missing'), 10), { code: 'ENOENT' });
    assert.throws(() => reader.read(dir, 10), { code: 'EISDIR' });
  });
});
