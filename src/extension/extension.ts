/**
 * Entry point: wires the core to VS Code. Every command lives in its own module under
 * commands/; this file only builds the services and registers them. Activation does no
 * scanning: documents are linted as they open.
 */
import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { checkInstallation, INSTALLATIONS_VIEW } from './commands/checkInstallation';
import { checkSecretExposure } from './commands/checkSecretExposure';
import { computeUserHash } from './commands/computeUserHash';
import { createTestJwt } from './commands/createTestJwt';
import { forgetSecret } from './commands/forgetSecret';
import { insertSnippet } from './commands/insertSnippet';
import { inspectJwt } from './commands/inspectJwt';
import { scanGitHistory } from './commands/scanHistory';
import { scanWorkspace } from './commands/scanWorkspace';
import { setSecret } from './commands/setSecret';
import { showProblems, showRuleDocs } from './commands/showDocs';
import { untrackSecretFile } from './commands/untrackSecretFile';
import { verifyUserHash } from './commands/verifyUserHash';
import { IdvCodeActions } from './diagnostics/codeActions';
import { IdvHover, registerDiagnosticHover } from './diagnostics/hover';
import { MigrationActions } from './migrationActions';
import { GitState } from './diagnostics/gitState';
import { DocumentLinter, type LintTimings } from './diagnostics/linter';
import { registerRuleDocs, ruleDocsUri, type RenderedDocs } from './docs/ruleDocsView';
import { ProjectConfigs } from './diagnostics/projectConfig';
import type { FindingStore } from './diagnostics/toDiagnostic';
import { WindowPrompter, type Prompter } from './prompts';
import { SecretVault } from './secrets';
import { registerSnippetCompletions } from './snippetCompletions';
import { InstallTreeProvider, renderTree, type RenderedItem } from './install/installTree';
import { IdentityPanel, PANEL_VIEW } from './panel/panelView';
import type { PanelMessage, PanelState } from './panel/panelHtml';
import { ProblemCount } from './statusBar';
import { EditorProject } from './project';
import { GIT_SCHEME, GitShowProvider } from './history/gitShow';
import { HistoryNotes } from './history/notes';
import { RESULTS_VIEW, ResultsTreeProvider } from './history/resultsTree';
import { EditorSyntax } from './syntax';
import { nodeHmac } from '../core/hmac';
import type { FileFacts } from '../core/syntax/index';
import { ContextKeyProgress, type WalkthroughResult } from './walkthroughProgress';

/** Only returned in test mode (or IDV_TEST_API=1): lets integration tests answer questions and read timings. */
export interface TestApi {
  setPrompter(prompter: Prompter | undefined): void;
  lintTimings(): LintTimings;
  /** Resolves after the next lint of `uri` completes. */
  nextLint(uri: vscode.Uri): Promise<void>;
  problemCount(): number;
  /** The "Secrets in History and Builds" view as rendered: group rows, then their rows indented. */
  resultsTree(): string[];
  /** Clicks the results view's row labelled `label`; false when there is none. */
  openResult(label: string): Promise<boolean>;
  /** The installations view as rendered (labels, descriptions, icons, open commands). */
  installationTree(): RenderedItem[];
  /** What the Identity Verification panel holds now. */
  panelState(): PanelState;
  /** Resolves with the text of the panel's page the next time it has loaded and shows `done`. */
  panelShows(done: (text: string) => boolean): Promise<string>;
  /** Acts on a panel button's message, as a click does. */
  panelMessage(message: PanelMessage): Promise<void>;
  /** Resolves with the next rule documentation page a webview shows. */
  nextDocsRender(): Promise<RenderedDocs>;
  /** The walkthrough results reported so far (each one's context key is set). */
  walkthroughResults(): WalkthroughResult[];
  /** Forgets the walkthrough results and clears their context keys. */
  resetWalkthrough(): Promise<void>;
  /** The syntax layer's facts for a document (its grammar loads on first use). */
  syntaxFacts(uri: vscode.Uri): Promise<FileFacts | undefined>;
  /** The grammars the syntax layer has loaded, with their load times in milliseconds. */
  syntaxLoaded(): Record<string, number>;
  /** The grammars loaded when activation returned: none, they load when a document needs one. */
  readonly syntaxLoadedAtActivation: Record<string, number>;
  /** How long `activate` took, for the log of the integration run (never asserted on). */
  readonly activationMs: number;
}

/** Called by VS Code on the first command or supported-language document. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  const windowPrompter = new WindowPrompter();
  let prompter: Prompter = windowPrompter;
  const log = vscode.window.createOutputChannel('Identity Verification', { log: true });
  const walkthrough = new ContextKeyProgress();
  const ctx: CommandContext = { vault: new SecretVault(context.secrets), prompter: () => prompter, log, extension: context, walkthrough, hmac: nodeHmac };
  const docs = registerRuleDocs(context.subscriptions);

  const findings: FindingStore = new WeakMap();
  const configs = new ProjectConfigs(log, async (file, mistakes) => {
    const OPEN = 'Open .idvrc.json';
    const answer = await ctx.prompter().warn(`${vscode.workspace.asRelativePath(file)} has ${mistakes.length === 1 ? 'a mistake' : `${mistakes.length} mistakes`} (${mistakes[0] ?? ''}${mistakes.length > 1 ? ', …' : ''}); the defaults are used for ${mistakes.length === 1 ? 'it' : 'them'}.`, OPEN);
    if (answer === OPEN) await vscode.window.showTextDocument(file);
  });
  const git = new GitState();
  // Loads nothing now: grammars load when a document in their language first needs one.
  const syntax = new EditorSyntax(context.asAbsolutePath('dist/grammars'), log);
  context.subscriptions.push(syntax);
  const project = new EditorProject(syntax, configs, log);
  context.subscriptions.push(project);
  const linter = new DocumentLinter(configs, git, findings, log, ruleDocsUri, syntax, project, new HistoryNotes(git, log));
  const problems = new ProblemCount(linter.collection);
  const codeActions = new IdvCodeActions(findings, git);
  const installTree = new InstallTreeProvider();
  const installView = vscode.window.createTreeView(INSTALLATIONS_VIEW, { treeDataProvider: installTree, showCollapseAll: true });
  const results = new ResultsTreeProvider();
  const resultsView = vscode.window.createTreeView(RESULTS_VIEW, { treeDataProvider: results, showCollapseAll: true });
  const panel = new IdentityPanel(ctx);

  const commands = {
    'idv.computeUserHash': (args?: Parameters<typeof computeUserHash>[2]) => computeUserHash(ctx, panel, args),
    'idv.verifyUserHash': (args?: Parameters<typeof verifyUserHash>[2]) => verifyUserHash(ctx, panel, args),
    'idv.createTestJwt': (args?: Parameters<typeof createTestJwt>[1]) => createTestJwt(ctx, args),
    'idv.inspectJwt': (args?: Parameters<typeof inspectJwt>[2]) => inspectJwt(ctx, panel, args),
    'idv.setSecret': (args?: Parameters<typeof setSecret>[1]) => setSecret(ctx, args),
    'idv.forgetSecret': (args?: Parameters<typeof forgetSecret>[1]) => forgetSecret(ctx, args),
    'idv.insertSnippet': (args?: Parameters<typeof insertSnippet>[1]) => insertSnippet(ctx, args, syntax),
    'idv.checkInstallation': async () => {
      const result = await checkInstallation(ctx, { git, configs, tree: installTree, syntax });
      // The walkthrough's step is done when the check passes: installations found, all ready.
      if (result && result.installations.length > 0 && result.readiness.every((r) => r.ready)) {
        walkthrough.done('installationReady');
        // The migration step: JWTs sent, and no vendor that recommends them still on its HMAC
        // (its note); a mix is never ready. Crisp and other HMAC-only vendors do not hold it back.
        if (result.readiness.some((r) => r.scheme === 'jwt') && result.readiness.every((r) => r.notes.length === 0)) walkthrough.done('jwtMigrated');
      }
      return result;
    },
    'idv.scanWorkspace': () => scanWorkspace(ctx, { linter, git, configs, syntax, panel }),
    'idv.showPanel': () => panel.reveal(),
    'idv.copyInstallReport': async () => {
      // A report before any check would say "no installations": check first.
      if (!installTree.checked && !await vscode.commands.executeCommand('idv.checkInstallation')) return undefined;
      const report = installTree.report();
      await vscode.env.clipboard.writeText(report);
      void ctx.prompter().info('Copied the installation report (as idv check --format text prints it).');
      return report;
    },
    'idv.scanHistory': (folder?: vscode.Uri) => scanGitHistory(ctx, { configs, results }, folder),
    'idv.checkSecretExposure': () => checkSecretExposure(ctx, results),
    'idv.showRuleDocs': (ruleId?: string) => showRuleDocs(ctx, ruleId),
    'idv.showProblems': () => showProblems(),
    'idv.untrackSecretFile': (uri?: vscode.Uri) => untrackSecretFile(ctx, git, uri),
  } as const satisfies Record<`idv.${string}`, (...args: never[]) => unknown>;

  context.subscriptions.push(
    log, configs, git, linter, problems, installTree, installView, results, resultsView, panel,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW, panel),
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitShowProvider()),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, codeActions, { providedCodeActionKinds: IdvCodeActions.providedCodeActionKinds }),
    ...registerDiagnosticHover(new IdvHover(linter.collection, findings, codeActions)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new MigrationActions(syntax), { providedCodeActionKinds: MigrationActions.providedCodeActionKinds }),
    registerSnippetCompletions(context.extension),
    ...Object.entries(commands).map(([id, handler]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } finally {
        // A command's questions share one box (prompts.ts); it closes when the command is done.
        prompter.finish();
      }
    })),
  );
  const activationMs = performance.now() - started;
  log.info(`Identity Verification Kit activated in ${activationMs.toFixed(1)} ms.`);

  // The integration suite runs against the extension installed from its .vsix (Production mode),
  // so the runner asks for the test API through the extension host's environment as well.
  if (context.extensionMode !== vscode.ExtensionMode.Test && process.env.IDV_TEST_API !== '1') return undefined;
  const loadedAtActivation = syntax.loaded();
  return {
    setPrompter: (next) => { prompter = next ?? windowPrompter; },
    lintTimings: () => linter.timings,
    nextLint: (uri) => new Promise((resolve) => {
      const subscription = linter.onDidLint((linted) => {
        if (linted.toString() !== uri.toString()) return;
        subscription.dispose();
        resolve();
      });
    }),
    problemCount: () => problems.count,
    installationTree: () => renderTree(installTree),
    panelState: () => panel.current,
    panelShows: (done) => new Promise((resolve) => {
      const subscription = panel.onDidShow((text) => {
        if (!done(text)) return;
        subscription.dispose();
        resolve(text);
      });
    }),
    panelMessage: (message) => panel.receive(message),
    resultsTree: () => results.render(),
    openResult: (label) => results.open(label),
    walkthroughResults: () => walkthrough.results,
    resetWalkthrough: () => walkthrough.reset(),
    nextDocsRender: () => new Promise((resolve) => {
      const subscription = docs.onDidRender((rendered) => {
        subscription.dispose();
        resolve(rendered);
      });
    }),
    syntaxFacts: (uri) => syntax.facts(uri),
    syntaxLoaded: () => syntax.loaded(),
    syntaxLoadedAtActivation: loadedAtActivation,
    activationMs,
  };
}

/** Nothing to release beyond the subscriptions VS Code disposes. */
export function deactivate(): void {}
