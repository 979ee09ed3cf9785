/**
 * Reads the files of a scan one after another into one reused buffer, and only files that are
 * what they claim to be. A scan reads thousands of mostly small files, where the cost is per
 * file, not per byte; memory stays flat: the buffer grows only up to the size limit.
 *
 * Safety: a path is opened without following a final symbolic link (O_NOFOLLOW) and without
 * blocking (O_NONBLOCK, so a FIFO cannot hang the scan), and for paths from git's list every
 * folder on the way is checked not to be a link, so no link anywhere leads the scan out of
 * the tree. `--fix` writes back through `writeBack`, which checks that
 * the path still names the very file that was read.
 */
import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, openSync, readSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { isInside } from '../core/engine/git';
import { describeError, tooLarge, type Skip } from '../core/files/index';

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

/** How much checking a path needs beyond O_NOFOLLOW on its last component. */
export interface ReadOptions {
  /**
   * The path came from a walk that followed no link (the plain walk): its folders are inside
   * the root by construction. Paths from git's list are checked folder by folder.
   */
  readonly walked?: boolean;
  /** Record the file's identity for `writeBack` (one fstat; only `--fix` needs it). */
  readonly identify?: boolean;
}

export class FileReader {
  private buffer = Buffer.allocUnsafe(INITIAL_SIZE);
  /** Folders known to lie inside a root without a link on the way, per root. */
  private readonly insideDirs = new Map<string, Set<string>>();

  /**
   * Reads the regular file at `path`, which must lie inside `root` (no linked folder on the
   * way), if it is at most `maxBytes` long; otherwise says why not. I/O errors become skips.
   */
  read(path: string, root: string, maxBytes: number, options: ReadOptions = {}): ReadResult {
    if (options.walked !== true && !this.insideRoot(dirname(path), root)) return { skip: { kind: 'outside-root', reason: 'reached through a linked folder that leads out of the scanned folder' } };
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
      // No fstat on the hot path: the walks hand over regular files only, O_NOFOLLOW stops
      // links, O_NONBLOCK makes a FIFO swapped in meanwhile answer at once (EAGAIN or nothing
      // to read), and a folder fails the read with EISDIR. Reading one byte past the limit
      // tells an over-size file.
      const bytes = this.fill(fd, maxBytes + 1);
      if (bytes.length > maxBytes) return { skip: tooLarge(maxBytes) };
      // Nothing read: an empty file, or a FIFO without a writer. Only then is fstat worth it.
      const st = bytes.length === 0 || options.identify === true ? fstatSync(fd) : undefined;
      if (st && !st.isFile()) return { skip: { kind: 'not-regular', reason: 'not a regular file (device, FIFO or socket)' } };
      const identity = st ? identityOf(st) : NO_IDENTITY;
      return { bytes, identity };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') return { skip: { kind: 'not-regular', reason: 'a folder (a git submodule?)' } };
      if (code === 'EAGAIN') return { skip: { kind: 'not-regular', reason: 'not a regular file (device, FIFO or socket)' } };
      return { skip: { kind: 'unreadable', reason: `could not be read: ${describeError(error)}` } };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads up to `limit` bytes. */
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

  /**
   * Whether `dir` is `root` or below it with no symbolic link on the way: one lstat per folder,
   * remembered, so a tree of thousands of files costs one call per folder.
   */
  private insideRoot(dir: string, root: string): boolean {
    let known = this.insideDirs.get(root);
    if (!known) {
      known = new Set([root]);
      this.insideDirs.set(root, known);
    }
    if (known.has(dir)) return true;
    if (!isInside(dir, root)) return false;
    const parent = dirname(dir);
    if (parent === dir || !this.insideRoot(parent, root)) return false;
    try {
      if (lstatSync(dir).isSymbolicLink()) return false;
    } catch {
      return true; // gone or unreadable: the open that follows reports it
    }
    known.add(dir);
    return true;
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

const NO_IDENTITY: FileIdentity = Object.freeze({ dev: -1, ino: -1 });

function identityOf(st: Stats): FileIdentity {
  return { dev: st.dev, ino: st.ino };
}

function symlink(): Skip {
  return { kind: 'symlink', reason: 'symbolic link, not followed' };
}

