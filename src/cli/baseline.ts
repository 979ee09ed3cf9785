/**
 * Baseline files for the CLI: reading and writing them, the fingerprinter a scan runs with, and
 * matching a scan's findings. A baseline's paths are relative to the folder holding it, so the
 * same file works from any working directory, for a path scan and for `--staged` alike.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BaselineError, findingSubject, fingerprint, matchBaseline, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry } from '../core/baseline/index';
import type { BaselineSummary, FileFinding, Fingerprinter } from './format/types';
import { UsageError, type CliIo } from './io';
import { inScanScope, type ScanRun } from './scanRun';

/** A baseline file as the CLI sees it: where it is, how it is shown, and what it holds. */
export interface BaselineFile {
  /** Absolute path. */
  readonly path: string;
  /** As typed, for messages. */
  readonly shown: string;
  /** The folder entries' paths are relative to. */
  readonly dir: string;
}

/** Locates `arg` (relative to the current directory). */
export function baselineFile(arg: string, io: CliIo): BaselineFile {
  const path = resolve(io.cwd, arg);
  return { path, shown: arg, dir: dirname(path) };
}

/** Reads and parses the baseline; any problem is a UsageError naming the file (exit 2). */
export function readBaseline(file: BaselineFile): Baseline {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file.shown}: ${code === 'ENOENT' ? 'no such baseline file (idv baseline create writes one)' : code === 'EISDIR' ? 'is a folder, not a baseline file' : `cannot be read (${code ?? 'error'})`}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`${file.shown}: ${error.message}`);
    throw error;
  }
}

/** Writes the baseline whole or not at all (a temporary file renamed over it). */
export function writeBaseline(file: BaselineFile, baseline: Baseline): void {
  const temp = join(file.dir, `.${basename(file.path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, serializeBaseline(baseline), { flag: 'wx' });
    renameSync(temp, file.path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The path an entry records for `absPath`: posix, relative to the baseline's folder. */
export function entryPath(file: BaselineFile, absPath: string): string {
  return relative(file.dir, absPath).split(sep).join('/');
}

/** Fingerprints findings under `key`, with paths relative to the baseline's folder. */
export function baselineFingerprinter(file: BaselineFile, key: string): Fingerprinter {
  return (absPath, finding, text) => fingerprint(key, finding.ruleId, entryPath(file, absPath), findingSubject(text, finding.range));
}

/** An entry for each fingerprinted finding of a scan. */
export function entriesOf(file: BaselineFile, findings: readonly FileFinding[], cwd: string): BaselineEntry[] {
  return findings.flatMap((f) => (f.fingerprint === undefined ? [] : [{ rule: f.finding.ruleId, file: entryPath(file, resolve(cwd, ...f.file.split('/'))), fingerprint: f.fingerprint }]));
}

/**
 * Whether a scan covered an entry's file: it was within the paths walked or among the files read,
 * and was not among those that could not be read. Only then can an entry be called unused.
 */
export function coveredBy(file: BaselineFile, run: ScanRun, cwd: string): (entry: BaselineEntry) => boolean {
  const unreadable = run.skipped.filter((s) => s.kind === 'unreadable' || s.kind === 'outside-root').map((s) => s.file);
  return (entry) => {
    const abs = resolve(file.dir, ...entry.file.split('/'));
    const shown = relative(cwd, abs).split(sep).join('/');
    return inScanScope(run.scope, abs) && !unreadable.some((u) => shown === u || (u.endsWith('/') && shown.startsWith(u)));
  };
}

/** `idv scan --baseline`: the fingerprinter and fix guard for the scan, then the matching. */
export interface AppliedBaseline {
  readonly fingerprinter: Fingerprinter;
  /** Whether a fingerprint has an entry (`--fix` leaves those findings alone). */
  readonly keep: (fingerprint: string) => boolean;
  /** The findings to report and what the baseline did. */
  match(run: ScanRun): { reported: FileFinding[]; summary: BaselineSummary };
}

/** Reads the baseline `arg` names for a scan (exit 2 on any problem with it, before scanning). */
export function applyBaseline(arg: string, io: CliIo): AppliedBaseline {
  const file = baselineFile(arg, io);
  const baseline = readBaseline(file);
  const accepted = new Set(baseline.entries.map((e) => e.fingerprint));
  return {
    fingerprinter: baselineFingerprinter(file, baseline.key),
    keep: (fp) => accepted.has(fp),
    match(run) {
      const { reported, suppressed, unused } = matchBaseline(baseline, run.findings, coveredBy(file, run, io.cwd));
      const shownFile = (e: BaselineEntry) => relative(io.cwd, resolve(file.dir, ...e.file.split('/'))).split(sep).join('/');
      const summary: BaselineSummary = {
        file: relative(io.cwd, file.path).split(sep).join('/'),
        suppressed: suppressed.length,
        unused: unused.map((e) => ({ rule: e.rule, file: shownFile(e), fingerprint: e.fingerprint })),
      };
      return { reported, summary };
    },
  };
}

/** The stderr lines for a baseline summary: what it suppressed, then each unused entry (file and rule). */
export function describeBaseline(summary: BaselineSummary): string {
  const n = summary.unused.length;
  let out = `idv: baseline ${summary.file}: ${summary.suppressed} finding${summary.suppressed === 1 ? '' : 's'} suppressed\n`;
  if (n > 0) {
    out += `idv: baseline ${summary.file}: ${n} ${n === 1 ? 'entry' : 'entries'} no finding uses (fixed, or the file is gone); idv baseline prune ${summary.file} removes ${n === 1 ? 'it' : 'them'}:\n`;
    for (const e of summary.unused) out += `idv:   ${e.file} ${e.rule}\n`;
  }
  return out;
}
