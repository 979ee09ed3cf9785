/**
 * Reads the files of a scan one after another into one reused buffer, and only files that are
 * what they claim to be. A scan reads thousands of mostly small files, where the cost is per
 * file, not per byte; memory stays flat: the buffer grows only up to the size limit.
 *
 * Safety: a path is opened without following a final symbolic link (O_NOFOLLOW) and without
 * blocking (O_NONBLOCK, so a FIFO cannot hang the scan), then fstat must say "regular file" and
 * the folder it is in must resolve inside the scanned root, so no link anywhere on the path
 * leads the scan out of the tree. `--fix` writes back through `writeBack`, which checks that
 * the path still names the very file that was read.
 */
import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, openSync, readSync, realpathSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { isInside } from '../core/engine/git';
import { tooLarge, type Skip } from '../core/files/index';
import { describeError } from './walk';

const INITIAL_SIZE = 1 << 20;
// Windows has neither flag; there an lstat before opening stands in for O_NOFOLLOW.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** What a read gives: the bytes (valid until the next read) and the file's identity, or a skip. */
export type ReadResult =
  | { readonly bytes: Uint8Array; readonly identity: FileIdentity; readonly skip?: undefined; readonly gone?: undefined }
  | { readonly skip: Skip; readonly bytes?: undefined; readonly gone?: undefined }
  /** No file there any more (deleted in the work tree, or during the scan): nothing to read. */
  | { readonly gone: true; readonly bytes?: undefined; readonly skip?: undefined };

/** Device and inode of a file that was read, so a write can check it is the same file. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export class FileReader {
  private buffer = Buffer.allocUnsafe(INITIAL_SIZE);
  private readonly realDirs = new Map<string, string | undefined>();
  private readonly realRoots = new Map<string, string>();

  /**
   * Reads the regular file at `path`, which must lie inside `root` (links included), if it is
   * at most `maxBytes` long; otherwise says why not. I/O errors become `unreadable` skips.
   */
  read(path: string, root: string, maxBytes: number): ReadResult {
    if (!this.insideRoot(path, root)) return { skip: { kind: 'outside-root', reason: 'reached through a linked folder that leads out of the scanned folder' } };
    let fd: number;
    try {
      if (NOFOLLOW === 0 && lstatSync(path).isSymbolicLink()) return { skip: symlink() };
      fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { skip: symlink() };
      if (code === 'ENOENT') return { gone: true };
      return { skip: { kind: 'unreadable', reason: `could not be read: ${describeError(error)}` } };
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return { skip: { kind: 'not-regular', reason: st.isDirectory() ? 'a folder (a git submodule?)' : 'not a regular file (device, FIFO or socket)' } };
      if (st.size > maxBytes) return { skip: tooLarge(maxBytes) };
      return { bytes: this.fill(fd, maxBytes + 1), identity: identityOf(st) };
    } catch (error) {
      return { skip: { kind: 'unreadable', reason: `could not be read: ${describeError(error)}` } };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads up to `limit` bytes: a file that grew since fstat is still cut at the limit. */
  private fill(fd: number, limit: number): Uint8Array {
    let length = 0;
    for (;;) {
      if (length === this.buffer.length) {
        if (length >= limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit, this.buffer.length * 2));
        this.buffer.copy(grown, 0, 0, length);
        this.buffer = grown;
      }
      const n = readSync(fd, this.buffer, length, Math.min(this.buffer.length, limit) - length, null);
      if (n === 0) break;
      length += n;
      if (length >= limit) break;
    }
    return this.buffer.subarray(0, length);
  }

  /** Whether the folder holding `path` resolves inside `root`; one realpath per folder. */
  private insideRoot(path: string, root: string): boolean {
    let realRoot = this.realRoots.get(root);
    if (realRoot === undefined) {
      realRoot = safeRealpath(root) ?? root;
      this.realRoots.set(root, realRoot);
    }
    const dir = dirname(path);
    if (!this.realDirs.has(dir)) this.realDirs.set(dir, safeRealpath(dir));
    const real = this.realDirs.get(dir);
    // A folder that no longer resolves is not outside: the open that follows reports it.
    return real === undefined || isInside(real, realRoot);
  }
}

/**
 * Replaces the contents of the file at `path` with `data`, only if `path` still names the file
 * that was read (same device and inode) and is not a link: `--fix` never writes through a link.
 */
export function writeBack(path: string, identity: FileIdentity, data: Uint8Array): void {
  if (NOFOLLOW === 0 && lstatSync(path).isSymbolicLink()) throw new Error('is now a symbolic link; not written');
  const fd = openSync(path, constants.O_WRONLY | NOFOLLOW | NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.dev !== identity.dev || st.ino !== identity.ino) throw new Error('changed while it was scanned; not written');
    ftruncateSync(fd, 0);
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written, written);
  } finally {
    closeSync(fd);
  }
}

function identityOf(st: Stats): FileIdentity {
  return { dev: st.dev, ino: st.ino };
}

function symlink(): Skip {
  return { kind: 'symlink', reason: 'symbolic link, not followed' };
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}
