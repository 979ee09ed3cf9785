/**
 * `idv scan --history [range...]`: the repository's history through the history rules, each
 * finding with the commit that added it and whether its value is still at HEAD. Progress goes
 * to stderr on a terminal only (a pipe or a CI log gets the summary line).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { findRepository, type Range, type ResolvedConfig } from '../core/engine/index';
import { checkRanges, scanHistory, type HistoryReport } from '../core/history/index';
import type { FileFinding, Fingerprinter, HistorySummary, Notice } from './format/types';
import { UsageError, type CliIo } from './io';

export interface HistoryResult {
  readonly findings: FileFinding[];
  readonly notices: Notice[];
  readonly summary: HistorySummary;
}

/** Scans the history of the repository holding `io.cwd` over `ranges` (all refs when empty). */
export async function scanHistoryCli(io: CliIo, ranges: readonly string[], root: string, config: ResolvedConfig, progress: boolean, fingerprinter?: Fingerprinter): Promise<HistoryResult> {
  const bad = checkRanges(ranges);
  if (bad) throw new UsageError(bad);
  const found = await findRepository(io.cwd);
  if (!found.repository) throw new UsageError(found.problem ?? `${io.cwd} is not in a git repository: --history reads its commits`);
  const repo = found.repository;
  const abs = (path: string) => resolve(repo.workTree, ...path.split('/'));
  const projectPath = (path: string) => {
    const rel = relative(root, abs(path));
    return (isAbsolute(rel) || rel.startsWith('..') ? path : rel).split(sep).join('/');
  };
  const display = (path: string) => relative(io.cwd, abs(path)).split(sep).join('/');
  const report: HistoryReport = await scanHistory({
    repo,
    ranges,
    config,
    projectPath,
    progressEvery: 500,
    ...(progress ? { onProgress: (p: { commits: number; changes: number }) => io.stderr(`\ridv: history: ${p.commits} commits, ${p.changes} file changes read`) } : {}),
  });
  if (progress) io.stderr('\n');
  const notices: Notice[] = [];
  if (report.shallow) notices.push({ level: 'warning', message: 'this is a shallow clone: commits before its boundary were not read (in CI, fetch the whole history, e.g. actions/checkout with fetch-depth: 0)' });
  const findings = report.findings.map((f): FileFinding => ({
    file: display(f.path),
    finding: f.finding,
    commit: { sha: f.commit.sha, author: f.commit.author, date: f.commit.date, atHead: f.atHead },
    // The baseline fingerprint from the finding's own text: the same entry as the finding in
    // the working tree, so a secret accepted there is accepted in history too.
    ...(fingerprinter ? { fingerprint: fingerprinter(abs(f.path), { ...f.finding, range: subjectRange(f.subject) }, f.subject) } : {}),
  }));
  const notRead = report.skipped.map((s) => ({ commit: s.commit, file: display(s.path), kind: s.kind, reason: s.reason }));
  return { findings, notices, summary: { ranges: ranges.length > 0 ? [...ranges] : ['--all'], commits: report.commits, changes: report.changes, notRead } };
}

/** The range of all of `subject` when it is the whole text. */
function subjectRange(subject: string): Range {
  const lines = subject.split('\n');
  return { start: { line: 0, column: 0 }, end: { line: lines.length - 1, column: (lines[lines.length - 1] ?? '').length } };
}

/** `history: 1,204 commits, 3,310 file changes read; 12 not read (9 binary, 3 too large)`. */
export function historyLine(summary: HistorySummary): string {
  const counts = new Map<string, number>();
  for (const s of summary.notRead) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
  const skipped = summary.notRead.length > 0 ? `; ${summary.notRead.length} file changes not read (${parts})` : '';
  return `history (${summary.ranges.join(' ')}): ${summary.commits} commits, ${summary.changes} file changes read${skipped}`;
}
