/**
 * Findings against a baseline, by fingerprint alone: a finding whose fingerprint has an entry is
 * suppressed wherever it now sits in its file. Entries are never matched by position, so there
 * is nothing to re-align after an edit.
 */
import { normalizeEntries, type Baseline, type BaselineEntry } from './file';

/** Anything carrying a fingerprint: the CLI's findings, or entries made from them. */
export interface Fingerprinted {
  readonly fingerprint?: string;
}

export interface BaselineMatch<T> {
  /** Findings with no entry: what to report. */
  readonly reported: T[];
  /** Findings an entry accepts. */
  readonly suppressed: T[];
  /** Entries in scope that no finding used (their finding was fixed, or its file was deleted). */
  readonly unused: BaselineEntry[];
}

/**
 * Splits `findings` into reported and suppressed, and lists the entries no finding used among
 * those `inScope` says the scan covered: a scan of part of a tree (some paths, the staged files)
 * cannot say that an entry for a file it did not read is unused. A finding without a fingerprint
 * (its text was not available) is always reported.
 */
export function matchBaseline<T extends Fingerprinted>(baseline: Baseline, findings: readonly T[], inScope: (entry: BaselineEntry) => boolean = () => true): BaselineMatch<T> {
  const accepted = new Set(baseline.entries.map((e) => e.fingerprint));
  const reported: T[] = [];
  const suppressed: T[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.fingerprint !== undefined) seen.add(f.fingerprint);
    (f.fingerprint !== undefined && accepted.has(f.fingerprint) ? suppressed : reported).push(f);
  }
  const unused = baseline.entries.filter((e) => !seen.has(e.fingerprint) && inScope(e));
  return { reported, suppressed, unused };
}

/** `baseline` plus an entry for each of `current` it lacks; existing entries and notes are kept. */
export function updateBaseline(baseline: Baseline, current: readonly BaselineEntry[]): { baseline: Baseline; added: BaselineEntry[] } {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const added = normalizeEntries(current.filter((e) => !known.has(e.fingerprint)));
  return { baseline: { key: baseline.key, entries: normalizeEntries([...baseline.entries, ...added]) }, added };
}

/** `baseline` without the entries in scope that none of `findings` uses; notes of the rest kept. */
export function pruneBaseline(baseline: Baseline, findings: readonly Fingerprinted[], inScope: (entry: BaselineEntry) => boolean = () => true): { baseline: Baseline; removed: BaselineEntry[] } {
  const removed = matchBaseline(baseline, findings, inScope).unused;
  const gone = new Set(removed);
  return { baseline: { key: baseline.key, entries: baseline.entries.filter((e) => !gone.has(e)) }, removed };
}
