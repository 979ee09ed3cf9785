/**
 * Live diagnostics: runs the engine on open documents, on open and as the user types
 * (debounced per document) or on save. A generation counter per document drops results that
 * a newer edit has overtaken.
 *
 * This class is the one owner of the diagnostics: the workspace scan hands its results to
 * `set`, and the live linter replaces them while a file is open. Closing a file the scan
 * covered re-lints it from disk (its unsaved edits are gone), so the scan's findings stay;
 * closing any other file clears its diagnostics, as before a scan.
 */
import * as vscode from 'vscode';
import { lint, lintBytes, type FactsSource } from '../../core/engine/index';
import { withProjectFindings } from '../../core/project/index';
import { syntaxLanguageOf, type FileFacts } from '../../core/syntax/index';
import { BINARY_SNIFF_BYTES, skipByName, tooLarge, type Skip } from '../../core/files/index';
import { globMatcher } from '../../core/engine/classify';
import type { Finding } from '../../core/engine/types';
import { readSettings } from '../settings';
import type { EditorProject, ModuleVerdict } from '../project';
import type { EditorSyntax } from '../syntax';
import type { HistoryNotes } from '../history/notes';
import type { GitState } from './gitState';
import type { ProjectConfigs } from './projectConfig';
import { toDiagnostic, type FindingStore } from './toDiagnostic';
import { workspacePath } from '../workspaceFiles';

/** Schemes whose documents are real files or new ones; output panes and diff views are not linted. */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

/** The last engine timings, for the integration test that watches responsiveness. */
export interface LintTimings {
  readonly milliseconds: readonly number[];
}

export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('identity-verification');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  private readonly skipped = new Map<string, string>();
  /** Files whose findings the workspace scan set: their diagnostics outlive the editor. */
  private readonly scanned = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly durations: number[] = [];
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after each document is linted (or found not worth linting). */
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly configs: ProjectConfigs,
    private readonly git: GitState,
    readonly findings: FindingStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly syntax: EditorSyntax,
    private readonly project: EditorProject,
    private readonly notes: HistoryNotes,
  ) {
    const relintAll = () => { for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0); };
    this.disposables.push(
      this.collection,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const settings = readSettings(e.document.uri);
        if (settings.run === 'onType') this.schedule(e.document, settings.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      configs.onDidChange(relintAll),
      git.onDidChange(relintAll),
      // Another file's change moved this one's side or cross-file findings: lint it again.
      project.onDidChange((uris) => {
        const changed = new Set(uris.map((u) => u.toString()));
        for (const doc of vscode.workspace.textDocuments) if (changed.has(doc.uri.toString())) this.schedule(doc, 0);
      }),
    );
    relintAll();
  }

  /** Engine run times so far (milliseconds, most recent last, at most 1,000 kept). */
  get timings(): LintTimings {
    return { milliseconds: [...this.durations] };
  }

  /** Lints `doc` after `delayMs` of quiet; a newer call for the same document replaces this one. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (!LINTED_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lintNow(doc, generation).catch((error: unknown) => this.log.error(`Linting ${doc.uri.fsPath} failed: ${String(error)}`));
    }, delayMs));
  }

  private async lintNow(doc: vscode.TextDocument, generation: number): Promise<void> {
    const key = doc.uri.toString();
    const config = await this.configs.get(doc.uri);
    const path = workspacePath(doc.uri);
    const text = doc.getText();
    const reason = skipReason(path, text, config.maxFileSizeBytes)?.reason ?? (globMatcher(config.ignore)(path) ? 'ignored by .idvrc.json' : undefined);
    if (reason !== undefined) {
      if (this.skipped.get(key) !== reason) this.log.info(`Not linting ${path}: ${reason}.`);
      this.skipped.set(key, reason);
      this.collection.delete(doc.uri);
      this.linted.fire(doc.uri);
      return;
    }
    this.skipped.delete(key);
    const committed = await this.git.isCommitted(doc.uri);
    const syntax = await this.syntax.forDocument(doc, { path, languageId: doc.languageId, config });
    // Everything awaited is done: from here to setting the diagnostics runs without a break,
    // so the generation check cannot be overtaken.
    if (this.generations.get(key) !== generation || doc.isClosed) return;
    const started = performance.now();
    const verdict = this.projectVerdict(doc, path, text, syntax);
    const own = lint(text, { path, committed, config, languageId: doc.languageId, ...(syntax ? { syntax } : {}), ...(verdict?.side ? { side: verdict.side } : {}) });
    const findings = verdict ? withProjectFindings(own, this.project.findingsOn(verdict, text, config)) : own;
    this.record(performance.now() - started);
    this.show(doc.uri, findings);
    this.linted.fire(doc.uri);
    this.noteHistory(doc, generation, text, findings);
  }

  /** Shows the findings again with "already in git history" on secrets the file's history holds. */
  private noteHistory(doc: vscode.TextDocument, generation: number, text: string, findings: readonly Finding[]): void {
    const key = doc.uri.toString();
    this.notes.annotate(doc.uri, text, findings).then((annotated) => {
      if (!annotated || this.generations.get(key) !== generation || doc.isClosed) return;
      this.show(doc.uri, annotated);
      this.linted.fire(doc.uri);
    }, (error: unknown) => this.log.error(`Reading the git history of ${doc.uri.fsPath} failed: ${String(error)}`));
  }

  /** What the project model says about a JavaScript or TypeScript document, given its facts when it has them. */
  private projectVerdict(doc: vscode.TextDocument, path: string, text: string, syntax: FactsSource | undefined): ModuleVerdict | undefined {
    const language = syntaxLanguageOf(path, doc.languageId);
    if (language !== 'javascript' && language !== 'typescript' && language !== 'tsx') return undefined;
    let facts: FileFacts | undefined;
    try {
      facts = syntax?.factsSync(text, language);
    } catch {
      facts = undefined; // the rules fall back to the text scanner the same way
    }
    return this.project.verdict(doc.uri, path, facts, doc.isDirty);
  }

  /** The workspace scan's findings for `uri`; they stay when the file is opened and closed. */
  set(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.scanned.add(uri.toString());
    this.show(uri, findings);
  }

  private show(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(uri, findings.map((finding) => {
      const diagnostic = toDiagnostic(finding, this.docsUri(finding.ruleId));
      this.findings.set(diagnostic, finding);
      return diagnostic;
    }));
  }

  private record(ms: number): void {
    this.durations.push(ms);
    if (this.durations.length > 1000) this.durations.shift();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.skipped.delete(key);
    if (!this.scanned.has(key)) {
      this.generations.delete(key);
      this.collection.delete(uri);
      return;
    }
    // A new generation: a lint of the reopened document wins over this one from disk.
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.lintFromDisk(uri, generation).catch((error: unknown) => this.log.error(`Linting ${uri.fsPath} from disk failed: ${String(error)}`));
  }

  /** What the scan would find in `uri` now: its saved text, as the scan reads it. */
  private async lintFromDisk(uri: vscode.Uri, generation: number): Promise<void> {
    const key = uri.toString();
    const config = await this.configs.get(uri);
    const path = workspacePath(uri);
    let findings: readonly Finding[] = [];
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const committed = await this.git.isCommitted(uri);
      const syntax = await this.syntax.forBytes(bytes, { path, config });
      const result = globMatcher(config.ignore)(path) || !committed ? undefined : lintBytes(bytes, { path, committed, config, ...(syntax ? { syntax } : {}) });
      findings = result?.skipped === undefined ? result?.findings ?? [] : [];
    } catch {
      // Deleted or unreadable since the scan: nothing to show for it.
    }
    if (this.generations.get(key) !== generation) return;
    this.show(uri, findings);
    this.linted.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Why a document's text should not be linted (lock file, binary, too large), by the scans' policy. */
export function skipReason(path: string, text: string, maxBytes: number): Skip | undefined {
  const byName = skipByName(path);
  if (byName) return byName;
  // Byte length without encoding the whole text: UTF-16 length bounds it within a factor of 3.
  const size = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) return tooLarge(maxBytes);
  // VS Code has already decoded the file (UTF-16 included): a NUL left in the text means binary.
  if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0')) return { kind: 'binary', reason: 'binary content (NUL bytes)' };
  return undefined;
}
