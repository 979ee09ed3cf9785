/**
 * The engine configuration for each workspace folder: the project's `.idvrc.json` (the same
 * file the CLI reads), with the user's settings over it. Reloaded when either changes; a bad
 * config file is reported on the file itself and never stops linting.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig } from '../../core/engine/config';
import type { ResolvedConfig } from '../../core/engine/types';
import { readSettings, SECTION } from '../settings';

export class ProjectConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ResolvedConfig>>();
  private readonly problems: vscode.DiagnosticCollection;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  /** Fires when any folder's configuration may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.problems = vscode.languages.createDiagnosticCollection('identity-verification-config');
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = () => {
      this.cache.clear();
      this.emitter.fire();
    };
    this.disposables = [
      this.problems, this.emitter, watcher,
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

  private report(file: vscode.Uri, errors: readonly string[]): void {
    if (errors.length === 0) {
      this.problems.delete(file);
      return;
    }
    for (const error of errors) this.log.warn(`${file.fsPath}: ${error}`);
    this.problems.set(file, errors.map((message) => {
      const line = /^line (\d+):/.exec(message);
      const at = line ? Number(line[1]) - 1 : 0;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at, 0, at, 1000), `${message} (the default is used instead)`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'identity-verification';
      return diagnostic;
    }));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
