/**
 * The engine's view of the admission policy (src/core/files): the reason, as one string, why a
 * document's text is not linted. Used where the text is already in hand (the editor's open
 * documents); scans from disk go through `lintBytes`, which also decodes.
 */
import { looksBinary, skipByName, tooLarge } from '../files/index';

export { DEFAULT_MAX_FILE_SIZE } from '../files/index';

/**
 * Why `path` should not be linted, or undefined to lint it. `firstBytes` (the start of the file)
 * lets the check see binary content when the name does not. Minified code is linted: every rule
 * bounds its work per line, so a long line costs linear time and cannot hide a secret.
 */
export function shouldSkip(path: string, sizeBytes: number, firstBytes?: Uint8Array, maxBytes = 2 * 1024 * 1024): string | undefined {
  const byName = skipByName(path);
  if (byName) return byName.reason;
  if (sizeBytes > maxBytes) return tooLarge(maxBytes).reason;
  if (firstBytes && looksBinary(firstBytes)) return 'binary content';
  return undefined;
}
