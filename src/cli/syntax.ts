/**
 * The CLI's syntax layer: grammars from the `grammars` folder the build puts beside the bundle
 * (dist/grammars for dist/cli.js, out/grammars for the tests), each loaded the first time a
 * file in its language gets past the pre-filter. Without the folder, or when a grammar fails to
 * load, files are checked by the text scanner and the scan says so once.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bytesPassPreFilter, type LintContext } from '../core/engine/index';
import { createSyntax, syntaxLanguageOf, type Syntax, type SyntaxLanguage } from '../core/syntax/index';

/** The syntax layer for one CLI run, and what went wrong with it. */
export class CliSyntax {
  private readonly failed = new Set<SyntaxLanguage>();

  private constructor(readonly syntax: Syntax | undefined, private readonly report: (message: string) => void) {}

  /** Finds the grammars above this module (at most four folders up). */
  static create(report: (message: string) => void): CliSyntax {
    const dir = grammarDir(__dirname);
    if (!dir) report('the syntax layer\'s grammars were not found beside the program; files were checked by the text scanner only');
    return new CliSyntax(dir ? createSyntax({ grammarDir: dir }) : undefined, report);
  }

  /**
   * Loads the grammar `bytes` need, if they are in a parsed language and pass the pre-filter:
   * afterwards `lintBytes` with `syntax` set reads the file's facts synchronously.
   */
  async prepare(bytes: Uint8Array, context: Pick<LintContext, 'path' | 'languageId' | 'config'>): Promise<void> {
    const syntax = this.syntax;
    const language = syntax ? syntaxLanguageOf(context.path, context.languageId) : undefined;
    if (!syntax || !language || this.failed.has(language) || syntax.loaded().has(language)) return;
    if (!bytesPassPreFilter(bytes, context)) return;
    try {
      await syntax.load(language);
    } catch (error) {
      this.failed.add(language);
      this.report(`the ${language} grammar did not load (${error instanceof Error ? error.message : String(error)}); ${language} files were checked by the text scanner`);
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
