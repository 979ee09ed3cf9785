/**
 * What identifies an accepted finding across edits: a keyed hash of its rule, its file and its
 * *subject* (the text the finding points at, normalised). No line number goes in, so inserting
 * lines above, moving the code or reformatting it keeps the fingerprint; the subject goes in, so
 * a different secret on the same line gets a different one.
 *
 * The key is 32 random bytes made with the baseline and stored in it. It does not make the
 * fingerprints secret: whoever holds the baseline holds the key and can test a guessed value
 * against an entry. What it does is make them useless anywhere else: an entry cannot be matched
 * against another repository's baseline or against a table precomputed for common or leaked
 * secrets, as a plain hash of the value could.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Position, Range } from '../engine/index';

/**
 * Hex characters kept of the HMAC: 128 bits. Entries are compared within one baseline, so what
 * matters is that an unrelated finding never lands on an existing entry by chance; with 128 bits
 * that stays below 10^-26 even for a million entries (birthday bound n²/2^129), and forging one
 * on purpose needs the key plus 2^128 work. A full 64 characters would only lengthen every line.
 */
export const FINGERPRINT_LENGTH = 32;

/** Bytes of the baseline key. */
export const KEY_BYTES = 32;

/** A fresh baseline key: `KEY_BYTES` random bytes as lowercase hex. */
export function newKey(): string {
  return randomBytes(KEY_BYTES).toString('hex');
}

/**
 * The fingerprint of a finding: HMAC-SHA256 under `key` (hex, as stored in the baseline) of
 * `rule`, `file` (posix path relative to the folder holding the baseline) and `subject`
 * (`findingSubject`), truncated to `FINGERPRINT_LENGTH` hex characters. The fields are joined by
 * NUL, which neither a rule id nor a path can contain, so no two inputs share a message.
 */
export function fingerprint(key: string, rule: string, file: string, subject: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex'))
    .update(`idv-baseline-1\0${rule}\0${file}\0${subject}`, 'utf8')
    .digest('hex')
    .slice(0, FINGERPRINT_LENGTH);
}

/**
 * The subject of a finding at `range` in `text`: the text of the range with every whitespace
 * character removed and one pair of matching surrounding quotes (`"`, `'` or a backtick)
 * stripped, so re-indenting, re-wrapping and changing quote style leave it as it was.
 * Positions are the engine's: 0-based lines (LF, CRLF or a lone CR end one) and UTF-16 columns.
 */
export function findingSubject(text: string, range: Range): string {
  const squeezed = text.slice(offsetAt(text, range.start), offsetAt(text, range.end)).replace(/\s+/g, '');
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(squeezed);
  return quoted ? (quoted[2] ?? '') : squeezed;
}

/** The offset of `position` in `text`, clamped to the text. */
function offsetAt(text: string, position: Position): number {
  let lineStart = 0;
  let cr = text.indexOf('\r');
  for (let line = 0; line < position.line; line++) {
    const lf = text.indexOf('\n', lineStart);
    // Searched again only once passed, so a file without CR is not searched to its end per line.
    if (cr >= 0 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    // A lone CR ends a line as LF does (the engine reads it so); CRLF ends at its LF.
    const end = cr >= 0 && (lf < 0 || cr < lf - 1) ? cr : lf;
    if (end < 0) return text.length;
    lineStart = end + 1;
  }
  return Math.min(lineStart + position.column, text.length);
}
