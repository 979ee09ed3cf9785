/**
 * The baseline file: JSON holding the version, the key and the accepted findings' entries. It is
 * written so that it churns as little as possible: entries sorted by file, rule and fingerprint
 * (code-unit order, the same on every machine), one per line so a merge conflicts only where
 * entries changed, no timestamp and no tool version. The same entries give the same bytes.
 * Reading it never echoes its content in an error: a wrong file given as the baseline might be one
 * full of secrets.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { FINGERPRINT_LENGTH, KEY_BYTES, newKey } from './fingerprint';

/** The format version this code reads and writes. */
export const BASELINE_VERSION = 1;

/** One accepted finding. */
export interface BaselineEntry {
  /** The rule id. */
  readonly rule: string;
  /** Posix path relative to the folder holding the baseline file. */
  readonly file: string;
  /** `fingerprint(key, rule, file, subject)`. */
  readonly fingerprint: string;
  /** Free text the user may add (why it is accepted); kept by update and prune. */
  readonly note?: string;
}

export interface Baseline {
  /** The HMAC key, lowercase hex. */
  readonly key: string;
  readonly entries: readonly BaselineEntry[];
}

/** A baseline file that cannot be read; the message never quotes the file's content. */
export class BaselineError extends Error {}

const KEY_PATTERN = new RegExp(`^[0-9a-f]{${KEY_BYTES * 2}}$`, 'i');
const FINGERPRINT_PATTERN = new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`);
const TOP_KEYS = ['version', 'key', 'entries'];
const ENTRY_KEYS = ['rule', 'file', 'fingerprint', 'note'];

/** A new baseline with a fresh random key. */
export function createBaseline(entries: readonly BaselineEntry[] = []): Baseline {
  return { key: newKey(), entries: normalizeEntries(entries) };
}

/**
 * Reads a baseline file's text. Throws a BaselineError naming the line and column of a syntax
 * error, an unsupported version, or the entry and field that is wrong. Fields it does not know
 * are refused rather than dropped, so that rewriting the file never loses anything.
 */
export function parseBaseline(source: string): Baseline {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === '') throw new BaselineError('the file is empty; idv baseline create writes one');
  const conflict = /^(?:<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    throw new BaselineError(`line ${lineOf(text, conflict.index)}: unresolved merge conflict markers; keep the entry lines of both sides (with a comma between entries), delete the markers, then run idv baseline update`);
  }
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) throw new BaselineError(`not valid JSON at ${where(text, first.offset)}: ${printParseErrorCode(first.error)}`);
  const root: unknown = JSON.parse(text);
  if (!isObject(root)) throw new BaselineError('the file must hold a JSON object with "version", "key" and "entries"');
  if (!('version' in root)) throw new BaselineError('no "version": this is not an idv baseline file (idv baseline create writes one)');
  if (root.version !== BASELINE_VERSION) {
    const shown = typeof root.version === 'number' && Number.isInteger(root.version) ? String(root.version) : 'that is not a whole number';
    throw new BaselineError(`"version" is ${shown}; this idv reads baseline version ${BASELINE_VERSION} (a newer idv may have written it)`);
  }
  unknownKeys(root, TOP_KEYS, 'the file');
  if (typeof root.key !== 'string' || !KEY_PATTERN.test(root.key)) throw new BaselineError(`"key" must be ${KEY_BYTES * 2} hex characters (${KEY_BYTES} random bytes)`);
  if (!Array.isArray(root.entries)) throw new BaselineError('"entries" must be an array');
  const entries = root.entries.map((value: unknown, i): BaselineEntry => {
    const at = `entries[${i}]`;
    if (!isObject(value)) throw new BaselineError(`${at} must be an object with "rule", "file" and "fingerprint"`);
    unknownKeys(value, ENTRY_KEYS, at);
    for (const field of ['rule', 'file'] as const) {
      if (typeof value[field] !== 'string' || value[field] === '') throw new BaselineError(`${at}: "${field}" must be a non-empty string`);
    }
    if (typeof value.fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(value.fingerprint)) {
      throw new BaselineError(`${at}: "fingerprint" must be ${FINGERPRINT_LENGTH} lowercase hex characters`);
    }
    if ('note' in value && typeof value.note !== 'string') throw new BaselineError(`${at}: "note" must be a string`);
    const entry = { rule: value.rule as string, file: value.file as string, fingerprint: value.fingerprint };
    return typeof value.note === 'string' ? { ...entry, note: value.note } : entry;
  });
  return { key: root.key.toLowerCase(), entries: normalizeEntries(entries) };
}

/** The file's text: sorted, deduplicated entries, one per line, ending with a newline. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = normalizeEntries(baseline.entries).map((e) => {
    const fields = [`"rule": ${JSON.stringify(e.rule)}`, `"file": ${JSON.stringify(e.file)}`, `"fingerprint": ${JSON.stringify(e.fingerprint)}`];
    if (e.note !== undefined) fields.push(`"note": ${JSON.stringify(e.note)}`);
    return `    { ${fields.join(', ')} }`;
  });
  const entries = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "key": ${JSON.stringify(baseline.key)},\n  "entries": ${entries}\n}\n`;
}

/**
 * Sorted by file, rule and fingerprint in code-unit order (never the locale's, which differs
 * between machines and would reorder the file); one entry per fingerprint, its notes joined
 * when a merge brought two (an empty note is dropped).
 */
export function normalizeEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const e of entries) {
    const id = `${e.file}\0${e.rule}\0${e.fingerprint}`;
    const seen = byKey.get(id);
    const notes = [...new Set([seen?.note, e.note].filter((n): n is string => n !== undefined && n !== ''))];
    const base = { rule: e.rule, file: e.file, fingerprint: e.fingerprint };
    byKey.set(id, notes.length > 0 ? { ...base, note: notes.join('; ') } : base);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], at: string): void {
  const unknown = Object.keys(value).find((k) => !known.includes(k));
  if (unknown !== undefined) {
    // Named only when it is a short word (letters alone): anything else may be pasted content.
    const shown = /^[A-Za-z][A-Za-z_-]{0,23}$/.test(unknown) ? `"${unknown}"` : 'a field';
    throw new BaselineError(`${at} has ${shown} this idv does not know (known: ${known.join(', ')}); put remarks in an entry's "note"`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function where(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return `line ${lineOf(text, offset)}, column ${offset - lineStart + 1}`;
}
