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
   * Whether a needle for which `wanted(index)` holds occurs in `bytes`. Needles are searched as
   * their ASCII bytes, which in UTF-8 text can only mean those same characters.
   */
  anyIn(bytes: Uint8Array, wanted: (index: number) => boolean): boolean;
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

  let instance: Exports | undefined;
  const open = (): Exports => {
    if (!instance) {
      instance = new WebAssembly.Instance(compiled).exports as Exports;
      new Uint8Array(instance.memory.buffer).set(tables, 0);
    }
    return instance;
  };

  return {
    anyIn(bytes, wanted) {
      const wasm = open();
      const end = TEXT + bytes.length;
      const needed = end + PADDING;
      if (needed > wasm.memory.buffer.byteLength) wasm.memory.grow(Math.ceil((needed - wasm.memory.buffer.byteLength) / PAGE));
      const memory = new Uint8Array(wasm.memory.buffer);
      memory.set(bytes, TEXT);
      memory.fill(0, end, needed);
      try {
        for (let at = wasm.next(TEXT, end); at >= 0; at = wasm.next(at + 1, end)) {
          const candidates = byWindow.get((memory[at] ?? 0) << 16 | (memory[at + 1] ?? 0) << 8 | (memory[at + 2] ?? 0));
          if (candidates === undefined) continue;
          for (const c of candidates) if (wanted(c.index) && occursAt(memory, at - c.offset, TEXT, end, c.codes)) return true;
        }
        return false;
      } finally {
        if (needed > KEEP_BYTES) instance = undefined;
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
 * The six nibble tables. Needles are spread over the 8 buckets greedily: each goes where it adds
 * the fewest false candidates, which for a bucket is about the product, over the 3 window
 * positions, of how many low nibbles times how many high nibbles it accepts.
 */
function buildTables(planned: readonly PlannedNeedle[]): Uint8Array {
  const tables = new Uint8Array(TABLES);
  const windows = (p: PlannedNeedle) => p.codes.subarray(p.offset, p.offset + 3);
  const add = (t: Uint8Array, w: Uint8Array, bucket: number) => {
    for (let j = 0; j < 3; j++) {
      const byte = w[j] as number;
      t[j * 32 + (byte & 15)] = (t[j * 32 + (byte & 15)] as number) | (1 << bucket);
      t[j * 32 + 16 + (byte >> 4)] = (t[j * 32 + 16 + (byte >> 4)] as number) | (1 << bucket);
    }
  };
  for (const p of planned) {
    let best = 0;
    let bestCost = Infinity;
    for (let bucket = 0; bucket < 8; bucket++) {
      const trial = tables.slice();
      add(trial, windows(p), bucket);
      const cost = bucketCost(trial, bucket) - bucketCost(tables, bucket);
      if (cost < bestCost) {
        bestCost = cost;
        best = bucket;
      }
    }
    add(tables, windows(p), best);
  }
  return tables;
}

function bucketCost(tables: Uint8Array, bucket: number): number {
  let product = 1;
  for (let j = 0; j < 3; j++) {
    let low = 0;
    let high = 0;
    for (let n = 0; n < 16; n++) {
      if (((tables[j * 32 + n] as number) & (1 << bucket)) !== 0) low++;
      if (((tables[j * 32 + 16 + n] as number) & (1 << bucket)) !== 0) high++;
    }
    product *= low * high;
  }
  return product;
}
