/** `idv scan`: the engine over a tree, as text, JSON or SARIF, with exit codes CI can gate on. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { applyFixes, CONFIG_FILE_NAME, createIgnoreOracle, lint, shouldSkip, type Finding, type ResolvedConfig } from '../../core/engine/index';
import { resolveConfig } from '../projectConfig';
import { version } from '../../../package.json';
import { choice, parse } from '../args';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import type { FileFinding } from '../format/types';
import { UsageError, type CliCommand } from '../io';
import { kindOf, walkFiles, type WalkEntry } from '../walk';

const FORMATS = ['text', 'json', 'sarif'] as const;
/** Files read at once: enough to overlap I/O, few enough to keep memory flat. */
const CONCURRENCY = 16;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'find leaked secrets, client-side hashing and missing or wrong user hashes',
  usage: `Usage: idv scan [paths...] [--format text|json|sarif] [--config FILE] [--fix]
Scans files and directories (default: the current directory). In a git repository only the
files git would commit are walked, plus git-ignored .env files (public variables in them still
reach the browser). node_modules, build output, binaries and lock files are skipped.
  --format F      text (file:line:column severity rule message), json or sarif (default text)
  --config FILE   the ${CONFIG_FILE_NAME} to use (default: the nearest one above the current directory)
  --fix           apply the safe fixes in place, then report what is left
Exit 0 when nothing is at warning or above, 1 when something is, 2 on usage or I/O errors.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string' },
      fix: { type: 'boolean' },
    }, true);
    const format = choice(values.format, FORMATS, '--format');
    const { config, root } = await resolveConfig(io, values.config);

    const findings: FileFinding[] = [];
    let ioErrors = 0;
    const scanOne = async (entry: WalkEntry) => {
      try {
        findings.push(...await scanFile(entry, root, io.cwd, config, values.fix === true));
      } catch (error) {
        ioErrors++;
        io.stderr(`idv: ${relative(io.cwd, entry.absPath)}: ${(error as Error).message}\n`);
      }
    };
    for (const target of positionals.length > 0 ? positionals : ['.']) {
      const abs = resolve(io.cwd, target);
      const kind = await kindOf(abs).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${target}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
      });
      if (kind === 'file') {
        const oracle = await createIgnoreOracle(dirname(abs));
        const ignored = await oracle.ignored([abs]);
        await scanOne({ absPath: abs, committed: !ignored.has(abs) });
      } else if (kind === 'dir') {
        await pool(walkFiles(abs), scanOne);
      } else {
        throw new UsageError(`${target}: not a file or directory`);
      }
    }

    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.column - b.finding.range.start.column);
    io.stdout(format === 'json' ? formatJson(findings) : format === 'sarif' ? formatSarif(findings, io.cwd, version) : formatText(findings));
    if (format === 'text' && findings.length > 0) io.stderr(`${summary(findings)}\n`);
    if (ioErrors > 0) return 2;
    return findings.some((f) => f.finding.severity !== 'info') ? 1 : 0;
  },
};

/** Lints one file; applies fixes first when asked. Skipped files give no findings. */
async function scanFile(entry: WalkEntry, root: string, cwd: string, config: ResolvedConfig, fix: boolean): Promise<FileFinding[]> {
  const { absPath } = entry;
  const st = await stat(absPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined; // listed by git but deleted in the work tree
    throw error;
  });
  if (!st?.isFile()) return [];
  const rootRel = relative(root, absPath);
  const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
  if (shouldSkip(projectPath, st.size, undefined, config.maxFileSizeBytes)) return [];
  const bytes = await readFile(absPath);
  if (shouldSkip(projectPath, bytes.length, bytes.subarray(0, 4096), config.maxFileSizeBytes)) return [];
  let text = bytes.toString('utf8');
  const context = { path: projectPath, committed: entry.committed, config };
  let found: Finding[] = lint(text, context);
  if (fix) {
    const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length > 0) {
      text = applyFixes(text, fixes);
      await writeFile(absPath, text);
      found = lint(text, context);
    }
  }
  const file = relative(cwd, absPath).split(sep).join('/');
  return found.map((finding) => ({ file, finding }));
}

/** Runs `work` over the entries with at most CONCURRENCY in flight, pulling entries lazily. */
async function pool(entries: AsyncIterable<WalkEntry>, work: (entry: WalkEntry) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const entry of entries) {
    const p: Promise<void> = work(entry).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= CONCURRENCY) await Promise.race(running);
  }
  await Promise.all(running);
}

function summary(findings: readonly FileFinding[]): string {
  const count = (s: string) => findings.filter((f) => f.finding.severity === s).length;
  return `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`;
}
