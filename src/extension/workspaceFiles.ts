/** What the workspace-wide commands (scan, installation check) walk, and in what batch size. */
import * as vscode from 'vscode';
import { excludedFolderGlob } from '../core/files/index';

/** Folders never worth walking, whatever the ignore files say: the CLI's list (src/core/files). */
export const ALWAYS_EXCLUDED = excludedFolderGlob();

/** Files per git check-ignore call and per yield to the extension host's event loop. */
export const BATCH = 200;

/** `uri` as a posix path relative to its workspace folder: how the engine and the project model name a file. */
export function workspacePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}
