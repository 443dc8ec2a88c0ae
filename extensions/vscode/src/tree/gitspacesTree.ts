import * as vscode from "vscode";
import type { Gitspace, GitspaceState } from "../protocol";
import type { GitspaceStore } from "../state/gitspaceStore";

const stateIcons: Record<GitspaceState, { id: string; color?: string }> = {
  uninitialized: { id: "circle-outline" },
  starting: { id: "loading~spin" },
  running: { id: "vm-running", color: "testing.iconPassed" },
  stopping: { id: "loading~spin" },
  stopped: { id: "vm-outline" },
  cleaning: { id: "loading~spin" },
  error: { id: "error", color: "testing.iconFailed" },
  deleted: { id: "trash" },
};

const stateLabels: Record<GitspaceState, string> = {
  uninitialized: "Not started",
  starting: "Starting",
  running: "Running",
  stopping: "Stopping",
  stopped: "Stopped",
  cleaning: "Cleaning up",
  error: "Error",
  deleted: "Deleted",
};

export function stateLabel(g: Gitspace): string {
  if (g.state === "running" && g.readiness === "setting_up") {
    return "Running (setting up)";
  }
  if (g.state === "running" && g.readiness === "start_error") {
    return "Running (setup failed)";
  }
  return stateLabels[g.state] ?? g.state;
}

/**
 * The contextValue of a gitspace's tree item: "gitspace.<state>" plus ".busy" while an operation runs on it.
 * package.json's view/item/context menus match on it (e.g. viewItem =~ /^gitspace\.running/).
 */
export function contextValue(g: Gitspace): string {
  return `gitspace.${g.state}`;
}

/** The tree item for one gitspace. Pure, so unit tests check labels, icons and context values. */
export function toTreeItem(g: Gitspace): vscode.TreeItem {
  const item = new vscode.TreeItem(g.name, vscode.TreeItemCollapsibleState.None);
  item.id = `${g.provider}/${g.id}`;
  item.description = [stateLabel(g), g.provider, g.repository.branch].filter((s) => s !== undefined && s !== "").join(" · ");
  const icon = stateIcons[g.state] ?? { id: "question" };
  item.iconPath = new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.contextValue = contextValue(g);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(g.name)}** — ${stateLabel(g)}\n\n`);
  tooltip.appendMarkdown(`- Repository: ${escape(g.repository.url)}${g.repository.branch ? ` (${escape(g.repository.branch)})` : ""}\n`);
  tooltip.appendMarkdown(`- Provider: ${escape(g.provider)}\n`);
  tooltip.appendMarkdown(`- IDE: ${escape(g.ide)}\n`);
  if (g.devcontainerPath) {
    tooltip.appendMarkdown(`- Configuration: ${escape(g.devcontainerPath)}\n`);
  }
  if (g.image) {
    tooltip.appendMarkdown(`- Image: ${escape(g.image)}\n`);
  }
  if (g.errorMessage) {
    tooltip.appendMarkdown(`\n$(error) ${escape(g.errorMessage)}\n`);
  }
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `${g.name}, ${stateLabel(g)}, ${g.provider}` };
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** The "Gitspaces" view: one item per gitspace, refreshed whenever the store changes. */
export class GitspacesTreeProvider implements vscode.TreeDataProvider<Gitspace>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Gitspace | undefined>();
  readonly onDidChangeTreeData: vscode.Event<Gitspace | undefined> = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: GitspaceStore) {
    this.subscription = store.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  getTreeItem(element: Gitspace): vscode.TreeItem {
    return toTreeItem(element);
  }

  getChildren(element?: Gitspace): Gitspace[] {
    return element ? [] : this.store.all;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
