/**
 * A status bar item with the number of identity-verification problems in the workspace;
 * clicking it opens the Problems view. Hidden while there are none.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics/toDiagnostic';

export class ProblemCount implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('identityVerification.problems', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly collection: vscode.DiagnosticCollection) {
    this.item.name = 'Identity Verification problems';
    this.item.command = 'idv.showProblems';
    // Diagnostics change in bursts (a workspace scan sets thousands): count once per burst.
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 100);
    });
    this.update();
  }

  /** The current count of our diagnostics. */
  get count(): number {
    let count = 0;
    this.collection.forEach((_uri, diagnostics) => { count += diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).length; });
    return count;
  }

  private update(): void {
    const count = this.count;
    if (count === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(shield) ${count}`;
    this.item.tooltip = `${count} identity verification problem${count === 1 ? '' : 's'}: leaked secrets, client-side hashing, wrong identifiers. Click to show them.`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
