/**
 * Snippet templates are ordinary source text with tab stops written as «1:default», «2» and
 * «0». Guillemets never occur in the code the catalogue holds, so the markers cannot collide
 * with `${...}` in JavaScript, Spring or shell code, which VS Code would otherwise read as
 * its own syntax. One template yields both forms: a VS Code snippet body with every other `$`
 * and `\` escaped, and the plain text that is inserted when tab stops are not wanted.
 */

const MARKER = /«(\d+)(?::([^«»]*))?»/g;

/** A tab stop marker: `stop(1, 'userId')` becomes `${1:userId}`; `stop(0)` the final cursor `$0`. */
export function stop(index: number, placeholder?: string): string {
  return placeholder === undefined ? `«${index}»` : `«${index}:${placeholder}»`;
}

/** The template as inserted without tab-stop syntax: placeholders keep their default text. */
export function toPlainText(template: string): string {
  return template.replace(MARKER, (_match, _index: string, placeholder: string | undefined) => placeholder ?? '');
}

// In a VS Code snippet `\` escapes `$`, `}` and `\`; literal text needs `$` and `\` escaped,
// placeholder text also `}` (it would close the placeholder).
const escapeText = (text: string): string => text.replace(/[\\$]/g, (ch) => `\\${ch}`);
const escapePlaceholder = (text: string): string => text.replace(/[\\$}]/g, (ch) => `\\${ch}`);

/** The template as a VS Code snippet body (one string per line), tab stops in VS Code syntax. */
export function toVsCodeBody(template: string): string[] {
  let body = '';
  let last = 0;
  for (const match of template.matchAll(MARKER)) {
    body += escapeText(template.slice(last, match.index));
    const [, index, placeholder] = match;
    body += placeholder === undefined ? `$${index}` : `\${${index}:${escapePlaceholder(placeholder)}}`;
    last = match.index + match[0].length;
  }
  body += escapeText(template.slice(last));
  // Templates end with a newline like any source file; VS Code would insert it as a blank line.
  return body.replace(/\n$/, '').split('\n');
}

/** Whether `text` still holds a tab-stop marker (core code shared with runnables must not). */
export function hasMarkers(text: string): boolean {
  return /[«»]/.test(text);
}

/** Indents every non-empty line by `spaces`, for code placed inside a class or module. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line === '' ? line : pad + line)).join('\n');
}
