/**
 * `idv scan --history`: every commit's added lines through the engine's history rules (those
 * whose metadata says `history`), streamed from one `git log -p`. Each finding carries the
 * commit that added it, and whether its value is still in the tree at HEAD: deleting a
 * committed secret does not un-leak it, and the report says which ones are gone from the
 * files but not from the clones.
 */
import { RULES, lint, repositoryArgs, runGit, spawnGit, type Finding, type Repository, type ResolvedConfig, type RuleId, type SeveritySetting } from '../engine/index';
import { skipByName, type Skip } from '../files/index';
import { COMMIT_FORMAT, PatchReader, type CommitInfo, type FileChange } from './patch';

export interface HistoryFinding {
  /** Posix path in the repository, as the commit left it. */
  readonly path: string;
  /** Lines and columns are those of the file in `commit`. */
  readonly finding: Finding;
  /** The oldest commit in the range that added it. */
  readonly commit: CommitInfo;
  /** Whether the value is in some file at HEAD (false also when there is no HEAD). */
  readonly atHead: boolean;
  /** The finding's text (the secret literal). Kept in memory for matching, never printed. */
  readonly subject: string;
}

/** A file change that was not read, and why. */
export interface HistorySkip extends Skip {
  readonly commit: string;
  readonly path: string;
}

export interface HistoryProgress {
  readonly commits: number;
  readonly changes: number;
}

export interface HistoryOptions {
  readonly repo: Repository;
  /** `git log` revision ranges; empty means every ref (`--all`). Checked by `checkRanges`. */
  readonly ranges: readonly string[];
  readonly config: ResolvedConfig;
  /** The path the rules see (relative to the project root) for a repository path. */
  readonly projectPath?: (repoPath: string) => string;
  readonly signal?: AbortSignal;
  /** Called after each commit, at most every `progressEvery` commits. */
  readonly onProgress?: (progress: HistoryProgress) => void;
  readonly progressEvery?: number;
}

export interface HistoryReport {
  readonly findings: readonly HistoryFinding[];
  readonly commits: number;
  /** File changes with added lines that were linted. */
  readonly changes: number;
  readonly skipped: readonly HistorySkip[];
  /** True when the repository is a shallow clone: commits before its boundary were not read. */
  readonly shallow: boolean;
  readonly cancelled: boolean;
}

/** Ranges are handed to git after `--end-of-options`, but an option-looking one is a mistake. */
export function checkRanges(ranges: readonly string[]): string | undefined {
  const bad = ranges.find((r) => r === '' || r.startsWith('-') || /[\0\n]/.test(r));
  return bad === undefined ? undefined : 'a revision range must not be empty or start with "-" (give ranges such as main..HEAD or v1.2.0..)';
}

/** The rules `--history` runs: the history ones the configuration has on, the rest off. */
export function historyConfig(config: ResolvedConfig): ResolvedConfig {
  const rules = { ...config.rules } as Record<RuleId, SeveritySetting>;
  for (const r of RULES) if (r.history !== true) rules[r.id] = 'off';
  return { ...config, rules };
}

/** Reads the history; findings are deduplicated by rule, path and text, keeping the oldest commit. */
export async function scanHistory(options: HistoryOptions): Promise<HistoryReport> {
  const { repo, signal } = options;
  const config = historyConfig(options.config);
  const projectPath = options.projectPath ?? ((p: string) => p);
  const every = Math.max(1, options.progressEvery ?? 100);
  const found = new Map<string, HistoryFinding>();
  const skipped: HistorySkip[] = [];
  let commits = 0;
  let changes = 0;

  const lintChange = (change: FileChange) => {
    const path = projectPath(change.path);
    const byName = skipByName(path);
    if (byName) {
      skipped.push({ ...byName, commit: change.commit.sha, path: change.path });
      return;
    }
    changes++;
    for (const finding of lint(change.text, { path, committed: true, config })) {
      const at = finding.range.start.line;
      if (change.added[at] !== true) continue;
      const subject = subjectOf(change.text, finding);
      const moved: Finding = {
        ...finding,
        range: {
          start: { line: change.lineOf[at] ?? 0, column: finding.range.start.column },
          end: { line: change.lineOf[finding.range.end.line] ?? change.lineOf[at] ?? 0, column: finding.range.end.column },
        },
      };
      // Newest first: a later (older) commit that added the same text replaces the entry.
      const key = `${finding.ruleId}\0${change.path}\0${subject.replace(/\s+/g, '')}`;
      found.set(key, { path: change.path, finding: moved, commit: change.commit, atHead: false, subject });
    }
  };
  const reader = new PatchReader({
    commit: () => {
      commits++;
      if (commits % every === 0) options.onProgress?.({ commits, changes });
    },
    change: lintChange,
    binary: (commit, path) => skipped.push({ kind: 'binary', reason: 'binary change (git shows no lines for it)', commit: commit.sha, path }),
    tooLarge: (commit, path) => skipped.push({ kind: 'too-large', reason: `change over ${options.config.maxFileSizeBytes} characters`, commit: commit.sha, path }),
  }, options.config.maxFileSizeBytes);

  const cancelled = await streamLog(repo, options.ranges, reader, signal);
  options.onProgress?.({ commits, changes });
  const findings = [...found.values()];
  const atHead = cancelled ? new Set<string>() : await valuesAtHead(repo, findings.map((f) => literalValue(f.subject)));
  const shallow = (await runGit([...repositoryArgs(repo), 'rev-parse', '--is-shallow-repository'], repo.workTree)).stdout.trim() === 'true';
  return {
    findings: findings.map((f) => ({ ...f, atHead: atHead.has(literalValue(f.subject)) })),
    commits,
    changes,
    skipped,
    shallow,
    cancelled,
  };
}

/**
 * Runs `git log -p` over `ranges` (every ref when empty) into `reader`, line by line; resolves
 * true when `signal` stopped it. `paths` limits it to those files (literal, no pathspec magic);
 * `context` is the lines either side of each change.
 */
export async function streamLog(repo: Repository, ranges: readonly string[], reader: PatchReader, signal: AbortSignal | undefined, paths: readonly string[] = [], context = 3): Promise<boolean> {
  const args = [
    ...repositoryArgs(repo), '--literal-pathspecs', 'log', '-p', `-U${context}`, '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--full-history',
    COMMIT_FORMAT, ...(ranges.length === 0 ? ['--all'] : []), '--end-of-options', ...ranges, '--', ...paths,
  ];
  const child = spawnGit(args, repo.workTree);
  if (!child) throw new Error('git was not found on PATH');
  const onAbort = () => child.kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (d: Buffer) => stderr.push(d));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let rest: Buffer | undefined;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (signal?.aborted) break;
      const data = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        reader.line(data.toString('utf8', start, nl));
        start = nl + 1;
      }
      rest = start < data.length ? data.subarray(start) : undefined;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) {
    child.kill();
    await exit;
    return true;
  }
  if (rest) reader.line(rest.toString('utf8'));
  reader.end();
  const code = await exit;
  if (code !== 0) {
    const message = Buffer.concat(stderr).toString('utf8').split('\n').find((l) => l.trim() !== '') ?? `exit ${code}`;
    throw new Error(`git log failed: ${message.replace(/^fatal:\s*/, '')}`);
  }
  return false;
}

/** The text of a finding's range (one line for the history rules). */
export function subjectOf(text: string, finding: Finding): string {
  const lines = text.split('\n', finding.range.end.line + 1);
  if (finding.range.start.line === finding.range.end.line) return (lines[finding.range.start.line] ?? '').slice(finding.range.start.column, finding.range.end.column);
  return [
    (lines[finding.range.start.line] ?? '').slice(finding.range.start.column),
    ...lines.slice(finding.range.start.line + 1, finding.range.end.line),
    (lines[finding.range.end.line] ?? '').slice(0, finding.range.end.column),
  ].join('\n');
}

/** A literal's value: its text without one pair of surrounding quotes. */
export function literalValue(subject: string): string {
  const m = /^(["'`])([\s\S]*)\1$/.exec(subject.trim());
  return m ? (m[2] as string) : subject.trim();
}

/**
 * Which of `values` occur in a file at HEAD: one `git grep` with the values as fixed patterns on
 * standard input (never in argv, where every user of the machine could read them).
 */
export async function valuesAtHead(repo: Repository, values: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(values.filter((v) => v !== '' && !v.includes('\n')))];
  const out = new Set<string>();
  if (wanted.length === 0) return out;
  const head = await runGit([...repositoryArgs(repo), 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], repo.workTree);
  if (head.code !== 0) return out;
  // -o prints each match; -h drops the file name, so every line is a value that matched. Two
  // values where one contains the other are asked about one at a time (-o prints one match
  // per place, and the longer one could hide the shorter).
  const groups = wanted.some((v) => wanted.some((w) => w !== v && w.includes(v))) ? wanted.map((v) => [v]) : [wanted];
  for (const group of groups) {
    const { code, stdout, stderr } = await runGit([...repositoryArgs(repo), 'grep', '--no-color', '-F', '-o', '-h', '-I', '-f', '-', 'HEAD', '--'], repo.workTree, `${group.join('\n')}\n`);
    if (code > 1) throw new Error(`git grep failed: ${stderr.trim() || `exit ${code}`}`);
    for (const line of stdout.split('\n')) if (line !== '') out.add(line);
  }
  return out;
}
