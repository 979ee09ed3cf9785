/** The one place fixes are applied, for the CLI's `--fix` and the editor's "fix all" alike. */
import type { Fix } from './types';

/**
 * Applies `fixes` to `text`. Fixes are applied from the end of the text backwards so offsets
 * stay valid; a fix overlapping one already applied is skipped (the next run will offer it
 * again against the new text), as ESLint does.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyFixesReport(text, fixes).text;
}

/** `applyFixes`, also saying which fixes were applied (in text order), so a host can report each change. */
export function applyFixesReport(text: string, fixes: readonly Fix[]): { readonly text: string; readonly applied: readonly Fix[] } {
  const sorted = [...fixes].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  const applied: Fix[] = [];
  for (const fix of sorted) {
    const { start, end } = fix.range;
    if (start < 0 || end < start || end > text.length || end > limit) continue;
    out = out.slice(0, start) + fix.text + out.slice(end);
    limit = start;
    applied.unshift(fix);
  }
  return { text: out, applied };
}
