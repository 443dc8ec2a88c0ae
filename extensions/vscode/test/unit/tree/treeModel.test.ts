import { describe, expect, it } from "vitest";
import { buildTree, countGitspaces, isGroup, matchesFilter, repositoryLabel, sortGitspaces, type TreeOptions } from "../../../src/tree/treeModel";
import { makeGitspace } from "../helpers";

const none: TreeOptions = { lastUsed: () => undefined, mine: () => false };

describe("repositoryLabel", () => {
  it.each([
    ["https://github.com/acme/web.git", "acme/web"],
    ["https://token@example.com/org/team/api/", "team/api"],
    ["git@github.com:acme/api.git", "acme/api"],
    ["ssh://git@host:2222/acme/tools.git", "acme/tools"],
    ["/home/me/src/hello", "src/hello"],
    ["C:\\src\\hello", "src/hello"],
  ])("%s → %s", (url, label) => {
    expect(repositoryLabel(url)).toBe(label);
  });
});

describe("sortGitspaces", () => {
  it("puts yours first, then the most recently used (or changed), then by name", () => {
    const list = [
      makeGitspace({ id: "a", name: "a", updatedAt: "2026-01-05T00:00:00Z" }),
      makeGitspace({ id: "b", name: "b", updatedAt: "2026-01-01T00:00:00Z" }),
      makeGitspace({ id: "c", name: "c", updatedAt: "2026-01-03T00:00:00Z" }),
      makeGitspace({ id: "d", name: "d", updatedAt: "2026-01-03T00:00:00Z" }),
    ];
    expect(sortGitspaces(list, none).map((g) => g.id)).toEqual(["a", "c", "d", "b"]);
    const used = { b: Date.parse("2026-02-01T00:00:00Z") } as Record<string, number>;
    expect(sortGitspaces(list, { lastUsed: (id) => used[id], mine: (id) => id === "d" }).map((g) => g.id)).toEqual(["d", "b", "a", "c"]);
  });
});

describe("matchesFilter", () => {
  const g = makeGitspace({ name: "web-frontend", repository: { url: "https://example.com/acme/web.git", branch: "feature/login" }, provider: "docker", state: "stopped" });
  it("matches name, id, repository, branch, provider and state, ignoring case and spaces around", () => {
    for (const text of ["FRONT", "web-1", "acme/web", "login", "docker", "Stopped", "  ", ""]) {
      expect(matchesFilter(g, text)).toBe(true);
    }
    expect(matchesFilter(g, "harness")).toBe(false);
    expect(matchesFilter(g, undefined)).toBe(true);
  });
});

describe("buildTree", () => {
  it("stays a flat list for one provider with one gitspace per repository", () => {
    const tree = buildTree([makeGitspace({ id: "a" }), makeGitspace({ id: "b", repository: { url: "u2" } })], none);
    expect(tree.some(isGroup)).toBe(false);
    expect(countGitspaces(tree)).toBe(2);
  });

  it("groups by repository inside one provider when a repository has several", () => {
    const tree = buildTree(
      [makeGitspace({ id: "a", repository: { url: "https://x/acme/web.git" } }), makeGitspace({ id: "b", repository: { url: "https://x/acme/web.git" } }), makeGitspace({ id: "c", repository: { url: "https://x/acme/api.git" } })],
      none,
    );
    expect(tree.map((e) => (isGroup(e) ? `${e.group}:${e.label}:${e.children.length}` : e.id))).toEqual(["repository:acme/web:2", "repository:acme/api:1"]);
  });

  it("groups by provider when several providers have gitspaces, and drops empty groups under a filter", () => {
    const list = [makeGitspace({ id: "d1", name: "web", updatedAt: "2026-01-02T00:00:00Z" }), makeGitspace({ id: "h1", name: "docs", provider: "harness" })];
    const tree = buildTree(list, { ...none, providerLabel: (p) => p.toUpperCase() });
    expect(tree.map((e) => (isGroup(e) ? e.key : e.id))).toEqual(["provider:docker", "provider:harness"]);
    expect(tree.map((e) => (isGroup(e) ? e.label : ""))).toEqual(["DOCKER", "HARNESS"]);
    expect(buildTree(list, { ...none, filter: "docs" }).map((e) => (isGroup(e) ? e.key : e.id))).toEqual(["h1"]);
  });
});
