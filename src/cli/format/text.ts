/** `file:line:column severity rule-id message`, 1-based, one finding per line (editors and CI parse it). */
import type { FileFinding } from './types';

/** Formats findings as text lines. */
export function formatText(findings: readonly FileFinding[]): string {
  return findings.map(({ file, finding: f }) => `${file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.severity} ${f.ruleId} ${f.message}\n`).join('');
}
