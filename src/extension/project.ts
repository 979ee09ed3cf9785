/**
 * The project model in the editor (src/core/project): the JavaScript and TypeScript modules of
 * each workspace folder read together, so that what one file does to another shows where it
 * happens, as `idv scan` shows it. Nothing is read on activation: a folder is indexed the
 * first time one of its modules is linted with facts (it mentions the topics), in batches with
 * a yield between, within the scan's budget. Then the index follows the editor: a linted
 * module's facts replace its entry as the user types; a file saved, created or deleted on
 * disk is read again or dropped. After each change the model is rebuilt (pure, in memory),
 * and the documents whose side or cross-file findings changed are announced for re-linting:
 * an edit re-evaluates the files that depend on it.
 */
import * as vscode from 'vscode';
import type { Finding, ResolvedConfig, Side } from '../core/engine/index';
import { decodeText } from '../core/files/index';
import { buildProject, GRAPH_BUDGET, pickModuleFacts, reportFinding, type ModuleFacts, type ProjectFinding, type ProjectModel } from '../core/project/index';
import { syntaxLanguageOf, type FileFacts, type SyntaxLanguage } from '../core/syntax/index';
import type { ProjectConfigs } from './diagnostics/projectConfig';
import type { EditorSyntax } from './syntax';
import { ALWAYS_EXCLUDED, BATCH, workspacePath } from './workspaceFiles';

const JS_LANGUAGES: ReadonlySet<SyntaxLanguage> = new Set(['javascript', 'typescript', 'tsx']);
const MODULE_GLOB = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';
/** Changes within this many milliseconds are evaluated together. */
const SETTLE_MS = 150;

/** What the model says about one module. */
export interface ModuleVerdict {
  /** The side other files decided for it, when they did (else the per-file guess stands). */
  readonly side?: Side;
  readonly findings: readonly ProjectFinding[];
}

/** One workspace folder's modules and model. */
interface Folder {
  readonly folder: vscode.WorkspaceFolder;
  readonly modules: Map<string, ModuleFacts>;
  otherPaths: string[];
  complete: boolean;
  indexed: boolean;
  model?: ProjectModel;
  /** A verdict per module, as last announced: the next evaluation announces what differs. */
  verdicts: Map<string, string>;
  timer?: NodeJS.Timeout;
}

export class EditorProject implements vscode.Disposable {
  private readonly folders = new Map<string, Folder>();
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** Fires with the modules whose side or cross-file findings changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly syntax: EditorSyntax, private readonly configs: ProjectConfigs, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(MODULE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => void this.reread(uri)),
      watcher.onDidCreate((uri) => void this.reread(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      configs.onDidChange(() => this.reset()),
    );
  }

  /**
   * What the model says about the module at `uri` (posix `path` relative to its folder).
   * With its current facts (it mentions the topics), they replace the index's entry, and the
   * folder is indexed first if it was not. Without them, the entry read from disk answers, if
   * the document holds what the disk does (its findings are at offsets into that text).
   * Undefined until the folder's index is built (a change is announced then).
   */
  verdict(uri: vscode.Uri, path: string, facts: FileFacts | undefined, dirty: boolean): ModuleVerdict | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    if (!facts) return folder.model && !dirty && folder.modules.has(path) ? verdictOf(folder.model, path) : undefined;
    if (!JS_LANGUAGES.has(facts.language)) return undefined;
    this.update(folder, path, pickModuleFacts(facts));
    if (!folder.indexed) {
      folder.indexed = true;
      this.index(folder).catch((error: unknown) => this.log.error(`Reading the project's modules failed: ${String(error)}`));
      return undefined;
    }
    return folder.model ? verdictOf(folder.model, path) : undefined;
  }

  /** `verdict.findings` as findings on `text`, with the configured severities and suppressions. */
  findingsOn(verdict: ModuleVerdict, text: string, config: ResolvedConfig): Finding[] {
    return verdict.findings.flatMap((f) => reportFinding(f, text, config) ?? []);
  }

  private folderOf(uri: vscode.Uri): Folder | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    if (!wf) return undefined;
    const key = wf.uri.toString();
    let folder = this.folders.get(key);
    if (!folder) {
      folder = { folder: wf, modules: new Map(), otherPaths: [], complete: true, indexed: false, verdicts: new Map() };
      this.folders.set(key, folder);
    }
    return folder;
  }

  /** Reads every module of the folder, a batch at a time, then evaluates. */
  private async index(folder: Folder): Promise<void> {
    const started = performance.now();
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder.folder, '**/*'), ALWAYS_EXCLUDED);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let files = 0;
    let bytes = 0;
    for (let i = 0; i < uris.length; i += BATCH) {
      for (const uri of uris.slice(i, i + BATCH)) {
        const path = workspacePath(uri);
        const language = syntaxLanguageOf(path);
        if (!language || !JS_LANGUAGES.has(language)) {
          folder.otherPaths.push(path);
          continue;
        }
        // Open documents report their own facts as they are linted.
        if (open.has(uri.toString()) || folder.modules.has(path)) continue;
        if (files >= GRAPH_BUDGET.files || bytes >= GRAPH_BUDGET.bytes) {
          folder.complete = false;
          continue;
        }
        const read = await this.read(uri, path, language);
        if (read) {
          files++;
          bytes += read.bytes;
          folder.modules.set(path, read.facts);
        }
      }
      if (!this.folders.has(folder.folder.uri.toString())) return; // reset meanwhile
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.log.info(`Project model: read ${files} modules (${(bytes / 1024 / 1024).toFixed(1)} MB) of ${folder.folder.name} in ${Math.round(performance.now() - started)} ms${folder.complete ? '' : '; the rest is past the budget, so no module is called server code for its importers alone'}.`);
    this.evaluate(folder);
  }

  /** A module's facts from disk, or undefined when it cannot be read or parsed. */
  private async read(uri: vscode.Uri, path: string, language: SyntaxLanguage): Promise<{ facts: ModuleFacts; bytes: number } | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > GRAPH_BUDGET.fileBytes) return undefined;
      const bytes = await vscode.workspace.fs.readFile(uri);
      const decoded = decodeText(bytes);
      if (decoded.skip) return undefined;
      const facts = await this.syntax.factsOf(decoded.text, path, language);
      return facts ? { facts: pickModuleFacts(facts), bytes: bytes.length } : undefined;
    } catch {
      return undefined; // deleted or unreadable meanwhile: not part of the graph
    }
  }

  /** A module saved or created on disk: read again unless an open document speaks for it. */
  private async reread(uri: vscode.Uri): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder?.indexed || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
    const path = workspacePath(uri);
    const language = syntaxLanguageOf(path);
    if (!language || !JS_LANGUAGES.has(language)) return;
    const read = await this.read(uri, path, language);
    if (read) this.update(folder, path, read.facts);
    else this.removePath(folder, path);
  }

  private remove(uri: vscode.Uri): void {
    const folder = this.folderOf(uri);
    if (folder?.indexed) this.removePath(folder, workspacePath(uri));
  }

  private removePath(folder: Folder, path: string): void {
    if (folder.modules.delete(path)) this.settle(folder);
  }

  /** Replaces a module's facts; evaluates soon when they changed. */
  private update(folder: Folder, path: string, facts: ModuleFacts): void {
    const before = folder.modules.get(path);
    folder.modules.set(path, facts);
    if (folder.indexed && (!before || JSON.stringify(before) !== JSON.stringify(facts))) this.settle(folder);
  }

  private settle(folder: Folder): void {
    clearTimeout(folder.timer);
    folder.timer = setTimeout(() => this.evaluate(folder), SETTLE_MS);
  }

  /** Rebuilds the model; announces the modules whose verdict changed. */
  private evaluate(folder: Folder): void {
    clearTimeout(folder.timer);
    void this.configs.get(folder.folder.uri).then((config) => {
      if (this.folders.get(folder.folder.uri.toString()) !== folder) return;
      const files = [...folder.modules].map(([path, facts]) => ({ path, facts }));
      const model = buildProject(files, { config, complete: folder.complete, otherPaths: folder.otherPaths });
      folder.model = model;
      const changed: vscode.Uri[] = [];
      const paths = new Set([...folder.verdicts.keys(), ...model.sides.keys()]);
      for (const path of paths) {
        const now = JSON.stringify(verdictOf(model, path));
        if (folder.verdicts.get(path) === now) continue;
        folder.verdicts.set(path, now);
        changed.push(vscode.Uri.joinPath(folder.folder.uri, path));
      }
      if (changed.length > 0) this.changed.fire(changed);
    });
  }

  /** Forgets every folder: the next lint indexes afresh (configuration or folders changed). */
  private reset(): void {
    for (const folder of this.folders.values()) clearTimeout(folder.timer);
    this.folders.clear();
  }

  dispose(): void {
    this.reset();
    for (const d of this.disposables) d.dispose();
  }
}

function verdictOf(model: ProjectModel, path: string): ModuleVerdict {
  const side = model.sides.get(path);
  return {
    ...(side?.decided && side.crossFile ? { side: side.side } : {}),
    findings: model.findings.filter((f) => f.path === path),
  };
}
