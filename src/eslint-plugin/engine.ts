/**
 * The bridge between ESLint and the core engine: one `lint()` per file shared by the five rules,
 * the project settings read from ESLint's shared `settings`, and the engine's positions in
 * ESLint's terms. No detection logic lives here; it is all in src/core/engine.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileNamePatterns, DEFAULT_CONFIG, lint, RULES, type Finding, type ResolvedConfig, type RuleId, type SeveritySetting } from '../core/engine/index';

/** The key under ESLint's `settings` that holds this plugin's project settings. */
export const SETTINGS_KEY = 'identity-verification';

/** What the plugin reads from a rule's context; a structural subset of ESLint's RuleContext. */
export interface EngineContext {
  readonly cwd: string;
  readonly filename: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly sourceCode: {
    readonly text: string;
    getLocFromIndex(index: number): { line: number; column: number };
  };
}

/** A location in ESLint's terms: 1-based line, 0-based column. */
export interface EslintLoc {
  readonly start: { readonly line: number; readonly column: number };
  readonly end: { readonly line: number; readonly column: number };
}

// Keys of settings['identity-verification'], each an array of globs or name patterns with the
// same meaning as in .idvrc.json.
const LIST_KEYS = ['clientGlobs', 'serverGlobs', 'secretNamePatterns'] as const;

// Every engine rule on: ESLint's own config decides which rules report and how loudly, so the
// engine must not drop a finding that a rule turned on in ESLint asks for.
const ALL_RULES_ON: ResolvedConfig = Object.freeze({
  ...DEFAULT_CONFIG,
  rules: Object.freeze(Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, SeveritySetting>),
});

interface Entry {
  readonly text: string;
  readonly config: ResolvedConfig;
  readonly findings: readonly Finding[];
  /** Offsets where the engine's lines start (at `\n` and lone `\r`); built on demand. */
  lineStarts?: number[];
}

// Keyed by ESLint's SourceCode object, which lives exactly as long as one file's lint: the five
// rules of that run share one engine pass, and nothing outlives the run.
const perSource = new WeakMap<object, Entry>();
// Keyed by the settings object, which ESLint keeps for the life of a config.
const perSettings = new WeakMap<object, ResolvedConfig>();

/** The engine's findings for the file being linted: computed by the first rule, reused by the rest. */
export function findingsFor(context: EngineContext): readonly Finding[] {
  return entryFor(context).findings;
}

/**
 * Converts an engine range (0-based lines split at `\n` and lone `\r`, UTF-16 columns) to ESLint's location.
 * It goes through the offset because ESLint also breaks lines at `\r`, U+2028 and U+2029.
 */
export function toEslintLoc(context: EngineContext, finding: Finding): EslintLoc {
  const entry = entryFor(context);
  entry.lineStarts ??= lineStartsOf(entry.text);
  const offsetOf = (p: Finding['range']['start']) => (entry.lineStarts?.[p.line] ?? entry.text.length) + p.column;
  const at = (offset: number) => context.sourceCode.getLocFromIndex(Math.min(offset, entry.text.length));
  return { start: at(offsetOf(finding.range.start)), end: at(offsetOf(finding.range.end)) };
}

function entryFor(context: EngineContext): Entry {
  const { sourceCode } = context;
  const config = configFrom(context.settings);
  const cached = perSource.get(sourceCode);
  // SourceCode is immutable, but compare anyway: a host that reused one would get stale findings.
  if (cached && cached.text === sourceCode.text && cached.config === config) return cached;
  const path = projectPath(context.cwd, context.filename);
  const findings = lint(sourceCode.text, {
    path,
    // ESLint decides which files are linted (its `ignores`, .gitignore via includeIgnoreFile);
    // a file handed to a rule is treated as one that will be committed.
    committed: true,
    config,
    // Text from stdin or an editor buffer without a name (`<text>`, `<input>`) is JavaScript to ESLint.
    ...(/^<[^>]*>$/.test(context.filename) ? { languageId: 'javascript' } : {}),
  });
  const entry: Entry = { text: sourceCode.text, config, findings };
  perSource.set(sourceCode, entry);
  return entry;
}

/**
 * The posix path relative to ESLint's cwd, as the engine's path conventions and the settings'
 * globs expect; files outside cwd keep their absolute path without the leading slash.
 */
export function projectPath(cwd: string, filename: string): string {
  const absolute = resolve(cwd, filename);
  const rel = relative(cwd, absolute);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : absolute).split(sep).join('/').replace(/^\/+/, '');
}

/**
 * The engine config for ESLint's shared settings: `settings['identity-verification']` may hold
 * `clientGlobs`, `serverGlobs` and `secretNamePatterns` (arrays of strings, as in .idvrc.json).
 * Throws on anything else, as ESLint does for invalid rule options, so a typo is not silently
 * ignored.
 */
export function configFrom(settings: Readonly<Record<string, unknown>>): ResolvedConfig {
  const raw = settings[SETTINGS_KEY];
  if (raw === undefined) return ALL_RULES_ON;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeError(`settings["${SETTINGS_KEY}"] must be an object with ${LIST_KEYS.join(', ')}`);
  }
  const cached = perSettings.get(raw);
  if (cached) return cached;
  const lists: Partial<Record<(typeof LIST_KEYS)[number], readonly string[]>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(LIST_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(`settings["${SETTINGS_KEY}"]: unknown key "${key}" (known: ${LIST_KEYS.join(', ')})`);
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
      throw new TypeError(`settings["${SETTINGS_KEY}"].${key} must be an array of non-empty strings`);
    }
    // The same checks as .idvrc.json: a pattern that cannot be searched for is an error, not a no-op.
    const unusable = key === 'secretNamePatterns' ? compileNamePatterns(value as string[]).errors[0] : undefined;
    if (unusable !== undefined) throw new TypeError(`settings["${SETTINGS_KEY}"].secretNamePatterns: ${unusable}`);
    lists[key as (typeof LIST_KEYS)[number]] = Object.freeze([...value as string[]]);
  }
  const config: ResolvedConfig = Object.freeze({ ...ALL_RULES_ON, ...lists });
  perSettings.set(raw, config);
  return config;
}

/** Where the engine's lines start: after every `\n`, and after a `\r` not followed by one. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
