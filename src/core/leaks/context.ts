/**
 * The state one search shares between the file walk, the archive reader and the history walk:
 * the compiled forms, the limits, what was found and skipped, the counts, cancellation and
 * progress. The report it builds has every string taken from the searched data (paths, entry
 * names, author names, git's messages) cleared of the secret's text forms, so a file named
 * after the secret cannot print it.
 */
import type { SkipKind } from '../files/index';
import type { SecretForm } from './forms';
import { MultiSearch, type StreamResult } from './search';
import type { LeakCounts, LeakHit, LeakLimits, LeakLocation, LeakNotice, LeakProgress, LeakReport, LeakSkip } from './types';

/** Where archive and blob readers send what they find, relative to the thing they were handed. */
export interface ContentSink {
  /** The matches of one stream; `entry` names the archive entries on the way (empty: the thing itself). */
  found(entry: readonly string[], result: StreamResult): void;
  skip(entry: readonly string[], kind: SkipKind, reason: string): void;
}

export class SearchContext {
  readonly search: MultiSearch;
  readonly counts: LeakCounts;
  readonly hits: LeakHit[] = [];
  readonly skipped: LeakSkip[] = [];
  readonly notices: LeakNotice[] = [];
  readonly repositories: string[] = [];
  hitsNotListed = 0;
  totalCommits: number | undefined;
  /** What the search is walking now (archives are read in both). */
  phase: LeakProgress['phase'] = 'files';

  constructor(
    readonly forms: readonly SecretForm[],
    readonly limits: LeakLimits,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: LeakProgress) => void) | undefined,
  ) {
    this.search = new MultiSearch(forms.map((f) => f.bytes));
    this.counts = { files: 0, bytes: 0, archives: 0, archiveEntries: 0, entryBytes: 0, commits: 0, blobs: 0, blobBytes: 0, forms: forms.length };
  }

  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /** Calls the host's progress callback (it throttles what it shows). */
  progress(): void {
    const { files, archiveEntries, commits, blobs } = this.counts;
    this.onProgress?.({ phase: this.phase, files, archiveEntries, commits, blobs, ...(this.totalCommits !== undefined ? { totalCommits: this.totalCommits } : {}) });
  }

  /** The hits of one stream at `where`, as report entries. */
  hitsAt(where: LeakLocation, result: StreamResult, extra: Partial<LeakHit> = {}): LeakHit[] {
    this.hitsNotListed += result.more;
    return result.hits.map((h) => {
      const form = this.forms[h.pattern] as SecretForm;
      return { ...where, ...extra, form: form.id, formLabel: form.label, offset: h.offset, ...(h.line !== undefined ? { line: h.line, column: h.column } : {}) };
    });
  }

  skip(where: LeakLocation, kind: SkipKind, reason: string, commit?: string): void {
    this.skipped.push({ ...where, kind, reason, ...(commit !== undefined ? { commit } : {}) });
  }

  notice(level: LeakNotice['level'], message: string): void {
    this.notices.push({ level, message });
  }

  /** A sink that files what an archive or blob reader finds under `where`. */
  sinkAt(where: LeakLocation): ContentSink {
    const at = (entry: readonly string[]): LeakLocation => (entry.length === 0 ? where : { ...where, entry: [...(where.entry ?? []), ...entry] });
    return {
      found: (entry, result) => this.hits.push(...this.hitsAt(at(entry), result)),
      skip: (entry, kind, reason) => this.skip(at(entry), kind, reason),
    };
  }

  /** The report, with the secret's text forms cleared from every string that came from the data. */
  report(): LeakReport {
    const redact = redactor(this.forms);
    const location = <T extends LeakLocation>(l: T): T => ({ ...l, path: redact(l.path), ...(l.entry ? { entry: l.entry.map(redact) } : {}) });
    return {
      hits: this.hits.map((h) => ({ ...location(h), ...(h.commit ? { commit: { ...h.commit, author: redact(h.commit.author) } } : {}) })),
      hitsNotListed: this.hitsNotListed,
      skipped: this.skipped.map((s) => ({ ...location(s), reason: redact(s.reason) })),
      notices: this.notices.map((n) => ({ ...n, message: redact(n.message) })),
      counts: { ...this.counts },
      repositories: this.repositories.map(redact),
      cancelled: this.aborted,
    };
  }
}

/** Replaces every text form of the secret in a string with `[secret]`. */
export function redactor(forms: readonly SecretForm[]): (text: string) => string {
  const needles = forms.map((f) => f.bytes.toString('utf8')).filter((t) => t.length > 0 && !t.includes('\uFFFD') && !t.includes('\0'));
  return (text) => {
    let out = text;
    for (const n of needles) if (out.includes(n)) out = out.split(n).join('[secret]');
    return out;
  };
}
