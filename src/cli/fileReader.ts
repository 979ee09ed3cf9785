/**
 * Reads the files of a scan one after another into one reused buffer. A scan reads thousands
 * of mostly small files, where the cost is per file, not per byte: measured on 3,000 files from
 * node_modules, skipping readFile's fstat and per-file allocation saves about a sixth of the
 * read time, and the async pool this replaced was slower still. Memory stays flat: the buffer
 * grows only up to the size limit plus one byte, which is enough to tell that a file is over it.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const INITIAL_SIZE = 1 << 20;

export class FileReader {
  private buffer = Buffer.allocUnsafe(INITIAL_SIZE);

  /**
   * The first `maxBytes + 1` bytes of the file at `path` at most (more than `maxBytes` means
   * the file is over the limit). The bytes are only valid until the next call.
   */
  read(path: string, maxBytes: number): Uint8Array {
    const limit = maxBytes + 1;
    const fd = openSync(path, 'r');
    try {
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
    } finally {
      closeSync(fd);
    }
  }
}
