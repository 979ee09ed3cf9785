/**
 * The editor's syntax layer. Nothing is created on activation: the first document in a parsed
 * language that gets past the pre-filter loads the runtime and that language's grammar from
 * the extension's dist/grammars. Each open document keeps its tree, and an edit re-parses only
 * what it changed (tree-sitter's incremental parsing), so re-linting a large file as the user
 * types costs the edit, not the file. When a grammar fails to load, that language is linted by
 * the text scanner and the log says why, once.
 */
import * as vscode from 'vscode';
import { bytesPassPreFilter, textPassesPreFilter, type FactsSource, type LintContext } from '../core/engine/index';
import { createSyntax, factsLanguagesOf, syntaxLanguageOf, type FileFacts, type Syntax, type SyntaxDocument, type SyntaxLanguage, type TextChange } from '../core/syntax/index';

type Where = Pick<LintContext, 'path' | 'languageId' | 'config'>;

export class EditorSyntax implements vscode.Disposable {
  private syntax: Syntax | undefined;
  private readonly failed = new Set<SyntaxLanguage>();
  private readonly documents = new Map<string, SyntaxDocument>();
  /** Edits not yet given to a kept tree: applied in one incremental parse when next linted. */
  private readonly pending = new Map<string, TextChange[]>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly grammarDir: string, private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      // Edits are queued for the kept tree and applied in one parse when the document is next linted.
      vscode.workspace.onDidChangeTextDocument((e) => this.edit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.drop(doc.uri.toString())),
    ];
  }

  /**
   * The facts source for linting `doc` now: its kept tree, brought up to date, once its
   * grammar is loaded (loading it first if the text gets past the pre-filter); undefined when
   * the text scanner should decide.
   */
  async forDocument(doc: vscode.TextDocument, where: Where): Promise<FactsSource | undefined> {
    const key = doc.uri.toString();
    const text = doc.getText();
    // A file that mentions no topic gets no tree (and its edits no parse): the rules stop at
    // the pre-filter for it anyway.
    const ready = textPassesPreFilter(text, where) && (await this.ready(where));
    const syntax = this.syntax;
    const language = syntaxLanguageOf(where.path, where.languageId);
    if (!ready || !syntax || !language) {
      this.drop(key);
      // Templates: their script blocks are parsed afresh each time (they are small).
      return ready ? syntax : undefined;
    }
    let kept = this.documents.get(key);
    const queued = this.pending.get(key);
    this.pending.delete(key);
    if (kept && queued) {
      try {
        kept.editAll(queued);
      } catch (error) {
        this.log.warn(`Re-parsing ${doc.uri.fsPath} after an edit failed (${error instanceof Error ? error.message : String(error)}); it is parsed afresh.`);
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
      kept = await syntax.open(text, language);
      this.documents.set(key, kept);
    }
    const current = kept;
    // The kept tree for the file's own text; a PHP view's script blocks are parsed afresh.
    return { factsSync: (t, l) => (l === current.language && t === current.text ? current.facts() : syntax.factsSync(t, l)) };
  }

  /** The facts source for bytes read from disk (Scan Workspace, a scanned file closed). */
  async forBytes(bytes: Uint8Array, where: Where): Promise<FactsSource | undefined> {
    return bytesPassPreFilter(bytes, where) && (await this.ready(where)) ? this.syntax : undefined;
  }

  /** The facts source for a text linted once (Scan Workspace on a file with unsaved edits). */
  async forText(text: string, where: Where): Promise<FactsSource | undefined> {
    return textPassesPreFilter(text, where) && (await this.ready(where)) ? this.syntax : undefined;
  }

  /** The facts of an open document, for the test API. */
  async facts(uri: vscode.Uri): Promise<FileFacts | undefined> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const language = syntaxLanguageOf(doc.uri.path, doc.languageId);
    if (!language) return undefined;
    this.syntax ??= createSyntax({ grammarDir: this.grammarDir });
    return this.syntax.facts(doc.getText(), language);
  }

  /** The grammars loaded so far, with the milliseconds each took. */
  loaded(): Record<string, number> {
    return Object.fromEntries(this.syntax?.loaded() ?? []);
  }

  /** Loads the grammars a file that passed the pre-filter needs; false sends it to the text scanner. */
  private async ready(where: Where): Promise<boolean> {
    const languages = factsLanguagesOf(where.path, where.languageId);
    if (languages.length === 0 || languages.some((l) => this.failed.has(l))) return false;
    const syntax = (this.syntax ??= createSyntax({ grammarDir: this.grammarDir }));
    for (const language of languages) {
      if (syntax.loaded().has(language)) continue;
      try {
        await syntax.load(language);
        this.log.info(`Loaded the ${language} grammar in ${Math.round(syntax.loaded().get(language) ?? 0)} ms.`);
      } catch (error) {
        this.failed.add(language);
        this.log.warn(`The ${language} grammar did not load (${error instanceof Error ? error.message : String(error)}); files needing it are checked by the text scanner.`);
        return false;
      }
    }
    return true;
  }

  private edit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    if (!this.documents.has(key) || e.contentChanges.length === 0) return;
    // VS Code orders a multi-range event's changes so that each applies to the text the
    // previous ones left; forDocument compares the result with the document and starts over
    // if they differ.
    const queue = this.pending.get(key) ?? [];
    for (const change of e.contentChanges) queue.push({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text });
    this.pending.set(key, queue);
  }

  private drop(key: string): void {
    this.pending.delete(key);
    this.documents.get(key)?.dispose();
    this.documents.delete(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const key of [...this.documents.keys()]) this.drop(key);
    this.syntax?.dispose();
  }
}
