/**
 * Bytes to text, as editors read files. UTF-8 with or without a byte order mark, and UTF-16
 * (little or big endian) with one: PowerShell's `>`, Visual Studio and Xcode write `.env`,
 * `.resx`, `.strings` and `.plist` files that way, and a scanner that calls them binary misses
 * every secret in them. Anything else with NUL bytes near its start is binary (git's own test);
 * the rest is read as UTF-8, invalid sequences replaced, so no text file is ever dropped.
 */
import { Buffer } from 'node:buffer';
import type { Skip } from './policy';

export type TextEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export type Decoded =
  | { readonly text: string; readonly encoding: TextEncoding; readonly skip?: undefined }
  | { readonly skip: Skip; readonly text?: undefined };

/** How far git looks for a NUL byte to call a file binary. */
export const BINARY_SNIFF_BYTES = 8000;

/** The encoding a byte order mark announces, or `utf8` (no mark), or undefined (UTF-32, unsupported). */
export function sniffEncoding(bytes: Uint8Array): TextEncoding | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf8bom';
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 && bytes.length >= 4 ? undefined : 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return undefined;
  return 'utf8';
}

/** Whether UTF-8-or-unmarked bytes look binary: a NUL byte in the first 8,000. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Decodes a whole file. Positions in `text` are what VS Code shows: the byte order mark is not part of it. */
export function decodeText(bytes: Uint8Array): Decoded {
  const encoding = sniffEncoding(bytes);
  if (encoding === undefined) return { skip: { kind: 'binary', reason: 'UTF-32 text, which is not supported; save it as UTF-8' } };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf8bom':
      return { text: buf.toString('utf8', 3), encoding };
    case 'utf16le':
      return { text: buf.toString('utf16le', 2, bytes.length - (bytes.length % 2)), encoding };
    case 'utf16be': {
      const body = Buffer.from(buf.subarray(2, bytes.length - (bytes.length % 2)));
      return { text: body.swap16().toString('utf16le'), encoding };
    }
    default:
      if (looksBinary(bytes)) return { skip: { kind: 'binary', reason: 'binary content (NUL bytes; UTF-16 needs a byte order mark)' } };
      return { text: buf.toString('utf8'), encoding };
  }
}

/** The bytes to write back after a fix, in the file's own encoding and with its byte order mark. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      return Buffer.from(text, 'utf8');
  }
}
