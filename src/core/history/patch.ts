/**
 * Reads the output of `git log -p` one line at a time and hands over each file a commit
 * changed as the text of its hunks, added lines marked. Pure: the caller feeds lines (any
 * source, any chunking) and gets callbacks; nothing of the history is kept beyond the file
 * being read, so memory stays that of the largest single change.
 *
 * A hunk is followed by its line counts, not by what its lines look like: an added line
 * `++ x` prints as `+++ x`, which only the counts tell from a file header.
 */

/** The marker that starts each commit's header line in the format `historyLogArgs` asks for. */
export const COMMIT_MARK = '\x1e';
const FIELD = '\x1f';

/** `--format` for `git log`: mark, full id, author name, author date (strict ISO 8601). */
export const COMMIT_FORMAT = `--format=%x1e%H%x1f%an%x1f%aI`;

export interface CommitInfo {
  readonly sha: string;
  readonly author: string;
  /** Strict ISO 8601, as git gives it. */
  readonly date: string;
}

/** One file as a commit left it, but only where the commit touched it. */
export interface FileChange {
  readonly commit: CommitInfo;
  /** Posix path in the repository after the commit. */
  readonly path: string;
  /** The hunks' new-side lines (context and added), hunks separated by one empty line. */
  readonly text: string;
  /** For each line of `text`: its line in the file (0-based), or -1 for a separator. */
  readonly lineOf: readonly number[];
  /** For each line of `text`: whether the commit added it. */
  readonly added: readonly boolean[];
}

export interface PatchSink {
  commit(info: CommitInfo): void;
  change(change: FileChange): void;
  /** A file whose change git shows as binary: not read (`git log -p` gives no lines for it). */
  binary(commit: CommitInfo, path: string): void;
  /** A change dropped unread because its text passed `maxChars`. */
  tooLarge(commit: CommitInfo, path: string): void;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Feeds `git log -p` lines (without their `\n`) to `sink`; `end()` flushes the last file. */
export class PatchReader {
  private commit: CommitInfo | undefined;
  private path: string | undefined;
  private lines: string[] = [];
  private lineOf: number[] = [];
  private added: boolean[] = [];
  private anyAdded = false;
  private chars = 0;
  private overflow = false;
  private oldLeft = 0;
  private newLeft = 0;
  private newLine = 0;

  constructor(private readonly sink: PatchSink, private readonly maxChars: number) {}

  line(line: string): void {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      this.hunkLine(line);
      return;
    }
    if (line.startsWith(COMMIT_MARK)) {
      this.flush();
      const [sha = '', author = '', date = ''] = line.slice(1).split(FIELD);
      this.commit = { sha, author, date };
      this.sink.commit(this.commit);
    } else if (line.startsWith('diff --git ')) {
      this.flush();
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      // `/dev/null`: the file was deleted, nothing was added.
      this.path = target === '/dev/null' ? undefined : stripPrefix(unquote(target));
    } else if (line.startsWith('Binary files ') && this.commit) {
      const m = / and (.*) differ$/.exec(line);
      const target = m?.[1];
      if (target !== undefined && target !== '/dev/null') this.sink.binary(this.commit, stripPrefix(unquote(target)));
    } else if (line.startsWith('@@ ') && this.path !== undefined) {
      const m = HUNK.exec(line);
      if (!m) return;
      this.oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      this.newLeft = m[3] === undefined ? 1 : Number(m[3]);
      // `+0,0` (every line removed) starts at 0; otherwise git counts from 1.
      this.newLine = Math.max(0, Number(m[2]) - 1);
      if (this.lines.length > 0) this.push('', -1, false);
    }
  }

  /** The last file of the last commit. */
  end(): void {
    this.flush();
  }

  private hunkLine(line: string): void {
    const kind = line[0];
    if (kind === '+') {
      this.push(line.slice(1), this.newLine++, true);
      this.newLeft--;
    } else if (kind === '-') {
      this.oldLeft--;
    } else if (kind === ' ' || line === '') {
      // An empty line is a context line whose leading space an editor or mailer dropped.
      this.push(line.slice(1), this.newLine++, false);
      this.oldLeft--;
      this.newLeft--;
    } else if (kind === '\\') {
      // "\ No newline at end of file": not a line of either side.
    } else {
      // Not a hunk line: the counts were wrong. Stop the hunk rather than swallow headers.
      this.oldLeft = 0;
      this.newLeft = 0;
      this.line(line);
    }
  }

  private push(text: string, line: number, added: boolean): void {
    if (this.overflow) return;
    this.chars += text.length + 1;
    if (this.chars > this.maxChars) {
      this.overflow = true;
      this.lines = [];
      this.lineOf = [];
      this.added = [];
      return;
    }
    this.lines.push(text);
    this.lineOf.push(line);
    this.added.push(added);
    if (added) this.anyAdded = true;
  }

  private flush(): void {
    const { commit, path } = this;
    if (commit && path !== undefined) {
      if (this.overflow) this.sink.tooLarge(commit, path);
      else if (this.anyAdded) this.sink.change({ commit, path, text: this.lines.join('\n'), lineOf: this.lineOf, added: this.added });
    }
    this.path = undefined;
    this.lines = [];
    this.lineOf = [];
    this.added = [];
    this.anyAdded = false;
    this.overflow = false;
    this.chars = 0;
    this.oldLeft = 0;
    this.newLeft = 0;
  }
}

/** `b/src/app.js` → `src/app.js` (the prefix git puts on the new side). */
function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/**
 * A path as git prints it: as is, or in double quotes with C escapes when it holds a quote, a
 * backslash or a control character (octal escapes are bytes of the UTF-8 name).
 */
export function unquote(path: string): string {
  if (!(path.startsWith('"') && path.endsWith('"') && path.length >= 2)) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(ESCAPES[next] ?? next, 'utf8'));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
