/**
 * A project finding as the hosts report it: a rule finding on lines of its file's text, with
 * the configured severity, unless the rule is off or an `idv-disable-` comment suppresses it.
 * The CLI's scan and the editor both report through here.
 */
import { findSuppressions, isSuppressed, RULES, type Finding, type ResolvedConfig } from '../engine/index';
import type { ProjectFinding } from './types';

const KNOWN_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Modules parsed only to follow the import graph: at most this many, and this many bytes in all. */
export const GRAPH_BUDGET = { files: 20_000, bytes: 64 * 1024 * 1024, fileBytes: 1024 * 1024 };

/** `f` as a Finding on `text` (the text of `f.path`), or undefined when off or suppressed. */
export function reportFinding(f: ProjectFinding, text: string, config: Pick<ResolvedConfig, 'rules'>): Finding | undefined {
  const severity = config.rules[f.ruleId];
  if (severity === 'off') return undefined;
  const lineOf = lineIndex(text);
  const start = lineOf(f.start);
  const suppressions = text.includes('idv-disable-') ? findSuppressions(text, (o) => lineOf(o).line, KNOWN_IDS) : undefined;
  if (suppressions && isSuppressed(suppressions, start.line, f.ruleId)) return undefined;
  return { ruleId: f.ruleId, severity, message: f.message, ...(f.detail !== undefined ? { detail: f.detail } : {}), range: { start, end: lineOf(f.end) } };
}

/** `findings` with `extra` added, but not where the file's own lint found the same rule on the same line. */
export function withProjectFindings(findings: readonly Finding[], extra: readonly Finding[]): Finding[] {
  const out = [...findings];
  for (const f of extra) {
    if (!out.some((x) => x.ruleId === f.ruleId && x.range.start.line === f.range.start.line)) out.push(f);
  }
  return out;
}

/** Offset → 0-based line and UTF-16 column. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - (starts[lo] as number) };
  };
}
