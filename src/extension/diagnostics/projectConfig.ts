/**
 * The engine configuration for each workspace folder: the project's `.idvrc.json` (the same
 * file the CLI reads), with the user's settings over it. Reloaded when either changes; a bad
 * config file never stops linting (the defaults stand in for what is wrong).
 *
 * Mistakes in the file are shown in the editor once, on the offending key, by VS Code's JSON
 * service through the schema the manifest associates with the file (generated from the same
 * rules as parseConfig, and checked against it by a unit test). Reporting them here as well put
 * a second copy of each at line 1. Here they go to the log, and a notification (once per
 * distinct set of mistakes) says so while the file is not open to show them.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig } from '../../core/engine/config';
import type { ResolvedConfig } from '../../core/engine/types';
import { readSettings, SECTION } from '../settings';

/** Says that a folder's `.idvrc.json` has mistakes; resolves when the user has answered. */
export type ConfigNotifier = (file: vscode.Uri, mistakes: readonly string[]) => Thenable<unknown>;

export class ProjectConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();
  /** The mistakes last announced per file, so that a reload with the same ones stays quiet. */
  private readonly announced = new Map<string, string>();
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
      this.emitter, watcher,
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
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.report(file, [`cannot read: ${(error as Error).message}`]);
      }
      if (text !== undefined) {
        const { config, errors } = parseConfig(text);
        this.report(file, errors);
        base = config;
      } else {
        this.announced.delete(file.toString());
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

  private report(file: vscode.Uri, errors: readonly string[]): void {
    const key = file.toString();
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
