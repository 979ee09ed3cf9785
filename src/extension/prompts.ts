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
  /** A modal question before something that changes the user's repository; resolves to `action` or undefined. */
  confirm(message: string, detail: string, action: string): Thenable<string | undefined>;
  /** The command is done asking: close whatever box is still on screen. */
  finish(): void;
}

type Box = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * The real thing. A command's questions share one box on screen: each question replaces the
 * previous one while it is still shown, and the box closes when the command finishes (or says
 * something in a notification). Closing a box between two questions hands the keyboard focus
 * back to what had it before, and when that is the walkthrough (or a view that started the
 * command), the walkthrough selects its step and focuses it a moment later, which took the
 * focus from the next question: it was dismissed, or stayed on screen without the keyboard.
 * Every box also ignores focus changes, so clicking elsewhere never cancels a command halfway.
 */
export class WindowPrompter implements Prompter {
  private current: Box | undefined;

  /** Shows `next` in place of the current box, then lets the old one go without a close. */
  private present(next: Box): void {
    const previous = this.current;
    this.current = next;
    next.ignoreFocusOut = true;
    next.show();
    previous?.dispose();
  }

  /**
   * Resolves with what `accept` makes of an accepted box (undefined: keep asking); the box stays
   * on screen, busy, until the next question replaces it or the command finishes.
   */
  private answer<A>(box: Box, accept: () => Promise<A | undefined> | A | undefined): Promise<A | undefined> {
    return new Promise((resolve) => {
      const subscriptions: vscode.Disposable[] = [];
      const done = (value: A | undefined) => {
        for (const s of subscriptions) s.dispose();
        resolve(value);
      };
      subscriptions.push(
        box.onDidAccept(() => {
          void Promise.resolve(accept()).then((value) => {
            if (value === undefined) return; // nothing chosen, or an invalid value: keep asking
            box.busy = true;
            box.enabled = false;
            done(value);
          });
        }),
        box.onDidHide(() => {
          if (this.current === box) this.current = undefined;
          done(undefined);
        }),
      );
    });
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const box = this.quickPick(items, options);
    return this.answer(box, () => box.selectedItems[0] as T | undefined);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const box = this.quickPick(items, options);
    box.canSelectMany = true;
    return this.answer(box, () => [...box.selectedItems] as T[]);
  }

  private quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): vscode.QuickPick<vscode.QuickPickItem> {
    const box = vscode.window.createQuickPick();
    box.title = options.title;
    box.placeholder = options.placeHolder;
    box.matchOnDescription = options.matchOnDescription ?? false;
    box.matchOnDetail = options.matchOnDetail ?? false;
    box.items = items;
    this.present(box);
    return box;
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.password = options.password ?? false;
    box.value = options.value ?? '';
    const validate = async (value: string): Promise<string | undefined> => {
      const message = await options.validateInput?.(value);
      return typeof message === 'string' ? message : message?.message;
    };
    let latest = '';
    const change = box.onDidChangeValue(async (value) => {
      latest = value;
      const message = await validate(value);
      if (latest === value) box.validationMessage = message;
    });
    this.present(box);
    // Accepting validates first: an invalid value keeps the box open with its message.
    const answered = this.answer<string>(box, async () => {
      const value = box.value;
      const message = await validate(value);
      box.validationMessage = message;
      return message === undefined ? value : undefined;
    });
    void answered.then(() => { change.dispose(); });
    return answered;
  }

  /**
   * Closes the box of a command that has had its last answer (it is busy) and now speaks in a
   * notification; a box still waiting for an answer stays, whatever else notifies meanwhile
   * (a changed .idvrc.json must not cancel a question).
   */
  private finishAnswered(): void {
    if (this.current?.busy) this.finish();
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.finishAnswered();
    return vscode.window.showInformationMessage(message, ...actions);
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.finishAnswered();
    return vscode.window.showWarningMessage(message, ...actions);
  }

  confirm(message: string, detail: string, action: string): Thenable<string | undefined> {
    this.finishAnswered();
    return vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  }

  finish(): void {
    const box = this.current;
    this.current = undefined;
    box?.hide();
    box?.dispose();
  }
}
