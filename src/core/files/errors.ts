/** File-system errors as people read them, for every "not read because" line. */

/** `EACCES (permission denied)` from a Node error, without the path it repeats. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'deleted during the scan', ENAMETOOLONG: 'path too long for the system',
    ELOOP: 'too many symbolic links', ENOTDIR: 'not a folder', EMFILE: 'too many open files', EIO: 'input/output error', EISDIR: 'a folder',
  };
  return e.code ? `${e.code} (${words[e.code] ?? e.message.split(',')[0] ?? 'error'})` : String(e.message ?? error);
}
