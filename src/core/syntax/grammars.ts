/**
 * Loading grammars for the hosts (the CLI, the editor): which grammars a file needs that are
 * not loaded yet, and loading them once. A language whose grammar failed to load is remembered
 * and its files go to the text scanner without another try; the host says why, once.
 */
import { factsLanguagesOf } from './embedded';
import type { SyntaxLanguage } from './languages';
import type { Syntax } from './syntax';

/** What a file needs before its facts can be read synchronously. */
export type GrammarNeed =
  /** Every grammar it needs is loaded (or it needs none): lint can read its facts now. */
  | { readonly kind: 'ready' }
  /** A grammar it needs failed to load, or it has no grammar: the text scanner decides. */
  | { readonly kind: 'none' }
  /** These grammars are still to load. */
  | { readonly kind: 'load'; readonly languages: readonly SyntaxLanguage[] };

export class GrammarLoader {
  private readonly failed = new Set<SyntaxLanguage>();

  constructor(readonly syntax: Syntax, private readonly onFailure: (language: SyntaxLanguage, message: string) => void) {}

  /** What the file at `path` needs; two lookups once its grammars are loaded. */
  needs(path: string, languageId?: string): GrammarNeed {
    const languages = factsLanguagesOf(path, languageId);
    if (languages.length === 0 || languages.some((l) => this.failed.has(l))) return NONE;
    const missing = languages.filter((l) => !this.syntax.isLoaded(l));
    return missing.length === 0 ? READY : { kind: 'load', languages: missing };
  }

  /** Loads `languages`; false when one failed (reported through onFailure). */
  async load(languages: readonly SyntaxLanguage[]): Promise<boolean> {
    for (const language of languages) {
      try {
        await this.syntax.load(language);
      } catch (error) {
        this.failed.add(language);
        this.onFailure(language, error instanceof Error ? error.message : String(error));
        return false;
      }
    }
    return true;
  }
}

const READY: GrammarNeed = { kind: 'ready' };
const NONE: GrammarNeed = { kind: 'none' };
