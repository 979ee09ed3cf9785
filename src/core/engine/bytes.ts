/**
 * Linting a file straight from its bytes, for scans over many files (`idv scan`, the editor's
 * Scan Workspace). Most files mention none of the topics, and the pre-filter can say so from
 * the bytes (topics.ts, bytesHaveTopic), so only the files that pass are decoded and linted.
 */
import { Buffer } from 'node:buffer';
import { langOf } from './lang';
import { lint } from './lint';
import { shouldSkip } from './skip';
import { bytesHaveTopic } from './topics';
import type { Finding, LintContext } from './types';

export interface BytesLint {
  /** Why the file was not linted at all (binary, minified, lock file, too large), if it was not. */
  readonly skipped?: string;
  readonly findings: Finding[];
  /**
   * The decoded text (without a byte order mark), when the file was decoded; always there when
   * there are findings, so fixes can be applied to it.
   */
  readonly text?: string;
}

/** How much of the head `shouldSkip` samples for binary and minified content. */
const HEAD = 4096;
const UTF8_BOM = 0xfeff;

/**
 * Lints a file's bytes as `lint(text, context)` would lint its UTF-8 text, skipping it (with
 * the reason) when `shouldSkip` says so.
 */
export function lintBytes(bytes: Uint8Array, context: LintContext): BytesLint {
  const { path, config } = context;
  const skipped = shouldSkip(path, bytes.length, bytes.subarray(0, HEAD), config.maxFileSizeBytes);
  if (skipped !== undefined) return { skipped, findings: [] };
  if (!bytesHaveTopic(bytes, langOf(path, context.languageId), config.secretNamePatterns)) return { findings: [] };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Editors hide the byte order mark, so positions are counted without it, as VS Code does.
  if (text.charCodeAt(0) === UTF8_BOM) text = text.slice(1);
  return { findings: lint(text, context), text };
}
