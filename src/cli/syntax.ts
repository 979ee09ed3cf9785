/**
 * The CLI's syntax layer: grammars from the `grammars` folder the build puts beside the bundle
 * (dist/grammars for dist/cli.js, out/grammars for the tests), each loaded the first time a
 * file in its language gets past the pre-filter. Without the folder, or when a grammar fails to
 * load, files are checked by the text scanner and the scan says so once.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bytesPassPreFilter, type LintContext } from '../core/engine/index';
import { createSyntax, factsLanguagesOf, type Syntax, type SyntaxLanguage } from '../core/syntax/index';

/** The syntax layer for one CLI run, and what went wrong with it. */
export class CliSyntax {
  private readonly failed = new Set<SyntaxLanguage>();
  private readonly ready = new Set<SyntaxLanguage>();

  private constructor(readonly syntax: Syntax | undefined, private readonly report: (message: string) => void) {}

  /** Finds the grammars above this module (at most four folders up). */
  static create(report: (message: string) => void): CliSyntax {
    const dir = grammarDir(__dirname);
    if (!dir) report('the syntax layer\'s grammars were not found beside the program; files were checked by the text scanner only');
    return new CliSyntax(dir ? createSyntax({ grammarDir: dir }) : undefined, report);
  }

  /**
   * Loads the grammars `bytes` need, if they are in a parsed language and pass the
   * pre-filter (a promise to await then, else undefined): afterwards `lintBytes` with `syntax`
   * set reads the file's facts synchronously.
   */
  prepare(bytes: Uint8Array, context: Pick<LintContext, 'path' | 'languageId' | 'config'>): Promise<void> | undefined {
    // Called for every file: once its grammars are loaded, a file costs two name lookups and
    // no await.
    const syntax = this.syntax;
    if (!syntax) return undefined;
    const needed = factsLanguagesOf(context.path, context.languageId).filter((l) => !this.failed.has(l) && !this.ready.has(l));
    if (needed.length === 0 || !bytesPassPreFilter(bytes, context)) return undefined;
    return this.load(syntax, needed);
  }

  private async load(syntax: Syntax, languages: readonly SyntaxLanguage[]): Promise<void> {
    for (const language of languages) {
      try {
        await syntax.load(language);
        this.ready.add(language);
      } catch (error) {
        this.failed.add(language);
        this.report(`the ${language} grammar did not load (${error instanceof Error ? error.message : String(error)}); files needing it were checked by the text scanner`);
      }
    }
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
