/**
 * Rule documentation in the installed extension. Each rule's page is composed from the rule's
 * own metadata and served under `idv-docs:/rules/<rule-id>` by a read-only file system, so
 * nothing depends on a file's name in the package (vsce stores README.md as readme.md, which a
 * case-sensitive file system does not find). A custom editor, the default for that scheme,
 * renders the page; diagnostics link to the same URI, so the hover, the Problems view, the
 * marker peek and the Show Rule Documentation command all open the same rendered page.
 */
import * as vscode from 'vscode';
import { RULES, ruleDocsPage, type RuleMeta } from '../../core/engine/index';
import { markdownToHtml } from './markdownHtml';

export const DOCS_SCHEME = 'idv-docs';
/** The custom editor's view type, as contributed in package.json. */
export const DOCS_VIEW_TYPE = 'idv.ruleDocs';

/** The documentation page of `ruleId`. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/rules/${ruleId}` });
}

function ruleOf(uri: vscode.Uri): RuleMeta | undefined {
  const match = /^\/rules\/([a-z-]+)$/.exec(uri.path);
  return RULES.find((r) => r.id === match?.[1]);
}

/** The pages as Markdown files: what a text editor or "Reopen With" shows. */
class RuleDocsFileSystem implements vscode.FileSystemProvider {
  private readonly never = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.never.event;
  private readonly created = Date.now();

  private page(uri: vscode.Uri): Uint8Array {
    const rule = ruleOf(uri);
    if (!rule) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(ruleDocsPage(rule));
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || uri.path === '/rules') return { type: vscode.FileType.Directory, ctime: this.created, mtime: this.created, size: 0 };
    return { type: vscode.FileType.File, ctime: this.created, mtime: this.created, size: this.page(uri).byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (uri.path === '/') return [['rules', vscode.FileType.Directory]];
    if (uri.path === '/rules') return RULES.map((r) => [r.id, vscode.FileType.File]);
    throw vscode.FileSystemError.FileNotADirectory(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.page(uri);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** What a documentation page showed, for the integration tests. */
export interface RenderedDocs {
  readonly uri: vscode.Uri;
  readonly html: string;
}

/** Renders a page into a webview with the editor's colours and fonts; no scripts. */
export class RuleDocsEditor implements vscode.CustomReadonlyEditorProvider {
  private readonly rendered = new vscode.EventEmitter<RenderedDocs>();
  /** Fires each time a page is shown. */
  readonly onDidRender = this.rendered.event;

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const rule = ruleOf(document.uri);
    panel.webview.options = { enableScripts: false, enableCommandUris: false };
    const body = rule ? markdownToHtml(ruleDocsPage(rule)) : `<p>No identity verification rule is called ${document.uri.path}.</p>`;
    panel.webview.html = page(rule?.id ?? 'Unknown rule', body);
    this.rendered.fire({ uri: document.uri, html: panel.webview.html });
  }

  dispose(): void {
    this.rendered.dispose();
  }
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${title}</title>
<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); max-width: 52em; padding: 0 1.5em 2em; line-height: 1.5; }
  h1 { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.3em; }
  code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0.1em 0.3em; border-radius: 3px; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

/** Registers the file system and the editor; returns the editor for its render events. */
export function registerRuleDocs(subscriptions: vscode.Disposable[]): RuleDocsEditor {
  const editor = new RuleDocsEditor();
  subscriptions.push(
    editor,
    vscode.workspace.registerFileSystemProvider(DOCS_SCHEME, new RuleDocsFileSystem(), { isReadonly: true, isCaseSensitive: true }),
    vscode.window.registerCustomEditorProvider(DOCS_VIEW_TYPE, editor, { supportsMultipleEditorsPerDocument: true }),
  );
  return editor;
}

/** Opens the rendered page of `ruleId`. */
export async function openRuleDocs(ruleId: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', ruleDocsUri(ruleId), DOCS_VIEW_TYPE);
}
