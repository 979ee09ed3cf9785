/** `idv scan`: the engine over a tree, as text, JSON or SARIF, with exit codes CI can gate on. */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../../core/engine/classify';
import { applyFixes, CONFIG_FILE_NAME, createIgnoreOracle, lint, lintBytes, type ResolvedConfig } from '../../core/engine/index';
import { encodeText, skipByName, summarizeSkips, tooLarge, type Skip, type SkippedPath } from '../../core/files/index';
import { FileReader, writeBack } from '../fileReader';
import { ProjectPhase } from '../project';
import { CliSyntax } from '../syntax';
import { resolveConfig } from '../projectConfig';
import { version } from '../../../package.json';
import { choice, parse } from '../args';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { scanIncomplete, type FileFinding, type Notice, type ScanReport } from '../format/types';
import { UsageError, type CliCommand } from '../io';
import { readBlobs, stagedFiles, stagedRepository } from '../staged';
import { kindOf, walkFiles, type WalkEntry, type WalkReport } from '../walk';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'find leaked secrets, client-side hashing and missing or wrong user hashes',
  usage: `Usage: idv scan [paths...] [--format text|json|sarif] [--config FILE] [--fix] [--verbose]
       idv scan --staged [--format text|json|sarif] [--config FILE] [--verbose]
Scans files and directories (default: the current directory). In a git repository only the
files git would commit are walked, plus git-ignored .env files (public variables in them still
reach the browser). Dependency and build folders, binaries, lock files and files over the size
limit are not read, and every one is reported: in JSON "skipped", in SARIF the invocation's
notifications, in text a count on stderr (--verbose lists them). Links are never followed.
  --format F      text (file:line:column severity rule message), json or sarif (default text)
  --config FILE   the ${CONFIG_FILE_NAME} to use (default: the nearest one above the current directory)
  --fix           apply the safe fixes in place, then report what is left
  --staged        scan what \`git commit\` would record: the staged version of every added or
                  changed file (the index, not the working tree), for a pre-commit hook
  --verbose       list every path that was not read, with the reason
Exit 0 when nothing is at warning or above, 1 when something is, 2 on usage or configuration
errors, or when part of the tree could not be read (the report is still complete for the rest).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string' },
      fix: { type: 'boolean' },
      staged: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
    }, true);
    if (values.staged === true && (positionals.length > 0 || values.fix === true)) {
      throw new UsageError('--staged scans what git would commit: give no paths, and no --fix (it would change the working tree, not the commit).');
    }
    const format = choice(values.format, FORMATS, '--format');
    const { config, root } = await resolveConfig(io, values.config);

    const findings: FileFinding[] = [];
    const skipped: SkippedPath[] = [];
    const notices: Notice[] = [];
    const reader = new FileReader();
    const syntax = CliSyntax.create((message) => notices.push({ level: 'warning', message }));
    // Modules are read together after the walk (the project model); the walk stays one pass.
    const project = new ProjectPhase(syntax.syntax, config, reader);
    const display = (abs: string) => {
      const rel = relative(io.cwd, abs).split(sep).join('/');
      return abs.endsWith(sep) && !rel.endsWith('/') ? `${rel}/` : rel;
    };
    const report: WalkReport = {
      skip: (abs, skip) => skipped.push({ file: display(abs), ...skip }),
      notice: (level, message) => notices.push({ level, message }),
    };
    if (values.staged === true) await scanStaged(io.cwd, root, config, syntax, project, findings, report);
    for (const target of values.staged === true ? [] : positionals.length > 0 ? positionals : ['.']) {
      const abs = resolve(io.cwd, target);
      const kind = await kindOf(abs).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${target}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
      });
      const scanOne = async (entry: WalkEntry, scanRoot: string) => {
        const result = await scanFile(entry, scanRoot, reader, root, io.cwd, config, values.fix === true, syntax, project);
        if (result.skip) report.skip(entry.absPath, result.skip);
        else findings.push(...result.findings);
        if (result.fixError) notices.push({ level: 'error', message: `${display(entry.absPath)}: fixes not written: ${result.fixError}` });
      };
      if (kind === 'file') {
        const oracle = await createIgnoreOracle(dirname(abs));
        const ignored = await oracle.ignored([abs]);
        await scanOne({ absPath: abs, committed: !ignored.has(abs) }, dirname(abs));
      } else if (kind === 'dir') {
        // One file at a time: reading is cheaper than keeping many reads in flight (fileReader.ts).
        for await (const entry of walkFiles(abs, report)) await scanOne(entry, abs);
      } else {
        throw new UsageError(`${target}: not a file or directory`);
      }
    }

    await project.finish(findings);
    syntax.dispose();
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.column - b.finding.range.start.column);
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const result: ScanReport = { findings, skipped, notices };
    io.stdout(format === 'json' ? formatJson(result) : format === 'sarif' ? formatSarif(result, io.cwd, version) : formatText(findings));
    for (const n of notices) io.stderr(`idv: ${n.level}: ${n.message}\n`);
    for (const s of skipped) if (values.verbose === true || s.kind === 'unreadable' || s.kind === 'outside-root') io.stderr(`idv: not scanned: ${s.file}: ${s.reason}\n`);
    if (format === 'text') {
      if (findings.length > 0) io.stderr(`${summary(findings)}\n`);
      const skips = summarizeSkips(skipped);
      if (skips !== undefined) io.stderr(`${skips}${values.verbose === true ? '' : '; --verbose lists them'}\n`);
    }
    if (scanIncomplete(result)) return 2;
    return findings.some((f) => f.finding.severity !== 'info') ? 1 : 0;
  },
};

interface FileResult {
  readonly findings: FileFinding[];
  readonly skip?: Skip;
  readonly fixError?: string;
}

/** Lints one file; applies fixes first when asked. */
async function scanFile(entry: WalkEntry, scanRoot: string, reader: FileReader, root: string, cwd: string, config: ResolvedConfig, fix: boolean, syntax: CliSyntax, project: ProjectPhase): Promise<FileResult> {
  const { absPath } = entry;
  const rootRel = relative(root, absPath);
  const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
  // By the name alone: not worth opening.
  const byName = skipByName(projectPath) ?? (ignoredByConfig(config, projectPath) ? IGNORED : undefined);
  if (byName) return { findings: [], skip: byName };
  const read = reader.read(absPath, scanRoot, config.maxFileSizeBytes, { walked: entry.walked === true, identify: fix });
  if (read.skip) return { findings: [], skip: read.skip };
  if (read.gone) return { findings: [] };
  const { preFilter, loading } = syntax.prepare(read.bytes, { path: projectPath, config });
  if (loading) await loading;
  const source = project.source();
  const context = { path: projectPath, committed: entry.committed, config, ...(source ? { syntax: source } : {}) };
  project.begin();
  const linted = lintBytes(read.bytes, preFilter === undefined ? context : { ...context, preFilter });
  if (linted.skipped) return { findings: [], skip: linted.skipped };
  const file = relative(cwd, absPath).split(sep).join('/');
  let found = linted.findings;
  let fixError: string | undefined;
  let fixedText: string | undefined;
  if (fix && linted.text !== undefined && linted.encoding !== undefined) {
    const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length > 0) {
      const text = applyFixes(linted.text, fixes);
      try {
        writeBack(absPath, read.identity, encodeText(text, linted.encoding));
        project.begin();
        found = lint(text, context);
        fixedText = text;
      } catch (error) {
        fixError = (error as Error).message;
      }
    }
  }
  project.note(absPath, scanRoot, file, context, fixedText ?? linted.text);
  return { findings: found.map((finding) => ({ file, finding })), ...(fixError ? { fixError } : {}) };
}

/**
 * `--staged`: every staged blob through the same admission and lint as a file on disk, paths
 * from the repository's top. Links and submodules are reported, not read.
 */
async function scanStaged(cwd: string, root: string, config: ResolvedConfig, syntax: CliSyntax, project: ProjectPhase, findings: FileFinding[], report: WalkReport): Promise<void> {
  const repo = await stagedRepository(cwd);
  if (typeof repo === 'string') throw new UsageError(repo);
  const staged = await stagedFiles(repo);
  const abs = (path: string) => resolve(repo.workTree, ...path.split('/'));
  const toRead = staged.filter((f) => {
    if (f.mode === '120000') report.skip(abs(f.path), { kind: 'symlink', reason: 'symbolic link (staged as a link; its target is not read)' });
    else if (f.mode === '160000') report.skip(abs(f.path), { kind: 'not-regular', reason: 'submodule (scan it in its own repository)' });
    else return true;
    return false;
  });
  let i = 0;
  for await (const blob of readBlobs(repo, toRead.map((f) => f.sha))) {
    const file = toRead[i++];
    if (!file) break;
    const absPath = abs(file.path);
    const rootRel = relative(root, absPath);
    const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
    const byName = skipByName(projectPath) ?? (ignoredByConfig(config, projectPath) ? IGNORED : undefined) ?? (blob.bytes.length > config.maxFileSizeBytes ? tooLarge(config.maxFileSizeBytes) : undefined);
    if (byName) {
      report.skip(absPath, byName);
      continue;
    }
    const { preFilter, loading } = syntax.prepare(blob.bytes, { path: projectPath, config });
    if (loading) await loading;
    const source = project.source();
    const context = { path: projectPath, committed: true, config, ...(source ? { syntax: source } : {}) };
    const linted = lintBytes(blob.bytes, preFilter === undefined ? context : { ...context, preFilter });
    if (linted.skipped) report.skip(absPath, linted.skipped);
    else findings.push(...linted.findings.map((finding) => ({ file: relative(cwd, absPath).split(sep).join('/'), finding })));
  }
}

const IGNORED: Skip = { kind: 'ignored', reason: `matched by "ignore" in ${CONFIG_FILE_NAME}` };

function ignoredByConfig(config: ResolvedConfig, path: string): boolean {
  return config.ignore.length > 0 && globMatcher(config.ignore)(path);
}

function summary(findings: readonly FileFinding[]): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const of = (s: string) => findings.filter((f) => f.finding.severity === s).length;
  return `${count(findings.length, 'problem')} (${count(of('error'), 'error')}, ${count(of('warning'), 'warning')}, ${of('info')} info)`;
}
