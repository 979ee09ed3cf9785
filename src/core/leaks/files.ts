/**
 * Files on disk, searched for the secret. Unlike `idv scan`, this reads what is shipped:
 * git-ignored build output (`.next/`, `dist/`, `build/`, `out/`, source maps), binaries, and
 * archives entry by entry. Only version-control storage (searched as history instead) and
 * installed dependencies are not walked, and each is reported. Links are never followed (a
 * walk by readdir that follows none cannot leave its root); FIFOs, devices and sockets are
 * never opened, and a path swapped for one meanwhile is caught by opening without blocking
 * and checking what was opened.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { describeError } from '../files/index';
import { isArchiveName, openZipFd, searchZip } from './archive';
import type { SearchContext } from './context';
import type { LeakLocation } from './types';

/** Folders not walked, with the reason the report gives. */
const NOT_WALKED: ReadonlyMap<string, string> = new Map([
  ['.git', "git's own storage, not walked (search the history for what was committed)"],
  ['.hg', 'version control storage, not walked'],
  ['.svn', 'version control storage, not walked'],
  ['node_modules', 'installed dependencies, not walked (not this project\'s build output)'],
]);

const NOT_REGULAR = 'not a regular file (device, FIFO or socket): not opened';
const CHUNK = 1024 * 1024;
// Windows has neither flag; there an lstat before opening stands in for O_NOFOLLOW.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Searches the files and folders at `paths` (absolute). A path the caller names is followed if it is a link. */
export async function searchFiles(paths: readonly string[], ctx: SearchContext): Promise<void> {
  for (const path of paths) {
    if (ctx.aborted) return;
    let isDir: boolean;
    try {
      const st = statSync(path);
      if (!st.isDirectory() && !st.isFile()) {
        ctx.skip(at(path), 'not-regular', NOT_REGULAR);
        continue;
      }
      isDir = st.isDirectory();
    } catch (error) {
      ctx.skip(at(path), 'unreadable', `could not be read: ${describeError(error)}`);
      continue;
    }
    if (isDir) await walk(path, ctx);
    else await searchFile(path, ctx);
  }
}

async function walk(root: string, ctx: SearchContext): Promise<void> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') ctx.skip(at(`${dir}${sep}`), 'unreadable', `folder could not be read: ${describeError(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (ctx.aborted) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const reason = NOT_WALKED.get(entry.name);
        if (reason !== undefined) ctx.skip(at(`${path}${sep}`), 'excluded-folder', reason);
        else subdirs.push(path);
      } else if (entry.isSymbolicLink()) {
        ctx.skip(at(path), 'symlink', 'symbolic link, not followed');
      } else if (entry.isFile()) {
        await searchFile(path, ctx);
      } else {
        ctx.skip(at(path), 'not-regular', NOT_REGULAR);
      }
    }
    for (const sub of subdirs.reverse()) stack.push(sub);
  }
}

/** Searches one regular file: as a zip archive when it is named like one, else its bytes. */
async function searchFile(path: string, ctx: SearchContext): Promise<void> {
  const where = at(path);
  let fd: number;
  try {
    if (NOFOLLOW === 0 && lstatSync(path).isSymbolicLink()) return ctx.skip(where, 'symlink', 'symbolic link, not followed');
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return ctx.skip(where, 'symlink', 'symbolic link, not followed');
    if (code === 'ENOENT') return undefined; // deleted meanwhile: nothing left to search
    return ctx.skip(where, 'unreadable', `could not be read: ${describeError(error)}`);
  }
  let owned = true;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return ctx.skip(where, 'not-regular', NOT_REGULAR);
    ctx.counts.files++;
    ctx.counts.bytes += st.size;
    ctx.progress();
    if (isArchiveName(path)) {
      const zip = await openZipFd(fd);
      if (zip) {
        owned = false; // the archive closes it
        return await searchZip(zip, ctx, ctx.sinkAt(where), [], 1, { remaining: ctx.limits.archiveBytes });
      }
      ctx.skip(where, 'unreadable', 'named like an archive but not a readable zip file: searched as plain bytes, so anything compressed inside was not');
    }
    const stream = ctx.search.stream();
    for (let position = 0, reads = 0; ; reads++) {
      // A fresh buffer per read: the search may hold on to a chunk until its window is full.
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(st.size - position, 0) + 1));
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      stream.push(buffer.subarray(0, n));
      // Let the host's cancellation and progress through during a long file.
      if (reads % 16 === 15) {
        await yieldToEventLoop();
        if (ctx.aborted) break;
      }
    }
    ctx.hits.push(...ctx.hitsAt(where, stream.end()));
    return undefined;
  } catch (error) {
    return ctx.skip(where, 'unreadable', `could not be read: ${describeError(error)}`);
  } finally {
    if (owned) closeSync(fd);
    await yieldToEventLoop();
  }
}

function at(path: string): LeakLocation {
  return { source: 'file', path };
}

/** One turn of the event loop, so an AbortSignal raised by an event can be seen. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
