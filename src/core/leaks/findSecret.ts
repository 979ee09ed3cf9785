/** One search for the known secret over files, archives and git history, for the CLI and the editor. */
import { findRepository, type Repository } from '../engine/index';
import { SearchContext } from './context';
import { searchFiles } from './files';
import { secretForms } from './forms';
import { searchHistory } from './history';
import { DEFAULT_LIMITS, type LeakLimits, type LeakProgress, type LeakReport } from './types';

export interface FindSecretRequest {
  /** Files and folders to search (absolute paths): build output, app packages, the working tree. */
  readonly files?: readonly string[];
  /** Folders whose git repositories' histories to search, all refs (each repository once). */
  readonly history?: readonly string[];
  /** Stops the search; the report then says `cancelled` and lists what was found before. */
  readonly signal?: AbortSignal;
  /** Called after every file, archive entry and commit: throttle what is shown. */
  readonly onProgress?: (progress: LeakProgress) => void;
  readonly limits?: Partial<LeakLimits>;
}

/**
 * Looks for every form of `secret` (forms.ts) in `request.files` and the histories of the
 * repositories holding `request.history`. Throws a RangeError (whose message never holds the
 * value) when the secret is too short or too long to search for; any other problem is in the
 * report, which never holds the value or its forms either.
 */
export async function findSecret(secret: string, request: FindSecretRequest): Promise<LeakReport> {
  const ctx = new SearchContext(secretForms(secret), { ...DEFAULT_LIMITS, ...request.limits }, request.signal, request.onProgress);
  await searchFiles(request.files ?? [], ctx);
  const repositories = new Map<string, Repository>();
  for (const dir of request.history ?? []) {
    const lookup = await findRepository(dir);
    if (lookup.repository) repositories.set(lookup.repository.gitDir, lookup.repository);
    else ctx.notice('error', lookup.problem ?? `${dir} is not in a git repository: it has no history to search`);
  }
  for (const repo of repositories.values()) {
    if (ctx.aborted) break;
    await searchHistory(repo, ctx);
  }
  return ctx.report();
}
