/**
 * The questions commands ask, behind one small interface. In normal use it is the VS Code
 * window; integration tests answer through a scripted prompter (set via the test API) so that
 * the commands run exactly as a user drives them, masked input box included.
 */
import * as vscode from 'vscode';

export interface Prompter {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  warn(message: string, ...actions: string[]): Thenable<string | undefined>;
}

/**
 * The real thing: quick picks, input boxes and notifications. Every question keeps its box open
 * when focus moves elsewhere: commands ask several in a row, and when one is started from the
 * walkthrough, a code action or the status bar, the view that started it takes the focus back
 * as a box closes, which would dismiss the next one and cancel the command halfway.
 */
export const windowPrompter: Prompter = {
  pick: (items, options) => vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options }),
  pickMany: (items, options) => vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: true }),
  input: (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  info: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  warn: (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
};
