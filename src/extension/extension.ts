/**
 * Entry point: wires the core to VS Code. Every command lives in its own module under
 * commands/; this file only registers them. Nothing heavy runs at activation.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { computeUserHash } from './commands/computeUserHash';
import { forgetSecret } from './commands/forgetSecret';
import { inspectJwt, JwtDocuments } from './commands/inspectJwt';
import { setSecret } from './commands/setSecret';
import { verifyUserHash } from './commands/verifyUserHash';
import { windowPrompter, type Prompter } from './prompts';
import { SecretVault } from './secrets';

/** Only returned in test mode: lets integration tests answer the commands' questions. */
export interface TestApi {
  setPrompter(prompter: Prompter | undefined): void;
}

/** Called by VS Code on the first command or supported-language document. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  let prompter: Prompter = windowPrompter;
  const log = vscode.window.createOutputChannel('Identity Verification', { log: true });
  const ctx: CommandContext = { vault: new SecretVault(context.secrets), prompter: () => prompter, log, extension: context };
  const jwtDocuments = new JwtDocuments();

  const commands = {
    'idv.computeUserHash': (args?: Parameters<typeof computeUserHash>[1]) => computeUserHash(ctx, args),
    'idv.verifyUserHash': (args?: Parameters<typeof verifyUserHash>[1]) => verifyUserHash(ctx, args),
    'idv.inspectJwt': (args?: Parameters<typeof inspectJwt>[2]) => inspectJwt(ctx, jwtDocuments, args),
    'idv.setSecret': (args?: Parameters<typeof setSecret>[1]) => setSecret(ctx, args),
    'idv.forgetSecret': (args?: Parameters<typeof forgetSecret>[1]) => forgetSecret(ctx, args),
  } as const satisfies Record<`idv.${string}`, (...args: never[]) => unknown>;

  context.subscriptions.push(
    log,
    vscode.workspace.registerTextDocumentContentProvider(JwtDocuments.scheme, jwtDocuments),
    ...Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
  );

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { setPrompter: (next) => { prompter = next ?? windowPrompter; } };
}

/** Nothing to release beyond the subscriptions VS Code disposes. */
export function deactivate(): void {}
