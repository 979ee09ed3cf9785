/**
 * The CLI's syntax layer: grammars from the `grammars` folder the build puts beside the bundle
 * (dist/grammars for dist/cli.js, out/grammars for the tests), each loaded the first time a
 * file in its language gets past the pre-filter. Without the folder, or when a grammar fails to
 * load, files are checked by the text scanner and the scan says so once.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bytesPassPreFilter, type LintContext } from '../core/engine/index';
import { createSyntax, GrammarLoader, type Syntax } from '../core/syntax/index';

/** The syntax layer for one CLI run, and what went wrong with it. */
export class CliSyntax {
  private constructor(readonly syntax: Syntax | undefined, private readonly loader: GrammarLoader | undefined) {}

  /** Finds the grammars above this module (at most four folders up). */
  static create(report: (message: string) => void): CliSyntax {
    const dir = grammarDir(__dirname);
    if (!dir) report('the syntax layer\'s grammars were not found beside the program; files were checked by the text scanner only');
    const syntax = dir ? createSyntax({ grammarDir: dir }) : undefined;
    const loader = syntax && new GrammarLoader(syntax, (language, message) => report(`the ${language} grammar did not load (${message}); files needing it were checked by the text scanner`));
    return new CliSyntax(syntax, loader);
  }

  /**
   * Loads the grammars `bytes` need, if they are in a parsed language and pass the
   * pre-filter (`loading` to await then): afterwards `lintBytes` with `syntax` set reads the
   * file's facts synchronously. When it had to ask, `preFilter` is the pre-filter's verdict,
   * for lintBytes not to search the bytes twice (in a tree that never mentions a topic, every
   * file of a parsed language is asked). Once its grammars are loaded, a file costs two
   * lookups and no await.
   */
  prepare(bytes: Uint8Array, context: Pick<LintContext, 'path' | 'languageId' | 'config'>): { readonly preFilter?: boolean; readonly loading?: Promise<void> } {
    const need = this.loader?.needs(context.path, context.languageId);
    if (need?.kind !== 'load' || !this.loader) return {};
    const preFilter = bytesPassPreFilter(bytes, context);
    return preFilter ? { preFilter, loading: this.loader.load(need.languages).then(() => undefined) } : { preFilter };
  }

  dispose(): void {
    this.syntax?.dispose();
  }
}

function grammarDir(from: string): string | undefined {
  let dir = from;
  for (let up = 0; up <= 4; up++) {
    const candidate = join(dir, 'grammars');
    if (existsSync(join(candidate, 'web-tree-sitter.wasm'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
