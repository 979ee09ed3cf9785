/**
 * The "Identity Verification" panel: a webview view in the extension's own activity-bar
 * container, holding the last hash check, JWT inspection and workspace scan (panelHtml.ts draws
 * them). Commands put their results here and reveal it; their notifications only say that
 * something happened. The page gets hashes and decoded tokens, never a secret: the extension host
 * computes. Its buttons come back as messages, each checked against an allow-list.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../context';
import { parseMessage, renderPanel, type PanelMessage, type PanelState } from './panelHtml';

/** The view's id, as contributed in package.json. */
export const PANEL_VIEW = 'identityVerification.panel';
const SHOW = 'Show';

export class IdentityPanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private state: PanelState = {};
  private view: vscode.WebviewView | undefined;
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly shown = new vscode.EventEmitter<string>();
  /** Fires with the text the page shows each time it has loaded (for the integration tests). */
  readonly onDidShow = this.shown.event;
  private readonly disposables: vscode.Disposable[] = [this.shown];

  constructor(private readonly ctx: Pick<CommandContext, 'log' | 'prompter'>) {
    // Insert at Cursor goes to the editor the user was in before clicking into the panel.
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((editor) => { if (editor) this.lastEditor = editor; }));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    // The page (with its CSP) before the options: changing the options reloads whatever page the
    // webview has, and an empty one has no CSP, which VS Code reports as a warning.
    this.render();
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };
    this.disposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => this.receive(parseMessage(data))),
      view.onDidDispose(() => { if (this.view === view) this.view = undefined; }),
    );
  }

  /** What the panel holds now (hashes and decoded tokens only). */
  get current(): PanelState {
    return this.state;
  }

  /** Replaces one section, redraws, and brings the panel into view without taking the focus. */
  async show(part: PanelState): Promise<void> {
    this.state = { ...this.state, ...part };
    this.render();
    await this.reveal();
  }

  /** A short notification with a Show button that brings the panel back. */
  notify(level: 'info' | 'warn', message: string): void {
    const prompter = this.ctx.prompter();
    void (level === 'info' ? prompter.info(message, SHOW) : prompter.warn(message, SHOW)).then((action) => {
      if (action === SHOW) void this.reveal();
    });
  }

  async reveal(): Promise<void> {
    if (this.view) {
      this.view.show(true);
      return;
    }
    // `<view>.focus` opens the container and resolves the view the first time.
    await vscode.commands.executeCommand(`${PANEL_VIEW}.focus`).then(undefined, (error: unknown) => this.ctx.log.warn(`Cannot reveal the Identity Verification panel: ${String(error)}`));
  }

  /** Acts on a button of the page, as a click does (also what the integration tests call). */
  async receive(message: PanelMessage | undefined): Promise<void> {
    if (!message) return;
    if (message.type === 'shown') {
      this.shown.fire(message.text);
      return;
    }
    if (message.type === 'run') {
      await vscode.commands.executeCommand(message.command);
      return;
    }
    const value = message.what === 'given' ? this.state.hash?.given : this.state.hash?.hash;
    if (value === undefined) return;
    if (message.type === 'copy') {
      await vscode.env.clipboard.writeText(value);
      return;
    }
    const editor = vscode.window.activeTextEditor ?? this.lastEditor;
    // After the selection rather than over it: the selection is often the identifier.
    if (editor && !editor.document.isClosed) await editor.edit((edit) => edit.insert(editor.selection.end, value));
    else void this.ctx.prompter().warn('No editor is open to insert the hash into.');
  }

  private render(): void {
    if (!this.view) return;
    // A fresh nonce per page: only the page's own style and script run. WebCrypto, which the
    // extension host has wherever it runs (Node or a browser).
    const nonce = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    this.view.webview.html = renderPanel(this.state, { nonce, cspSource: this.view.webview.cspSource });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
