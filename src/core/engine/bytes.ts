/**
 * Linting a file straight from its bytes, for scans over many files (`idv scan`, the editor's
 * Scan Workspace). Most files mention none of the topics, and the pre-filter can say so from
 * the bytes (topics.ts, bytesHaveTopic), so only UTF-8 files that pass are decoded and linted.
 * UTF-16 files are decoded first and go through the string pre-filter inside `lint`.
 */
import { decodeText, looksBinary, skipByName, sniffEncoding, tooLarge, type Skip, type TextEncoding } from '../files/index';
import { langOf } from './lang';
import { lint } from './lint';
import { bytesHaveTopic } from './topics';
import type { Finding, LintContext } from './types';

export interface BytesLint {
  /** Why the file was not linted at all (binary, lock file, too large...), if it was not. */
  readonly skipped?: Skip;
  readonly findings: Finding[];
  /**
   * The decoded text (without a byte order mark), when the file was decoded; always there when
   * there are findings, so fixes can be applied to it and written back in `encoding`.
   */
  readonly text?: string;
  readonly encoding?: TextEncoding;
}

/**
 * Lints a file's bytes as `lint(text, context)` lints its decoded text (see src/core/files for
 * the decoding), or says why it was not read. `bytes` longer than `maxFileSizeBytes` are
 * reported as too large: callers read one byte past the limit to tell.
 */
export function lintBytes(bytes: Uint8Array, context: LintContext): BytesLint {
  const { path, config } = context;
  const byName = skipByName(path);
  if (byName) return { skipped: byName, findings: [] };
  if (bytes.length > config.maxFileSizeBytes) return { skipped: tooLarge(config.maxFileSizeBytes), findings: [] };
  if (sniffEncoding(bytes) === 'utf8' && looksBinary(bytes)) return { skipped: { kind: 'binary', reason: 'binary content (NUL bytes; UTF-16 needs a byte order mark)' }, findings: [] };
  if (!(context.preFilter ?? bytesPassPreFilter(bytes, context))) return { findings: [] };
  const decoded = decodeText(bytes);
  if (decoded.skip) return { skipped: decoded.skip, findings: [] };
  return { findings: lint(decoded.text, context), text: decoded.text, encoding: decoded.encoding };
}

/**
 * Whether the pre-filter lets `bytes` through to the rules: the hosts load a file's grammar
 * (an await) only for files that pass, so a scan of a tree that mentions no topic loads none.
 * UTF-16 files are not searched as bytes and always pass.
 */
export function bytesPassPreFilter(bytes: Uint8Array, context: Pick<LintContext, 'path' | 'languageId' | 'config'>): boolean {
  const encoding = sniffEncoding(bytes);
  if (encoding !== 'utf8' && encoding !== 'utf8bom') return true;
  return bytesHaveTopic(encoding === 'utf8bom' ? bytes.subarray(3) : bytes, langOf(context.path, context.languageId), context.config.secretNamePatterns);
}
