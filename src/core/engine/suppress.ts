/**
 * ESLint-style suppression comments in any language's comment syntax:
 *   idv-disable-next-line [rule-id[, rule-id...]]
 *   idv-disable-line [rule-id ...]
 * Without ids every rule is suppressed; with ids only those. The directive is found by plain
 * text search, so `//`, `#`, `--`, `<!-- -->`, `/* *\/`, `<%# %>` and `{# #}` all work alike.
 */
import type { RuleId } from './types';

const DIRECTIVE = 'idv-disable-';
const NEXT_LINE = 'idv-disable-next-line';
const SAME_LINE = 'idv-disable-line';
// Where a comment ends, or an ESLint-style `-- reason` begins.
const COMMENT_ENDS = ['*/', '-->', '%>', '}}', '#}', '*)', ' -- '];

/** Lines (0-based) mapped to the rules suppressed on them; `all` suppresses every rule. */
export type Suppressions = ReadonlyMap<number, ReadonlySet<RuleId> | 'all'>;

/**
 * The suppressions in `text`. `lineOf` maps an offset to its 0-based line; `known` lists the
 * rule ids, so that a typo suppresses nothing rather than everything.
 */
export function findSuppressions(text: string, lineOf: (offset: number) => number, known: ReadonlySet<string>): Suppressions {
  const out = new Map<number, Set<RuleId> | 'all'>();
  for (let at = text.indexOf(DIRECTIVE); at >= 0; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) {
    let directive: string;
    if (text.startsWith(NEXT_LINE, at)) directive = NEXT_LINE;
    else if (text.startsWith(SAME_LINE, at)) directive = SAME_LINE;
    else continue;
    let end = text.indexOf('\n', at);
    if (end < 0 || end - at > 500) end = Math.min(text.length, at + 500);
    let rest = text.slice(at + directive.length, end);
    for (const stop of COMMENT_ENDS) {
      const cut = rest.indexOf(stop);
      if (cut >= 0) rest = rest.slice(0, cut);
    }
    const line = lineOf(at) + (directive === NEXT_LINE ? 1 : 0);
    const ids = rest.split(/[\s,]+/).filter((t) => t.length > 0);
    if (ids.length === 0) {
      out.set(line, 'all');
      continue;
    }
    const existing = out.get(line);
    if (existing === 'all') continue;
    const set = existing ?? new Set<RuleId>();
    for (const id of ids) if (known.has(id)) set.add(id as RuleId);
    out.set(line, set);
  }
  return out;
}

/** Whether a finding of `ruleId` on `line` is suppressed. */
export function isSuppressed(suppressions: Suppressions, line: number, ruleId: RuleId): boolean {
  const entry = suppressions.get(line);
  return entry === 'all' || (entry !== undefined && entry.has(ruleId));
}
