import * as vscode from "vscode";
import type { Gitspace, GitspaceState } from "../protocol";
import type { GitspaceStore } from "../state/gitspaceStore";
import type { GitspaceUsage } from "../state/usage";
import { inUserWords } from "../ui/userWords";
import { formatAutoStop } from "../personal/personalization";
import { isPortNode, toPortItem, type PortNode } from "../ports/portItems";
import type { PortStore } from "../ports/portStore";
import { buildTree, countGitspaces, isGroup, type GroupNode, type TreeElement } from "./treeModel";

// Theme icons and theme colours, so the state reads the same in every colour theme (and high contrast).
const stateIcons: Record<GitspaceState, { id: string; color?: string }> = {
  uninitialized: { id: "circle-outline", color: "disabledForeground" },
  starting: { id: "loading~spin", color: "charts.yellow" },
  running: { id: "vm-running", color: "charts.green" },
  stopping: { id: "loading~spin", color: "charts.yellow" },
  stopped: { id: "vm-outline" },
  cleaning: { id: "loading~spin", color: "charts.yellow" },
  error: { id: "error", color: "errorForeground" },
  deleted: { id: "trash", color: "disabledForeground" },
};

/** The icon of a gitspace: its state's, or while a running one is still setting up (or failed to), a warning shade. */
export function stateIcon(g: Gitspace): { id: string; color?: string } {
  if (g.state === "running" && g.readiness === "setting_up") {
    return { id: "vm-active", color: "charts.yellow" };
  }
  if (g.state === "running" && g.readiness === "start_error") {
    return { id: "warning", color: "charts.orange" };
  }
  return stateIcons[g.state] ?? { id: "question" };
}

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
 * The contextValue of a gitspace's tree item: "gitspace.<state>", plus ".autoStop" when the record carries an idle
 * timeout (a provider with the autoStop capability: "Change Auto-Stop…" applies). package.json's view/item/context
 * menus match on it (e.g. viewItem =~ /^gitspace\.(running|stopped)(\.autoStop)?$/).
 */
export function contextValue(g: Gitspace): string {
  return `gitspace.${g.state}${g.autoStopSeconds !== undefined ? ".autoStop" : ""}`;
}

/** The tree item for one gitspace. Pure, so unit tests check labels, icons and context values. */
export function toTreeItem(g: Gitspace, mine = false): vscode.TreeItem {
  const item = new vscode.TreeItem(g.name, vscode.TreeItemCollapsibleState.None);
  item.id = `${g.provider}/${g.id}`;
  item.description = [stateLabel(g), g.provider, g.repository.branch].filter((s) => s !== undefined && s !== "").join(" · ");
  const icon = stateIcon(g);
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
  if (g.autoStopSeconds !== undefined) {
    tooltip.appendMarkdown(`- Auto-stop: ${g.autoStopSeconds === 0 ? "never" : `after ${formatAutoStop(g.autoStopSeconds)} without use`}\n`);
  }
  if (mine) {
    tooltip.appendMarkdown(`- Created from this editor\n`);
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

const providerIcons: Record<string, string> = { docker: "server-environment", harness: "cloud" };
const providerNames: Record<string, string> = { docker: "Docker", harness: "Harness" };

/** The label of a provider id in the view. */
export function providerLabel(provider: string): string {
  return providerNames[provider] ?? provider;
}

/** The tree item of a provider or repository group: expanded, with how many gitspaces it holds and how many run. */
export function toGroupItem(group: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = group.key;
  const all = collect(group);
  const running = all.filter((g) => g.state === "running").length;
  item.description = running > 0 ? `${all.length} · ${running} running` : `${all.length}`;
  item.iconPath = new vscode.ThemeIcon(group.group === "provider" ? (providerIcons[group.provider] ?? "server") : "repo");
  item.contextValue = `gitspaces.group.${group.group}`;
  item.tooltip = group.repository ?? providerLabel(group.provider);
  return item;
}

function collect(group: GroupNode): Gitspace[] {
  return group.children.flatMap((c) => (isGroup(c) ? collect(c) : [c]));
}

/** What the view's message says: why it is empty or stale, and what the filter hides. Pure. */
export function viewMessage(state: {
  sidecar: "stopped" | "starting" | "running" | "failed";
  loaded: boolean;
  lastError?: string;
  problems: { provider: string; message: string }[];
  filter?: string;
  shown: number;
  total: number;
}): string | undefined {
  if (state.sidecar === "failed") {
    return 'The gitspaces sidecar is not running. Run "Gitspaces: Restart Sidecar" or see the Gitspaces log.';
  }
  if (state.sidecar === "starting" && !state.loaded) {
    return "Starting the gitspaces sidecar…";
  }
  if (state.lastError) {
    return `Could not list gitspaces: ${state.lastError}`;
  }
  const parts: string[] = [];
  if (state.filter) {
    parts.push(
      state.shown === 0
        ? `No gitspace matches "${state.filter}" (${state.total} in all).`
        : `Showing ${state.shown} of ${state.total} gitspaces matching "${state.filter}".`,
    );
  }
  if (state.problems.length > 0) {
    parts.push(`Some providers could not be listed — ${state.problems.map((p) => `${p.provider}: ${inUserWords(p.message) || p.message}`).join("; ")}`);
  }
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/**
 * The "Gitspaces" view: the store's gitspaces, yours and the recently used first, grouped by provider (and by
 * repository when one has several), narrowed by the filter; refreshed whenever the store changes.
 */
export class GitspacesTreeProvider implements vscode.TreeDataProvider<TreeElement | PortNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeElement | undefined>();
  readonly onDidChangeTreeData: vscode.Event<TreeElement | undefined> = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly portSubscription: vscode.Disposable | undefined;
  private filterValue: string | undefined;

  constructor(
    private readonly store: GitspaceStore,
    private readonly usage?: GitspaceUsage,
    private readonly ports?: PortStore,
  ) {
    this.subscription = store.onDidChange(() => this.changeEmitter.fire(undefined));
    this.portSubscription = ports?.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  /** The filter text, or undefined when every gitspace is shown. */
  get filter(): string | undefined {
    return this.filterValue;
  }

  setFilter(text: string | undefined): void {
    const value = text?.trim() || undefined;
    if (value !== this.filterValue) {
      this.filterValue = value;
      this.changeEmitter.fire(undefined);
    }
  }

  /** How many gitspaces the view shows (after the filter). */
  get shownCount(): number {
    return countGitspaces(this.roots());
  }

  getTreeItem(element: TreeElement | PortNode): vscode.TreeItem {
    if (isPortNode(element)) {
      return toPortItem(element);
    }
    if (isGroup(element)) {
      return toGroupItem(element);
    }
    const item = toTreeItem(element, this.usage?.createdHere(element.id) ?? false);
    if (this.ports && element.state === "running") {
      // A running gitspace opens onto its ports (configured, listening, forwarded).
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    }
    return item;
  }

  getChildren(element?: TreeElement | PortNode): (TreeElement | PortNode)[] {
    if (!element) {
      return this.roots();
    }
    if (isPortNode(element)) {
      return [];
    }
    if (isGroup(element)) {
      return element.children;
    }
    if (!this.ports || element.state !== "running") {
      return [];
    }
    const known = this.ports.get(element.id);
    if (known === undefined) {
      // The first look asks the sidecar; the store's change event shows the answer.
      void this.ports.load(element.id);
      return [];
    }
    return known.map((port) => ({ kind: "port", gitspace: element, port }) satisfies PortNode);
  }

  private roots(): TreeElement[] {
    return buildTree(this.store.all, {
      filter: this.filterValue,
      lastUsed: (id) => this.usage?.lastUsed(id),
      mine: (id) => this.usage?.createdHere(id) ?? false,
      providerLabel,
      stateLabel,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.portSubscription?.dispose();
    this.changeEmitter.dispose();
  }
}
