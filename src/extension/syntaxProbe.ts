/**
 * Test mode only: the syntax layer run on an open document in the real extension host, before
 * any rule reads its facts. Nothing is created until the first call, so activation loads no
 * grammar and no WebAssembly.
 */
import * as vscode from 'vscode';
import { createSyntax, syntaxLanguageOf, type FileFacts, type Syntax } from '../core/syntax/index';

/** Parses documents on request; grammars come from the extension's own dist/grammars. */
export class SyntaxProbe implements vscode.Disposable {
  private syntax: Syntax | undefined;

  constructor(private readonly grammarDir: string) {}

  /** The facts of the document at `uri`, or undefined when its language has no grammar. */
  async facts(uri: vscode.Uri): Promise<FileFacts | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const language = syntaxLanguageOf(document.uri.path, document.languageId);
    if (!language) return undefined;
    this.syntax ??= createSyntax({ grammarDir: this.grammarDir });
    return this.syntax.facts(document.getText(), language);
  }

  /** The grammars loaded so far, with the milliseconds each took. */
  loaded(): Record<string, number> {
    return Object.fromEntries(this.syntax?.loaded() ?? []);
  }

  dispose(): void {
    this.syntax?.dispose();
  }
}
