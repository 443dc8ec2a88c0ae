import type { Gitspace } from "../protocol";

/** A folder in the Gitspaces view: a provider, or a repository within one. */
export interface GroupNode {
  kind: "group";
  group: "provider" | "repository";
  /** Stable across refreshes (the tree item's id, so expansion is kept). */
  key: string;
  label: string;
  /** For a provider group, its id; for a repository group, the provider it sits in. */
  provider: string;
  /** For a repository group, the URL. */
  repository?: string;
  children: TreeElement[];
}

/** What the view holds: gitspaces (the leaves, passed as they are to commands) and the groups above them. */
export type TreeElement = Gitspace | GroupNode;

export function isGroup(element: TreeElement): element is GroupNode {
  return (element as GroupNode).kind === "group";
}

export interface TreeOptions {
  /** Only gitspaces whose name, repository, branch, provider or state contains this (case-insensitive). */
  filter?: string;
  /** When the user last used a gitspace (ms), if ever. */
  lastUsed: (id: string) => number | undefined;
  /** Whether the user created the gitspace (from this editor). */
  mine: (id: string) => boolean;
  /** The label of a provider id ("Docker", "Harness CDE"). */
  providerLabel?: (provider: string) => string;
  /** The label of a state, for the filter. */
  stateLabel?: (g: Gitspace) => string;
}

/** Whether a gitspace matches the filter text. An empty filter matches everything. */
export function matchesFilter(g: Gitspace, filter: string | undefined, stateLabel: (g: Gitspace) => string = (x) => x.state): boolean {
  const text = filter?.trim().toLowerCase();
  if (!text) {
    return true;
  }
  return [g.name, g.id, g.repository.url, g.repository.branch ?? "", g.provider, stateLabel(g)].some((field) => field.toLowerCase().includes(text));
}

/** The time a gitspace counts as last used: the user's last use, else when the provider last changed it. */
function recency(g: Gitspace, options: TreeOptions): number {
  const updated = Date.parse(g.updatedAt);
  return options.lastUsed(g.id) ?? (Number.isNaN(updated) ? 0 : updated);
}

/** Yours first, then the most recently used, then by name. */
export function sortGitspaces(list: readonly Gitspace[], options: TreeOptions): Gitspace[] {
  return [...list].sort(
    (a, b) => Number(options.mine(b.id)) - Number(options.mine(a.id)) || recency(b, options) - recency(a, options) || a.name.localeCompare(b.name),
  );
}

/** A repository URL as a short label: owner/name without the scheme, credentials or ".git". */
export function repositoryLabel(url: string): string {
  const trimmed = url.replace(/\.git\/?$/, "").replace(/\/+$/, "");
  const scp = /^[^/@]+@[^:]+:(.+)$/.exec(trimmed);
  const pathPart = scp ? scp[1] : trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const parts = pathPart.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.slice(-2).join("/") || url;
}

/**
 * Builds the view: gitspaces filtered and sorted (yours first, then most recently used); grouped by provider when
 * more than one provider has gitspaces, and within a provider by repository when some repository has several.
 * Groups are ordered by their most recent member.
 */
export function buildTree(gitspaces: readonly Gitspace[], options: TreeOptions): TreeElement[] {
  const visible = sortGitspaces(
    gitspaces.filter((g) => matchesFilter(g, options.filter, options.stateLabel)),
    options,
  );
  const providers = [...new Set(visible.map((g) => g.provider))];
  if (providers.length <= 1) {
    return byRepository(visible, providers[0] ?? "");
  }
  return providers.map((provider) => {
    const members = visible.filter((g) => g.provider === provider);
    return {
      kind: "group",
      group: "provider",
      key: `provider:${provider}`,
      label: options.providerLabel?.(provider) ?? provider,
      provider,
      children: byRepository(members, provider),
    } satisfies GroupNode;
  });
}

function byRepository(sorted: Gitspace[], provider: string): TreeElement[] {
  const repositories = new Map<string, Gitspace[]>();
  for (const g of sorted) {
    const list = repositories.get(g.repository.url) ?? [];
    list.push(g);
    repositories.set(g.repository.url, list);
  }
  if (![...repositories.values()].some((list) => list.length > 1)) {
    return sorted;
  }
  // Map keeps insertion order, which is the order of each repository's first (most recent) member.
  return [...repositories.entries()].map(([url, list]) => ({
    kind: "group",
    group: "repository",
    key: `repository:${provider}:${url}`,
    label: repositoryLabel(url),
    provider,
    repository: url,
    children: list,
  }));
}

/** How many gitspaces a list of elements holds, groups included. */
export function countGitspaces(elements: readonly TreeElement[]): number {
  return elements.reduce((n, e) => n + (isGroup(e) ? countGitspaces(e.children) : 1), 0);
}
