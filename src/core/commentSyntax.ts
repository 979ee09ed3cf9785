/**
 * How to write a one-line comment in each language family, so that the editor and the CLI can
 * insert an `idv-disable-next-line` directive that the language itself accepts.
 */
import type { Lang } from './engine/lang';

/** The comment that wraps `body` on its own line in `lang`, or undefined where none exists (JSON). */
export function lineComment(lang: Lang, body: string): string | undefined {
  switch (lang) {
    case 'python': case 'ruby': case 'perl': case 'shell': case 'env': case 'properties':
    case 'yaml': case 'toml': case 'ini': case 'elixir': case 'text':
      return `# ${body}`;
    case 'html': case 'xml':
      return `<!-- ${body} -->`;
    case 'json':
      return undefined;
    default:
      return `// ${body}`;
  }
}
