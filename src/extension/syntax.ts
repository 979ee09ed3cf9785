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
import { createSyntax, syntaxLanguageOf, type FileFacts, type Syntax, type SyntaxDocument, type SyntaxLanguage } from '../core/syntax/index';

type Where = Pick<LintContext, 'path' | 'languageId' | 'config'>;

export class EditorSyntax implements vscode.Disposable {
  private syntax: Syntax | undefined;
  private readonly failed = new Set<SyntaxLanguage>();
  private readonly documents = new Map<string, SyntaxDocument>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly grammarDir: string, private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      // Edits reach the kept tree as they happen; a document not kept yet is parsed when linted.
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
    const language = await this.ready(where, () => textPassesPreFilter(doc.getText(), where));
    if (!language || !this.syntax) return undefined;
    const key = doc.uri.toString();
    const text = doc.getText();
    let kept = this.documents.get(key);
    if (kept && (kept.language !== language || kept.text !== text)) {
      // Changes missed or applied out of order: start again from the text.
      this.drop(key);
      kept = undefined;
    }
    if (!kept) {
      kept = await this.syntax.open(text, language);
      this.documents.set(key, kept);
    }
    const current = kept;
    return { factsSync: (t, l) => (l === current.language && t === current.text ? current.facts() : undefined) };
  }

  /** The facts source for bytes read from disk (Scan Workspace, a scanned file closed). */
  async forBytes(bytes: Uint8Array, where: Where): Promise<FactsSource | undefined> {
    return (await this.ready(where, () => bytesPassPreFilter(bytes, where))) ? this.syntax : undefined;
  }

  /** The facts source for a text linted once (Scan Workspace on a file with unsaved edits). */
  async forText(text: string, where: Where): Promise<FactsSource | undefined> {
    return (await this.ready(where, () => textPassesPreFilter(text, where))) ? this.syntax : undefined;
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

  private async ready(where: Where, passes: () => boolean): Promise<SyntaxLanguage | undefined> {
    const language = syntaxLanguageOf(where.path, where.languageId);
    if (!language || this.failed.has(language)) return undefined;
    this.syntax ??= createSyntax({ grammarDir: this.grammarDir });
    if (this.syntax.loaded().has(language)) return language;
    if (!passes()) return undefined;
    try {
      await this.syntax.load(language);
      this.log.info(`Loaded the ${language} grammar in ${Math.round(this.syntax.loaded().get(language) ?? 0)} ms.`);
      return language;
    } catch (error) {
      this.failed.add(language);
      this.log.warn(`The ${language} grammar did not load (${error instanceof Error ? error.message : String(error)}); ${language} files are checked by the text scanner.`);
      return undefined;
    }
  }

  private edit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const kept = this.documents.get(key);
    if (!kept || e.contentChanges.length === 0) return;
    try {
      // VS Code orders a multi-range event's changes so that each applies to the text the
      // previous ones left; forDocument compares the result with the document and starts over
      // if they differ.
      for (const change of e.contentChanges) kept.edit({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text });
    } catch (error) {
      this.log.warn(`Re-parsing ${e.document.uri.fsPath} after an edit failed (${error instanceof Error ? error.message : String(error)}); it is parsed afresh.`);
      this.drop(key);
    }
  }

  private drop(key: string): void {
    this.documents.get(key)?.dispose();
    this.documents.delete(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const key of [...this.documents.keys()]) this.drop(key);
    this.syntax?.dispose();
  }
}
