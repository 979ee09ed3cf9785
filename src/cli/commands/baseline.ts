/** `idv baseline create|update|prune`: write the file `idv scan --baseline` reads. */
import { existsSync, readFileSync } from 'node:fs';
import { CONFIG_FILE_NAME } from '../../core/engine/index';
import { newKey, normalizeEntries, pruneBaseline, serializeBaseline, updateBaseline, type Baseline } from '../../core/baseline/index';
import { parse } from '../args';
import { baselineFile, baselineFingerprinter, coveredBy, entriesOf, readBaseline, writeBaseline, type BaselineFile } from '../baseline';
import { scanIncomplete } from '../format/types';
import { UsageError, type CliCommand, type CliIo } from '../io';
import { collectScan, type ScanRun } from '../scanRun';

const ACTIONS = ['create', 'update', 'prune'] as const;

export const baselineCommand: CliCommand = {
  name: 'baseline',
  summary: 'accept the current findings in a baseline file that idv scan --baseline reads',
  usage: `Usage: idv baseline create FILE [paths...] [--config FILE] [--force]
       idv baseline update FILE [paths...] [--config FILE]
       idv baseline prune FILE [paths...] [--config FILE]
Scans the paths (default: the current directory) as idv scan does and writes FILE, a JSON
baseline: one entry per accepted finding with its rule, its file (relative to FILE's folder) and
a keyed fingerprint of the text the finding points at. No line numbers and no secret values:
moving or re-indenting the code or changing its quotes keeps a finding accepted; a different
secret in the same place is reported. Commit FILE; add a "note" to an entry to say why.
  create          write FILE with every current finding (refuses an existing FILE)
  update          add the current findings FILE lacks; existing entries and notes are kept
  prune           remove the entries no finding in the scanned paths uses
  --config FILE   the ${CONFIG_FILE_NAME} to use (default: the nearest one above the current directory)
  --force         create: replace an existing FILE (its key is kept when it can be read, so the
                  fingerprints of unchanged findings stay the same)
Exit 0 when FILE was written (or was already up to date), 2 on usage or configuration errors,
an unreadable FILE, or when part of the tree could not be read (prune then writes nothing).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { config: { type: 'string' }, force: { type: 'boolean' } }, true);
    const [action, target, ...paths] = positionals;
    const verb = ACTIONS.find((a) => a === action);
    if (verb === undefined) throw new UsageError(`idv baseline needs an action first: ${ACTIONS.join(', ')} (idv baseline --help)${action === undefined ? '' : '; what was given is not repeated'}`);
    if (target === undefined) throw new UsageError(`idv baseline ${verb} needs the baseline FILE to write`);
    if (values.force === true && verb !== 'create') throw new UsageError('--force is for create (update and prune keep what the file holds)');
    const file = baselineFile(target, io);
    const scan = (key: string) => collectScan({ paths, configFile: values.config, fingerprinter: baselineFingerprinter(file, key) }, io);

    if (verb === 'create') {
      const exists = existsSync(file.path);
      if (exists && values.force !== true) throw new UsageError(`${file.shown} exists; idv baseline update adds to it, or --force replaces it`);
      // The replaced file's key, when it can be read: unchanged findings keep their fingerprints.
      const previous = exists ? readOrUndefined(file) : undefined;
      const key = previous?.key ?? newKey();
      const run = await scan(key);
      const baseline: Baseline = { key, entries: normalizeEntries(entriesOf(file, run.findings, io.cwd)) };
      const notes = previous?.entries.filter((e) => e.note !== undefined).length ?? 0;
      const kept = previous ? `; key kept from the file replaced${notes > 0 ? `, its ${notes} note${notes === 1 ? '' : 's'} not (update keeps notes)` : ''}` : '';
      return finish(io, run, file, baseline, `${baseline.entries.length} ${entriesWord(baseline.entries.length)} for ${run.findings.length} finding${run.findings.length === 1 ? '' : 's'}${kept}`);
    }
    const existing = readBaseline(file);
    const run = await scan(existing.key);
    if (verb === 'update') {
      const { baseline, added } = updateBaseline(existing, entriesOf(file, run.findings, io.cwd));
      return finish(io, run, file, baseline, `${added.length} ${entriesWord(added.length)} added, ${existing.entries.length} kept`);
    }
    if (scanIncomplete(run)) {
      report(io, run);
      io.stderr(`idv: ${file.shown}: not pruned: part of the tree could not be read, so an entry for it might look unused\n`);
      return 2;
    }
    const { baseline, removed } = pruneBaseline(existing, run.findings, coveredBy(file, run, io.cwd));
    return finish(io, run, file, baseline, `${removed.length} ${entriesWord(removed.length)} no finding uses removed, ${baseline.entries.length} left`);
  },
};

/** Writes `baseline` unless the file already holds exactly it; says what it did. */
function finish(io: CliIo, run: ScanRun, file: BaselineFile, baseline: Baseline, what: string): number {
  report(io, run);
  const unchanged = currentText(file) === serializeBaseline(baseline);
  if (!unchanged) writeBaseline(file, baseline);
  io.stdout(`${unchanged ? `${file.shown} unchanged` : `Wrote ${file.shown}`}: ${what}.\n`);
  return scanIncomplete(run) ? 2 : 0;
}

/** The scan's problems on stderr, as idv scan prints them. */
function report(io: CliIo, run: ScanRun): void {
  for (const n of run.notices) io.stderr(`idv: ${n.level}: ${n.message}\n`);
  for (const s of run.skipped) if (s.kind === 'unreadable' || s.kind === 'outside-root') io.stderr(`idv: not scanned: ${s.file}: ${s.reason}\n`);
}

/** The baseline already there, or undefined when it cannot be read (create --force replaces it anyway). */
function readOrUndefined(file: BaselineFile): Baseline | undefined {
  try {
    return readBaseline(file);
  } catch {
    return undefined;
  }
}

function currentText(file: BaselineFile): string | undefined {
  try {
    return readFileSync(file.path, 'utf8');
  } catch {
    return undefined;
  }
}

function entriesWord(n: number): string {
  return n === 1 ? 'entry' : 'entries';
}
