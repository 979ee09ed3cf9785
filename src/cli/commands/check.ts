/**
 * `idv check`: every messenger installation in a tree, per vendor and platform, and whether
 * identity verification can be enforced yet. Walks files exactly like `idv scan`.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../../core/engine/classify';
import { shouldSkip, type ResolvedConfig } from '../../core/engine/index';
import { resolveConfig } from '../projectConfig';
import { findInstallations, readiness, type Installation, type Readiness } from '../../core/install/index';
import { getVendor, PLATFORMS, type Platform } from '../../core/vendors';
import { choice, parse } from '../args';
import { UsageError, type CliCommand } from '../io';
import { kindOf, walkFiles, type WalkEntry } from '../walk';

const FORMATS = ['text', 'json'] as const;
/** Files read at once: enough to overlap I/O, few enough to keep memory flat. */
const BATCH = 16;
const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { web: 'web', ios: 'iOS', android: 'Android' };

/** The JSON `idv check --format json` prints. */
export interface CheckReport {
  readonly installations: readonly Installation[];
  readonly readiness: readonly Readiness[];
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'list messenger installations and say per platform whether verification can be enforced',
  usage: `Usage: idv check [paths...] [--format text|json]
Finds every messenger installation (web settings and boot/identify calls, iOS, Android, React
Native and Flutter logins) under the paths (default: the current directory), walking files like
idv scan. For each one: platform, identifiers sent, whether a hash is sent and whether it comes
from the server or is computed on the client. Then a verdict per vendor and platform.
  --format F   text (a table and the verdicts) or json (default text)
Exit 0 when every platform is ready to enforce, 1 when one is not, 2 on usage or I/O errors.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f', default: 'text' },
    }, true);
    const format = choice(values.format, FORMATS, '--format');
    const { config, root } = await resolveConfig(io, undefined);

    const installations: Installation[] = [];
    let ioErrors = 0;
    const checkOne = async (absPath: string) => {
      try {
        installations.push(...await checkFile(absPath, root, io.cwd, config));
      } catch (error) {
        ioErrors++;
        io.stderr(`idv: ${relative(io.cwd, absPath)}: ${(error as Error).message}\n`);
      }
    };
    for (const target of positionals.length > 0 ? positionals : ['.']) {
      const abs = resolve(io.cwd, target);
      const kind = await kindOf(abs).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${target}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
      });
      if (kind === 'file') await checkOne(abs);
      else if (kind === 'dir') await inBatches(walkFiles(abs), (entry) => checkOne(entry.absPath));
      else throw new UsageError(`${target}: not a file or directory`);
    }

    installations.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));
    const report: CheckReport = { installations, readiness: readiness(installations) };
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
    if (ioErrors > 0) return 2;
    return report.readiness.every((r) => r.ready) ? 0 : 1;
  },
};

/** The installations in one file, with `file` relative to `cwd`. Skipped files have none. */
async function checkFile(absPath: string, root: string, cwd: string, config: ResolvedConfig): Promise<Installation[]> {
  const st = await stat(absPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined; // listed by git but deleted in the work tree
    throw error;
  });
  if (!st?.isFile()) return [];
  const rootRel = relative(root, absPath);
  const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
  if (globMatcher(config.ignore)(projectPath) || shouldSkip(projectPath, st.size, undefined, config.maxFileSizeBytes)) return [];
  const bytes = await readFile(absPath);
  if (shouldSkip(projectPath, bytes.length, bytes.subarray(0, 4096), config.maxFileSizeBytes)) return [];
  const file = relative(cwd, absPath).split(sep).join('/');
  return findInstallations(bytes.toString('utf8'), projectPath, undefined, { config }).map((i) => ({ ...i, file }));
}

/** Runs `work` over the entries BATCH at a time. */
async function inBatches(entries: AsyncIterable<WalkEntry>, work: (entry: WalkEntry) => Promise<void>): Promise<void> {
  let batch: WalkEntry[] = [];
  for await (const entry of entries) {
    batch.push(entry);
    if (batch.length >= BATCH) {
      await Promise.all(batch.map(work));
      batch = [];
    }
  }
  await Promise.all(batch.map(work));
}

/** A table of installations, then one verdict per vendor and platform with its reasons. */
export function formatText(report: CheckReport): string {
  if (report.installations.length === 0) return 'No messenger installations found.\n';
  const rows = [['LOCATION', 'VENDOR', 'PLATFORM', 'IDENTIFIERS', 'HASH', 'SOURCE'], ...report.installations.map((i) => [
    `${i.file}:${i.line}`, i.vendor, i.platform, i.identifiers.length > 0 ? i.identifiers.join(', ') : '(anonymous)',
    i.sendsHash ? 'sent' : 'missing', i.sendsHash ? i.hashSource : '-',
  ])];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const table = rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ')).join('\n');
  const verdicts = report.readiness.map((r) => {
    const head = `${getVendor(r.vendor).name} on ${PLATFORM_NAMES[r.platform]}: ${r.ready ? 'ready to enforce' : 'NOT ready to enforce'}`;
    return [head, ...r.reasons.map((reason) => `  - ${reason}`)].join('\n');
  });
  return `${table}\n\n${verdicts.join('\n')}\n`;
}
