/**
 * `{ "findings": [...], "skipped": [...], "notices": [...] }` with 1-based lines and columns;
 * `endColumn` is exclusive, as in SARIF. With `--baseline`, also
 * `"baseline": { "file", "suppressed", "unused": [{ "rule", "file", "fingerprint" }] }`. With
 * `--history`, each finding has `commit` (`sha`, `author`, `date`, `atHead`) and `history` says
 * what was read and which file changes were not. With `--fix`, `"fixes": { "applied": [{ "file",
 * "line", "column", "ruleId", "replacement", "envVar"? }], "envExample"?: { "file", "names",
 * "added", "absent"?, "error"? } }`: each change where it is in the file as written.
 */
import type { ScanReport } from './types';

/** Formats a scan report as the documented JSON object. */
export function formatJson(report: ScanReport): string {
  const findings = report.findings.map(({ file, finding: f, commit }) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file,
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.column + 1,
    message: f.message,
    ...(commit ? { commit } : {}),
  }));
  const skipped = report.skipped.map((s) => ({ file: s.file, kind: s.kind, reason: s.reason }));
  const baseline = report.baseline && { file: report.baseline.file, suppressed: report.baseline.suppressed, unused: report.baseline.unused.map((e) => ({ rule: e.rule, file: e.file, fingerprint: e.fingerprint })) };
  return `${JSON.stringify({ findings, skipped, notices: report.notices, ...(baseline ? { baseline } : {}), ...(report.history ? { history: report.history } : {}), ...(report.fixes ? { fixes: report.fixes } : {}) }, null, 2)}\n`;
}
