import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReader, writeBack } from '../../../src/cli/fileReader';

describe('cli: FileReader', () => {
  let dir = '';
  let outside = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-reader-'));
    outside = mkdtempSync(join(tmpdir(), 'idv-outside-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const text = (r: ReturnType<FileReader['read']>) => {
    assert.ok(r.bytes, `expected bytes, got skip ${JSON.stringify(r.skip)}`);
    return Buffer.from(r.bytes).toString();
  };

  it('reads whole files, one after another, into the same buffer', () => {
    const reader = new FileReader();
    const a = file('a.txt', Buffer.from('first file, longer than the second'));
    const b = file('b.txt', Buffer.from('second'));
    assert.equal(text(reader.read(a, dir, 100)), 'first file, longer than the second');
    assert.equal(text(reader.read(b, dir, 100)), 'second');
    assert.equal(text(reader.read(file('empty', Buffer.alloc(0)), dir, 100)), '');
  });

  it('reports a file over the limit as too large, naming the setting, without reading it', () => {
    const reader = new FileReader();
    const path = file('ten', Buffer.from('0123456789'));
    assert.equal(text(reader.read(path, dir, 10)), '0123456789');
    const skip = reader.read(path, dir, 9).skip;
    assert.equal(skip?.kind, 'too-large');
    assert.match(skip?.reason ?? '', /maxFileSizeBytes/);
  });

  it('grows past its first megabyte up to the limit, keeping what it has read', () => {
    const reader = new FileReader();
    const big = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const path = file('big.bin', big);
    const r = reader.read(path, dir, 4 * 1024 * 1024);
    assert.ok(r.bytes && Buffer.from(r.bytes).equals(big));
    assert.equal(text(reader.read(file('small', Buffer.from('ok')), dir, 10)), 'ok');
  });

  it('reports missing files and folders instead of throwing', () => {
    const reader = new FileReader();
    assert.equal(reader.read(join(dir, 'missing'), dir, 10).gone, true);
    writeFileSync(join(dir, 'locked'), 'x', { mode: 0o000 });
    if (process.getuid?.() !== 0) assert.equal(reader.read(join(dir, 'locked'), dir, 10).skip?.kind, 'unreadable');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    assert.equal(reader.read(join(dir, 'sub'), dir, 10).skip?.kind, 'not-regular');
  });

  it('never follows a link, never opens a FIFO, never reads through a folder link out of the root', () => {
    const reader = new FileReader();
    writeFileSync(join(outside, 'secret.txt'), 'outside');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'to-outside'));
    symlinkSync('/dev/stdin', join(dir, 'to-stdin'));
    symlinkSync(outside, join(dir, 'linked-dir'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    assert.equal(reader.read(join(dir, 'to-outside'), dir, 100).skip?.kind, 'symlink');
    assert.equal(reader.read(join(dir, 'to-stdin'), dir, 100).skip?.kind, 'symlink');
    assert.equal(reader.read(join(dir, 'fifo'), dir, 100).skip?.kind, 'not-regular');
    assert.equal(reader.read(join(dir, 'linked-dir', 'secret.txt'), dir, 100).skip?.kind, 'outside-root');
  });

  it('writes back only to the file it read, never through a link', () => {
    const reader = new FileReader();
    const path = file('fix-me.txt', Buffer.from('before'));
    const r = reader.read(path, dir, 100, { identify: true });
    assert.ok(r.bytes);
    const { identity } = r;
    writeBack(path, identity, Buffer.from('after'));
    assert.equal(readFileSync(path, 'utf8'), 'after');
    // The path now names another file (replaced meanwhile by a rename, as editors save): not written.
    writeFileSync(`${path}.new`, 'replaced');
    renameSync(`${path}.new`, path);
    assert.throws(() => writeBack(path, identity, Buffer.from('x')), /changed while it was scanned/);
    // The path is now a link to a file outside: not written, the target untouched.
    rmSync(path);
    writeFileSync(join(outside, 'target.txt'), 'untouched');
    symlinkSync(join(outside, 'target.txt'), path);
    assert.throws(() => writeBack(path, identity, Buffer.from('x')));
    assert.equal(readFileSync(join(outside, 'target.txt'), 'utf8'), 'untouched');
  });
});
