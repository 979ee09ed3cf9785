/** What the CLI reports: findings with their file, what it did not read, and what went wrong. */
import type { Finding, RuleId } from '../../core/engine/index';
import type { SkippedPath } from '../../core/files/index';

export interface FileFinding {
  /** Posix path relative to the current directory. */
  readonly file: string;
  readonly finding: Finding;
  /**
   * The baseline fingerprint (src/core/baseline), computed during the scan from the file's text
   * when a baseline key was given, so the text itself is not kept. Matching only: no output
   * format prints it.
   */
  readonly fingerprint?: string;
  /** For a finding from `--history`: the commit that added it and whether its value is at HEAD. */
  readonly commit?: CommitRef;
}

export interface CommitRef {
  readonly sha: string;
  readonly author: string;
  /** Strict ISO 8601 author date. */
  readonly date: string;
  readonly atHead: boolean;
}

/** What `--history` read: the ranges, counts, and every file change it did not read, with why. */
export interface HistorySummary {
  readonly ranges: readonly string[];
  readonly commits: number;
  readonly changes: number;
  readonly notRead: readonly { readonly commit: string; readonly file: string; readonly kind: string; readonly reason: string }[];
}

/** Computes a finding's fingerprint from the file it is in and that file's text at scan time. */
export type Fingerprinter = (absPath: string, finding: Finding, text: string) => string;

/** A FileFinding, with its fingerprint when the scan has a fingerprinter. */
export function fileFinding(file: string, absPath: string, finding: Finding, text: string | undefined, fingerprinter: Fingerprinter | undefined): FileFinding {
  return fingerprinter && text !== undefined ? { file, finding, fingerprint: fingerprinter(absPath, finding, text) } : { file, finding };
}

/** What `--baseline` did, for the JSON and SARIF reports (stderr says it in text mode). */
export interface BaselineSummary {
  /** The baseline file, relative to the current directory. */
  readonly file: string;
  /** Findings the baseline accepted, left out of the report. */
  readonly suppressed: number;
  /** Entries no finding of the scanned files used; `file` relative to the current directory. */
  readonly unused: readonly { readonly rule: string; readonly file: string; readonly fingerprint: string }[];
}

/** A problem with the scan as a whole (git refused the repository, a folder vanished...). */
export interface Notice {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/** A change `--fix` made: where it is now, which rule, and what the text became (never what it was). */
export interface AppliedFix {
  /** Posix path relative to the current directory. */
  readonly file: string;
  /** 1-based, in the file as written. */
  readonly line: number;
  readonly column: number;
  readonly ruleId: RuleId;
  /** What the fix put in place of the finding's text (an environment lookup for a secret). */
  readonly replacement: string;
  /** The environment variable the fixed code now reads, when there is one. */
  readonly envVar?: string;
}

/** What `--fix` did to the project's `.env.example` for the variables the fixed code reads. */
export interface EnvExampleUpdate {
  /** The `.env.example` looked at, relative to the current directory. */
  readonly file: string;
  /** Every variable the fixes made the code read. */
  readonly names: readonly string[];
  /** The names added to it (the others were listed already). */
  readonly added: readonly string[];
  /** There is no such file: it is not created, as the editor does not create it. */
  readonly absent?: true;
  /** It could not be read or written (a link, changed meanwhile...): nothing was added. */
  readonly error?: string;
}

/** What `--fix` changed. */
export interface FixReport {
  readonly applied: readonly AppliedFix[];
  readonly envExample?: EnvExampleUpdate;
}

export interface ScanReport {
  readonly findings: readonly FileFinding[];
  /** Every path not read, or read only in part, with why (paths relative to the current directory). */
  readonly skipped: readonly SkippedPath[];
  readonly notices: readonly Notice[];
  /** Present when the scan ran with `--baseline`. */
  readonly baseline?: BaselineSummary;
  /** Present when the scan read history (`--history`). */
  readonly history?: HistorySummary;
  /** Present when the scan ran with `--fix`. */
  readonly fixes?: FixReport;
}

/** Whether the scan could not look at everything it was asked to: exit 2, output still complete. */
export function scanIncomplete(report: ScanReport): boolean {
  return report.notices.some((n) => n.level === 'error') || report.skipped.some((s) => s.kind === 'unreadable' || s.kind === 'outside-root');
}
