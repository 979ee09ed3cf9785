/**
 * The project configuration file `.idvrc.json` (JSON with comments), read the same way by the
 * editor and the CLI. A bad file never stops linting: each problem becomes a clear message and
 * the affected key falls back to its default.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { RULE_METAS } from './rules/index';
import type { ResolvedConfig, RuleId, SeveritySetting } from './types';

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

export interface ConfigResult {
  readonly config: ResolvedConfig;
  /** Human-readable problems, each naming the key or the line. */
  readonly errors: readonly string[];
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
const LIST_KEYS = ['ignore', 'clientGlobs', 'serverGlobs', 'secretNamePatterns'] as const;
const KNOWN_KEYS = new Set<string>(['$schema', 'rules', 'maxFileSizeBytes', ...LIST_KEYS]);

/** Parses the text of `.idvrc.json`; never throws. */
export function parseConfig(text: string): ConfigResult {
  if (text.trim() === '') return { config: DEFAULT_CONFIG, errors: [] }; // a new, empty file
  const errors: string[] = [];
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) errors.push(`line ${lineOf(text, e.offset)}: ${printParseErrorCode(e.error)}`);
  if (parseErrors.length > 0) return { config: DEFAULT_CONFIG, errors };
  if (raw === undefined) return { config: DEFAULT_CONFIG, errors };
  if (!isObject(raw)) return { config: DEFAULT_CONFIG, errors: ['the file must contain a JSON object'] };

  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) errors.push(`unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);

  const rules: Record<RuleId, SeveritySetting> = { ...DEFAULT_CONFIG.rules };
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) errors.push('"rules" must be an object mapping rule ids to off, info, warning or error');
    else {
      for (const [id, value] of Object.entries(raw.rules)) {
        if (!(id in rules)) errors.push(`rules: unknown rule "${id}" (known: ${RULE_METAS.map((r) => r.id).join(', ')})`);
        else if (typeof value !== 'string' || !SEVERITIES.includes(value as SeveritySetting)) errors.push(`rules.${id}: expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(value)}`);
        else rules[id as RuleId] = value as SeveritySetting;
      }
    }
  }

  const lists: Record<(typeof LIST_KEYS)[number], readonly string[]> = {
    ignore: DEFAULT_CONFIG.ignore, clientGlobs: DEFAULT_CONFIG.clientGlobs,
    serverGlobs: DEFAULT_CONFIG.serverGlobs, secretNamePatterns: DEFAULT_CONFIG.secretNamePatterns,
  };
  for (const key of LIST_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) errors.push(`"${key}" must be an array of non-empty strings`);
    else lists[key] = Object.freeze([...value as string[]]);
  }

  let maxFileSizeBytes = DEFAULT_CONFIG.maxFileSizeBytes;
  if (raw.maxFileSizeBytes !== undefined) {
    const v = raw.maxFileSizeBytes;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errors.push('"maxFileSizeBytes" must be a positive integer');
    else maxFileSizeBytes = v;
  }

  return { config: Object.freeze({ rules: Object.freeze(rules), ...lists, maxFileSizeBytes }), errors };
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
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: DEFAULT_CONFIG, errors: [] };
    return { config: DEFAULT_CONFIG, errors: [`${CONFIG_FILE_NAME}: ${(error as Error).message}`], file };
  }
  const result = parseConfig(text);
  return { ...result, errors: result.errors.map((e) => `${CONFIG_FILE_NAME}: ${e}`), file };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
