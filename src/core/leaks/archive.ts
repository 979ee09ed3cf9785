/**
 * Zip-shaped archives (.apk, .aab, .ipa, .jar, .zip...): every entry's uncompressed bytes,
 * streamed through the search, archives inside archives opened a few levels deep. yauzl reads
 * them: the central directory rather than local headers (so data descriptors and zip64 are
 * right), inflate streamed, and each entry's real size checked against the size it declares, so
 * the caps below hold against an archive that lies. Caps: per entry, per archive on disk (all
 * entries, nested ones included: overlapping entries cannot multiply the work), and the size of
 * a nested archive held in memory to open it. What a cap stops is reported, never dropped.
 */
import * as yauzl from 'yauzl';
import { formatSize } from '../files/index';
import type { ContentSink, SearchContext } from './context';

/** Extensions read as zip archives: Android and iOS packages, Java archives, plain zips. */
const ARCHIVE_EXTENSIONS = new Set(['zip', 'apk', 'aab', 'apks', 'xapk', 'ipa', 'jar', 'aar', 'war', 'ear']);

/** Whether a file or entry name is read as a zip archive. */
export function isArchiveName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && ARCHIVE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Inflated bytes an archive on disk (or a blob) may still cost, shared by its nested archives. */
export interface ArchiveBudget {
  remaining: number;
}

// Names undecoded: yauzl rejects a whole archive over one entry name it finds unsafe to
// extract (`../x`), and nothing is extracted here.
const OPTIONS: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };

/**
 * Opens the zip archive on the open file `fd`, or returns undefined when it is not one (the
 * caller still owns `fd` then). Once opened, the archive owns `fd` and closes it when
 * `searchZip` is done with it.
 */
export async function openZipFd(fd: number): Promise<yauzl.ZipFile | undefined> {
  try {
    return await yauzl.fromFdPromise(fd, { ...OPTIONS, autoClose: true });
  } catch {
    return undefined;
  }
}

/** Opens a zip archive held in memory, or returns undefined when it is not one. */
export async function openZipBuffer(bytes: Buffer): Promise<yauzl.ZipFile | undefined> {
  try {
    return await yauzl.fromBufferPromise(bytes, OPTIONS);
  } catch {
    return undefined;
  }
}

/**
 * Searches every entry of `zip`; `prefix` names the entries on the way to it (empty for an
 * archive on disk or a blob) and `depth` is 1 for the outermost archive.
 */
export async function searchZip(zip: yauzl.ZipFile, ctx: SearchContext, sink: ContentSink, prefix: readonly string[], depth: number, budget: ArchiveBudget): Promise<void> {
  ctx.counts.archives++;
  try {
    for await (const entry of zip.eachEntry()) {
      if (ctx.aborted) break;
      await searchEntry(zip, entry, ctx, sink, prefix, depth, budget);
    }
  } catch (error) {
    sink.skip(prefix, 'unreadable', `archive could not be read to the end: ${(error as Error).message}`);
  }
}

async function searchEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, ctx: SearchContext, sink: ContentSink, prefix: readonly string[], depth: number, budget: ArchiveBudget): Promise<void> {
  const name = entryName(entry);
  if (name.endsWith('/')) return;
  const chain = [...prefix, name];
  ctx.counts.archiveEntries++;
  ctx.progress();
  if (entry.isEncrypted()) return sink.skip(chain, 'unreadable', 'encrypted entry: its contents cannot be searched');
  if (!entry.canDecodeFileData()) return sink.skip(chain, 'unreadable', `compression method ${entry.compressionMethod} is not supported (only stored and deflated entries are read)`);
  const size = entry.uncompressedSize;
  const { limits } = ctx;
  // A stored entry costs its size on disk; an inflated one can cost a thousand times more.
  if (entry.compressionMethod !== 0 && size > limits.entryBytes) return sink.skip(chain, 'archive-limit', `inflates to ${formatSize(size)}, over the ${formatSize(limits.entryBytes)} limit for one archive entry: not searched`);
  if (size > budget.remaining) return sink.skip(chain, 'archive-limit', `would take the archive over ${formatSize(limits.archiveBytes)} of uncompressed entries: not searched`);
  budget.remaining -= size;
  const nested = isArchiveName(name);
  const open = nested && depth < limits.archiveDepth && size <= limits.nestedArchiveBytes;
  if (nested && !open) {
    sink.skip(chain, 'archive-limit', depth >= limits.archiveDepth
      ? `archive nested more than ${limits.archiveDepth} deep: not opened (its bytes were searched as stored, compressed entries inside were not)`
      : `nested archive of ${formatSize(size)}, over the ${formatSize(limits.nestedArchiveBytes)} held in memory to open one: not opened (its bytes were searched as stored)`);
  }
  const stream = ctx.search.stream();
  const held: Buffer[] = [];
  try {
    const data = await zip.openReadStreamPromise(entry);
    for await (const chunk of data as AsyncIterable<Buffer>) {
      ctx.counts.entryBytes += chunk.length;
      if (open) held.push(chunk);
      else stream.push(chunk);
      if (ctx.aborted) {
        data.destroy();
        break;
      }
    }
  } catch (error) {
    if (!open) sink.found(chain, stream.end());
    return sink.skip(chain, 'unreadable', `could not be read: ${(error as Error).message}`);
  }
  if (!open) return sink.found(chain, stream.end());
  if (ctx.aborted) return undefined;
  const bytes = Buffer.concat(held);
  const inner = await openZipBuffer(bytes);
  if (inner) return searchZip(inner, ctx, sink, chain, depth + 1, budget);
  sink.found(chain, ctx.search.searchBytes(bytes));
  sink.skip(chain, 'unreadable', 'named like an archive but not a readable zip file: searched as plain bytes, so anything compressed inside was not');
}

/** The entry's name as the archive writer meant it: UTF-8 when flagged or valid, else Latin-1. */
function entryName(entry: yauzl.Entry): string {
  const raw = Buffer.isBuffer(entry.fileName) ? entry.fileName : entry.fileNameRaw;
  const utf8 = raw.toString('utf8');
  return (entry.generalPurposeBitFlag & 0x800) !== 0 || !utf8.includes('\uFFFD') ? utf8 : raw.toString('latin1');
}
