/**
 * One document as the rules see it: the text, what is known about it, and cheap helpers.
 * Everything that costs a pass over the text (line index, needle searches) is computed on
 * first use and cached, because most files need none of it: the rules' literal pre-filters
 * usually find nothing and the file is done.
 */
import type { FileFacts } from '../syntax/index';
import type { Lang } from './lang';
import { indexOfFast } from './search';
import type { Position, ResolvedConfig, Side } from './types';

export interface Doc {
  readonly text: string;
  readonly path: string;
  readonly lang: Lang;
  readonly side: Side;
  readonly committed: boolean;
  readonly testFile: boolean;
  readonly config: ResolvedConfig;
  /**
   * The syntax layer's facts (messenger calls with the fields they send, HMAC and JWT
   * computations, imports ...), parsed on first use; undefined when the file's language has
   * no grammar, the host gave no syntax layer, or the grammar failed on this text. Rules that
   * read facts keep a text path for that case.
   */
  readonly facts: FileFacts | undefined;
  /** Whether `needle` occurs anywhere (one indexOf pass, cached). */
  has(needle: string): boolean;
  /** Every offset where `needle` starts, ascending (cached). */
  offsets(needle: string): readonly number[];
  /**
   * The [start, end) of the line holding `offset`, without its line break, clipped to
   * LINE_WINDOW characters either side so that a 10 MB one-line file costs no more per hit.
   */
  lineBounds(offset: number): readonly [number, number];
  /** 0-based line and UTF-16 column of `offset`. */
  positionAt(offset: number): Position;
}

/** How far either side of a hit a rule looks; minified lines are cut to this window. */
export const LINE_WINDOW = 1000;

/**
 * Words the pre-filter has usually already looked for, or that stand for several needles
 * (`_APP_` for REACT_APP_ and VUE_APP_). A longer needle that contains one of them cannot occur
 * when the word does not, and that answer is cached: no new pass.
 */
const GATE_WORDS = ['hmac', 'Hmac', 'HMAC', 'jw', 'Jw', 'JW', 'ecret', 'SECRET', 'Intercom', '_APP_'];
const gatesOf = new Map<string, readonly string[]>();

function gatesFor(needle: string): readonly string[] {
  let gates = gatesOf.get(needle);
  if (!gates) {
    // `jw` gates jwt, jws and JWT.sign: in most files none of them occurs, and one pass says so.
    gates = needle.length > 2 ? GATE_WORDS.filter((w) => w !== needle && needle.includes(w)) : [];
    if (gatesOf.size < 10_000) gatesOf.set(needle, gates);
  }
  return gates;
}

/** Above this many hits of one needle the document is adversarial or generated; stop collecting. */
const MAX_OFFSETS = 5000;

type DocFields = Omit<Doc, 'text' | 'side' | 'facts' | 'has' | 'offsets' | 'lineBounds' | 'positionAt'>;

/**
 * Wraps `text` with lazily computed indexes. `side` may be a function: classifying a file runs
 * regexes over its head, which only the rules that care about the side should pay for.
 * `absent` lists needles known not to occur anywhere in `text` (the pre-filter's misses).
 */
export function createDoc(text: string, fields: DocFields & {
  readonly side: Side | (() => Side);
  readonly absent?: readonly string[];
  readonly facts?: () => FileFacts | undefined;
}): Doc {
  const found = new Map<string, number>();
  // What the pre-filter already searched the whole text for in vain.
  if (fields.absent) for (const n of fields.absent) found.set(n, -1);
  const all = new Map<string, readonly number[]>();
  let lineStarts: number[] | undefined;

  const first = (needle: string): number => {
    let at = found.get(needle);
    if (at === undefined) {
      at = gatesFor(needle).every((g) => first(g) >= 0) ? indexOfFast(text, needle) : -1;
      found.set(needle, at);
    }
    return at;
  };

  const sideOf = fields.side;
  let side: Side | undefined = typeof sideOf === 'function' ? undefined : sideOf;
  let facts: { readonly value: FileFacts | undefined } | undefined;

  return {
    path: fields.path,
    lang: fields.lang,
    committed: fields.committed,
    testFile: fields.testFile,
    config: fields.config,
    text,
    get side(): Side {
      if (side === undefined) side = typeof sideOf === 'function' ? sideOf() : sideOf;
      return side;
    },
    get facts(): FileFacts | undefined {
      facts ??= { value: fields.facts?.() };
      return facts.value;
    },
    has: (needle) => first(needle) >= 0,
    offsets(needle) {
      const list = all.get(needle);
      if (list) return list;
      const out: number[] = [];
      for (let at = first(needle); at >= 0 && out.length < MAX_OFFSETS; at = indexOfFast(text, needle, at + needle.length)) out.push(at);
      all.set(needle, out);
      return out;
    },
    lineBounds(offset) {
      // Searching a slice bounds the work; V8 slices flat strings without copying.
      const from = Math.max(0, offset - LINE_WINDOW);
      const back = offset > from ? text.slice(from, offset).lastIndexOf('\n') : -1;
      const start = back >= 0 ? from + back + 1 : from;
      const ahead = text.slice(offset, offset + LINE_WINDOW).indexOf('\n');
      let end = ahead >= 0 ? offset + ahead : Math.min(text.length, offset + LINE_WINDOW);
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      return [start, end];
    },
    positionAt(offset) {
      if (!lineStarts) {
        lineStarts = [0];
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
      }
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, column: offset - (lineStarts[lo] ?? 0) };
    },
  };
}
