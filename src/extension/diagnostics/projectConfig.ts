/**
 * The engine configuration for each workspace folder: the project's `.idvrc.json` (the same
 * file the CLI reads), with the user's settings over it. Reloaded when either changes; a bad
 * config file never stops linting (the defaults stand in for what is wrong).
 *
 * Each mistake in the file is shown once, on the offending key. VS Code's JSON service shows
 * every mistake the schema can express (the schema the manifest associates with the file is
 * generated from the same rules as parseConfig, and a unit test checks they agree); this class
 * shows only the others (a glob that does not compile), which parseConfig marks beyondSchema.
 * Reporting them all here, as before, put a second copy of each at line 1. All go to the log,
 * and a notification (once per distinct set of mistakes) says so while the file is not open.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type ConfigProblem } from '../../core/engine/config';
import type { ResolvedConfig } from '../../core/engine/types';
import { readSettings, SECTION } from '../settings';

/** Says that a folder's `.idvrc.json` has mistakes; resolves when the user has answered. */
export type ConfigNotifier = (file: vscode.Uri, mistakes: readonly string[]) => Thenable<unknown>;

export class ProjectConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();
  /** The mistakes last announced per file, so that a reload with the same ones stays quiet. */
  private readonly announced = new Map<string, string>();
  private readonly problems = vscode.languages.createDiagnosticCollection('identity-verification-config');
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  /** Fires when any folder's configuration may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly notify: ConfigNotifier) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = () => {
      this.cache.clear();
      this.emitter.fire();
    };
    this.disposables = [
      this.emitter, watcher, this.problems,
      watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(SECTION)) reset(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(reset),
    ];
  }

  /** The configuration that applies to `uri`. */
  get(uri: vscode.Uri): Promise<ResolvedConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let config = this.cache.get(key);
    if (!config) {
      config = this.load(folder);
      this.cache.set(key, config);
    }
    return config;
  }

  private async load(folder: vscode.WorkspaceFolder | undefined): Promise<ResolvedConfig> {
    let base = DEFAULT_CONFIG;
    if (folder) {
      const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
      let text: string | undefined;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.report(file, '', [{ message: `cannot read: ${(error as Error).message}`, offset: 0, length: 0, beyondSchema: true }]);
      }
      if (text !== undefined) {
        const { config, problems } = parseConfig(text);
        this.report(file, text, problems);
        base = config;
      } else {
        this.announced.delete(file.toString());
        this.problems.delete(file);
      }
    }
    const settings = readSettings(folder);
    const rules = { ...base.rules };
    for (const [id, severity] of Object.entries(settings.rules)) {
      if (id in rules && ['off', 'info', 'warning', 'error'].includes(severity)) rules[id as keyof typeof rules] = severity;
      else this.log.warn(`Setting ${SECTION}.rules: ignored "${id}": ${JSON.stringify(severity)} (expected a rule id and off, info, warning or error).`);
    }
    return {
      ...base,
      rules,
      clientGlobs: [...base.clientGlobs, ...settings.clientGlobs],
      serverGlobs: [...base.serverGlobs, ...settings.serverGlobs],
    };
  }

  private report(file: vscode.Uri, text: string, problems: readonly ConfigProblem[]): void {
    const key = file.toString();
    // The editor does not show a byte order mark; parseConfig's offsets count it.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const at = (offset: number) => positionAt(text.slice(bom), Math.max(0, offset - bom));
    this.problems.set(file, problems.filter((p) => p.beyondSchema).map((p) => {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at(p.offset), at(p.offset + p.length)), `${p.message} (the default is used instead)`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'identity-verification';
      return diagnostic;
    }));
    const errors = problems.map((p) => p.message);
    if (errors.length === 0) {
      this.announced.delete(key);
      return;
    }
    for (const error of errors) this.log.warn(`${file.fsPath}: ${error} (the default is used instead)`);
    const signature = errors.join('\n');
    if (this.announced.get(key) === signature) return;
    this.announced.set(key, signature);
    // An open file shows its mistakes on the keys already; a notification would only repeat them.
    if (vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === key)) return;
    void this.notify(file, errors);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The position of `offset` in `text` (lines end at LF, CRLF or CR, as VS Code counts them). */
function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return new vscode.Position(line, Math.max(0, offset - start));
}
