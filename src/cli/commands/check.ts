/**
 * `idv check`: every messenger installation in a tree, per vendor and platform, and whether
 * identity verification can be enforced yet. Walks files exactly like `idv scan`.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { globMatcher } from '../../core/engine/classify';
import type { ResolvedConfig } from '../../core/engine/index';
import { decodeText, skipByName, summarizeSkips, type Skip, type SkippedPath } from '../../core/files/index';
import { FileReader } from '../fileReader';
import { scanIncomplete, type Notice } from '../format/types';
import { resolveConfig } from '../projectConfig';
import { CliSyntax } from '../syntax';
import { compareInstallations, findInstallations, formatCheckText, readiness, type CheckReport, type Installation } from '../../core/install/index';
import { choice, parse, quietFlag } from '../args';
import { paletteFor, type Palette } from '../format/color';
import { UsageError, type CliCommand } from '../io';
import { kindOf, walkFiles, type WalkReport } from '../walk';

const FORMATS = ['text', 'json'] as const;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'list messenger installations and say per platform whether verification can be enforced',
  usage: `Usage: idv check [paths...] [--format text|json] [--quiet|--verbose]
Finds every messenger installation (web settings and boot/identify calls, iOS, Android, React
Native and Flutter logins) under the paths (default: the current directory), walking files like
idv scan. For each one: platform, identifiers sent, whether a hash is sent, its scheme (hmac for
user_hash/setUserHash and signatures, jwt for intercom_user_jwt/setUserJwt, Zendesk's loginUser,
featurebaseJwt) and whether it comes from the server or is computed on the client. Then a
verdict per vendor and platform, with the scheme in use; a mix of both is not ready.
  --format F   text (a table and the verdicts) or json (default text)
  --verbose    list every path that was not read, with the reason
  --quiet      on stderr only errors (no counts of files not read, no warnings)
  --no-color   no colour in text output (see idv --help)
Files not read are listed in JSON "skipped" and counted on stderr, as for idv scan.
Exit 0 when every platform is ready to enforce, 1 when one is not, 2 on usage or configuration
errors, or when part of the tree could not be read.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      verbose: { type: 'boolean', short: 'v' },
      quiet: { type: 'boolean', short: 'q' },
    }, true);
    const format = choice(values.format, FORMATS, '--format');
    const quiet = quietFlag(values);
    const { config, root } = await resolveConfig(io, undefined);

    const installations: Installation[] = [];
    const skipped: SkippedPath[] = [];
    const notices: Notice[] = [];
    const reader = new FileReader();
    // The grammars idv scan reads facts with, loaded the same way, so both name the same calls.
    const syntax = CliSyntax.create((message) => notices.push({ level: 'warning', message }));
    const display = (abs: string) => {
      const rel = relative(io.cwd, abs).split(sep).join('/');
      return abs.endsWith(sep) && !rel.endsWith('/') ? `${rel}/` : rel;
    };
    const report: WalkReport = {
      skip: (abs, skip) => skipped.push({ file: display(abs), ...skip }),
      notice: (level, message) => notices.push({ level, message }),
    };
    const checkOne = async (absPath: string, scanRoot: string, walked = false) => {
      const result = await checkFile(absPath, scanRoot, walked, reader, root, io.cwd, config, syntax);
      if ('skip' in result) report.skip(absPath, result.skip);
      else installations.push(...result.installations);
    };
    for (const target of positionals.length > 0 ? positionals : ['.']) {
      const abs = resolve(io.cwd, target);
      const kind = await kindOf(abs).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${target}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
      });
      if (kind === 'file') await checkOne(abs, dirname(abs));
      else if (kind === 'dir') for await (const entry of walkFiles(abs, report)) await checkOne(entry.absPath, abs, entry.walked === true);
      else throw new UsageError(`${target}: not a file or directory`);
    }
    syntax.dispose();

    installations.sort(compareInstallations);
    const result: CheckReport = { installations, readiness: readiness(installations) };
    io.stdout(format === 'json' ? `${JSON.stringify({ ...result, skipped, notices }, null, 2)}\n` : colorCheckText(formatCheckText(result), paletteFor(io)));
    for (const n of notices) if (!quiet || n.level === 'error') io.stderr(`idv: ${n.level}: ${n.message}\n`);
    for (const s of skipped) if (values.verbose === true || s.kind === 'unreadable' || s.kind === 'outside-root') io.stderr(`idv: not checked: ${s.file}: ${s.reason}\n`);
    const skips = summarizeSkips(skipped);
    if (format === 'text' && !quiet && skips !== undefined) io.stderr(`${skips}${values.verbose === true ? '' : '; --verbose lists them'}\n`);
    if (scanIncomplete({ findings: [], skipped, notices })) return 2;
    return result.readiness.every((r) => r.ready) ? 0 : 1;
  },
};

/** The installations in one file, with `file` relative to `cwd`, or why it was not read. */
async function checkFile(absPath: string, scanRoot: string, walked: boolean, reader: FileReader, root: string, cwd: string, config: ResolvedConfig, syntax: CliSyntax): Promise<{ installations: Installation[] } | { skip: Skip }> {
  const rootRel = relative(root, absPath);
  const projectPath = (isAbsolute(rootRel) || rootRel.startsWith('..') ? relative(cwd, absPath) : rootRel).split(sep).join('/');
  const byName = skipByName(projectPath);
  if (byName) return { skip: byName };
  if (globMatcher(config.ignore)(projectPath)) return { skip: { kind: 'ignored', reason: 'matched by "ignore" in .idvrc.json' } };
  const read = reader.read(absPath, scanRoot, config.maxFileSizeBytes, { walked });
  if (read.skip) return { skip: read.skip };
  if (read.gone) return { installations: [] };
  // Before the next read: the reader reuses its buffer.
  const { loading } = syntax.prepare(read.bytes, { path: projectPath, config });
  if (loading) await loading;
  const decoded = decodeText(read.bytes);
  if (decoded.skip) return { skip: decoded.skip };
  const file = relative(cwd, absPath).split(sep).join('/');
  return { installations: findInstallations(decoded.text, projectPath, undefined, { config, ...(syntax.syntax ? { syntax: syntax.syntax } : {}) }).map((i) => ({ ...i, file })) };
}

/** `formatCheckText`'s lines in colour: the header strong, locations dimmed, each verdict green or red. */
function colorCheckText(text: string, p: Palette): string {
  if (!p.enabled) return text;
  return text.split('\n').map((line, i) => {
    if (i === 0 && line.startsWith('LOCATION')) return p.strong(line);
    const verdict = /^(.+: )(NOT ready to enforce|ready to enforce)$/.exec(line);
    if (verdict) return `${verdict[1] ?? ''}${verdict[2] === 'ready to enforce' ? p.good(verdict[2]) : p.bad(verdict[2] ?? '')}`;
    const location = /^(\S+:\d+)( .*)$/.exec(line);
    return location ? `${p.path(location[1] ?? '')}${location[2] ?? ''}` : line;
  }).join('\n');
}
