/**
 * Whether values found in a file now were already committed: the file's own history (every
 * ref), searched for the values on the lines each commit added. The editor asks this about a
 * hardcoded secret, because deleting the line does not un-leak a value that is in history.
 * The values stay in this process: git gets only the path.
 */
import type { Repository } from '../engine/index';
import { PatchReader, type CommitInfo } from './patch';
import { streamLog } from './scan';

/** For each of `values` found added in `path`'s history, the oldest commit that added it. */
export async function valuesInHistory(repo: Repository, path: string, values: readonly string[], signal?: AbortSignal): Promise<Map<string, CommitInfo>> {
  const wanted = [...new Set(values.filter((v) => v.length >= 8))];
  const found = new Map<string, CommitInfo>();
  if (wanted.length === 0) return found;
  // Lines only, no neighbours: a value is on the line that added it. No size cap: one file's
  // history, read a change at a time.
  const reader = new PatchReader({
    commit: () => undefined,
    change: (change) => {
      change.text.split('\n').forEach((line, i) => {
        if (!change.added[i]) return;
        // Newest first: each older commit that added the value replaces the newer one.
        for (const value of wanted) if (line.includes(value)) found.set(value, change.commit);
      });
    },
    binary: () => undefined,
    tooLarge: () => undefined,
  }, Number.MAX_SAFE_INTEGER);
  await streamLog(repo, [], reader, signal, [path], 0);
  return found;
}
