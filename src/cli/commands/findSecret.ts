/** `idv find-secret`: the known secret's value and encodings in build output, app packages and git history. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findSecret, leakLocationText, leakSearchIncomplete, MIN_SECRET_LENGTH, secretProblem } from '../../core/leaks/index';
import { version } from '../../../package.json';
import { choice, parse, quietFlag } from '../args';
import { paletteFor } from '../format/color';
import { displayPath, formatLeaksJson, formatLeaksSarif, formatLeaksSummary, formatLeaksText } from '../format/leaks';
import { UsageError, type CliCommand } from '../io';
import { readSecret } from '../secret';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const findSecretCommand: CliCommand = {
  name: 'find-secret',
  summary: 'look for your secret itself in build output, app packages and git history',
  usage: `Usage: idv find-secret [paths...] [--secret-env NAME] [--history] [--no-files] [--format text|json|sarif] [--quiet|--verbose]
Looks for the secret's value, and its hex, base64 (also inside a longer base64 value),
URL-encoded, JSON-escaped and UTF-16 forms, where it must never be. The secret is read from the
environment variable --secret-env names, else from standard input; never from an argument.
Files: every file under the paths (default: the current directory), git-ignored build output
(.next/, dist/, build/, out/, source maps) and binaries included; zip-shaped archives (.apk, .aab,
.ipa, .jar, .aar, .zip...) entry by entry, nested ones 3 deep. Not walked: .git and
node_modules. Links are never followed, FIFOs and devices never opened.
  --history       also search the git history of the repository holding each path: every blob
                  reachable from any ref (branches, tags, remotes, stash), each found with the
                  earliest commit that added it and whether it is still at HEAD
  --no-files      search the history only (with --history)
  --secret-env N  read the secret from the environment variable N (its name, not its value)
  --format F      text (location known-secret form), json or sarif (default text)
  --verbose       list every path, entry or blob not searched, with the reason
  --quiet         the places found, and on stderr only errors (no summary, no warnings)
  --no-color      no colour in text output (see idv --help)
The secret must be at least ${MIN_SECRET_LENGTH} characters: shorter values match by chance.
Output names places and forms, never the value. Exit 0 when it was not found, 1 when it was,
2 on usage errors or when something could not be read (the report is complete for the rest).`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      'secret-env': { type: 'string' },
      history: { type: 'boolean' },
      'no-files': { type: 'boolean' },
      format: { type: 'string', short: 'f', default: 'text' },
      verbose: { type: 'boolean', short: 'v' },
      quiet: { type: 'boolean', short: 'q' },
    }, true);
    const format = choice(values.format, FORMATS, '--format');
    const quiet = quietFlag(values);
    const history = values.history === true;
    const files = values['no-files'] !== true;
    if (!files && !history) throw new UsageError('--no-files leaves nothing to search: add --history.');
    const paths = (positionals.length > 0 ? positionals : ['.']).map((p, i) => {
      const abs = resolve(io.cwd, p);
      try {
        statSync(abs);
      } catch {
        // Not repeated: a secret pasted where a path belongs must not be printed.
        throw new UsageError(`path ${i + 1} of the paths given does not exist (it is not repeated here, in case it is the secret)`);
      }
      return abs;
    });
    const secret = await readSecret(io, values['secret-env']);
    const problem = secretProblem(secret);
    if (problem !== undefined) throw new UsageError(problem);

    const report = await findSecret(secret, { files: files ? paths : [], history: history ? paths : [] });
    const out = format === 'json' ? formatLeaksJson(report, io.cwd) : format === 'sarif' ? formatLeaksSarif(report, io.cwd, version) : formatLeaksText(report, io.cwd, paletteFor(io));
    io.stdout(out);
    for (const n of report.notices) if (!quiet || n.level === 'error') io.stderr(`idv: ${n.level}: ${n.message}\n`);
    for (const s of report.skipped) {
      if (values.verbose === true || s.kind === 'unreadable' || s.kind === 'outside-root') io.stderr(`idv: not searched: ${leakLocationText(s, displayPath(s, io.cwd))}${s.commit ? ` (commit ${s.commit.slice(0, 12)})` : ''}: ${s.reason}\n`);
    }
    if (format === 'text' && !quiet) io.stderr(formatLeaksSummary(report, io.cwd, values.verbose === true));
    if (leakSearchIncomplete(report)) return 2;
    return report.hits.length > 0 || report.hitsNotListed > 0 ? 1 : 0;
  },
};
