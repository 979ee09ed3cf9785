/**
 * The project configuration file `.idvrc.json` (JSON with comments), read the same way by the
 * editor and the CLI. The editor keeps linting with what can be salvaged (each problem becomes a
 * diagnostic on its key); the CLI refuses a file with problems, so CI never runs on defaults it
 * was not asked for. Values are read from jsonc-parser's syntax tree into fresh objects, so no
 * key (`__proto__`, `constructor`) can reach an object's prototype, and sizes are bounded so a
 * hostile file cannot make every later match slow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { compileNamePatterns } from './namePatterns';
import { RULE_METAS } from './rules/index';
import type { ResolvedConfig, RuleId, SeveritySetting } from './types';
import picomatch from 'picomatch';

export const CONFIG_FILE_NAME = '.idvrc.json';

/** The defaults: every rule at its default severity, no extra globs or names, 2 MB file limit. */
export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  rules: Object.freeze(Object.fromEntries(RULE_METAS.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, SeveritySetting>),
  ignore: Object.freeze([]),
  clientGlobs: Object.freeze([]),
  serverGlobs: Object.freeze([]),
  secretNamePatterns: Object.freeze([]),
  maxFileSizeBytes: 2 * 1024 * 1024,
});

/** One problem in the file, with where it is (the offending key, or the syntax error). */
export interface ConfigProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /**
   * Set when the JSON schema cannot express the check (a glob that does not compile): VS Code's
   * JSON service reports every other problem on the key, so the editor reports only these.
   */
  readonly beyondSchema?: true;
}

export interface ConfigResult {
  readonly config: ResolvedConfig;
  /** Human-readable problems, each naming the key or the line. */
  readonly errors: readonly string[];
  /** The same problems with their place in the text. */
  readonly problems: readonly ConfigProblem[];
}

/** Bounds that keep matching cheap on every file: a few hundred globs of reasonable length. */
export const CONFIG_LIMITS = Object.freeze({ listEntries: 500, patternLength: 1000, maxFileSizeBytes: 512 * 1024 * 1024 });

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
/** ESLint's spelling, accepted so one vocabulary works in both configs. */
export const SEVERITY_SYNONYMS: Readonly<Record<string, SeveritySetting>> = { warn: 'warning' };
const LIST_KEYS = ['ignore', 'clientGlobs', 'serverGlobs', 'secretNamePatterns'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set(['$schema', 'rules', 'maxFileSizeBytes', ...LIST_KEYS]);
const RULE_IDS: ReadonlySet<string> = new Set(RULE_METAS.map((r) => r.id));

/** Parses the text of `.idvrc.json`; never throws. A UTF-8 byte order mark is allowed. */
export function parseConfig(source: string): ConfigResult {
  // Editors and Windows tools write a byte order mark; it is not part of the JSON.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  if (text.trim() === '') return { config: DEFAULT_CONFIG, errors: [], problems: [] }; // a new, empty file
  const problems: ConfigProblem[] = [];
  const problem = (message: string, node?: Node, beyondSchema?: true) => problems.push({ message, offset: node?.offset ?? 0, length: node?.length ?? 0, ...(beyondSchema ? { beyondSchema } : {}) });
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) problems.push({ message: `line ${lineOf(text, e.offset)}: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length });
  if (parseErrors.length > 0 || root === undefined) return result(DEFAULT_CONFIG, problems);
  if (root.type !== 'object') {
    problem('the file must contain a JSON object', root);
    return result(DEFAULT_CONFIG, problems);
  }

  const rules: Record<string, SeveritySetting> = { ...DEFAULT_CONFIG.rules };
  const lists: Record<(typeof LIST_KEYS)[number], readonly string[]> = {
    ignore: DEFAULT_CONFIG.ignore, clientGlobs: DEFAULT_CONFIG.clientGlobs,
    serverGlobs: DEFAULT_CONFIG.serverGlobs, secretNamePatterns: DEFAULT_CONFIG.secretNamePatterns,
  };
  let maxFileSizeBytes = DEFAULT_CONFIG.maxFileSizeBytes;

  for (const [key, keyNode, value] of properties(root)) {
    if (!KNOWN_KEYS.has(key)) {
      problem(`unknown key ${quote(key)} (known: ${[...KNOWN_KEYS].join(', ')})`, keyNode);
    } else if (key === 'rules') {
      if (value.type !== 'object') problem('"rules" must be an object mapping rule ids to off, info, warning or error', value);
      else {
        for (const [id, idNode, v] of properties(value)) {
          const severity = v.type === 'string' ? (SEVERITY_SYNONYMS[v.value as string] ?? v.value as string) : undefined;
          if (!RULE_IDS.has(id)) problem(`rules: unknown rule ${quote(id)} (known: ${[...RULE_IDS].join(', ')})`, idNode);
          else if (severity === undefined || !(SEVERITIES as readonly string[]).includes(severity)) problem(`rules.${id}: expected one of ${SEVERITIES.join(', ')}`, v);
          else rules[id] = severity as SeveritySetting;
        }
      }
    } else if (key === 'maxFileSizeBytes') {
      const v = value.value as unknown;
      if (value.type !== 'number' || typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > CONFIG_LIMITS.maxFileSizeBytes) {
        problem(`"maxFileSizeBytes" must be a whole number of bytes from 1 to ${CONFIG_LIMITS.maxFileSizeBytes}`, value);
      } else maxFileSizeBytes = v;
    } else if (key !== '$schema') {
      const list = readList(key as (typeof LIST_KEYS)[number], value, problem);
      if (list) lists[key as (typeof LIST_KEYS)[number]] = list;
    }
  }
  return result(Object.freeze({ rules: Object.freeze(rules as Record<RuleId, SeveritySetting>), ...lists, maxFileSizeBytes }), problems);
}

/** A list of globs (or name patterns), each checked to compile, within the size bounds. */
function readList(key: (typeof LIST_KEYS)[number], value: Node, problem: (message: string, node?: Node, beyondSchema?: true) => void): readonly string[] | undefined {
  if (value.type !== 'array' || !(value.children ?? []).every((c) => c.type === 'string' && (c.value as string).length > 0)) {
    problem(`"${key}" must be an array of non-empty strings`, value);
    return undefined;
  }
  const items = value.children ?? [];
  if (items.length > CONFIG_LIMITS.listEntries) {
    problem(`"${key}" has ${items.length} entries; at most ${CONFIG_LIMITS.listEntries} are allowed`, value);
    return undefined;
  }
  const out: string[] = [];
  for (const item of items) {
    const glob = item.value as string;
    if (glob.length > CONFIG_LIMITS.patternLength) {
      problem(`"${key}": an entry of ${glob.length} characters; at most ${CONFIG_LIMITS.patternLength} are allowed`, item);
      return undefined;
    }
    const error = key === 'secretNamePatterns' ? compileNamePatterns([glob]).errors[0] : globError(glob);
    if (error !== undefined) {
      problem(`"${key}": ${error}`, item, true);
      return undefined;
    }
    out.push(glob);
  }
  return Object.freeze(out);
}

function globError(glob: string): string | undefined {
  try {
    picomatch.makeRe(glob, { dot: true });
    return undefined;
  } catch (error) {
    return `${quote(glob.slice(0, 60))} is not a valid glob (${(error as Error).message})`;
  }
}

/** The members of an object node as [key, key node, value node]. */
function properties(node: Node): [string, Node, Node][] {
  const out: [string, Node, Node][] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v) out.push([String(k.value), k, v]);
  }
  return out;
}

function result(config: ResolvedConfig, problems: readonly ConfigProblem[]): ConfigResult {
  return { config, problems, errors: problems.map((p) => p.message) };
}

/** A key as typed, quoted and cut short: keys are names, but a long one is not worth repeating. */
function quote(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key);
}

/**
 * Reads `.idvrc.json` in `root`. A missing file is the defaults without error; an unreadable or
 * invalid one is the defaults (or what could be salvaged) with errors prefixed by the file name.
 * `readFile` is injectable so the editor can serve unsaved buffers or a virtual file system.
 */
export function loadConfig(root: string, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ConfigResult & { readonly file?: string } {
  const file = join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: DEFAULT_CONFIG, errors: [], problems: [] };
    const message = `${CONFIG_FILE_NAME}: ${(error as Error).message}`;
    return { config: DEFAULT_CONFIG, errors: [message], problems: [{ message, offset: 0, length: 0 }], file };
  }
  const parsed = parseConfig(text);
  return { ...parsed, errors: parsed.errors.map((e) => `${CONFIG_FILE_NAME}: ${e}`), file };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
