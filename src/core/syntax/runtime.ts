/**
 * The only module that loads web-tree-sitter, imported dynamically by syntax.ts the first time
 * a file is parsed: activating the extension or starting the CLI loads no WebAssembly.
 * web-tree-sitter's runtime is one Emscripten module per process, so its initialisation is
 * process-wide; grammars, parsers and compiled queries are per Syntax instance.
 */
import { join } from 'node:path';
import { Edit, Language, Parser, Query, type Point, type Tree } from 'web-tree-sitter';
import { grammarFile, type SyntaxLanguage } from './languages';

export { Edit, type Point, type Tree };

let initialised: Promise<void> | undefined;

/** Initialises web-tree-sitter once per process, from the runtime file in `grammarDir`. */
export function initRuntime(grammarDir: string): Promise<void> {
  initialised ??= Parser.init({ locateFile: (name: string) => join(grammarDir, name) }).catch((error: unknown) => {
    initialised = undefined; // a later call may find the file
    throw error;
  });
  return initialised;
}

/** A loaded grammar with its parser and compiled query. */
export interface LoadedLanguage {
  readonly language: SyntaxLanguage;
  readonly parser: Parser;
  readonly query: Query;
  /** Milliseconds spent loading the grammar and compiling the query. */
  readonly loadMs: number;
}

/** Loads `language`'s grammar from `grammarDir` and compiles `querySource` for it. */
export async function loadLanguage(grammarDir: string, language: SyntaxLanguage, querySource: string): Promise<LoadedLanguage> {
  await initRuntime(grammarDir);
  const started = performance.now();
  const grammar = await Language.load(join(grammarDir, grammarFile(language)));
  const parser = new Parser();
  parser.setLanguage(grammar);
  const query = new Query(grammar, querySource);
  return { language, parser, query, loadMs: performance.now() - started };
}
