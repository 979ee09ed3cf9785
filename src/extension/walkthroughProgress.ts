/**
 * The walkthrough's steps complete on what really means done: a secret stored, a snippet
 * inserted, a hash computed, an installation check that found every platform ready (and, for
 * the migration step, every one on JWT), a secret rotated. Commands report those results here; each sets a context key that the step's
 * `completionEvents` (`onContext:…`) waits for. Completing a step when its command merely
 * started ticked it for a cancelled command, and the walkthrough's re-render on that tick took
 * the keyboard focus from the command's next quick pick.
 */
import * as vscode from 'vscode';

/** Each step's result and the context key its completion event names (package.json). */
export const WALKTHROUGH_KEYS = {
  secretStored: 'idv.walkthrough.secretStored',
  serverSnippetInserted: 'idv.walkthrough.serverSnippetInserted',
  clientSnippetInserted: 'idv.walkthrough.clientSnippetInserted',
  hashChecked: 'idv.walkthrough.hashChecked',
  installationReady: 'idv.walkthrough.installationReady',
  jwtMigrated: 'idv.walkthrough.jwtMigrated',
  secretRotated: 'idv.walkthrough.secretRotated',
} as const;

export type WalkthroughResult = keyof typeof WALKTHROUGH_KEYS;

/** What commands report to. */
export interface WalkthroughProgress {
  done(result: WalkthroughResult): void;
}

/** Sets the context keys; remembers what it set, for the integration tests. */
export class ContextKeyProgress implements WalkthroughProgress {
  private readonly reached = new Set<WalkthroughResult>();

  done(result: WalkthroughResult): void {
    if (this.reached.has(result)) return;
    this.reached.add(result);
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_KEYS[result], true);
  }

  /** The results reported in this session, in no particular order. */
  get results(): WalkthroughResult[] {
    return [...this.reached];
  }

  /** Back to nothing reported, context keys cleared (integration tests start each step from here). */
  async reset(): Promise<void> {
    this.reached.clear();
    for (const key of Object.values(WALKTHROUGH_KEYS)) await vscode.commands.executeCommand('setContext', key, false);
  }
}
