/** Shared by the integration tests: the extension's test API and a scripted prompter. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension/extension';
import { BACK, type Back, type InputOptions, type PickOptions, type Prompter } from '../../../src/extension/prompts';

export const EXTENSION_ID = 'idv-kit.identity-verification-kit';

/** Activates the extension under test and returns its test-only API. */
export async function testApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  assert.ok(api, 'the extension returns its test API in test mode');
  return api;
}

/** One recorded question and how it was answered. */
export interface Call {
  readonly kind: 'pick' | 'pickMany' | 'input' | 'info' | 'warn' | 'confirm' | 'finish';
  readonly options: unknown;
  readonly message?: string;
  readonly items?: readonly vscode.QuickPickItem[];
}

/**
 * What the scripted user does at the next question: choose, type, press a button, press
 * Escape, or press the Back button of a multi-step question (one that offers it).
 */
export type Answer = { pick: string } | { pickMany: string[] } | { input: string } | { press: string } | { dismiss: true } | { back: true };

/**
 * Answers questions in order, as a user would. Notifications take a `press` answer when one is
 * next in the queue and are otherwise dismissed; a question with no matching answer fails the
 * test at once instead of hanging.
 */
export class ScriptedPrompter implements Prompter {
  readonly calls: Call[] = [];
  constructor(private readonly answers: Answer[] = []) {}

  /** True (and the answer used) when the user dismisses this question. */
  private dismissed(call: Call): boolean {
    const answer = this.answers[0];
    if (!answer || !('dismiss' in answer)) return false;
    this.calls.push(call);
    this.answers.shift();
    return true;
  }

  private take<K extends 'pick' | 'pickMany' | 'input'>(call: Call & { kind: K }): Extract<Answer, Record<K, unknown>>[K] {
    this.calls.push(call);
    const answer = this.answers[0];
    if (!answer || !(call.kind in answer)) throw new Error(`Unexpected ${call.kind} (next answer: ${JSON.stringify(answer)}): ${JSON.stringify(call.options)}`);
    this.answers.shift();
    return (answer as unknown as Record<K, never>)[call.kind];
  }

  private readonly noticeWaiters: Array<(message: string) => void> = [];

  /** Resolves with the next notification shown. */
  nextNotice(): Promise<string> {
    return new Promise((resolve) => this.noticeWaiters.push(resolve));
  }

  private notice(call: Call): string | undefined {
    this.calls.push(call);
    for (const waiter of this.noticeWaiters.splice(0)) waiter(call.message ?? '');
    const answer = this.answers[0];
    if (answer && 'press' in answer) {
      this.answers.shift();
      return answer.press;
    }
    return undefined;
  }

  /** True (and the answer used) when the user presses Back here; a question without the button fails the test. */
  private wentBack(call: Call & { options: { back?: boolean } }): boolean {
    const answer = this.answers[0];
    if (!answer || !('back' in answer)) return false;
    if (!call.options.back) throw new Error(`Back pressed at a question without a Back button: ${JSON.stringify(call.options)}`);
    this.calls.push(call);
    this.answers.shift();
    return true;
  }

  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Thenable<T | Back | undefined> {
    return this.wentBack({ kind: 'pick', options, items }) ? Promise.resolve(BACK) : this.pick(items, options);
  }

  inputStep(options: InputOptions): Thenable<string | Back | undefined> {
    return this.wentBack({ kind: 'input', options }) ? Promise.resolve(BACK) : this.input(options);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Thenable<T | undefined> {
    if (this.dismissed({ kind: 'pick', options, items })) return Promise.resolve(undefined);
    const label = this.take({ kind: 'pick', options, items });
    const item = items.find((i) => i.label === label);
    if (!item) throw new Error(`No item "${label}" among ${items.map((i) => i.label).join(', ')}`);
    return Promise.resolve(item);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    const labels = this.take({ kind: 'pickMany', options, items });
    return Promise.resolve(items.filter((i) => labels.includes(i.label)));
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    if (this.dismissed({ kind: 'input', options })) return Promise.resolve(undefined);
    const value = this.take({ kind: 'input', options });
    const invalid = options.validateInput?.(value);
    if (typeof invalid === 'string') throw new Error(`Input rejected: ${invalid}`);
    return Promise.resolve(value);
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return Promise.resolve(this.notice({ kind: 'info', options: actions, message }));
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    return Promise.resolve(this.notice({ kind: 'warn', options: actions, message }));
  }

  /** A modal question: answered by a `press` answer, else dismissed. */
  confirm(message: string, detail: string, action: string): Thenable<string | undefined> {
    return Promise.resolve(this.notice({ kind: 'confirm', options: [action], message: `${message} ${detail}` }));
  }

  finish(): void {
    this.calls.push({ kind: 'finish', options: undefined });
  }

  /** The notifications shown, in order. */
  get notices(): string[] {
    return this.calls.filter((c) => c.kind === 'info' || c.kind === 'warn').map((c) => c.message ?? '');
  }

  /** True when every scripted answer was used. */
  get done(): boolean {
    return this.answers.length === 0;
  }
}

/**
 * Closes every editor without a save prompt: untitled and edited documents are reverted first
 * (closeAllEditors alone would open a "Save changes?" dialog).
 */
export async function closeAllEditors(): Promise<void> {
  // Edits applied by quick fixes also touch documents never shown (.env.example): revert those too.
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The source of this extension's diagnostics. */
export const SOURCE = 'identity-verification';

/** A path of the fixture workspace as a URI. */
export function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** This extension's diagnostics on `uri`. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id a diagnostic carries. */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolves once `uri`'s diagnostics satisfy `done`, checking on every change event; the
 * mocha timeout is the only clock.
 */
export function diagnosticsWhere(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const current = ours(uri);
      if (!done(current)) return false;
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Opens `path` and waits for its first lint (marked by a diagnostic of `rule`, or by `done`). */
export async function openAndWait(path: string, done: (d: vscode.Diagnostic[]) => boolean): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceFile(path);
  const waiting = diagnosticsWhere(uri, done);
  const editor = await vscode.window.showTextDocument(uri);
  return { editor, diagnostics: await waiting };
}
