/**
 * Script blocks inside templates and single-file components (HTML, ERB, EJS, JSP, Smarty,
 * Twig, Jinja, Liquid, Handlebars, Blade, Razor, Vue, Svelte, Astro ...), read by the
 * TypeScript grammar. The host language is not parsed: the text is blanked outside
 * `<script>` blocks (line breaks kept) so every offset stays an offset into the template, and
 * inside them each template tag (`<%= … %>`, `{{ … }}`, `${…}` in JSP) becomes a run of
 * underscores, one opaque identifier to the grammar, as the design asks: "template tags
 * are opaque expressions". Linear in the text.
 */
import type { FileFacts } from './facts';
import { syntaxLanguageOf, type SyntaxLanguage } from './languages';

/** Where the embedded scripts of a file are read from, by extension. */
const TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set([
  'html', 'htm', 'xhtml', 'erb', 'ejs', 'hbs', 'handlebars', 'mustache', 'twig', 'jinja', 'jinja2', 'j2', 'liquid', 'njk',
  'cshtml', 'razor', 'jsp', 'jspf', 'tag', 'tpl', 'smarty', 'phtml', 'volt', 'gsp', 'eex', 'heex', 'leex', 'vue', 'svelte', 'astro',
]);
const TEMPLATE_LANGUAGE_IDS: ReadonlySet<string> = new Set(['html', 'erb', 'handlebars', 'jinja-html', 'django-html', 'blade', 'vue', 'svelte', 'astro', 'razor', 'twig', 'liquid', 'jsp']);

/** Component formats whose scripts are plain JavaScript or TypeScript: no template tags in them. */
const COMPONENT_EXTENSIONS: ReadonlySet<string> = new Set(['vue', 'svelte', 'astro']);

/** The grammar that reads embedded scripts: TypeScript's accepts plain JavaScript too. */
export const EMBEDDED_LANGUAGE: SyntaxLanguage = 'typescript';

/** Whether `path` is a template or component whose `<script>` blocks the layer reads. */
export function hasEmbeddedScripts(path: string, languageId?: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.blade.php')) return true;
  if (languageId !== undefined && TEMPLATE_LANGUAGE_IDS.has(languageId)) return true;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && TEMPLATE_EXTENSIONS.has(name.slice(dot + 1));
}

/** Template tags, as opener and closer: each is masked from its opener to its closer. */
const TAGS: readonly (readonly [string, string])[] = [
  ['<%', '%>'], ['{{', '}}'], ['{%', '%}'], ['{!!', '!!}'], ['<?', '?>'], ['{$', '}'], ['@{', '}'],
];
/** JSP/GSP expression language, `${user.email}`: only in those formats (in JavaScript it is a template literal's). */
const EL_EXTENSIONS: ReadonlySet<string> = new Set(['jsp', 'jspf', 'tag', 'gsp']);

/** A `<script>` block's type or lang that is not JavaScript or TypeScript (templates, JSON, data). */
const NOT_SCRIPT = /\b(?:type|lang)\s*=\s*["']?(?!(?:module|text\/javascript|application\/javascript|text\/babel|ts|typescript|js|javascript|jsx|tsx)\b)[\w/+.-]/i;

/**
 * The text of `path` with only its script blocks left, template tags masked; undefined when
 * there is no script block.
 */
export function scriptsOnly(text: string, path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const component = COMPONENT_EXTENSIONS.has(extension);
  const tags = EL_EXTENSIONS.has(extension) ? [...TAGS, ['${', '}'] as const] : TAGS;
  const smarty = extension === 'tpl' || extension === 'smarty';
  const lower = text.toLowerCase();
  const out: string[] = [];
  let done = 0;
  let found = false;
  for (let open = lower.indexOf('<script', 0); open >= 0; open = lower.indexOf('<script', open + 7)) {
    const tagEnd = lower.indexOf('>', open);
    if (tagEnd < 0) break;
    if (open < done) continue;
    const close = lower.indexOf('</script', tagEnd);
    const end = close < 0 ? text.length : close;
    if (NOT_SCRIPT.test(text.slice(open, tagEnd))) continue;
    out.push(blank(text.slice(done, tagEnd + 1)));
    const body = text.slice(tagEnd + 1, end);
    out.push(component ? body : maskTags(smarty ? maskSmarty(body) : body, tags));
    done = end;
    found = true;
    open = Math.max(open, end - 7);
  }
  if (!found) return undefined;
  out.push(blank(text.slice(done)));
  return out.join('');
}

/**
 * Smarty's own tags (`{if $user}`, `{/if}`, `{ldelim}`): a brace followed by something other
 * than white space opens a tag up to the next `}` on the line (Smarty 3's auto-literal rule:
 * a brace followed by a space is JavaScript's). Control tags become spaces, so the code around
 * them still parses; `{$value}` is left for maskTags to make an opaque value.
 */
function maskSmarty(body: string): string {
  return body.replace(/\{(?![\s$])[^{}\n]{0,200}\}/g, (tag) => {
    // The escapes for JavaScript's own braces stand for those braces.
    if (tag === '{ldelim}') return `{${' '.repeat(tag.length - 1)}`;
    if (tag === '{rdelim}') return `}${' '.repeat(tag.length - 1)}`;
    return ' '.repeat(tag.length);
  });
}

/** Spaces for everything but line breaks, so lines and columns stay where they were. */
function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

/** Each template tag in `body` as underscores (line breaks kept). Unclosed tags stop that kind. */
function maskTags(body: string, tags: readonly (readonly [string, string])[]): string {
  const spans: [number, number][] = [];
  for (const [opener, closer] of tags) {
    for (let at = body.indexOf(opener); at >= 0;) {
      const close = body.indexOf(closer, at + opener.length);
      if (close < 0) break;
      spans.push([at, close + closer.length]);
      at = body.indexOf(opener, close + closer.length);
    }
  }
  if (spans.length === 0) return body;
  spans.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let done = 0;
  for (const [start, end] of spans) {
    if (start < done) continue;
    out.push(body.slice(done, start), body.slice(start, end).replace(/[^\r\n]/g, '_'));
    done = end;
  }
  out.push(body.slice(done));
  return out.join('');
}

/** What `factsFor` needs of the syntax layer: Syntax.factsSync, or a host's FactsSource. */
interface FactsReader {
  factsSync(text: string, language: SyntaxLanguage): FileFacts | undefined;
}

/**
 * The languages whose grammars a file's facts need: its own, and TypeScript's for the script
 * blocks of templates and of PHP views (the PHP grammar leaves HTML and `<script>` as text).
 */
export function factsLanguagesOf(path: string, languageId?: string): SyntaxLanguage[] {
  const own = syntaxLanguageOf(path, languageId);
  const embedded = own === undefined ? hasEmbeddedScripts(path, languageId) : own === 'php';
  return [...(own ? [own] : []), ...(embedded ? [EMBEDDED_LANGUAGE] : [])];
}

/**
 * A file's facts: its own language's, plus those of its script blocks for templates and PHP
 * views (spans are offsets into `text` either way); undefined when no grammar it needs is
 * loaded or the file has nothing to parse, and the text scanners decide.
 */
export function factsFor(text: string, path: string, languageId: string | undefined, reader: FactsReader): FileFacts | undefined {
  const own = syntaxLanguageOf(path, languageId);
  const ownFacts = own ? reader.factsSync(text, own) : undefined;
  if (own && !ownFacts) return undefined;
  if (own !== undefined && own !== 'php') return ownFacts;
  if (own === undefined && !hasEmbeddedScripts(path, languageId)) return undefined;
  // In a PHP view only the HTML outside `<?php … ?>` holds scripts that reach the browser as
  // written; a `<script>` assembled in PHP strings is PHP's business.
  const scripts = scriptsOnly(own === 'php' ? withoutPhpBlocks(text) : text, path);
  const scriptFacts = scripts === undefined ? undefined : reader.factsSync(scripts, EMBEDDED_LANGUAGE);
  if (!ownFacts) return scriptFacts;
  if (!scriptFacts) return scripts === undefined ? ownFacts : undefined;
  return merge(ownFacts, scriptFacts);
}

/**
 * `text` with its PHP blocks blanked: a block spanning lines is code (spaces); a one-line tag
 * (`<?= $user->id ?>`) is a value and becomes an opaque identifier.
 */
function withoutPhpBlocks(text: string): string {
  const out: string[] = [];
  let done = 0;
  for (let at = text.indexOf('<?'); at >= 0;) {
    const close = text.indexOf('?>', at + 2);
    const end = close < 0 ? text.length : close + 2;
    const block = text.slice(at, end);
    out.push(text.slice(done, at), block.includes('\n') ? blank(block) : block.replace(/[^\r\n]/g, '_'));
    done = end;
    at = close < 0 ? -1 : text.indexOf('<?', end);
  }
  out.push(text.slice(done));
  return out.join('');
}

/** The facts of a PHP view and of its script blocks, as one file's. */
function merge(a: FileFacts, b: FileFacts): FileFacts {
  return {
    ...a,
    hasErrors: a.hasErrors || b.hasErrors,
    messengerCalls: [...a.messengerCalls, ...b.messengerCalls].sort((x, y) => x.start - y.start),
    crypto: [...a.crypto, ...b.crypto].sort((x, y) => x.start - y.start),
    env: [...a.env, ...b.env],
    literals: [...a.literals, ...b.literals],
    work: a.work + b.work,
  };
}
