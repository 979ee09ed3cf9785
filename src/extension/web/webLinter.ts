/**
 * Live diagnostics in the browser host (vscode.dev, github.dev): the engine's text scanner on
 * each open document, debounced as the desktop linter is, with the folder's `.idvrc.json` and
 * settings. What the desktop linter adds needs a Node.js host and is absent here: git (every
 * file counts as committed, as in Restricted Mode), the syntax layer's trees, the project model
 * across files and the history notes. Kept apart from diagnostics/linter.ts so that the web
 * bundle does not pull those in.
 */
import * as vscode from 'vscode';
import { lint } from '../../core/engine/lint';
import { globMatcher } from '../../core/engine/classify';
import { BINARY_SNIFF_BYTES, skipByName } from '../../core/files/index';
import { toDiagnostic, type FindingStore } from '../diagnostics/toDiagnostic';
import type { ProjectConfigs } from '../diagnostics/projectConfig';
import { readSettings } from '../settings';
import { workspacePath } from '../workspaceFiles';

/** Documents of a workspace (any file system: vscode.dev's virtual ones included) and new ones. */
const SKIPPED_SCHEMES = new Set(['output', 'git', 'vscode-scm', 'idv-docs', 'idv-jwt', 'debug']);

/**
 * Whether the desktop linter's policy (linter.ts skipReason) skips the text: a lock file, over the
 * size limit, binary. Its size check uses Buffer, which a web worker lacks; UTF-16 length bounds
 * the UTF-8 size within a factor of 3, so the text is encoded only near the limit.
 */
function skipped(path: string, text: string, maxBytes: number): boolean {
  if (skipByName(path)) return true;
  if (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes) return true;
  return text.slice(0, BINARY_SNIFF_BYTES).includes('\0');
}

export class WebLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('identity-verification');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after each document is linted (or found not worth linting). */
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly configs: ProjectConfigs,
    private readonly findings: FindingStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
  ) {
    const relintAll = () => { for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0); };
    this.disposables.push(
      this.collection, this.linted,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const settings = readSettings(e.document.uri);
        if (settings.run === 'onType') this.schedule(e.document, settings.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      configs.onDidChange(relintAll),
    );
    relintAll();
  }

  /** Lints `doc` after `delayMs` of quiet; a newer call for the same document replaces this one. */
  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (SKIPPED_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintNow(doc, generation).catch((error: unknown) => this.log.error(`Linting ${doc.uri.toString()} failed: ${String(error)}`));
    }, delayMs));
  }

  private async lintNow(doc: vscode.TextDocument, generation: number): Promise<void> {
    const key = doc.uri.toString();
    const config = await this.configs.get(doc.uri);
    if (this.generations.get(key) !== generation || doc.isClosed) return;
    const path = workspacePath(doc.uri);
    const text = doc.getText();
    const skip = skipped(path, text, config.maxFileSizeBytes) || globMatcher(config.ignore)(path);
    // No git in the browser: every file counts as committed, as in Restricted Mode.
    const findings = skip ? [] : lint(text, { path, committed: true, config, languageId: doc.languageId });
    this.collection.set(doc.uri, findings.map((finding) => {
      const diagnostic = toDiagnostic(finding, this.docsUri(finding.ruleId));
      this.findings.set(diagnostic, finding);
      return diagnostic;
    }));
    this.linted.fire(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
