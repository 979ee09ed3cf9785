/** What the CLI reports: findings with their file, what it did not read, and what went wrong. */
import type { Finding } from '../../core/engine/index';
import type { SkippedPath } from '../../core/files/index';

export interface FileFinding {
  /** Posix path relative to the current directory. */
  readonly file: string;
  readonly finding: Finding;
}

/** A problem with the scan as a whole (git refused the repository, a folder vanished...). */
export interface Notice {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export interface ScanReport {
  readonly findings: readonly FileFinding[];
  /** Every path not read, or read only in part, with why (paths relative to the current directory). */
  readonly skipped: readonly SkippedPath[];
  readonly notices: readonly Notice[];
}

/** Whether the scan could not look at everything it was asked to: exit 2, output still complete. */
export function scanIncomplete(report: ScanReport): boolean {
  return report.notices.some((n) => n.level === 'error') || report.skipped.some((s) => s.kind === 'unreadable' || s.kind === 'outside-root');
}
