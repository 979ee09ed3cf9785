/** Shared helpers for the engine tests: lint with defaults, list files, find the repo root. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG, lint, type Finding, type LintContext } from '../../../src/core/engine/index';
import { createSyntax, SYNTAX_LANGUAGES } from '../../../src/core/syntax/index';

/** The repository root (tests run from out/test/unit/engine, but fixtures live in test/). */
export const REPO = join(__dirname, '..', '..', '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');

/** out/grammars: where the test build copies the syntax layer's grammars. */
export const GRAMMAR_DIR = join(__dirname, '..', '..', '..', 'grammars');

/** One syntax layer for the whole run, as the CLI and the extension keep one: grammars load once. */
export const syntax = createSyntax({ grammarDir: GRAMMAR_DIR });

/** Loads every grammar, so that `lint` with `syntax` reads facts for every parsed language. */
export async function loadAllGrammars(): Promise<void> {
  for (const language of SYNTAX_LANGUAGES) await syntax.load(language);
}

/** Lints `text` as a committed file at `path` with the default config, unless overridden. */
export function run(path: string, text: string, overrides: Partial<LintContext> = {}): Finding[] {
  return lint(text, { path, committed: true, config: DEFAULT_CONFIG, ...overrides });
}

/** 1-based lines of the findings of `ruleId`. */
export function linesOf(findings: readonly Finding[], ruleId: string): number[] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.start.line + 1);
}

/** Every file below `dir`, as posix paths relative to it. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
