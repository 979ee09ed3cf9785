/** SARIF 2.1.0 for code-scanning uploads: one run, every rule described, results relative to SRCROOT. */
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { RULES, type Severity } from '../../core/engine/index';
import { scanIncomplete, type ScanReport } from './types';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Formats a scan report as a SARIF log; `cwd` becomes the SRCROOT base the relative paths resolve
 * against. Paths not read are the invocation's notifications, so code scanning shows them too,
 * and `executionSuccessful` is false when part of the tree could not be read.
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
  const results: Result[] = findings.map(({ file, finding: f }) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: f.message },
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

/** One notification per path not read (`note`, or `error` when it could not be read) and per notice. */
function notifications(report: ScanReport): Notification[] {
  return [
    ...report.notices.map((n): Notification => ({ level: n.level, message: { text: n.message } })),
    ...report.skipped.map((s): Notification => ({
      level: s.kind === 'unreadable' || s.kind === 'outside-root' ? 'error' : 'note',
      descriptor: { id: `skipped/${s.kind}` },
      message: { text: `Not scanned: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
    })),
  ];
}
