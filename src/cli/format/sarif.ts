/** SARIF 2.1.0 for code-scanning uploads: one run, every rule described, results relative to SRCROOT. */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES, type Severity } from '../../core/engine/index';
import type { FileFinding } from './types';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Formats findings as a SARIF log; `cwd` becomes the SRCROOT base the relative paths resolve against. */
export function formatSarif(findings: readonly FileFinding[], cwd: string, version: string): string {
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
        artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
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
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
