/**
 * The length rule for finding messages. The Problems view, the status line and the CLI's
 * one-line output cut a long message before its useful part, so a message states the fact
 * and the explanation goes to `Finding.detail` and the rule's docs.
 */

/** The longest a finding's message may be. */
export const MESSAGE_MAX = 80;

/**
 * The first of `candidates` that fits MESSAGE_MAX, else the last. Candidates go from the most
 * specific (naming the variable or expression) to a wording that needs no value, so a long
 * name costs the message its name, never its meaning.
 */
export function fitted(...candidates: readonly string[]): string {
  return candidates.find((c) => c.length <= MESSAGE_MAX) ?? candidates[candidates.length - 1] ?? '';
}

/** `text` as Markdown inline code, whatever backticks it holds. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
