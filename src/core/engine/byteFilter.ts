/**
 * Whether any of a fixed set of ASCII needles occurs in a file's bytes, in one pass. The string
 * pre-filter (topics.ts) pays one memchr pass per needle, and needles such as `secret` and
 * `hmac`, whose every character is common in code, cost a restart at each `c` or `h`: over a
 * scan of thousands of files that was the largest cost after reading them. Here a WebAssembly
 * SIMD loop (teddy.wat) looks at 16 positions at a time for every needle's 3-byte window at
 * once, and the few candidates it finds are confirmed in JavaScript.
 *
 * Where WebAssembly SIMD is missing, `createByteFilter` returns undefined and callers use the
 * string pre-filter on a Latin-1 view, which gives the same answers.
 */
import { Buffer } from 'node:buffer';
import { charShare } from './search';
import { TEDDY_WASM_BASE64 } from './teddy.wasm';

export interface ByteNeedle {
  readonly needle: string;
  /**
   * Three characters of the needle that the SIMD loop looks for: the rarer they are together,
   * the fewer candidates there are to confirm.
   */
  readonly window: string;
}

export interface ByteFilter {
  /**
   * Whether a needle whose index is true in `wanted` occurs in `bytes`. Needles are searched as
   * their ASCII bytes, which in UTF-8 text can only mean those same characters.
   */
  anyIn(bytes: Uint8Array, wanted: readonly boolean[]): boolean;
  /**
   * Work done so far, counted rather than timed: bytes the SIMD pass moved over and candidates
   * checked. Tests prove linear time with it on a busy machine, where a clock cannot.
   */
  readonly work: { bytes: number; candidates: number };
}

/**
 * The part of the WebAssembly JavaScript API used here. TypeScript declares it in its DOM lib,
 * which this project does not load (it would declare window, document and more in Node code).
 */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => CompiledModule;
  Instance: new (module: CompiledModule) => { readonly exports: unknown };
};
interface CompiledModule {
  readonly compiled: unknown;
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly next: (at: number, end: number) => number;
}

const TABLES = 96;
/** Where the text starts in the module's memory (after the tables, 16-byte aligned). */
const TEXT = 128;
/** The SIMD loop reads up to 17 bytes past the text; they must be zero. */
const PADDING = 32;
/**
 * Above this, the memory the module grew to is let go after the call rather than kept for the
 * next file, so one huge file does not pin its size for the rest of a scan.
 */
const KEEP_BYTES = 16 * 1024 * 1024;
const PAGE = 65536;

let module: CompiledModule | null | undefined;

/** The compiled module, or null where this runtime cannot run it (no WebAssembly SIMD). */
function teddyModule(): CompiledModule | null {
  if (module === undefined) {
    const bytes = Buffer.from(TEDDY_WASM_BASE64, 'base64');
    module = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return module;
}

/** A filter for `needles` (each at least 3 printable ASCII characters), or undefined without WebAssembly SIMD. */
export function createByteFilter(needles: readonly ByteNeedle[]): ByteFilter | undefined {
  const compiled = teddyModule();
  if (!compiled) return undefined;
  const planned = needles.map(plan);
  const tables = buildTables(planned);
  // Candidates are looked up by their three bytes; most of them are no window at all.
  const byWindow = new Map<number, PlannedNeedle[]>();
  for (const p of planned) byWindow.set(p.key, [...(byWindow.get(p.key) ?? []), p]);

  // The instance and a view of its memory, made again only when the memory grows (which
  // detaches the old view) or after a huge file (see KEEP_BYTES).
  let wasm: { readonly exports: Exports; view: Uint8Array } | undefined;
  const open = (bytes: number) => {
    if (!wasm) {
      const exports = new WebAssembly.Instance(compiled).exports as Exports;
      wasm = { exports, view: new Uint8Array(exports.memory.buffer) };
      wasm.view.set(tables, 0);
    }
    if (bytes > wasm.view.length) {
      wasm.exports.memory.grow(Math.ceil((bytes - wasm.view.length) / PAGE));
      wasm.view = new Uint8Array(wasm.exports.memory.buffer);
    }
    return wasm;
  };

  const work = { bytes: 0, candidates: 0 };
  return {
    work,
    anyIn(bytes, wanted) {
      const end = TEXT + bytes.length;
      const needed = end + PADDING;
      const { exports, view } = open(needed);
      view.set(bytes, TEXT);
      view.fill(0, end, needed);
      try {
        let from = TEXT;
        for (let at = exports.next(TEXT, end); at >= 0; at = exports.next(at + 1, end)) {
          work.bytes += at + 1 - from;
          from = at + 1;
          work.candidates++;
          const candidates = byWindow.get((view[at] ?? 0) << 16 | (view[at + 1] ?? 0) << 8 | (view[at + 2] ?? 0));
          if (candidates === undefined) continue;
          for (const c of candidates) if (wanted[c.index] === true && occursAt(view, at - c.offset, TEXT, end, c.codes)) return true;
        }
        work.bytes += end - from;
        return false;
      } finally {
        if (needed > KEEP_BYTES) wasm = undefined;
      }
    },
  };
}

interface PlannedNeedle {
  readonly index: number;
  readonly codes: Uint8Array;
  /** Where the window starts in the needle. */
  readonly offset: number;
  /** The window's three bytes as one number. */
  readonly key: number;
}

function plan({ needle, window }: ByteNeedle, index: number): PlannedNeedle {
  const offset = needle.indexOf(window);
  if (window.length !== 3 || offset < 0) throw new Error(`byte filter: "${window}" is not a 3-character window of "${needle}"`);
  const codes = Uint8Array.from(needle, (c) => c.charCodeAt(0));
  // Printable ASCII only: UTF-8 stays exact, and the zero padding can never match a window.
  if (codes.some((c) => c < 0x20 || c > 0x7e)) throw new Error(`byte filter: "${needle}" is not printable ASCII`);
  const w = codes.subarray(offset, offset + 3);
  return { index, codes, offset, key: (w[0] as number) << 16 | (w[1] as number) << 8 | (w[2] as number) };
}

function occursAt(memory: Uint8Array, start: number, min: number, end: number, codes: Uint8Array): boolean {
  if (start < min || start + codes.length > end) return false;
  for (let i = 0; i < codes.length; i++) if (memory[start + i] !== codes[i]) return false;
  return true;
}

/**
 * The six nibble tables. At window position j a bucket lets through every byte whose low
 * nibble and high nibble both occur there among its needles' windows, so what a needle costs
 * depends on its bucket-mates: `passRate` estimates the share of positions a bucket lets
 * through from typical character frequencies (search.ts). Needles are placed greedily, then
 * moved one at a time while that lowers the sum. On 14 MB of node_modules this gives 23,000
 * candidates (about 5,000 are real windows); counting nibbles instead gave 174,000.
 */
function buildTables(planned: readonly PlannedNeedle[]): Uint8Array {
  const windows = planned.map((p) => p.codes.subarray(p.offset, p.offset + 3));
  const buckets: Uint8Array[][] = Array.from({ length: 8 }, () => []);
  const bucketOf: number[] = [];
  const costToAdd = (w: Uint8Array, bucket: number) => passRate([...(buckets[bucket] ?? []), w]) - passRate(buckets[bucket] ?? []);
  windows.forEach((w, i) => {
    let best = 0;
    for (let b = 1; b < 8; b++) if (costToAdd(w, b) < costToAdd(w, best)) best = b;
    buckets[best]?.push(w);
    bucketOf[i] = best;
  });
  // Every move lowers the total, so this ends.
  for (let moved = true; moved;) {
    moved = false;
    windows.forEach((w, i) => {
      const from = bucketOf[i] ?? 0;
      const rest = (buckets[from] ?? []).filter((x) => x !== w);
      const saved = passRate(buckets[from] ?? []) - passRate(rest);
      for (let b = 0; b < 8; b++) {
        if (b !== from && costToAdd(w, b) < saved * (1 - 1e-9)) {
          buckets[from] = rest;
          buckets[b]?.push(w);
          bucketOf[i] = b;
          moved = true;
          return;
        }
      }
    });
  }
  const tables = new Uint8Array(TABLES);
  windows.forEach((w, i) => {
    const bit = 1 << (bucketOf[i] ?? 0);
    for (let j = 0; j < 3; j++) {
      const byte = w[j] ?? 0;
      tables[j * 32 + (byte & 15)] = (tables[j * 32 + (byte & 15)] ?? 0) | bit;
      tables[j * 32 + 16 + (byte >> 4)] = (tables[j * 32 + 16 + (byte >> 4)] ?? 0) | bit;
    }
  });
  return tables;
}

/** The estimated share of text positions where a bucket holding `windows` finds a candidate. */
function passRate(windows: readonly Uint8Array[]): number {
  if (windows.length === 0) return 0;
  let rate = 1;
  for (let j = 0; j < 3; j++) {
    let low = 0;
    let high = 0;
    for (const w of windows) {
      low |= 1 << ((w[j] ?? 0) & 15);
      high |= 1 << ((w[j] ?? 0) >> 4);
    }
    let share = 0;
    for (let c = 0x20; c < 0x7f; c++) if (((low >> (c & 15)) & (high >> (c >> 4)) & 1) === 1) share += charShare(c);
    rate *= share;
  }
  return rate;
}
