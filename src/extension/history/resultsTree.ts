/**
 * The "Secrets in History and Builds" view: what the last history scan and the last known-secret
 * search found, one group each. A group says what was read; under it each finding (click: the
 * file as that commit left it, at the line), then what was not read and why. Never a value.
 */
import * as vscode from 'vscode';

export const RESULTS_VIEW = 'identityVerification.results';
/** Context key: the view shows only once there is something in it. */
const HAS_RESULTS = 'idv.hasResults';

export interface ResultItem {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: 'error' | 'warning' | 'pass' | 'info';
  readonly open?: vscode.Command;
}

export interface ResultGroup {
  /** One group per kind of search; a new result of the same kind replaces the old one. */
  readonly id: 'history' | 'known-secret';
  readonly label: string;
  /** What was read, e.g. "1,204 commits, 3,310 file changes". */
  readonly description: string;
  readonly items: readonly ResultItem[];
  /** What was not read, one line each with its reason. */
  readonly notRead: readonly string[];
}

type Node =
  | { readonly kind: 'group'; readonly group: ResultGroup }
  | { readonly kind: 'item'; readonly item: ResultItem }
  | { readonly kind: 'notRead'; readonly lines: readonly string[] }
  | { readonly kind: 'line'; readonly text: string };

export class ResultsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private groups: ResultGroup[] = [];
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  /** Replaces the group of the same id (history, known secret) and shows the view. */
  set(group: ResultGroup): void {
    this.groups = [...this.groups.filter((g) => g.id !== group.id), group].sort((a, b) => (a.id < b.id ? -1 : 1));
    void vscode.commands.executeCommand('setContext', HAS_RESULTS, true);
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') {
      const { items, notRead } = node.group;
      return [...items.map((item): Node => ({ kind: 'item', item })), ...(notRead.length > 0 ? [{ kind: 'notRead', lines: notRead } as Node] : [])];
    }
    if (node.kind === 'notRead') return node.lines.map((text) => ({ kind: 'line', text }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = group.description;
      item.tooltip = `${group.label}: ${group.description}`;
      item.iconPath = new vscode.ThemeIcon(group.items.length > 0 ? 'warning' : 'pass');
      return item;
    }
    if (node.kind === 'item') {
      const { item: r } = node;
      const item = new vscode.TreeItem(r.label);
      item.description = r.description;
      item.tooltip = r.tooltip;
      item.iconPath = new vscode.ThemeIcon(r.icon === 'pass' ? 'pass' : r.icon, r.icon === 'error' ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined);
      if (r.open) item.command = r.open;
      return item;
    }
    if (node.kind === 'notRead') {
      const item = new vscode.TreeItem(`${node.lines.length} not read`, vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.tooltip = 'What this search did not read, each with why';
      return item;
    }
    const item = new vscode.TreeItem(node.text);
    item.tooltip = node.text;
    return item;
  }

  /** The view as shown, for the integration tests: group, then its rows indented. */
  render(): string[] {
    const text = (item: vscode.TreeItem) => {
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      return typeof item.description === 'string' && item.description !== '' ? `${label} — ${item.description}` : label;
    };
    const out: string[] = [];
    for (const group of this.getChildren()) {
      out.push(text(this.getTreeItem(group)));
      for (const child of this.getChildren(group)) {
        out.push(`  ${text(this.getTreeItem(child))}`);
        for (const line of this.getChildren(child)) out.push(`    ${text(this.getTreeItem(line))}`);
      }
    }
    return out;
  }

  /** Runs the open command of the row labelled `label`, as a click does (for the integration tests). */
  async open(label: string): Promise<boolean> {
    const item = this.groups.flatMap((g) => g.items).find((i) => i.label === label);
    if (!item?.open) return false;
    await vscode.commands.executeCommand(item.open.command, ...((item.open.arguments ?? []) as unknown[]));
    return true;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
