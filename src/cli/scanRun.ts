/**
 * The scan itself, shared by `idv scan` and `idv baseline`: walks the paths (or reads the staged
 * blobs), lints every file, runs the project model, and returns the findings sorted, with what
 * was not read. It prints nothing; the commands decide what to show.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../core/engine/classify';
import { applyFixesReport, CONFIG_FILE_NAME, createIgnoreOracle, envVarToDeclare, lint, lintBytes, type Finding, type Fix, type ResolvedConfig } from '../core/engine/index';
import { encodeText, skipByName, tooLarge, type Skip, type SkippedPath } from '../core/files/index';
import { updateEnvExample } from './envExample';
import { FileReader, writeBack } from './fileReader';
import { fileFinding, type AppliedFix, type FileFinding, type Fingerprinter, type FixReport, type HistorySummary, type Notice, type ScanReport } from './format/types';
import { scanHistoryCli } from './history';
import { UsageError, type CliIo } from './io';
import { ProjectPhase } from './project';
import { resolveConfig } from './projectConfig';
import { readBlobs, stagedFiles, stagedRepository } from './staged';
import { CliSyntax } from './syntax';
import { kindOf, walkFiles, type WalkEntry, type WalkReport } from './walk';

export interface ScanOptions {
  /** Files and folders to scan, relative to the current directory (none: the current directory). */
  readonly paths: readonly string[];
  /** Read what `git commit` would record instead of `paths`. */
  readonly staged?: boolean;
  /** Read the git history instead: `paths` are then revision ranges (none: every ref). */
  readonly history?: boolean;
  /** Show the history's progress on stderr (a terminal only). */
  readonly progress?: boolean;
  /** Apply the safe fixes in place first. */
  readonly fix?: boolean;
  /** `--config`: the `.idvrc.json` to use instead of the nearest one. */
  readonly configFile?: string;
  /** Gives every finding its baseline fingerprint from the file's text as it is read. */
  readonly fingerprinter?: Fingerprinter;
  /** Findings with these fingerprints are accepted by a baseline: `fix` leaves them as they are. */
  readonly keep?: (fingerprint: string) => boolean;
}

/** Which files a scan looked at, so a baseline entry for a file outside it is not called unused. */
export interface ScanScope {
  /** Folders walked (absolute): every file below them was in reach. */
  readonly dirs: readonly string[];
  /** Files named or staged (absolute). */
  readonly files: ReadonlySet<string>;
}

export interface ScanRun extends ScanReport {
  readonly findings: FileFinding[];
  readonly scope: ScanScope;
  readonly history?: HistorySummary;
  readonly fixes?: FixReport;
}

/** Runs the scan `options` describe; usage and configuration problems throw a UsageError. */
export async function collectScan(options: ScanOptions, io: CliIo): Promise<ScanRun> {
  if (options.staged === true && (options.paths.length > 0 || options.fix === true)) {
    throw new UsageError('--staged scans what git would commit: give no paths, and no --fix (it would change the working tree, not the commit).');
  }
  if (options.history === true && (options.staged === true || options.fix === true)) {
    throw new UsageError('--history reads commits: it takes revision ranges, not --staged or --fix.');
  }
  const { config, root } = await resolveConfig(io, options.configFile);
  const findings: FileFinding[] = [];
  const skipped: SkippedPath[] = [];
  const notices: Notice[] = [];
  const scope = { dirs: [] as string[], files: new Set<string>() };
  const applied: AppliedFix[] = [];
  /** Variables fixed code inside the project root now reads: its .env.example should list them. */
  const declare = new Set<string>();
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
  const env: FileEnv = { reader, root, cwd: io.cwd, config, syntax, project, fix: options.fix === true, fingerprinter: options.fingerprinter, keep: options.keep };
  if (options.staged === true) await scanStaged(env, findings, report, scope.files);
  const history = options.history === true ? await scanHistoryCli(io, options.paths, root, config, options.progress === true, options.fingerprinter) : undefined;
  if (history) {
    findings.push(...history.findings);
    notices.push(...history.notices);
  }
  for (const target of options.staged === true || history ? [] : options.paths.length > 0 ? options.paths : ['.']) {
    const abs = resolve(io.cwd, target);
    const kind = await kindOf(abs).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${target}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
    });
    const scanOne = async (entry: WalkEntry, scanRoot: string) => {
      const result = await scanFile(entry, scanRoot, env);
      if (result.skip) report.skip(entry.absPath, result.skip);
      else findings.push(...result.findings);
      for (const fix of result.applied ?? []) {
        applied.push(fix);
        if (fix.envVar !== undefined && !isOutside(root, entry.absPath)) declare.add(fix.envVar);
      }
      if (result.fixError) notices.push({ level: 'error', message: `${display(entry.absPath)}: fixes not written: ${result.fixError}` });
    };
    if (kind === 'file') {
      scope.files.add(abs);
      const oracle = await createIgnoreOracle(dirname(abs));
      const ignored = await oracle.ignored([abs]);
      await scanOne({ absPath: abs, committed: !ignored.has(abs) }, dirname(abs));
    } else if (kind === 'dir') {
      scope.dirs.push(abs);
      // One file at a time: reading is cheaper than keeping many reads in flight (fileReader.ts).
      for await (const entry of walkFiles(abs, report)) await scanOne(entry, abs);
    } else {
      throw new UsageError(`${target}: not a file or directory`);
    }
  }

  const envExample = declare.size > 0 ? updateEnvExample(root, [...declare], reader, config.maxFileSizeBytes, display) : undefined;
  if (envExample?.error !== undefined) notices.push({ level: 'error', message: `${envExample.file}: not updated: ${envExample.error}` });
  await project.finish(findings, options.fingerprinter);
  syntax.dispose();
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.column - b.finding.range.start.column);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const fixes: FixReport | undefined = options.fix === true ? { applied, ...(envExample ? { envExample } : {}) } : undefined;
  return { findings, skipped, notices, scope, ...(history ? { history: history.summary } : {}), ...(fixes ? { fixes } : {}) };
}

/** Whether `absPath` was within reach of the scan whose scope this is. */
export function inScanScope(scope: ScanScope, absPath: string): boolean {
  return scope.files.has(absPath) || scope.dirs.some((d) => absPath.startsWith(d.endsWith(sep) ? d : `${d}${sep}`));
}

/** What every file of one scan is linted with. */
interface FileEnv {
  readonly reader: FileReader;
  /** The project root config globs and lint paths are relative to. */
  readonly root: string;
  readonly cwd: string;
  readonly config: ResolvedConfig;
  readonly syntax: CliSyntax;
  readonly project: ProjectPhase;
  readonly fix: boolean;
  readonly fingerprinter: Fingerprinter | undefined;
  readonly keep: ((fingerprint: string) => boolean) | undefined;
}

interface FileResult {
  readonly findings: FileFinding[];
  readonly skip?: Skip;
  readonly fixError?: string;
  /** The fixes written, with their positions in the text as written. */
  readonly applied?: readonly AppliedFix[];
}

/** Lints one file; applies fixes first when asked. */
async function scanFile(entry: WalkEntry, scanRoot: string, env: FileEnv): Promise<FileResult> {
  const { reader, root, cwd, config, syntax, project, fingerprinter, keep } = env;
  const { absPath } = entry;
  const projectPath = pathInProject(root, cwd, absPath);
  // By the name alone: not worth opening.
  const byName = skipByName(projectPath) ?? (ignoredByConfig(config, projectPath) ? IGNORED : undefined);
  if (byName) return { findings: [], skip: byName };
  const read = reader.read(absPath, scanRoot, config.maxFileSizeBytes, { walked: entry.walked === true, identify: env.fix });
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
  let applied: AppliedFix[] | undefined;
  if (env.fix && linted.text !== undefined && linted.encoding !== undefined) {
    const { text: before } = linted;
    // A finding the baseline accepts is left as the project accepted it.
    const accepted = (f: Finding) => fingerprinter !== undefined && keep !== undefined && keep(fingerprinter(absPath, f, before));
    const fixed = new Map<Fix, Finding>(found.flatMap((f) => (f.fix && !accepted(f) ? [[f.fix, f] as const] : [])));
    if (fixed.size > 0) {
      const result = applyFixesReport(before, [...fixed.keys()]);
      try {
        writeBack(absPath, read.identity, encodeText(result.text, linted.encoding));
        project.begin();
        found = lint(result.text, context);
        fixedText = result.text;
        applied = describeApplied(file, result.text, result.applied, fixed);
      } catch (error) {
        fixError = (error as Error).message;
      }
    }
  }
  const text = fixedText ?? linted.text;
  project.note(absPath, scanRoot, file, context, text);
  return { findings: found.map((finding) => fileFinding(file, absPath, finding, text, fingerprinter)), ...(fixError ? { fixError } : {}), ...(applied ? { applied } : {}) };
}

/** Each applied fix (in text order) at its position in the text as written. */
function describeApplied(file: string, written: string, fixes: readonly Fix[], findingOf: ReadonlyMap<Fix, Finding>): AppliedFix[] {
  let shift = 0;
  return fixes.flatMap((fix) => {
    const at = fix.range.start + shift;
    shift += fix.text.length - (fix.range.end - fix.range.start);
    const finding = findingOf.get(fix);
    if (!finding) return [];
    const before = written.slice(0, at);
    const envVar = envVarToDeclare(finding);
    return [{ file, line: before.split('\n').length, column: at - (before.lastIndexOf('\n') + 1) + 1, ruleId: finding.ruleId, replacement: fix.text, ...(envVar !== undefined ? { envVar } : {}) }];
  });
}

/**
 * `--staged`: every staged blob through the same admission and lint as a file on disk, paths
 * from the repository's top. Links and submodules are reported, not read.
 */
async function scanStaged(env: FileEnv, findings: FileFinding[], report: WalkReport, scope: Set<string>): Promise<void> {
  const { root, cwd, config, syntax, project, fingerprinter } = env;
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
  for (const f of toRead) scope.add(abs(f.path));
  let i = 0;
  for await (const blob of readBlobs(repo, toRead.map((f) => f.sha))) {
    const file = toRead[i++];
    if (!file) break;
    const absPath = abs(file.path);
    const projectPath = pathInProject(root, cwd, absPath);
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
    const shown = relative(cwd, absPath).split(sep).join('/');
    if (linted.skipped) report.skip(absPath, linted.skipped);
    else findings.push(...linted.findings.map((finding) => fileFinding(shown, absPath, finding, linted.text, fingerprinter)));
  }
}

/** Whether `absPath` lies outside the project root `root`. */
function isOutside(root: string, absPath: string): boolean {
  const rootRel = relative(root, absPath);
  return isAbsolute(rootRel) || rootRel.startsWith('..');
}

/** The path rules and config globs see: relative to the project root, or to cwd outside it. */
function pathInProject(root: string, cwd: string, absPath: string): string {
  const rootRel = relative(root, absPath);
  return (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
}

const IGNORED: Skip = { kind: 'ignored', reason: `matched by "ignore" in ${CONFIG_FILE_NAME}` };

function ignoredByConfig(config: ResolvedConfig, path: string): boolean {
  return config.ignore.length > 0 && globMatcher(config.ignore)(path);
}
