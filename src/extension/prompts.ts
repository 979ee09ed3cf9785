/**
 * The questions commands ask, behind one small interface. In normal use it is the VS Code
 * window; integration tests answer through a scripted prompter (set via the test API) so that
 * the commands run exactly as a user drives them, masked input box included.
 */
import * as vscode from 'vscode';

/**
 * What a multi-step question resolves to when the user presses Back. A registered symbol, so
 * that a prompter in another bundle (the integration tests' scripted one) answers with the same.
 */
export const BACK: unique symbol = Symbol.for('idv.prompts.back') as never;
export type Back = typeof BACK;

/** Where a question stands in a command's sequence of questions. */
export interface StepOptions {
  /** This question's number and the count of questions, shown as "2/4". */
  readonly step?: number;
  readonly totalSteps?: number;
  /** Offers VS Code's Back button, which resolves the question to BACK. */
  readonly back?: boolean;
}

/** A quick pick's options, with its place in the sequence and the item selected at first. */
export type PickOptions<T> = vscode.QuickPickOptions & StepOptions & { readonly active?: T | undefined };
export type InputOptions = vscode.InputBoxOptions & StepOptions;

export interface Prompter {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Thenable<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  /** One question of a multi-step command (steps.ts): BACK when the user pressed Back. */
  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Thenable<T | Back | undefined>;
  inputStep(options: InputOptions): Thenable<string | Back | undefined>;
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
  private answer<A>(box: Box, accept: () => Promise<A | undefined> | A | undefined): Promise<A | Back | undefined> {
    return new Promise((resolve) => {
      const subscriptions: vscode.Disposable[] = [];
      const done = (value: A | Back | undefined) => {
        for (const s of subscriptions) s.dispose();
        resolve(value);
      };
      subscriptions.push(
        box.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) done(BACK);
        }),
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

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Promise<T | undefined> {
    return this.pickStep(items, { ...options, back: false }).then(noBack);
  }

  pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>): Promise<T | Back | undefined> {
    const box = this.quickPick(items, options);
    if (options.active !== undefined) box.activeItems = [options.active];
    return this.answer(box, () => box.selectedItems[0] as T | undefined);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const box = this.quickPick(items, options);
    box.canSelectMany = true;
    return this.answer(box, () => [...box.selectedItems] as T[]).then(noBack);
  }

  private quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & StepOptions): vscode.QuickPick<vscode.QuickPickItem> {
    const box = vscode.window.createQuickPick();
    box.title = options.title;
    box.placeholder = options.placeHolder;
    box.matchOnDescription = options.matchOnDescription ?? false;
    box.matchOnDetail = options.matchOnDetail ?? false;
    box.items = items;
    placeStep(box, options);
    this.present(box);
    return box;
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.inputStep({ ...options, back: false }).then(noBack);
  }

  inputStep(options: InputOptions): Promise<string | Back | undefined> {
    const box = vscode.window.createInputBox();
    placeStep(box, options);
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

/** The step counter and the Back button of a question in a sequence. */
function placeStep(box: Box, options: StepOptions): void {
  box.step = options.step;
  box.totalSteps = options.totalSteps;
  box.buttons = options.back ? [vscode.QuickInputButtons.Back] : [];
}

/** A question asked without a Back button cannot resolve to BACK; this says so to the types. */
function noBack<T>(value: T | Back | undefined): T | undefined {
  return value === BACK ? undefined : value;
}
