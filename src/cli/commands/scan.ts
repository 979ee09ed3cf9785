/** `idv scan`: the engine over a tree, as text, JSON or SARIF, with exit codes CI can gate on. */
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { applyFixes, CONFIG_FILE_NAME, createIgnoreOracle, lint, lintBytes, shouldSkip, type ResolvedConfig } from '../../core/engine/index';
import { FileReader } from '../fileReader';
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
    const reader = new FileReader();
    let ioErrors = 0;
    const scanOne = async (entry: WalkEntry) => {
      try {
        findings.push(...await scanFile(entry, reader, root, io.cwd, config, values.fix === true));
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
        // One file at a time: reading is cheaper than keeping many reads in flight (fileReader.ts).
        for await (const entry of walkFiles(abs)) await scanOne(entry);
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
async function scanFile(entry: WalkEntry, reader: FileReader, root: string, cwd: string, config: ResolvedConfig, fix: boolean): Promise<FileFinding[]> {
  const { absPath } = entry;
  const rootRel = relative(root, absPath);
  const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
  if (shouldSkip(projectPath, 0) !== undefined) return []; // by its name alone: not worth opening
  let bytes: Uint8Array;
  try {
    bytes = reader.read(absPath, config.maxFileSizeBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Listed by git but deleted in the work tree, or a submodule's directory.
    if (code === 'ENOENT' || code === 'EISDIR') return [];
    throw error;
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const context = { path: projectPath, committed: entry.committed, config };
  let { findings: found, text } = lintBytes(bytes, context);
  if (fix && text !== undefined) {
    const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length > 0) {
      text = applyFixes(text, fixes);
      await writeFile(absPath, hadBom ? `\uFEFF${text}` : text);
      found = lint(text, context);
    }
  }
  const file = relative(cwd, absPath).split(sep).join('/');
  return found.map((finding) => ({ file, finding }));
}

function summary(findings: readonly FileFinding[]): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const of = (s: string) => findings.filter((f) => f.finding.severity === s).length;
  return `${count(findings.length, 'problem')} (${count(of('error'), 'error')}, ${count(of('warning'), 'warning')}, ${of('info')} info)`;
}
