/**
 * The "Messenger Installations" view: one node per vendor and platform with its verdict (ready to
 * enforce, or not and why) and the scheme in use (HMAC, JWT or both mixed), under it the reasons,
 * info notes, and each installation, which opens its file at the line.
 * Holds only what the last `idv.checkInstallation` found; the core does the finding.
 */
import * as vscode from 'vscode';
import { MOBILE_REMINDER, type Installation, type PlatformScheme, type Readiness } from '../../core/install/index';
import { getVendor, type Platform } from '../../core/vendors';

/** What the check found, as `idv check --format json` prints it. */
export interface InstallResult {
  readonly installations: readonly Installation[];
  readonly readiness: readonly Readiness[];
}

/** A node of the view. */
export type InstallNode =
  | { readonly kind: 'verdict'; readonly readiness: Readiness; readonly installations: readonly Installation[] }
  | { readonly kind: 'reason'; readonly text: string; readonly ready: boolean }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'installation'; readonly installation: Installation };

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { web: 'Web', ios: 'iOS', android: 'Android' };
/** How the verdict's description names the scheme in use; nothing when no proof is sent. */
const SCHEME_NAMES: Readonly<Record<PlatformScheme, string>> = { hmac: 'HMAC', jwt: 'JWT', mixed: 'HMAC and JWT mixed', none: '' };

/** The view's data provider. */
export class InstallTreeProvider implements vscode.TreeDataProvider<InstallNode>, vscode.Disposable {
  private result: InstallResult = { installations: [], readiness: [] };
  private uriOf: (file: string) => vscode.Uri | undefined = () => undefined;
  private readonly emitter = new vscode.EventEmitter<InstallNode | undefined>();
  /** Fires when a new check replaced the contents. */
  readonly onDidChangeTreeData = this.emitter.event;

  /** Shows `result`; `uriOf` maps an installation's `file` back to the document to open. */
  set(result: InstallResult, uriOf: (file: string) => vscode.Uri | undefined): void {
    this.result = result;
    this.uriOf = uriOf;
    this.emitter.fire(undefined);
  }

  /** Verdicts at the top; under each, its reasons and then its installations. */
  getChildren(node?: InstallNode): InstallNode[] {
    if (!node) {
      return this.result.readiness.map((readiness) => ({
        kind: 'verdict',
        readiness,
        installations: this.result.installations.filter((i) => i.vendor === readiness.vendor && i.platform === readiness.platform),
      }));
    }
    if (node.kind !== 'verdict') return [];
    return [
      ...node.readiness.reasons.map((text): InstallNode => ({ kind: 'reason', text, ready: node.readiness.ready })),
      ...node.readiness.notes.map((text): InstallNode => ({ kind: 'note', text })),
      ...node.installations.map((installation): InstallNode => ({ kind: 'installation', installation })),
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
      const item = new vscode.TreeItem(node.text);
      item.tooltip = node.text;
      item.iconPath = new vscode.ThemeIcon(node.text === MOBILE_REMINDER ? 'device-mobile' : node.ready ? 'info' : 'warning');
      item.contextValue = 'idv.installReason';
      return item;
    }
    return installationItem(node.installation, this.uriOf(node.installation.file));
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function verdictItem(r: Readiness): vscode.TreeItem {
  const item = new vscode.TreeItem(`${getVendor(r.vendor).name} · ${PLATFORM_NAMES[r.platform]}`,
    r.ready ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  const scheme = SCHEME_NAMES[r.scheme];
  item.description = `${r.ready ? 'ready to enforce' : 'not ready to enforce'}${scheme ? ` · ${scheme}` : ''}`;
  item.iconPath = r.ready
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  const tooltip = new vscode.MarkdownString(`**${item.description}**`);
  for (const reason of r.reasons) tooltip.appendMarkdown('\n\n').appendText(`• ${reason}`);
  for (const note of r.notes) tooltip.appendMarkdown('\n\n').appendText(`ℹ ${note}`);
  item.tooltip = tooltip;
  item.contextValue = r.ready ? 'idv.installReady' : 'idv.installNotReady';
  return item;
}

function installationItem(i: Installation, uri: vscode.Uri | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(`${i.file}:${i.line}`);
  item.description = describe(i);
  item.tooltip = `${getVendor(i.vendor).name} on ${PLATFORM_NAMES[i.platform]}: ${describe(i)}`;
  const anonymous = i.identifiers.length === 0 && !i.sendsHash;
  item.iconPath = new vscode.ThemeIcon(anonymous ? 'person' : i.unresolved ? 'question' : !i.sendsHash ? 'circle-slash' : i.hashSource === 'client' ? 'error' : 'check');
  item.contextValue = 'idv.installation';
  if (uri) {
    const at = new vscode.Range(i.line - 1, 0, i.line - 1, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
  }
  return item;
}

/** "user_id, email · JWT sent · from the server", as the description and in tests. */
function describe(i: Installation): string {
  const who = i.identifiers.length > 0 ? i.identifiers.join(', ') : 'anonymous';
  if (i.unresolved) return `${who} · hash not readable here`;
  if (!i.sendsHash) return `${who} · no hash`;
  const from = i.hashSource === 'server' ? 'from the server' : i.hashSource === 'client' ? 'computed on the client' : 'origin unknown';
  return `${who} · ${i.scheme === 'jwt' ? 'JWT' : 'HMAC hash'} sent · ${from}`;
}

/** A node as rendered, for tests: label, description, icon id, command and children. */
export interface RenderedItem {
  readonly label: string;
  readonly description?: string;
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
      ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
      ...(item.command ? { command: { command: item.command.command, arguments: item.command.arguments ?? [] } } : {}),
      children: renderTree(provider, child),
    };
  });
}
