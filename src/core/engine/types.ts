/**
 * The engine's data contract, shared by the CLI, the VS Code glue and the ESLint plugin.
 * Positions are 0-based with columns in UTF-16 code units, exactly as VS Code counts them,
 * so the editor can use them as they are; the CLI adds one when it prints.
 */

import type { FileFacts, SyntaxLanguage } from '../syntax/index';

export type RuleId =
  | 'hardcoded-secret'
  | 'secret-exposed-to-client'
  | 'client-side-hmac'
  | 'user-hash-identifier-mismatch'
  | 'missing-user-hash'
  | 'messenger-jwt';

export type Severity = 'info' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';
export type Side = 'client' | 'server' | 'unknown';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A text edit as plain data: replace `text.slice(range.start, range.end)` with `text`. */
export interface Fix {
  readonly range: { readonly start: number; readonly end: number };
  readonly text: string;
  readonly title?: string;
}

/** An edit offered to the user but never applied by "fix all" (it may need a human's judgement). */
export interface Suggestion {
  readonly title: string;
  readonly fix: Fix;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** The fact, in at most MESSAGE_MAX characters: what the Problems view and `idv scan` show. */
  readonly message: string;
  /**
   * What is specific to this finding, in Markdown (inline code, no headings): the values
   * involved (the identifier sent, the one hashed), why it fails and the fix. The rule's docs
   * hold the general why; the editor's hover, JSON and SARIF carry this.
   */
  readonly detail?: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
  /** Rule-specific facts for editor actions, e.g. `envVar` for hardcoded-secret. */
  readonly data?: Readonly<Record<string, string>>;
}

/** The project configuration after defaults are applied (see config.ts for each key). */
export interface ResolvedConfig {
  readonly rules: Readonly<Record<RuleId, SeveritySetting>>;
  readonly ignore: readonly string[];
  readonly clientGlobs: readonly string[];
  readonly serverGlobs: readonly string[];
  readonly secretNamePatterns: readonly string[];
  readonly maxFileSizeBytes: number;
}

export interface LintContext {
  /** Posix path relative to the project root. */
  readonly path: string;
  /** Computed by classifyFile when absent. */
  readonly side?: Side;
  /** False when git-ignored; the caller knows. */
  readonly committed: boolean;
  readonly config: ResolvedConfig;
  /** VS Code's language id, when known; refines the guess made from the path. */
  readonly languageId?: string;
  /**
   * The syntax layer, when the host has one (the CLI and the editor do; the ESLint plugin,
   * which must answer synchronously before any grammar can load, does not). Rules read its
   * facts for files in a language it parses and whose grammar is loaded, and fall back to the
   * text scanner otherwise.
   */
  readonly syntax?: FactsSource;
  /**
   * The pre-filter's verdict on these very bytes, when the host has asked already (the CLI
   * asks to know whether to load a grammar): lintBytes then does not search them again.
   */
  readonly preFilter?: boolean;
}

/** Where the rules get a file's syntax facts from: `Syntax.factsSync` of src/core/syntax. */
export interface FactsSource {
  /** The facts of `text`, or undefined when `language`'s grammar is not loaded. */
  factsSync(text: string, language: SyntaxLanguage): FileFacts | undefined;
}

export interface RuleDocs {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly suppress: string;
}

export interface RuleMeta {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  readonly description: string;
  readonly fixable: boolean;
  /**
   * Whether `idv scan --history` runs the rule on the lines each commit added. Only a rule that
   * finds a value belongs there: a secret once committed stays in every clone after it is
   * deleted, while a mistake in code (client-side hashing, a missing hash) is about the code
   * that ships, which is the working tree. The rule must also judge a line from its
   * neighbours alone, as history gives it only the changed lines and three either side.
   */
  readonly history?: true;
  readonly docs: RuleDocs;
}
