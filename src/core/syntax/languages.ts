/**
 * The languages the syntax layer parses, which grammar file each needs, and which files are
 * written in them. The grammar files are listed once, in grammars.json, which the build reads
 * to copy them beside the bundles.
 */
import manifest from './grammars.json';

/** A language with a tree-sitter grammar and a facts extractor. */
export type SyntaxLanguage = 'javascript' | 'typescript' | 'tsx' | 'python' | 'ruby' | 'php' | 'go' | 'java';

/** Every language the layer can parse, in the order the grammars are listed. */
export const SYNTAX_LANGUAGES: readonly SyntaxLanguage[] = Object.keys(manifest.grammars) as SyntaxLanguage[];

/** The base name of the runtime's own WebAssembly file in the grammar directory. */
export const RUNTIME_WASM = baseName(manifest.runtime.file);

/** The base name of `language`'s grammar in the grammar directory. */
export function grammarFile(language: SyntaxLanguage): string {
  return baseName(manifest.grammars[language].file);
}

// JSX is part of the JavaScript grammar; TypeScript needs the TSX grammar only where JSX is
// allowed, because `<T>value` is a cast in .ts and an element in .tsx.
const BY_EXTENSION: Readonly<Record<string, SyntaxLanguage>> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript',
  tsx: 'tsx',
  py: 'python', pyw: 'python',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby', ru: 'ruby',
  php: 'php', go: 'go', java: 'java',
};

const BY_LANGUAGE_ID: Readonly<Record<string, SyntaxLanguage>> = {
  javascript: 'javascript', javascriptreact: 'javascript',
  typescript: 'typescript', typescriptreact: 'tsx',
  python: 'python', ruby: 'ruby', php: 'php', go: 'go', java: 'java',
};

/**
 * The language to parse a file as, from VS Code's language id when given, else from the name;
 * undefined for files the layer has no grammar for (they stay with the text scanner).
 */
export function syntaxLanguageOf(path: string, languageId?: string): SyntaxLanguage | undefined {
  if (languageId !== undefined && BY_LANGUAGE_ID[languageId]) return BY_LANGUAGE_ID[languageId];
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  // Type declarations hold no code that runs.
  if (name.endsWith('.d.ts') || name.endsWith('.d.mts') || name.endsWith('.d.cts')) return undefined;
  // Blade templates are PHP files by name only: their directives and {{ }} are not PHP.
  if (name.endsWith('.blade.php')) return undefined;
  if (name === 'gemfile' || name === 'rakefile') return 'ruby';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[name.slice(dot + 1)];
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
