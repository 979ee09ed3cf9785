/**
 * `idv-…` snippet completions for the catalogue's languages that stock VS Code does not know
 * (Elixir, Kotlin, Vue). The manifest contributes snippet files only for languages VS Code
 * ships, because a contribution for an unknown language is an error in Running Extensions; this
 * provider serves the rest from the same catalogue, and starts working as soon as a language
 * extension defines the language.
 */
import * as vscode from 'vscode';
import { snippetLanguages } from '../core/snippets/catalogue';
import { snippetCompletions, type SnippetCompletion } from '../core/snippets/completions';

/** Prefixes are `idv-` plus letters, digits and dashes: the "word" VS Code would cut at the dash. */
const PREFIX_WORD = /[\w-]+/;

class SnippetCompletionProvider implements vscode.CompletionItemProvider {
  private readonly cache = new Map<string, readonly SnippetCompletion[]>();

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    let completions = this.cache.get(doc.languageId);
    if (!completions) {
      completions = snippetCompletions(doc.languageId);
      this.cache.set(doc.languageId, completions);
    }
    const range = doc.getWordRangeAtPosition(position, PREFIX_WORD) ?? new vscode.Range(position, position);
    return completions.map((c) => {
      const item = new vscode.CompletionItem({ label: c.prefix, description: c.name }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(c.body.join('\n'));
      item.documentation = c.description;
      item.range = range;
      return item;
    });
  }
}

/** Registers the provider for every snippet language the manifest does not contribute a file for. */
export function registerSnippetCompletions(extension: vscode.Extension<unknown>): vscode.Disposable {
  const manifest = extension.packageJSON as { contributes?: { snippets?: Array<{ language: string }> } };
  const contributed = new Set((manifest.contributes?.snippets ?? []).map((s) => s.language));
  const languages = snippetLanguages().filter((language) => !contributed.has(language));
  return vscode.languages.registerCompletionItemProvider(languages.map((language) => ({ language })), new SnippetCompletionProvider());
}
