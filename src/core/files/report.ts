/** Skipped paths as people read them: one count line, or the full list. */
import { SKIP_LABELS, type Skip, type SkipKind } from './policy';

/** A path a scan did not read (or read only in part), relative to where the user ran it. */
export interface SkippedPath extends Skip {
  /** Posix path; a folder ends with `/`. */
  readonly file: string;
}

/**
 * `3 files not checked (2 binary, 1 too large)`; undefined when nothing was skipped. Folders
 * count separately: `1 folder not walked (dependency or build folder)`.
 */
export function summarizeSkips(skipped: readonly SkippedPath[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const part = (items: readonly SkippedPath[], noun: string, verb: string): string | undefined => {
    if (items.length === 0) return undefined;
    const counts = new Map<SkipKind, number>();
    for (const s of items) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
    const detail = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${SKIP_LABELS[kind]}`).join(', ');
    return `${items.length} ${noun}${items.length === 1 ? '' : 's'} ${verb} (${detail})`;
  };
  return [
    part(skipped.filter((s) => !s.file.endsWith('/')), 'file', 'not checked'),
    part(skipped.filter((s) => s.file.endsWith('/')), 'folder', 'not walked'),
  ].filter((p) => p !== undefined).join('; ');
}
