/**
 * A streaming multi-pattern byte search that is linear in its input. Chunks are gathered into
 * windows of at least `MIN_WINDOW` bytes; each window starts with the last (longest pattern - 1)
 * bytes of the one before, so a match across a chunk boundary is found, and a pattern is only
 * looked for where a match would end in the new bytes, so none is found twice. Patterns are
 * bounded (forms.ts), so Buffer.indexOf per pattern costs a bounded factor per byte.
 * Pure: the bytes come from whoever reads the file, the archive entry or the git blob.
 */
import { Buffer } from 'node:buffer';
import { looksBinary, sniffEncoding } from '../files/index';

/** Bytes gathered before a window is searched: small chunks would make the overlap dominate. */
const MIN_WINDOW = 64 * 1024;
/** Matches remembered per stream (then only counted), and listed per stream. */
const COLLECT_CAP = 1000;
export const LISTED_PER_STREAM = 20;

/** One match: which pattern, where (0-based byte offset), and in text its 1-based line and column (UTF-16 units, as editors count). */
export interface StreamHit {
  readonly pattern: number;
  readonly offset: number;
  readonly length: number;
  readonly line?: number;
  readonly column?: number;
}

/** What one stream held: its first matches (one per place: overlapping matches are one) and how many more. */
export interface StreamResult {
  readonly hits: readonly StreamHit[];
  readonly more: number;
  readonly bytes: number;
}

/** The work done, for the linearity test and the report: bytes handed in, and bytes indexOf was asked to examine. */
export interface SearchStats {
  bytesFed: number;
  bytesExamined: number;
}

/** The compiled patterns; `stream()` searches one file, entry or blob. */
export class MultiSearch {
  readonly maxLength: number;
  readonly stats: SearchStats = { bytesFed: 0, bytesExamined: 0 };

  constructor(readonly patterns: readonly Buffer[]) {
    if (patterns.length === 0 || patterns.some((p) => p.length === 0)) throw new RangeError('MultiSearch needs non-empty patterns');
    this.maxLength = Math.max(...patterns.map((p) => p.length));
  }

  /** A new stream; feed it with `push`, then `end()`. */
  stream(): StreamSearch {
    return new StreamSearch(this);
  }

  /** Searches one buffer whole. */
  searchBytes(bytes: Uint8Array): StreamResult {
    const s = this.stream();
    s.push(bytes);
    return s.end();
  }
}

export class StreamSearch {
  private tail: Buffer = Buffer.alloc(0);
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** Bytes before the current tail: the tail starts at this absolute offset. */
  private consumed = 0;
  private lines: LineCounter | undefined;
  private decided = false;
  private readonly found: StreamHit[] = [];
  private uncollected = 0;

  constructor(private readonly search: MultiSearch) {}

  /** Adds the next bytes. The chunk may be kept until the window is full: do not reuse its memory. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    this.search.stats.bytesFed += chunk.length;
    if (this.pendingLength >= Math.max(MIN_WINDOW, 4 * this.search.maxLength)) this.flush();
  }

  /** Searches what is left and returns the matches: sorted, one per place, the first `LISTED_PER_STREAM` listed. */
  end(): StreamResult {
    this.flush();
    // One place, one hit: matches that overlap are one occurrence in several encodings (the full
    // base64 holds its inner core; UTF-16BE matches UTF-16LE shifted by one after a NUL byte).
    // The form listed first in forms.ts, the more specific one, names it.
    const sorted = [...this.found].sort((a, b) => a.offset - b.offset);
    const kept: StreamHit[] = [];
    let reach = -1;
    for (const hit of sorted) {
      const last = kept[kept.length - 1];
      if (last === undefined || hit.offset >= reach) kept.push(hit);
      else if (hit.pattern < last.pattern) kept[kept.length - 1] = hit;
      reach = Math.max(reach, hit.offset + hit.length);
    }
    const listed = kept.slice(0, LISTED_PER_STREAM);
    return { hits: listed, more: kept.length - listed.length + this.uncollected, bytes: this.consumed + this.tail.length };
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const window = Buffer.concat([this.tail, ...this.pending]);
    const tailLength = this.tail.length;
    const windowStart = this.consumed;
    this.pending = [];
    this.pendingLength = 0;
    if (!this.decided) {
      this.decided = true;
      // Line and column only mean something in UTF-8 text; elsewhere the byte offset is the position.
      const encoding = sniffEncoding(window);
      if ((encoding === 'utf8' || encoding === 'utf8bom') && !looksBinary(window)) this.lines = new LineCounter(encoding === 'utf8bom' ? 3 : 0);
    }
    const hits: { pattern: number; at: number }[] = [];
    const { patterns, stats } = this.search;
    for (let p = 0; p < patterns.length; p++) {
      const pattern = patterns[p] as Buffer;
      // A match that ends inside the tail was found in the previous window.
      const start = Math.max(0, tailLength - pattern.length + 1);
      stats.bytesExamined += Math.max(0, window.length - start);
      for (let at = window.indexOf(pattern, start); at >= 0; at = window.indexOf(pattern, at + 1)) {
        if (this.found.length + hits.length >= COLLECT_CAP) {
          this.uncollected++;
          break;
        }
        hits.push({ pattern: p, at });
      }
    }
    const keep = Math.min(window.length, this.search.maxLength - 1);
    const boundary = window.length - keep;
    if (this.lines) {
      // One walk through the window: to each match in order, and to where the next tail starts.
      const walker = this.lines.clone();
      const stops = [...hits.map((h) => h.at), boundary].sort((a, b) => a - b);
      const at = new Map<number, { line: number; column: number }>();
      let pos = 0;
      for (const stop of stops) {
        walker.advance(window, windowStart, pos, stop);
        pos = stop;
        at.set(stop, { line: walker.line + 1, column: walker.column + 1 });
        if (stop === boundary) this.lines = walker.clone();
      }
      for (const h of hits) this.found.push({ pattern: h.pattern, offset: windowStart + h.at, length: (patterns[h.pattern] as Buffer).length, ...at.get(h.at) });
    } else {
      for (const h of hits) this.found.push({ pattern: h.pattern, offset: windowStart + h.at, length: (patterns[h.pattern] as Buffer).length });
    }
    // A copy: the tail must not keep the whole window alive.
    this.tail = Buffer.from(window.subarray(boundary));
    this.consumed = windowStart + boundary;
  }
}

/**
 * Line and column as VS Code counts them: lines end at LF, CRLF or a lone CR; columns are
 * UTF-16 code units (a 4-byte UTF-8 sequence is two). A byte order mark is not a column.
 */
class LineCounter {
  line = 0;
  column = 0;
  private afterCr = false;

  constructor(private readonly bomLength: number) {}

  clone(): LineCounter {
    const c = new LineCounter(this.bomLength);
    c.line = this.line;
    c.column = this.column;
    c.afterCr = this.afterCr;
    return c;
  }

  /** Counts `bytes[from, to)`, which lie at `base + from` in the stream. */
  advance(bytes: Uint8Array, base: number, from: number, to: number): void {
    for (let i = Math.max(from, this.bomLength - base); i < to; i++) {
      const b = bytes[i] as number;
      if (b === 10) {
        if (!this.afterCr) this.line++;
        this.column = 0;
        this.afterCr = false;
      } else if (b === 13) {
        this.line++;
        this.column = 0;
        this.afterCr = true;
      } else {
        this.afterCr = false;
        if ((b & 0xc0) !== 0x80) this.column += b >= 0xf0 ? 2 : 1;
      }
    }
  }
}
