/**
 * `idv find-secret`'s report as text, JSON or SARIF. Places and forms only: the report the
 * core hands over holds no value, and nothing here adds one.
 */
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Notification, Result } from 'sarif';
import { formatSize, summarizeSkips } from '../../core/files/index';
import { leakLocationText, leakPositionText, leakSearchIncomplete, type LeakHit, type LeakLocation, type LeakReport } from '../../core/leaks/index';
import { PLAIN, type Palette } from './color';
import { commitNote } from './text';

/** The SARIF rule id of every result. */
export const KNOWN_SECRET_RULE = 'known-secret';

/** Paths as the user typed them: relative to the current directory, posix. */
export function displayPath(location: LeakLocation, cwd: string): string {
  const abs = location.source === 'history' && location.repository !== undefined ? join(location.repository, ...location.path.split('/')) : location.path;
  const rel = relative(cwd, abs).split(sep).join('/');
  return location.path.endsWith(sep) || location.path.endsWith('/') ? `${rel}/` : rel || '.';
}

/** One line per hit: `location[:line:column] known-secret <form>[ in history: ...]`, the location dimmed and the rule in red when `palette` colours. */
export function formatLeaksText(report: LeakReport, cwd: string, palette: Palette = PLAIN): string {
  const rule = palette.bad(KNOWN_SECRET_RULE);
  return report.hits.map((h) => {
    const where = leakLocationText(h, displayPath(h, cwd));
    if (h.source === 'history') return `${palette.path(where)} ${rule} ${h.formLabel} ${historyText(h)}\n`;
    const position = leakPositionText(h);
    return position.startsWith(':') ? `${palette.path(`${where}${position}`)} ${rule} ${h.formLabel}\n` : `${palette.path(where)} ${rule} ${h.formLabel}${position}\n`;
  }).join('');
}

/** `in history: added in 1a2b3c4d by Alice on 2024-01-02; no longer at HEAD, but in every clone (in 3 commits)`, worded as `idv scan --history` words it. */
function historyText(h: LeakHit): string {
  const more = (h.commits ?? 1) > 1 ? ` (in ${h.commits} commits)` : '';
  return `in history: ${h.commit ? commitNote({ ...h.commit, atHead: h.atHead === true }) : `in a commit; ${h.atHead === true ? 'still at HEAD' : 'not at HEAD'}`}${more}`;
}

/** What was searched and what was not, for stderr. */
export function formatLeaksSummary(report: LeakReport, cwd: string, verbose: boolean): string {
  const c = report.counts;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts = [`${n(c.files, 'file')} (${formatSize(c.bytes)})`];
  if (c.archives > 0) parts.push(`${n(c.archives, 'archive')} (${n(c.archiveEntries, 'entry', 'entries')}, ${formatSize(c.entryBytes)} uncompressed)`);
  if (report.repositories.length > 0) parts.push(`${n(c.commits, 'commit')} (${n(c.blobs, 'blob')}, ${formatSize(c.blobBytes)})`);
  const lines = [`Searched ${parts.join(', ')} for ${c.forms} forms of the secret${report.cancelled ? ' before the search was cancelled' : ''}.`];
  const found = report.hits.length + report.hitsNotListed;
  if (found > 0) lines.push(`The secret was found in ${n(found, 'place')}: rotate it. Deleting it from the files does not take it out of published builds or out of the history every clone holds.`);
  const skips = summarizeSkips(report.skipped.map((s) => ({ file: leakLocationText(s, displayPath(s, cwd)), kind: s.kind, reason: s.reason })));
  if (skips !== undefined) lines.push(`${skips}${verbose ? '' : '; --verbose lists them'}`);
  return `${lines.join('\n')}\n`;
}

/** The documented JSON object: `found`, `hitsNotListed`, `skipped`, `notices`, `searched`, `repositories`, `complete`. */
export function formatLeaksJson(report: LeakReport, cwd: string): string {
  const found = report.hits.map((h) => ({
    location: leakLocationText(h, displayPath(h, cwd)),
    source: h.source,
    file: displayPath(h, cwd),
    ...(h.entry ? { entry: h.entry } : {}),
    form: h.form,
    formLabel: h.formLabel,
    offset: h.offset,
    ...(h.line !== undefined ? { line: h.line, column: h.column } : {}),
    ...(h.commit ? { commit: h.commit, commits: h.commits, atHead: h.atHead } : {}),
  }));
  const skipped = report.skipped.map((s) => ({ location: leakLocationText(s, displayPath(s, cwd)), source: s.source, file: displayPath(s, cwd), ...(s.entry ? { entry: s.entry } : {}), ...(s.commit ? { commit: s.commit } : {}), kind: s.kind, reason: s.reason }));
  const repositories = report.repositories.map((r) => displayPath({ source: 'file', path: r }, cwd));
  return `${JSON.stringify({ found, hitsNotListed: report.hitsNotListed, skipped, notices: report.notices, searched: report.counts, repositories, complete: !leakSearchIncomplete(report) }, null, 2)}\n`;
}

/**
 * SARIF 2.1.0, one rule (`known-secret`). A result sits at the file: on disk with its region
 * when it is text; inside an archive at the archive, the entry in the message and properties;
 * in history at the path, the commit in the message and properties (its lines are not HEAD's).
 */
export function formatLeaksSarif(report: LeakReport, cwd: string, version: string): string {
  const results: Result[] = report.hits.map((h) => {
    const file = displayPath(h, cwd);
    const inside = h.entry && h.entry.length > 0 ? ` inside ${leakLocationText(h, file)}` : '';
    const history = h.source === 'history' ? ` ${historyText(h)}` : '';
    const region = h.source === 'file' && !inside && h.line !== undefined ? { region: { startLine: h.line, startColumn: h.column ?? 1 } } : {};
    return {
      ruleId: KNOWN_SECRET_RULE,
      ruleIndex: 0,
      level: 'error',
      message: { text: `The identity verification secret (${h.formLabel}) is here${inside}${history}: rotate it.` },
      locations: [{ physicalLocation: { artifactLocation: artifact(file), ...region } }],
      properties: {
        form: h.form, formLabel: h.formLabel, source: h.source, offset: h.offset,
        ...(h.entry ? { entry: h.entry } : {}),
        ...(h.line !== undefined ? { line: h.line, column: h.column } : {}),
        ...(h.commit ? { commit: h.commit.sha, author: h.commit.author, date: h.commit.date, commits: h.commits, atHead: h.atHead } : {}),
      },
    };
  });
  const notifications: Notification[] = [
    ...report.notices.map((n): Notification => ({ level: n.level, message: { text: n.message } })),
    ...report.skipped.map((s): Notification => ({
      level: s.kind === 'unreadable' || s.kind === 'outside-root' ? 'error' : 'note',
      descriptor: { id: `skipped/${s.kind}` },
      message: { text: `Not searched: ${leakLocationText(s, displayPath(s, cwd))}: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(displayPath(s, cwd)) } }],
    })),
  ];
  const root = pathToFileURL(cwd).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'idv', fullName: 'Identity Verification Kit', semanticVersion: version, rules: [RULE] } },
      originalUriBaseIds: { SRCROOT: { uri: root.endsWith('/') ? root : `${root}/` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: !leakSearchIncomplete(report), toolExecutionNotifications: notifications }],
      results,
      properties: { searched: report.counts, hitsNotListed: report.hitsNotListed },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const RULE = {
  id: KNOWN_SECRET_RULE,
  name: 'knownSecret',
  shortDescription: { text: 'The identity verification secret itself, in a file, a build, an app package or the git history' },
  fullDescription: { text: 'The secret held by the user (an environment variable in CI) was found as text or encoded (hex, base64, URL, JSON, UTF-16) where it must never be.' },
  help: {
    text: 'Anyone who holds the secret can impersonate any user of the messenger. Rotate it: switch verification off, replace the secret, put the new one in the server\'s environment, switch verification back on. Removing it from files does not remove it from published builds or from git history.',
    markdown: 'Anyone who holds the secret can impersonate any user of the messenger. **Rotate it**: switch verification off, replace the secret, put the new one in the server\'s environment, switch verification back on. Removing it from files does not remove it from published builds or from git history.',
  },
  defaultConfiguration: { level: 'error' as const },
  properties: { tags: ['security'] },
};

function artifact(file: string): { uri: string; uriBaseId: string } {
  return { uri: file.replace(/\/$/, '').split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}
