/** What a search for the known secret reports: plain data for the CLI and the editor alike. */
import type { SkipKind } from '../files/index';

/** Where something is: a file on disk, or a path in a repository's history. */
export interface LeakLocation {
  /** `file`: `path` is absolute. `history`: `path` is from the top of `repository` (posix). */
  readonly source: 'file' | 'history';
  readonly path: string;
  /** History: the repository's work tree (absolute). */
  readonly repository?: string;
  /** Inside an archive: the entry names from the outermost archive inwards (`['lib.zip', 'a.txt']`). */
  readonly entry?: readonly string[];
}

/** A commit as every report names it (`sha`, `author`, strict ISO 8601 `date`): one type with `idv scan --history`. */
export type { CommitInfo } from '../history/index';
import type { CommitInfo } from '../history/index';

/** One place the secret was found. Never carries the value or the matched bytes. */
export interface LeakHit extends LeakLocation {
  /** The form's id (`base64`, `hex`, `utf16le`...; see forms.ts). */
  readonly form: string;
  /** "base64 of the secret". */
  readonly formLabel: string;
  /** 0-based byte offset in the file, the archive entry or the blob. */
  readonly offset: number;
  /** 1-based, in UTF-8 text only. */
  readonly line?: number;
  /** 1-based, UTF-16 code units, in UTF-8 text only. */
  readonly column?: number;
  /** History: the earliest commit (in `git log --date-order`) that added a version of `path` holding the secret. */
  readonly commit?: CommitInfo;
  /** History: how many commits added a version of `path` holding the secret. */
  readonly commits?: number;
  /** History: whether `path` at HEAD still holds it. */
  readonly atHead?: boolean;
}

/** Something not searched, or searched only in part, and why. */
export interface LeakSkip extends LeakLocation {
  readonly kind: SkipKind;
  readonly reason: string;
  /** History: the commit the skipped blob was first seen in. */
  readonly commit?: string;
}

/** A problem with the search as a whole (git failed, a folder given is not in a repository...). */
export interface LeakNotice {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/** What was searched. */
export interface LeakCounts {
  files: number;
  /** Bytes of files on disk searched (archive files count their size on disk). */
  bytes: number;
  archives: number;
  archiveEntries: number;
  /** Bytes of archive entries searched, uncompressed. */
  entryBytes: number;
  commits: number;
  blobs: number;
  blobBytes: number;
  /** How many forms of the secret were looked for. */
  forms: number;
}

export interface LeakReport {
  readonly hits: readonly LeakHit[];
  /** Matches beyond the first ones listed per file, entry or blob. */
  readonly hitsNotListed: number;
  readonly skipped: readonly LeakSkip[];
  readonly notices: readonly LeakNotice[];
  readonly counts: Readonly<LeakCounts>;
  /** Repositories whose history was searched (work trees). */
  readonly repositories: readonly string[];
  /** Stopped by the caller's AbortSignal: what is listed was found before that. */
  readonly cancelled: boolean;
}

/** Where a search stands, for a progress bar. */
export interface LeakProgress {
  readonly phase: 'files' | 'history';
  readonly files: number;
  readonly archiveEntries: number;
  readonly commits: number;
  /** Commits reachable from all refs, once counted (before the history walk starts). */
  readonly totalCommits?: number;
  readonly blobs: number;
}

/** Bounds that keep a hostile archive (a zip bomb) from costing unbounded time or memory. */
export interface LeakLimits {
  /** A compressed entry inflating to more than this is not read (stored entries cost their size on disk and are always read). */
  readonly entryBytes: number;
  /** Total inflated bytes read from one archive on disk (or one blob), nested archives included. */
  readonly archiveBytes: number;
  /** A nested archive is held in memory to be opened; larger ones are searched as bytes. */
  readonly nestedArchiveBytes: number;
  /** Archives inside archives are opened this deep (the outermost is 1). */
  readonly archiveDepth: number;
}

export const DEFAULT_LIMITS: LeakLimits = {
  entryBytes: 1024 * 1024 * 1024,
  archiveBytes: 4 * 1024 * 1024 * 1024,
  nestedArchiveBytes: 128 * 1024 * 1024,
  archiveDepth: 3,
};

/** Whether the search could not look at everything it was asked to. */
export function leakSearchIncomplete(report: LeakReport): boolean {
  return report.cancelled || report.notices.some((n) => n.level === 'error') || report.skipped.some((s) => s.kind === 'unreadable' || s.kind === 'outside-root');
}
