/**
 * The small Markdown the rule pages are written in (core/engine/ruleDocs.ts), as HTML for the
 * documentation webview: `#` headings, paragraphs, `**bold**` and `` `code` ``. Everything else
 * is text, escaped. No `vscode` import, so plain-Node unit tests cover it.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of inline Markdown: code spans first (nothing inside them is markup), then bold. */
function inline(text: string): string {
  return text.split('`').map((part, i) => (i % 2 === 1
    ? `<code>${escapeHtml(part)}</code>`
    : escapeHtml(part).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>'))).join('');
}

/** Paragraphs (blank-line separated) and headings as HTML. */
export function markdownToHtml(markdown: string): string {
  return markdown.split(/\n\s*\n/).map((block) => block.trim()).filter((block) => block !== '').map((block) => {
    const heading = /^(#{1,3}) (.*)$/.exec(block);
    if (heading) return `<h${heading[1]?.length ?? 1}>${inline(heading[2] ?? '')}</h${heading[1]?.length ?? 1}>`;
    return `<p>${inline(block.replace(/\n/g, ' '))}</p>`;
  }).join('\n');
}
