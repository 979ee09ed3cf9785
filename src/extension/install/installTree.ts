/**
 * The "Messenger Installations" view: one node per vendor and platform with its verdict (ready to
 * enforce, or not) and the scheme in use on top; under it the reasons that concern the platform as
 * a whole, info notes, then one row per installation (`file:line`, its own verdict icon), which
 * opens its file at the line and holds the reasons about that place as its children. Every row's
 * tooltip carries its full text, which a narrow side bar cuts.
 * Holds only what the last `idv.checkInstallation` found; the core does the finding and the words.
 */
import * as vscode from 'vscode';
import { formatCheckText, MOBILE_REMINDER, readinessDetails, type CheckReport, type Installation, type PlatformScheme, type Readiness, type ReadinessReason } from '../../core/install/index';
import { getVendor, type Platform } from '../../core/vendors';

/** What the check found, as `idv check --format json` prints it. */
export type InstallResult = CheckReport;

/** A node of the view. */
export type InstallNode =
  | { readonly kind: 'verdict'; readonly readiness: Readiness; readonly general: readonly ReadinessReason[]; readonly installations: readonly InstallationNode[] }
  | { readonly kind: 'reason'; readonly reason: ReadinessReason; readonly ready: boolean }
  | { readonly kind: 'note'; readonly text: string }
  | InstallationNode;

type InstallationNode = { readonly kind: 'installation'; readonly installation: Installation; readonly reasons: readonly ReadinessReason[] };

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { web: 'Web', ios: 'iOS', android: 'Android' };
/** How the verdict's description names the scheme in use; nothing when no proof is sent. */
const SCHEME_NAMES: Readonly<Record<PlatformScheme, string>> = { hmac: 'HMAC', jwt: 'JWT', mixed: 'HMAC and JWT mixed', none: '' };

/** The view's data provider. */
export class InstallTreeProvider implements vscode.TreeDataProvider<InstallNode>, vscode.Disposable {
  private result: InstallResult = { installations: [], readiness: [] };
  /** False until a check has filled the view (an empty report would then claim there is nothing). */
  checked = false;
  private roots: InstallNode[] = [];
  private uriOf: (file: string) => vscode.Uri | undefined = () => undefined;
  private readonly emitter = new vscode.EventEmitter<InstallNode | undefined>();
  /** Fires when a new check replaced the contents. */
  readonly onDidChangeTreeData = this.emitter.event;

  /** Shows `result`; `uriOf` maps an installation's `file` back to the document to open. */
  set(result: InstallResult, uriOf: (file: string) => vscode.Uri | undefined): void {
    this.result = result;
    this.checked = true;
    this.uriOf = uriOf;
    // The reasons tied to the installations they name (the same verdicts as result.readiness).
    this.roots = readinessDetails(result.installations).map(({ readiness, reasons }) => ({
      kind: 'verdict',
      readiness,
      general: reasons.filter((r) => r.installation === undefined),
      installations: result.installations
        .filter((i) => i.vendor === readiness.vendor && i.platform === readiness.platform)
        .map((installation) => ({ kind: 'installation', installation, reasons: reasons.filter((r) => r.installation === installation) })),
    }));
    this.emitter.fire(undefined);
  }

  /** The report `idv check --format text` prints for the same files. */
  report(): string {
    return formatCheckText(this.result);
  }

  /** Verdicts at the top; under each, the platform's own reasons and notes, then its installations. */
  getChildren(node?: InstallNode): InstallNode[] {
    if (!node) return this.roots;
    if (node.kind === 'installation') return node.reasons.map((reason): InstallNode => ({ kind: 'reason', reason, ready: !blocks(node.installation) }));
    if (node.kind !== 'verdict') return [];
    return [
      ...node.general.map((reason): InstallNode => ({ kind: 'reason', reason, ready: node.readiness.ready })),
      ...node.readiness.notes.map((text): InstallNode => ({ kind: 'note', text })),
      ...node.installations,
    ];
  }

  /** How each node looks. */
  getTreeItem(node: InstallNode): vscode.TreeItem {
    if (node.kind === 'verdict') return verdictItem(node.readiness);
    if (node.kind === 'note') {
      // Information only: it never makes a platform "not ready".
      const item = new vscode.TreeItem(node.text);
      item.tooltip = node.text;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'idv.installNote';
      return item;
    }
    if (node.kind === 'reason') {
      const item = new vscode.TreeItem(node.reason.short);
      item.tooltip = node.reason.text;
      item.iconPath = new vscode.ThemeIcon(node.reason.text === MOBILE_REMINDER ? 'device-mobile' : node.ready ? 'info' : 'warning');
      item.contextValue = 'idv.installReason';
      return item;
    }
    return installationItem(node, this.uriOf(node.installation.file));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** True when this installation is one of the reasons its platform is not ready. */
function blocks(i: Installation): boolean {
  return (i.identifiers.length > 0 && !i.sendsHash && !i.unresolved) || (i.sendsHash && i.hashSource === 'client');
}

function verdictItem(r: Readiness): vscode.TreeItem {
  const item = new vscode.TreeItem(`${getVendor(r.vendor).name} · ${PLATFORM_NAMES[r.platform]}`, vscode.TreeItemCollapsibleState.Expanded);
  const scheme = SCHEME_NAMES[r.scheme];
  item.description = `${r.ready ? 'ready to enforce' : 'not ready to enforce'}${scheme ? ` · ${scheme}` : ''}`;
  item.iconPath = r.ready
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const tooltip = new vscode.MarkdownString().appendText(`${getVendor(r.vendor).name} on ${PLATFORM_NAMES[r.platform]}: `).appendMarkdown(`**${item.description}**`);
  for (const reason of r.reasons) tooltip.appendMarkdown('\n\n').appendText(`• ${reason}`);
  for (const note of r.notes) tooltip.appendMarkdown('\n\n').appendText(`ℹ ${note}`);
  item.tooltip = tooltip;
  item.contextValue = r.ready ? 'idv.installReady' : 'idv.installNotReady';
  return item;
}

function installationItem(node: InstallationNode, uri: vscode.Uri | undefined): vscode.TreeItem {
  const i = node.installation;
  const item = new vscode.TreeItem(`${i.file}:${i.line}`, node.reasons.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.description = describe(i);
  item.tooltip = [`${i.file}:${i.line}`, `${getVendor(i.vendor).name} on ${PLATFORM_NAMES[i.platform]}: ${describe(i)}`, ...node.reasons.map((r) => `• ${r.short}`)].join('\n');
  item.iconPath = installationIcon(i);
  item.contextValue = 'idv.installation';
  if (uri) {
    const at = new vscode.Range(i.line - 1, 0, i.line - 1, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
  }
  return item;
}

/** The installation's own verdict: fine, blocks enforcement, or needs a look. */
function installationIcon(i: Installation): vscode.ThemeIcon {
  if (i.identifiers.length === 0 && !i.sendsHash) return new vscode.ThemeIcon('person');
  if (i.unresolved) return new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
  if (!i.sendsHash) return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
  if (i.hashSource === 'client') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (i.hashSource === 'unknown' && i.identifiers.length > 0) return new vscode.ThemeIcon('question');
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

/** "user_id, email · JWT sent · from the server", as the description and in tests. */
function describe(i: Installation): string {
  const who = i.identifiers.length > 0 ? i.identifiers.join(', ') : 'anonymous';
  if (i.unresolved) return `${who} · hash not readable here`;
  if (!i.sendsHash) return `${who} · no hash`;
  const from = i.hashSource === 'server' ? 'from the server' : i.hashSource === 'client' ? 'computed on the client' : 'origin unknown';
  return `${who} · ${i.scheme === 'jwt' ? 'JWT' : 'HMAC hash'} sent · ${from}`;
}

/** A node as rendered, for tests: label, description, tooltip text, icon id, command and children. */
export interface RenderedItem {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: string;
  readonly command?: { readonly command: string; readonly arguments: readonly unknown[] };
  readonly children: readonly RenderedItem[];
}

/** Renders the whole tree through the provider's own getChildren/getTreeItem, as the view would. */
export function renderTree(provider: InstallTreeProvider, node?: InstallNode): RenderedItem[] {
  return provider.getChildren(node).map((child) => {
    const item = provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return {
      label,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      ...(item.tooltip !== undefined ? { tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip.value } : {}),
      ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
      ...(item.command ? { command: { command: item.command.command, arguments: item.command.arguments ?? [] } } : {}),
      children: renderTree(provider, child),
    };
  });
}
