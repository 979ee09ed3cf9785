/**
 * Reads `git log --raw -z --format=<RAW_COMMIT_FORMAT>` as it streams: NUL-separated fields, a commit
 * header, then per changed path its `:old-mode new-mode old-id new-id status` field followed by
 * the path. The field after a status field is always a path, so no path (whatever bytes it
 * holds) is mistaken for a commit header. Pure.
 */
import { Buffer } from 'node:buffer';
import type { CommitInfo } from './types';

const MARKER = 'IDV-COMMIT';

/** The `--format` the parser expects: the marker, the commit id, the strict ISO author date, the author. */
export const RAW_COMMIT_FORMAT = `${MARKER} %H %aI %an`;

/** A path whose version changed in a commit: its new mode and blob id. */
export interface LogChange {
  readonly mode: string;
  readonly blob: string;
  readonly path: string;
}

export type LogRecord =
  | { readonly kind: 'commit'; readonly commit: CommitInfo }
  | ({ readonly kind: 'change' } & LogChange);

export class RawLogParser {
  private rest: Buffer = Buffer.alloc(0);
  private status: { mode: string; blob: string; keep: boolean } | undefined;

  /** The records completed by `chunk`. */
  push(chunk: Buffer): LogRecord[] {
    const bytes = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    const out: LogRecord[] = [];
    let start = 0;
    for (let nul = bytes.indexOf(0, start); nul >= 0; nul = bytes.indexOf(0, start)) {
      this.field(bytes.subarray(start, nul), out);
      start = nul + 1;
    }
    this.rest = Buffer.from(bytes.subarray(start));
    return out;
  }

  /** Records from a last field without its terminator. */
  end(): LogRecord[] {
    const out: LogRecord[] = [];
    if (this.rest.length > 0) this.field(this.rest, out);
    this.rest = Buffer.alloc(0);
    return out;
  }

  private field(bytes: Buffer, out: LogRecord[]): void {
    if (this.status) {
      const { mode, blob, keep } = this.status;
      this.status = undefined;
      if (keep) out.push({ kind: 'change', mode, blob, path: bytes.toString('utf8') });
      return;
    }
    const text = bytes.toString('utf8').replace(/^\n+/, '');
    if (text.startsWith(':')) {
      // `:100644 100644 <old> <new> M`: deletions (all-zero new id) and submodules (a commit id) hold no blob.
      const [, mode = '', , blob = '', status = ''] = text.slice(1).split(' ');
      this.status = { mode, blob, keep: !/^0+$/.test(blob) && mode !== '160000' && !status.startsWith('D') };
    } else if (text.startsWith(`${MARKER} `)) {
      const [, id = '', date = '', ...author] = text.split(' ');
      out.push({ kind: 'commit', commit: { sha: id, date, author: author.join(' ') } });
    }
  }
}
