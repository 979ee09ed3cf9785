/** `{ "findings": [...] }` with 1-based lines and columns; `endColumn` is exclusive, as in SARIF. */
import type { FileFinding } from './types';

/** Formats findings as the documented JSON object. */
export function formatJson(findings: readonly FileFinding[]): string {
  const out = findings.map(({ file, finding: f }) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file,
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.column + 1,
    message: f.message,
  }));
  return `${JSON.stringify({ findings: out }, null, 2)}\n`;
}
