/** SARIF 2.1.0 for code-scanning uploads: one run, every rule described, results relative to SRCROOT. */
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { RULES, type Severity } from '../../core/engine/index';
import { describeEnvExample, describeFix } from './fixes';
import { commitNote } from './text';
import { scanIncomplete, type ScanReport } from './types';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Formats a scan report as a SARIF log; `cwd` becomes the SRCROOT base the relative paths resolve
 * against. Paths not read are the invocation's notifications, so code scanning shows them too,
 * and `executionSuccessful` is false when part of the tree could not be read.
 *
 * Findings a baseline accepts are left out rather than carried with `suppressions`: GitHub code
 * scanning's list of the SARIF properties it reads has no `suppressions` (dismissing alerts from
 * them takes a separate action, advanced-security/dismiss-alerts), so a carried result would open
 * an alert, which is what the baseline is there to prevent. The count and the unused entries are
 * notifications.
 */
export function formatSarif(report: ScanReport, cwd: string, version: string): string {
  const { findings } = report;
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: r.docs.what },
    help: { text: `${r.docs.why}\n\nFix: ${r.docs.fix}\n\nSuppress: ${r.docs.suppress}`, markdown: `${r.docs.why}\n\n**Fix:** ${r.docs.fix}\n\n**Suppress:** ${r.docs.suppress}` },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { fixable: r.fixable, tags: ['security'] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results: Result[] = findings.map(({ file, finding: f, commit }) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: commit ? `${f.message} (${commitNote(commit)})` : f.message },
    // The commit is in the message for people and in properties for tools; the location is
    // the file's path, which may no longer exist at HEAD.
    ...(commit ? { properties: { commit: commit.sha, author: commit.author, date: commit.date, atHead: commit.atHead } } : {}),
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(file),
        region: { startLine: f.range.start.line + 1, startColumn: f.range.start.column + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.column + 1 },
      },
    }],
  }));
  const root = pathToFileURL(cwd).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'idv', fullName: 'Identity Verification Kit', semanticVersion: version, rules } },
      originalUriBaseIds: { SRCROOT: { uri: root.endsWith('/') ? root : `${root}/` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: !scanIncomplete(report), toolExecutionNotifications: notifications(report) }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifact(file: string): { uri: string; uriBaseId: string } {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** One notification per path not read (`note`, or `error` when it could not be read), per notice, and for the baseline. */
function notifications(report: ScanReport): Notification[] {
  const { baseline } = report;
  return [
    ...report.notices.map((n): Notification => ({ level: n.level, message: { text: n.message } })),
    ...(report.fixes?.applied ?? []).map((f): Notification => ({
      level: 'note',
      descriptor: { id: 'fix/applied' },
      message: { text: `Fixed: ${describeFix(f)}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: { startLine: f.line, startColumn: f.column } } }],
    })),
    ...(report.fixes?.envExample && report.fixes.envExample.error === undefined ? [{ level: 'note', descriptor: { id: 'fix/env-example' }, message: { text: describeEnvExample(report.fixes.envExample) } } satisfies Notification] : []),
    ...(baseline ? [{ level: 'note', descriptor: { id: 'baseline/suppressed' }, message: { text: `${baseline.suppressed} finding${baseline.suppressed === 1 ? '' : 's'} accepted by the baseline ${baseline.file} and left out` } } satisfies Notification] : []),
    ...(baseline?.unused ?? []).map((e): Notification => ({
      level: 'note',
      descriptor: { id: 'baseline/unused' },
      message: { text: `Baseline entry ${e.fingerprint} (${e.rule}) is used by no finding; idv baseline prune removes it` },
      locations: [{ physicalLocation: { artifactLocation: artifact(e.file) } }],
    })),
    ...report.skipped.map((s): Notification => ({
      level: s.kind === 'unreadable' || s.kind === 'outside-root' ? 'error' : 'note',
      descriptor: { id: `skipped/${s.kind}` },
      message: { text: `Not scanned: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
    })),
    ...(report.history?.notRead ?? []).map((s): Notification => ({
      level: 'note',
      descriptor: { id: `history-skipped/${s.kind}` },
      message: { text: `Not scanned in commit ${s.commit}: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
    })),
  ];
}
