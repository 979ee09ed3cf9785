/**
 * Reads a project for the project model of src/core/workspace: the project is the nearest
 * folder above the active file that holds a manifest (a monorepo's app, not its root), else
 * the workspace folder. It reads the files the model names and the environment reads of the
 * source files (the syntax layer's facts), within a budget, when a command asks: nothing is
 * read on activation or kept between commands.
 */
import * as vscode from 'vscode';
import { decodeText } from '../core/files/index';
import { syntaxLanguageOf } from '../core/syntax/index';
import { describeWorkspace, filesToRead, type EnvUse, type WorkspaceModel } from '../core/workspace';
import type { EditorSyntax } from './syntax';
import { ALWAYS_EXCLUDED } from './workspaceFiles';

/** A project's root and its model. */
export interface Project {
  readonly root: vscode.Uri;
  readonly model: WorkspaceModel;
}

/** Files listed, source files read and parsed for environment reads, and the largest file read. */
const BUDGET = { paths: 5000, reads: 1000, sources: 300, sourceBytes: 256 * 1024 };
const MANIFEST_NAMES = ['package.json', 'Gemfile', 'requirements.txt', 'pyproject.toml', 'composer.json', 'go.mod', 'build.gradle', 'build.gradle.kts', 'Podfile', 'pubspec.yaml'];
/** A source file that reads no environment needs no parse. */
const MENTIONS_ENV = /env|ENV|getenv|environ/;

/**
 * The project around `near` (the active file), or the first workspace folder's; undefined
 * without a folder. Without `syntax` no source file is read: the model has no environment reads.
 */
export async function readProject(syntax: EditorSyntax | undefined, near: vscode.Uri | undefined): Promise<Project | undefined> {
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const root = await projectRoot(folder.uri, near);
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*'), ALWAYS_EXCLUDED, BUDGET.paths);
  const relative = (uri: vscode.Uri) => uri.path.slice(root.path.length + 1);
  const byPath = new Map(uris.map((uri) => [relative(uri), uri]));
  const paths = [...byPath.keys()].sort();
  const texts = new Map<string, string>();
  for (const path of filesToRead(paths)) {
    const text = await readText(byPath.get(path));
    if (text !== undefined) texts.set(path, text);
  }
  const envReads: EnvUse[] = [];
  let parsed = 0;
  let read = 0;
  for (const path of syntax ? paths : []) {
    const language = syntaxLanguageOf(path);
    if (!language || parsed >= BUDGET.sources || read >= BUDGET.reads) continue;
    read++;
    const text = await readText(byPath.get(path));
    if (text === undefined || !MENTIONS_ENV.test(text)) continue;
    parsed++;
    const facts = await syntax?.factsOf(text, path, language);
    for (const read of facts?.env ?? []) envReads.push({ path, name: read.name });
  }
  return { root, model: describeWorkspace({ paths, texts, envReads }) };
}

/** The nearest folder from `near` up to `folder` that holds a manifest; `folder` otherwise. */
async function projectRoot(folder: vscode.Uri, near: vscode.Uri | undefined): Promise<vscode.Uri> {
  if (!near || !near.path.startsWith(`${folder.path}/`)) return folder;
  let dir = vscode.Uri.joinPath(near, '..');
  while (dir.path.length > folder.path.length) {
    for (const name of MANIFEST_NAMES) {
      if (await exists(vscode.Uri.joinPath(dir, name))) return dir;
    }
    dir = vscode.Uri.joinPath(dir, '..');
  }
  return folder;
}

/** Whether a file exists (a route is never written over one). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri | undefined): Promise<string | undefined> {
  if (!uri) return undefined;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > BUDGET.sourceBytes) return undefined;
    const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
    return decoded.skip ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}
