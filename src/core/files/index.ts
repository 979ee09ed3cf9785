/**
 * The admission policy shared by every scan: which folders are walked, which files are opened,
 * how their bytes become text, and the reason given for everything that is not read.
 */
export { decodeText, encodeText, looksBinary, sniffEncoding, BINARY_SNIFF_BYTES, type Decoded, type TextEncoding } from './decode';
export {
  DEFAULT_MAX_FILE_SIZE, excludedFolderGlob, formatSize, SKIP_LABELS, SKIPPED_FOLDERS, skipByName, skippedFolderOf, tooLarge,
  type Skip, type SkipKind,
} from './policy';
export { describeError } from './errors';
export { summarizeSkips, type SkippedPath } from './report';
