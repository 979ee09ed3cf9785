/**
 * A repository's history, searched for the secret: every blob reachable from any ref, each
 * searched once, streamed from `git log` and one `git cat-file --batch` (never the whole
 * history in memory: what is kept is the set of blob ids seen, and the few that hold the
 * secret).
 *
 * Completeness: `git log --all --raw --root --diff-merges=first-parent` lists, for every
 * commit, each path whose blob differs from its first parent's (a root commit against nothing).
 * By induction down first parents, every blob in every commit's tree is listed at least once,
 * including one that appears only in a merge's own resolution. `-m` would list each merge
 * against every parent too, repeating what the merged branch's own commits list already.
 * Order: `--date-order` never shows a commit before its descendants, so the last commit seen
 * adding a version of a path that holds the secret is the earliest, without `--reverse` (which
 * makes git hold the whole list before printing anything).
 */
import { repositoryArgs, runGit, spawnGit, type Repository } from '../engine/index';
import { formatSize } from '../files/index';
import { isArchiveName, openZipBuffer, searchZip } from './archive';
import { CatFile } from '../engine/index';
import type { ContentSink, SearchContext } from './context';
import { RAW_COMMIT_FORMAT, RawLogParser, type LogChange } from './gitLog';
import type { StreamResult } from './search';
import type { CommitInfo, LeakLocation } from './types';

/** A blob's matches: per stream (the blob, or an entry of the archive it is). */
type BlobHits = { readonly entry: readonly string[]; readonly result: StreamResult }[];

interface PathRecord {
  commit: CommitInfo;
  blob: string;
  commits: number;
}

/** Searches every blob in `repo`'s history and files a hit per path (and archive entry) with its earliest commit. */
export async function searchHistory(repo: Repository, ctx: SearchContext): Promise<void> {
  ctx.repositories.push(repo.workTree);
  const where = (path: string): LeakLocation => ({ source: 'history', repository: repo.workTree, path });
  if (!(await checkRepository(repo, ctx))) return;
  const count = await runGit([...repositoryArgs(repo), 'rev-list', '--all', '--count'], repo.workTree);
  if (count.code === 0) ctx.totalCommits = Number(count.stdout.trim());
  ctx.phase = 'history';
  ctx.progress();

  const seen = new Set<string>();
  const hitsByBlob = new Map<string, BlobHits>();
  const paths = new Map<string, PathRecord>();
  const log = spawnGit([
    ...repositoryArgs(repo), 'log', '--all', '--date-order', '--root', '--diff-merges=first-parent', '--raw', '--no-abbrev', '-z',
    '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--no-show-signature', `--format=${RAW_COMMIT_FORMAT}`,
  ], repo.workTree);
  if (!log) return ctx.notice('error', 'git was not found on PATH: history not searched');
  log.stdin.end();
  let stderr = '';
  log.stderr.setEncoding('utf8');
  log.stderr.on('data', (text: string) => { if (stderr.length < 4096) stderr += text; });
  const exited = new Promise<number>((resolve) => log.on('close', (code) => resolve(code ?? 1)));
  let catFile: CatFile | undefined;
  let failed = false;

  /** One commit's changes: search the blobs not seen before, then note the paths that now hold the secret. */
  const commitDone = async (commit: CommitInfo, changes: readonly LogChange[]) => {
    ctx.counts.commits++;
    const fresh: LogChange[] = [];
    for (const change of changes) {
      if (seen.has(change.blob)) continue;
      seen.add(change.blob);
      fresh.push(change);
    }
    if (fresh.length > 0) {
      catFile ??= CatFile.start(repo);
      // All of a commit's blobs asked for at once: one round trip per commit, not per blob.
      catFile.request(fresh.map((c) => c.blob));
      for (const change of fresh) {
        if (ctx.aborted) return; // the answers left unread go with the process
        const hits = await searchBlob(catFile, change, commit, where(change.path), ctx);
        if (hits.length > 0) hitsByBlob.set(change.blob, hits);
      }
    }
    for (const change of changes) {
      if (!hitsByBlob.has(change.blob)) continue;
      const record = paths.get(change.path);
      // The log runs newest first: the last commit seen is the earliest.
      if (record) Object.assign(record, { commit, blob: change.blob, commits: record.commits + 1 });
      else paths.set(change.path, { commit, blob: change.blob, commits: 1 });
    }
    ctx.progress();
  };

  try {
    const parser = new RawLogParser();
    let commit: CommitInfo | undefined;
    let changes: LogChange[] = [];
    const take = async (records: ReturnType<RawLogParser['push']>) => {
      for (const r of records) {
        if (ctx.aborted) return;
        if (r.kind === 'change') {
          changes.push(r);
          continue;
        }
        if (commit) await commitDone(commit, changes);
        commit = r.commit;
        changes = [];
      }
    };
    for await (const chunk of log.stdout as AsyncIterable<Buffer>) {
      await take(parser.push(chunk));
      if (ctx.aborted) break;
    }
    if (!ctx.aborted) {
      await take(parser.end());
      if (commit) await commitDone(commit, changes);
    }
  } catch (error) {
    failed = true;
    ctx.notice('error', `history of ${repo.workTree} could not be read to the end: ${(error as Error).message}`);
  } finally {
    catFile?.close();
    // No longer read, git log would wait on a full pipe for ever.
    if (ctx.aborted || failed) log.kill();
  }
  const code = await exited;
  if (code !== 0 && !ctx.aborted && !failed) ctx.notice('error', `git log failed in ${repo.workTree} (${stderr.trim().split('\n')[0] || `exit ${code}`}): the history searched may be incomplete`);

  const atHead = await headPaths(repo, hitsByBlob);
  for (const [path, record] of paths) {
    for (const { entry, result } of hitsByBlob.get(record.blob) ?? []) {
      // One line per path (and archive entry): its first match in the earliest version.
      const first = { hits: result.hits.slice(0, 1), more: result.hits.length - 1 + result.more, bytes: result.bytes };
      const location = entry.length > 0 ? { ...where(path), entry } : where(path);
      ctx.hits.push(...ctx.hitsAt(location, first, { commit: record.commit, commits: record.commits, atHead: atHead.has(path) }));
    }
  }
}

/** Says why the history cannot be searched as it stands (a partial clone would fetch), or warns that it is incomplete. */
async function checkRepository(repo: Repository, ctx: SearchContext): Promise<boolean> {
  const args = repositoryArgs(repo);
  const promisor = await runGit([...args, 'config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], repo.workTree);
  if (promisor.code === 0 && promisor.stdout.trim() !== '') {
    ctx.notice('error', `${repo.workTree} is a partial clone: reading its history would download the missing objects, so it was not searched (search a full clone)`);
    return false;
  }
  const shallow = await runGit([...args, 'rev-parse', '--is-shallow-repository'], repo.workTree);
  if (shallow.stdout.trim() === 'true') ctx.notice('warning', `${repo.workTree} is a shallow clone: commits before its depth are not in it and were not searched`);
  return true;
}

/** Reads the next blob from `catFile` and searches it: as an archive when its path names one and it fits in memory. */
async function searchBlob(catFile: CatFile, change: LogChange, commit: CommitInfo, where: LeakLocation, ctx: SearchContext): Promise<BlobHits> {
  const hits: BlobHits = [];
  const sink: ContentSink = {
    found: (entry, result) => { if (result.hits.length > 0) hits.push({ entry, result }); },
    skip: (entry, kind, reason) => ctx.skip(entry.length > 0 ? { ...where, entry } : where, kind, reason, commit.sha),
  };
  const stream = ctx.search.stream();
  const held: Buffer[] = [];
  let hold = false;
  const answer = await catFile.next(
    (size) => { hold = isArchiveName(change.path) && size <= ctx.limits.nestedArchiveBytes; },
    (chunk) => { if (hold) held.push(chunk); else stream.push(chunk); },
  );
  if (answer.missing) {
    sink.skip([], 'unreadable', 'blob missing from the repository');
    return hits;
  }
  ctx.counts.blobs++;
  ctx.counts.blobBytes += answer.size;
  if (!hold) {
    if (isArchiveName(change.path)) sink.skip([], 'archive-limit', `archive of ${formatSize(answer.size)}, over the ${formatSize(ctx.limits.nestedArchiveBytes)} held in memory to open one: searched as stored bytes`);
    sink.found([], stream.end());
    return hits;
  }
  const bytes = Buffer.concat(held);
  const zip = await openZipBuffer(bytes);
  if (zip) {
    await searchZip(zip, ctx, sink, [], 1, { remaining: ctx.limits.archiveBytes });
  } else {
    sink.found([], ctx.search.searchBytes(bytes));
    sink.skip([], 'unreadable', 'named like an archive but not a readable zip file: searched as plain bytes, so anything compressed inside was not');
  }
  return hits;
}

/**
 * The paths whose blob at HEAD holds the secret. Every blob at HEAD was searched in the walk
 * (HEAD is among `--all`), so the tree's blob ids answer for every form, UTF-16 included,
 * which `git grep -f` (one pattern per line, no NUL bytes) could not carry.
 */
async function headPaths(repo: Repository, hitsByBlob: ReadonlyMap<string, BlobHits>): Promise<Set<string>> {
  const found = new Set<string>();
  if (hitsByBlob.size === 0) return found;
  const child = spawnGit([...repositoryArgs(repo), 'ls-tree', '-r', '-z', '--full-tree', 'HEAD'], repo.workTree);
  if (!child) return found;
  child.stdin.end();
  child.stderr.resume(); // an unborn HEAD: nothing is at HEAD
  const parser = { rest: '' };
  child.stdout.setEncoding('utf8');
  for await (const text of child.stdout as AsyncIterable<string>) {
    const lines = (parser.rest + text).split('\0');
    parser.rest = lines.pop() ?? '';
    for (const line of lines) {
      // `<mode> <type> <id>\t<path>`
      const tab = line.indexOf('\t');
      const id = line.slice(0, tab).split(' ')[2];
      if (tab > 0 && id !== undefined && hitsByBlob.has(id)) found.add(line.slice(tab + 1));
    }
  }
  return found;
}
