/**
 * Reading call arguments and object literals out of source text without a parser: bracket
 * matching that skips string literals, bounded so that unbalanced input costs a fixed window.
 */

const OPEN = new Set([40, 91, 123]); // ( [ {
const CLOSE = new Set([41, 93, 125]);
const MAX_SPAN = 5000;

/**
 * The offset just past the bracket matching the one at `open`, or the window's end when it is
 * not closed within MAX_SPAN characters.
 */
export function matchBracket(text: string, open: number): number {
  let depth = 0;
  const stop = Math.min(text.length, open + MAX_SPAN);
  for (let i = open; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      const close = skipString(text, i, stop);
      i = close;
    } else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && --depth === 0) return i + 1;
  }
  return stop;
}

function skipString(text: string, at: number, stop: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i;
    else if (c === 10 && quote !== 96) return i;
  }
  return stop;
}

/** The top-level comma-separated arguments of the call whose `(` is at `open`, with offsets. */
export function callArguments(text: string, open: number): { text: string; start: number }[] {
  const end = matchBracket(text, open) - 1;
  const args: { text: string; start: number }[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) i = skipString(text, i, end);
    else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth--;
    else if (c === 44 && depth === 0) {
      args.push(trimmed(text, from, i));
      from = i + 1;
    }
  }
  if (end > from || args.length > 0) args.push(trimmed(text, from, end));
  return args.filter((a) => a.text.length > 0);
}

function trimmed(text: string, from: number, to: number): { text: string; start: number } {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: from + lead };
}

/** Whether an object literal or argument list `span` has the key `key` (`key:`, `"key":`, `key =>`, `key=`). */
export function hasKey(span: string, key: string): boolean {
  for (let at = span.indexOf(key); at >= 0; at = span.indexOf(key, at + key.length)) {
    const before = span.charCodeAt(at - 1);
    if (at > 0 && (isWord(before) || before === 58)) continue; // part of a longer name, or a Ruby symbol
    const rest = span.slice(at + key.length, at + key.length + 8);
    if (/^["']?\s{0,3}(?::(?!:)|=>|=(?!=))/.test(rest)) return true;
    // Shorthand properties: `{ user_id, email }`.
    if (/^\s{0,3}[,}\n]/.test(rest) && /[{,]\s{0,40}$/.test(span.slice(Math.max(0, at - 40), at))) return true;
  }
  return false;
}

function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}
