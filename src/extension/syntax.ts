/**
 * The editor's syntax layer. Nothing is created on activation: the first document in a parsed
 * language that gets past the pre-filter loads the runtime and that language's grammar from
 * the extension's dist/grammars. An open document whose facts a rule reads keeps its tree, and
 * an edit re-parses only what it changed (tree-sitter's incremental parsing), so re-linting a large file as the user
 * types costs the edit, not the file. When a grammar fails to load, that language is linted by
 * the text scanner and the log says why, once.
 */
import * as vscode from 'vscode';
import { bytesPassPreFilter, textPassesPreFilter, type FactsSource, type LintContext } from '../core/engine/index';
import { createSyntax, GrammarLoader, syntaxLanguageOf, type FileFacts, type Syntax, type SyntaxDocument, type SyntaxLanguage, type TextChange } from '../core/syntax/index';

type Where = Pick<LintContext, 'path' | 'languageId' | 'config'>;

export class EditorSyntax implements vscode.Disposable {
  private loader: GrammarLoader | undefined;
  private readonly documents = new Map<string, SyntaxDocument>();
  /** Edits not yet given to a kept tree: applied in one incremental parse when next read. */
  private readonly pending = new Map<string, TextChange[]>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly grammarDir: string, private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      // Edits are queued for the kept tree and applied in one parse when its facts are next read.
      vscode.workspace.onDidChangeTextDocument((e) => this.edit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.drop(doc.uri.toString())),
    ];
  }

  /**
   * The facts source for linting `doc`, once the grammars it needs are loaded (loading them
   * first if its text gets past the pre-filter); undefined when the text scanner should decide.
   * The tree is kept per document but built, or brought up to date, only when a rule asks for
   * the facts: a keystroke in a file that mentions no topic costs no parse.
   */
  async forDocument(doc: vscode.TextDocument, where: Where): Promise<FactsSource | undefined> {
    const syntax = await this.ready(where, () => textPassesPreFilter(doc.getText(), where));
    const key = doc.uri.toString();
    const language = syntaxLanguageOf(where.path, where.languageId);
    if (!syntax || !language) {
      this.drop(key);
      // Templates: their script blocks are parsed afresh each time (they are small).
      return syntax;
    }
    // The kept tree for the file's own text; a PHP view's script blocks are parsed afresh.
    return { factsSync: (t, l) => (l === language ? this.tree(key, language, t, syntax)?.facts() : syntax.factsSync(t, l)) };
  }

  /** The facts source for bytes read from disk (Scan Workspace, a scanned file closed). */
  forBytes(bytes: Uint8Array, where: Where): Promise<FactsSource | undefined> {
    return this.ready(where, () => bytesPassPreFilter(bytes, where));
  }

  /** The facts source for a text linted once (Scan Workspace on a file with unsaved edits). */
  forText(text: string, where: Where): Promise<FactsSource | undefined> {
    return this.ready(where, () => textPassesPreFilter(text, where));
  }

  /** The facts of an open document, for the test API. */
  async facts(uri: vscode.Uri): Promise<FileFacts | undefined> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const language = syntaxLanguageOf(doc.uri.path, doc.languageId);
    return language ? this.grammars().syntax.facts(doc.getText(), language) : undefined;
  }

  /**
   * The facts of a module read from disk for the project model, loading its grammar first;
   * undefined when the grammar is unavailable or fails on the text.
   */
  async factsOf(text: string, path: string, language: SyntaxLanguage): Promise<FileFacts | undefined> {
    const loader = this.grammars();
    const need = loader.needs(path);
    if (need.kind === 'none' || (need.kind === 'load' && !(await loader.load(need.languages)))) return undefined;
    try {
      return loader.syntax.factsSync(text, language);
    } catch {
      return undefined;
    }
  }

  /** The grammars loaded so far, with the milliseconds each took. */
  loaded(): Record<string, number> {
    return Object.fromEntries(this.loader?.syntax.loaded() ?? []);
  }

  /** Created on first use, never on activation. */
  private grammars(): GrammarLoader {
    this.loader ??= new GrammarLoader(createSyntax({ grammarDir: this.grammarDir }), (language, message) => {
      this.log.warn(`The ${language} grammar did not load (${message}); files needing it are checked by the text scanner.`);
    });
    return this.loader;
  }

  /**
   * The syntax layer once the grammars a file needs are loaded; `passes` (the pre-filter) is
   * asked only when one is still to load. Undefined sends the file to the text scanner.
   */
  private async ready(where: Where, passes: () => boolean): Promise<Syntax | undefined> {
    const loader = this.grammars();
    const need = loader.needs(where.path, where.languageId);
    if (need.kind === 'none') return undefined;
    if (need.kind === 'load') {
      if (!passes() || !(await loader.load(need.languages))) return undefined;
      for (const language of need.languages) this.log.info(`Loaded the ${language} grammar in ${Math.round(loader.syntax.loaded().get(language) ?? 0)} ms.`);
    }
    return loader.syntax;
  }

  /** The document's kept tree for `text`: queued edits applied in one parse, or parsed afresh. */
  private tree(key: string, language: SyntaxLanguage, text: string, syntax: Syntax): SyntaxDocument | undefined {
    let kept = this.documents.get(key);
    const queued = this.pending.get(key);
    this.pending.delete(key);
    if (kept && queued) {
      try {
        kept.editAll(queued);
      } catch (error) {
        this.log.warn(`Re-parsing after an edit failed (${error instanceof Error ? error.message : String(error)}); the document is parsed afresh.`);
        this.drop(key);
        kept = undefined;
      }
    }
    if (kept && (kept.language !== language || kept.text !== text)) {
      // Changes missed or applied out of order: start again from the text.
      this.drop(key);
      kept = undefined;
    }
    if (!kept) {
      kept = syntax.openSync(text, language);
      if (kept) this.documents.set(key, kept);
    }
    return kept;
  }

  private edit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    if (!this.documents.has(key) || e.contentChanges.length === 0) return;
    // VS Code orders a multi-range event's changes so that each applies to the text the
    // previous ones left; forDocument compares the result with the document and starts over
    // if they differ.
    const queue = this.pending.get(key) ?? [];
    for (const change of e.contentChanges) queue.push({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text });
    // A long run of edits no rule has asked about: a fresh parse later is cheaper than the queue.
    if (queue.length > MAX_QUEUED_EDITS) this.drop(key);
    else this.pending.set(key, queue);
  }

  private drop(key: string): void {
    this.pending.delete(key);
    this.documents.get(key)?.dispose();
    this.documents.delete(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const key of [...this.documents.keys()]) this.drop(key);
    this.loader?.syntax.dispose();
  }
}

const MAX_QUEUED_EDITS = 1000;
