/** `idv scan`: the engine over a tree, as text, JSON or SARIF, with exit codes CI can gate on. */
import { CONFIG_FILE_NAME } from '../../core/engine/index';
import { summarizeSkips } from '../../core/files/index';
import { version } from '../../../package.json';
import { choice, parse, quietFlag } from '../args';
import { applyBaseline, describeBaseline } from '../baseline';
import { paletteFor } from '../format/color';
import { formatFixes } from '../format/fixes';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { scanIncomplete, type FileFinding, type ScanReport } from '../format/types';
import type { CliCommand } from '../io';
import { historyLine } from '../history';
import { collectScan } from '../scanRun';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'find leaked secrets, client-side hashing and missing or wrong user hashes',
  usage: `Usage: idv scan [paths...] [--format text|json|sarif] [--config FILE] [--baseline FILE] [--fix] [--quiet|--verbose]
       idv scan --staged [--format text|json|sarif] [--config FILE] [--baseline FILE] [--quiet|--verbose]
       idv scan --history [<git log revision range>...] [--format F] [--config FILE] [--baseline FILE] [--quiet|--verbose]
Scans files and directories (default: the current directory). In a git repository only the
files git would commit are walked, plus git-ignored .env files (public variables in them still
reach the browser). Dependency and build folders, binaries, lock files and files over the size
limit are not read, and every one is reported: in JSON "skipped", in SARIF the invocation's
notifications, in text a count on stderr (--verbose lists them). Links are never followed.
  --format F      text (file:line:column severity rule message), json or sarif (default text)
  --config FILE   the ${CONFIG_FILE_NAME} to use (default: the nearest one above the current directory)
  --fix           apply the safe fixes in place, say each change on stderr (file:line:column,
                  rule, what the flagged text became; in JSON "fixes"), add the variables the
                  fixed code reads to the project root's .env.example (NAME=, no value) when
                  that file exists, then report what is left
  --staged        scan what \`git commit\` would record: the staged version of every added or
                  changed file (the index, not the working tree), for a pre-commit hook
  --history       scan the lines every commit added (default every ref; or the ranges given,
                  such as origin/main..HEAD) for values that stay leaked once committed
                  (hardcoded-secret); each finding names its commit, author and date, and
                  whether the value is still at HEAD. Binary and over-size changes are listed
                  as not read.
  --baseline FILE report only findings the baseline file does not accept (idv baseline
                  create writes one); says how many it suppressed and which entries no
                  finding uses (not a failure)
  --verbose       list every path that was not read, with the reason
  --quiet         findings at warning and error only, and on stderr only errors (no summary,
                  no counts, no warnings; --fix still says what it changed)
  --no-color      no colour in text output (colour is on for a terminal unless NO_COLOR is set;
                  FORCE_COLOR=1 turns it on for a pipe)
Exit 0 when nothing reported is at warning or above, 1 when something is, 2 on usage or
configuration errors (a baseline that cannot be read included), or when part of the tree could
not be read (the report is still complete for the rest).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string' },
      fix: { type: 'boolean' },
      staged: { type: 'boolean' },
      history: { type: 'boolean' },
      baseline: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      quiet: { type: 'boolean', short: 'q' },
    }, true);
    const format = choice(values.format, FORMATS, '--format');
    const quiet = quietFlag(values);
    const baseline = values.baseline === undefined ? undefined : applyBaseline(values.baseline, io);
    const run = await collectScan({
      paths: positionals,
      staged: values.staged === true,
      history: values.history === true,
      progress: io.stderrIsTTY === true && format === 'text' && !quiet,
      fix: values.fix === true,
      configFile: values.config,
      ...(baseline ? { fingerprinter: baseline.fingerprinter, keep: baseline.keep } : {}),
    }, io);
    const { skipped, notices } = run;
    const matched = baseline?.match(run);
    const reported = matched ? matched.reported : run.findings;
    const findings = quiet ? reported.filter((f) => f.finding.severity !== 'info') : reported;
    const result: ScanReport = { findings, skipped, notices, ...(matched ? { baseline: matched.summary } : {}), ...(run.history ? { history: run.history } : {}), ...(run.fixes ? { fixes: run.fixes } : {}) };
    io.stdout(format === 'json' ? formatJson(result) : format === 'sarif' ? formatSarif(result, io.cwd, version) : formatText(findings, paletteFor(io)));
    if (run.fixes && format === 'text') io.stderr(run.fixes.applied.length > 0 || quiet ? formatFixes(run.fixes) : 'idv: --fix changed nothing: no finding has a fix that is safe to apply unattended\n');
    for (const n of notices) if (!quiet || n.level === 'error') io.stderr(`idv: ${n.level}: ${n.message}\n`);
    for (const s of skipped) if (values.verbose === true || s.kind === 'unreadable' || s.kind === 'outside-root') io.stderr(`idv: not scanned: ${s.file}: ${s.reason}\n`);
    if (format === 'text' && !quiet) {
      if (findings.length > 0) io.stderr(`${summary(findings)}\n`);
      if (matched) io.stderr(describeBaseline(matched.summary));
      if (run.history) {
        io.stderr(`idv: ${historyLine(run.history)}\n`);
        if (values.verbose === true) for (const s of run.history.notRead) io.stderr(`idv: not scanned: ${s.file} in ${s.commit.slice(0, 8)}: ${s.reason}\n`);
      }
      const skips = summarizeSkips(skipped);
      if (skips !== undefined) io.stderr(`${skips}${values.verbose === true ? '' : '; --verbose lists them'}\n`);
    }
    if (scanIncomplete(result)) return 2;
    return findings.some((f) => f.finding.severity !== 'info') ? 1 : 0;
  },
};

function summary(findings: readonly FileFinding[]): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const of = (s: string) => findings.filter((f) => f.finding.severity === s).length;
  return `${count(findings.length, 'problem')} (${count(of('error'), 'error')}, ${count(of('warning'), 'warning')}, ${of('info')} info)`;
}
