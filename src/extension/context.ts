/** What every command handler gets: the secret vault, the prompter and the log. */
import type * as vscode from 'vscode';
import type { HmacSha256 } from '../core/userHash';
import type { Prompter } from './prompts';
import type { SecretVault } from './secrets';
import type { WalkthroughProgress } from './walkthroughProgress';

export interface CommandContext {
  readonly vault: SecretVault;
  /** A getter, so a test can swap the prompter after activation. */
  readonly prompter: () => Prompter;
  /** What the extension did; never a secret. */
  readonly log: vscode.LogOutputChannel;
  readonly extension: vscode.ExtensionContext;
  /** Where commands report the results that complete a walkthrough step. */
  readonly walkthrough: WalkthroughProgress;
  /** HMAC-SHA256 as this host has it: node:crypto in Node, WebCrypto in the browser. */
  readonly hmac: HmacSha256;
}
