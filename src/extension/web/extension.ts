/**
 * The browser entry (package.json `browser`): what runs in VS Code for the Web (vscode.dev,
 * github.dev), where the extension host is a web worker with no Node.js, no processes and no
 * local disk. Everything that needs none of those is here, from the same modules as the Node
 * entry: diagnostics from the engine's text scanner with their quick fixes and documentation,
 * snippets (completions and Insert Snippet), the hash checker through WebCrypto, and the secret
 * commands (SecretStorage is the browser's). The commands that run git, read the workspace from
 * disk or load the syntax layer's grammars are hidden from the palette (`idv.webHost` in their
 * `when` clauses) and, when run anyway, say plainly why they are off here. README's "What works
 * where" lists the same split.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../context';
import { computeUserHash } from '../commands/computeUserHash';
import { forgetSecret } from '../commands/forgetSecret';
import { insertSnippet } from '../commands/insertSnippet';
import { setSecret } from '../commands/setSecret';
import { showProblems, showRuleDocs } from '../commands/showDocs';
import { IdvCodeActions } from '../diagnostics/codeActions';
import { ProjectConfigs } from '../diagnostics/projectConfig';
import type { FindingStore } from '../diagnostics/toDiagnostic';
import { registerRuleDocs, ruleDocsUri } from '../docs/ruleDocsView';
import { WindowPrompter } from '../prompts';
import { SecretVault } from '../secrets';
import { registerSnippetCompletions } from '../snippetCompletions';
import { IdvHover, registerDiagnosticHover } from '../diagnostics/hover';
import { ProblemCount } from '../statusBar';
import { ContextKeyProgress } from '../walkthroughProgress';
import { webCryptoHmac } from '../../core/userHash';
import { WebLinter } from './webLinter';
import { IdentityPanel, PANEL_VIEW } from '../panel/panelView';

/** The context key the manifest's `when` clauses read to hide what the browser host lacks. */
export const WEB_HOST_KEY = 'idv.webHost';

/** Commands of the Node entry that the browser host cannot run, with what each one needs. */
export const OFF_IN_BROWSER = {
  'idv.verifyUserHash': 'diagnoses a hash through node:crypto',
  'idv.createTestJwt': 'signs through node:crypto',
  'idv.inspectJwt': 'checks signatures through node:crypto',
  'idv.scanWorkspace': 'reads the workspace from disk and asks git what it ignores',
  'idv.scanHistory': 'runs git',
  'idv.checkSecretExposure': 'runs git and reads build output from disk',
  'idv.checkInstallation': 'reads the workspace from disk with the syntax layer',
  'idv.copyInstallReport': 'checks the installations, which reads the workspace from disk with the syntax layer',
  'idv.untrackSecretFile': 'runs git',
} as const satisfies Record<`idv.${string}`, string>;

/** The message a command that is off in the browser shows. */
export function offInBrowserMessage(command: keyof typeof OFF_IN_BROWSER): string {
  return `This command ${OFF_IN_BROWSER[command]}, which VS Code for the Web cannot do. Open the folder in VS Code desktop, or in a Codespace or another remote, to use it.`;
}

/** Called by VS Code on the first command or supported-language document. */
export function activate(context: vscode.ExtensionContext): void {
  const prompter = new WindowPrompter();
  const log = vscode.window.createOutputChannel('Identity Verification', { log: true });
  const ctx: CommandContext = {
    vault: new SecretVault(context.secrets), prompter: () => prompter, log, extension: context,
    walkthrough: new ContextKeyProgress(), hmac: webCryptoHmac,
  };
  void vscode.commands.executeCommand('setContext', WEB_HOST_KEY, true);
  registerRuleDocs(context.subscriptions);
  const findings: FindingStore = new WeakMap();
  const configs = new ProjectConfigs(log, async (file, mistakes) => {
    await prompter.warn(`${vscode.workspace.asRelativePath(file)} has ${mistakes.length === 1 ? 'a mistake' : `${mistakes.length} mistakes`}; the defaults are used for ${mistakes.length === 1 ? 'it' : 'them'}.`);
  });
  const linter = new WebLinter(configs, findings, log, ruleDocsUri);
  const problems = new ProblemCount(linter.collection);
  // No git here: the secret-file fix says which git commands to run instead of running them.
  const noGit = { isTracked: () => Promise.resolve(undefined) };
  const codeActions = new IdvCodeActions(findings, noGit);
  // The results panel runs here too: it needs no Node (its nonce comes from WebCrypto).
  const panel = new IdentityPanel(ctx);

  const commands = {
    'idv.computeUserHash': (args?: Parameters<typeof computeUserHash>[2]) => computeUserHash(ctx, panel, args),
    'idv.showPanel': () => panel.reveal(),
    'idv.setSecret': (args?: Parameters<typeof setSecret>[1]) => setSecret(ctx, args),
    'idv.forgetSecret': (args?: Parameters<typeof forgetSecret>[1]) => forgetSecret(ctx, args),
    'idv.insertSnippet': (args?: Parameters<typeof insertSnippet>[1]) => insertSnippet(ctx, args),
    'idv.showRuleDocs': (ruleId?: string) => showRuleDocs(ctx, ruleId),
    'idv.showProblems': () => showProblems(),
  } as const satisfies Record<`idv.${string}`, (...args: never[]) => unknown>;
  const off = (Object.keys(OFF_IN_BROWSER) as (keyof typeof OFF_IN_BROWSER)[]).map((id) => vscode.commands.registerCommand(id, () => {
    void prompter.info(offInBrowserMessage(id));
  }));

  context.subscriptions.push(
    log, configs, linter, problems, panel, ...off,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW, panel),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, codeActions, { providedCodeActionKinds: IdvCodeActions.providedCodeActionKinds }),
    // The same hover as on the desktop: the short why, this finding's facts and its fixes.
    ...registerDiagnosticHover(new IdvHover(linter.collection, findings, codeActions)),
    registerSnippetCompletions(context.extension),
    ...Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } finally {
        prompter.finish();
      }
    })),
  );
  log.info('Identity Verification Kit activated in the browser: diagnostics use the text scanner; git, the syntax layer and the workspace scans are off.');
}

/** Nothing to release beyond the subscriptions VS Code disposes. */
export function deactivate(): void {}
