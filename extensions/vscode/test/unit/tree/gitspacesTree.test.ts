import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import pkg from "../../../package.json";
import { GitspaceStates } from "../../../src/protocol";
import { GitspaceStore } from "../../../src/state/gitspaceStore";
import type { Gitspace } from "../../../src/protocol";
import { GitspaceUsage } from "../../../src/state/usage";
import { contextValue, GitspacesTreeProvider, toTreeItem, viewMessage } from "../../../src/tree/gitspacesTree";
import type { GroupNode } from "../../../src/tree/treeModel";
import { resetVscodeMock } from "../../mocks/vscode";
import { FakeSidecar, makeGitspace, MemoryMemento } from "../helpers";

beforeEach(() => resetVscodeMock());

/** The commands whose view/item/context entry matches a context value (package.json `when` clauses). */
function menuCommands(value: string, inline: boolean): string[] {
  return pkg.contributes.menus["view/item/context"]
    .filter((m) => (m.group ?? "").startsWith("inline") === inline)
    .filter((m) => {
      const regex = /viewItem =~ \/(.+)\/$/.exec(m.when)?.[1];
      return regex !== undefined && new RegExp(regex.replace(/\\\\/g, "\\")).test(value);
    })
    .map((m) => m.command);
}

describe("toTreeItem", () => {
  it("shows name, state, provider and branch, with a state icon and context value", () => {
    const item = toTreeItem(makeGitspace());
    expect(item.label).toBe("web");
    expect(item.description).toBe("Running · docker · main");
    expect((item.iconPath as vscode.ThemeIcon).id).toBe("vm-running");
    expect(item.contextValue).toBe("gitspace.running");
    expect((item.tooltip as vscode.MarkdownString).value).toContain("Repository: https://example\\.com/acme/web\\.git (main)");
  });

  it("says when a running gitspace is still setting up or failed setup", () => {
    expect(toTreeItem(makeGitspace({ readiness: "setting_up" })).description).toBe("Running (setting up) · docker · main");
    expect(toTreeItem(makeGitspace({ readiness: "start_error" })).description).toBe("Running (setup failed) · docker · main");
  });

  it("shows the error message of an errored gitspace", () => {
    const item = toTreeItem(makeGitspace({ state: "error", errorMessage: "postCreateCommand failed" }));
    expect((item.iconPath as vscode.ThemeIcon).id).toBe("error");
    expect((item.tooltip as vscode.MarkdownString).value).toContain("postCreateCommand failed");
  });

  it("spins while an operation is under way", () => {
    for (const state of ["starting", "stopping", "cleaning"] as const) {
      expect((toTreeItem(makeGitspace({ state })).iconPath as vscode.ThemeIcon).id).toBe("loading~spin");
    }
  });

  it("offers the actions that fit each state", () => {
    expect(menuCommands(contextValue(makeGitspace({ state: "running" })), true)).toEqual(["gitspaces.openInCurrentWindow", "gitspaces.stop"]);
    expect(menuCommands(contextValue(makeGitspace({ state: "stopped" })), true)).toEqual(["gitspaces.openInCurrentWindow", "gitspaces.start"]);
    expect(menuCommands(contextValue(makeGitspace({ state: "error" })), true)).toEqual(["gitspaces.start"]);
    expect(menuCommands(contextValue(makeGitspace({ state: "starting" })), true)).toEqual(["gitspaces.stop"]);
    expect(menuCommands(contextValue(makeGitspace({ state: "cleaning" })), true)).toEqual([]);
    expect(menuCommands(contextValue(makeGitspace({ state: "stopped" })), false)).toEqual([
      "gitspaces.openInCurrentWindow",
      "gitspaces.openInNewWindow",
      "gitspaces.openInJetBrains",
      "gitspaces.copySshCommand",
      "gitspaces.copyLink",
      "gitspaces.start",
      "gitspaces.rebuild",
      "gitspaces.showLogs",
      "gitspaces.showEvents",
      "gitspaces.delete",
    ]);
    expect(menuCommands(contextValue(makeGitspace({ state: "cleaning" })), false)).toEqual(["gitspaces.copyLink", "gitspaces.showLogs", "gitspaces.showEvents", "gitspaces.delete"]);
    for (const state of GitspaceStates) {
      expect(contextValue(makeGitspace({ state }))).toBe(`gitspace.${state}`);
    }
  });

  it("marks a gitspace that carries an idle timeout, offers Change Auto-Stop on it, and keeps every other action", () => {
    const running = makeGitspace({ state: "running", autoStopSeconds: 3600 });
    expect(contextValue(running)).toBe("gitspace.running.autoStop");
    expect(contextValue(makeGitspace({ state: "stopped", autoStopSeconds: 0 }))).toBe("gitspace.stopped.autoStop");
    expect(menuCommands(contextValue(running), true)).toEqual(["gitspaces.openInCurrentWindow", "gitspaces.stop"]);
    const plain = menuCommands(contextValue(makeGitspace({ state: "stopped" })), false);
    expect(menuCommands(contextValue(makeGitspace({ state: "stopped", autoStopSeconds: 60 })), false)).toEqual([
      ...plain.slice(0, plain.indexOf("gitspaces.rebuild") + 1),
      "gitspaces.changeAutoStop",
      ...plain.slice(plain.indexOf("gitspaces.rebuild") + 1),
    ]);
    expect(menuCommands(contextValue(makeGitspace({ state: "stopped" })), false)).not.toContain("gitspaces.changeAutoStop");
    expect(menuCommands(contextValue(makeGitspace({ state: "cleaning", autoStopSeconds: 60 })), false)).not.toContain("gitspaces.changeAutoStop");
  });

  it("says the idle timeout in the tooltip when the record carries it", () => {
    expect((toTreeItem(makeGitspace({ autoStopSeconds: 5400 })).tooltip as vscode.MarkdownString).value).toContain("- Auto-stop: after 1 h 30 min without use\n");
    expect((toTreeItem(makeGitspace({ autoStopSeconds: 0 })).tooltip as vscode.MarkdownString).value).toContain("- Auto-stop: never\n");
    expect((toTreeItem(makeGitspace()).tooltip as vscode.MarkdownString).value).not.toContain("Auto-stop");
  });
});

describe("GitspacesTreeProvider", () => {
  it("lists the store's gitspaces, most recently changed first, and refreshes on change", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({
      gitspaces: [
        makeGitspace({ id: "old", name: "old", updatedAt: "2025-01-01T00:00:00Z", repository: { url: "https://example.com/acme/old.git" } }),
        makeGitspace({ id: "new", name: "new" }),
      ],
    }));
    const store = new GitspaceStore(async () => fake);
    const tree = new GitspacesTreeProvider(store);
    const changed = vi.fn();
    tree.onDidChangeTreeData(changed);
    await store.refresh();
    const ids = () => (tree.getChildren() as Gitspace[]).map((g) => g.id);
    expect(ids()).toEqual(["new", "old"]);
    expect(tree.getChildren(makeGitspace())).toEqual([]);
    store.apply(makeGitspace({ id: "new", name: "new", state: "stopping" }));
    expect((tree.getChildren()[0] as Gitspace).state).toBe("stopping");
    store.apply(makeGitspace({ id: "old", state: "deleted" }));
    expect(ids()).toEqual(["new"]);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it("groups by provider and, where a repository has several, by repository; yours and the recently used first", async () => {
    const gitspaces = [
      makeGitspace({ id: "w1", name: "web-1", repository: { url: "https://example.com/acme/web.git" }, updatedAt: "2026-01-01T00:00:00Z" }),
      makeGitspace({ id: "w2", name: "web-2", repository: { url: "https://example.com/acme/web.git" }, updatedAt: "2026-01-02T00:00:00Z", state: "stopped" }),
      makeGitspace({ id: "a1", name: "api", repository: { url: "git@example.com:acme/api.git" }, updatedAt: "2026-01-03T00:00:00Z" }),
      makeGitspace({ id: "h1", name: "docs", provider: "harness", repository: { url: "https://example.com/acme/docs" } }),
    ];
    const store = new GitspaceStore(async () => new FakeSidecar().on("gitspaces/list", () => ({ gitspaces })));
    await store.refresh();
    const usage = new GitspaceUsage(new MemoryMemento(), () => Date.parse("2026-02-01T00:00:00Z"));
    await usage.used("w1");
    const tree = new GitspacesTreeProvider(store, usage);
    const [docker, harness] = tree.getChildren() as GroupNode[];
    expect([docker.label, harness.label]).toEqual(["Docker", "Harness"]);
    const dockerItem = tree.getTreeItem(docker);
    expect(dockerItem.description).toBe("3 · 2 running");
    expect((dockerItem.iconPath as vscode.ThemeIcon).id).toBe("server-environment");
    const [web, api] = tree.getChildren(docker) as GroupNode[];
    // web holds the gitspace used last (w1, just now), so it comes before api (changed more recently than web-2).
    expect([web.label, api.label]).toEqual(["acme/web", "acme/api"]);
    expect((tree.getChildren(web) as Gitspace[]).map((g) => g.id)).toEqual(["w1", "w2"]);
    expect(tree.getTreeItem(web).contextValue).toBe("gitspaces.group.repository");
    // One you created yourself goes before the ones you only used.
    await usage.created("w2");
    expect((tree.getChildren((tree.getChildren(tree.getChildren()[0]) as GroupNode[])[0]) as Gitspace[]).map((g) => g.id)).toEqual(["w2", "w1"]);
  });

  it("narrows to the filter and says so", async () => {
    const gitspaces = [makeGitspace({ id: "w1", name: "web" }), makeGitspace({ id: "a1", name: "api", repository: { url: "https://example.com/acme/api.git", branch: "fix-login" } })];
    const store = new GitspaceStore(async () => new FakeSidecar().on("gitspaces/list", () => ({ gitspaces })));
    await store.refresh();
    const tree = new GitspacesTreeProvider(store);
    tree.setFilter("  LOGIN ");
    expect(tree.filter).toBe("LOGIN");
    expect((tree.getChildren() as Gitspace[]).map((g) => g.id)).toEqual(["a1"]);
    expect(viewMessage({ sidecar: "running", loaded: true, problems: [], filter: tree.filter, shown: tree.shownCount, total: 2 })).toBe(
      'Showing 1 of 2 gitspaces matching "LOGIN".',
    );
    tree.setFilter("running");
    expect(tree.shownCount).toBe(2);
    tree.setFilter("");
    expect(tree.filter).toBeUndefined();
  });
});

describe("viewMessage", () => {
  const base = { sidecar: "running" as const, loaded: true, problems: [], shown: 0, total: 0 };
  it("says why the view is empty or stale", () => {
    expect(viewMessage({ ...base, sidecar: "failed" })).toMatch(/sidecar is not running/);
    expect(viewMessage({ ...base, sidecar: "starting", loaded: false })).toBe("Starting the gitspaces sidecar…");
    expect(viewMessage({ ...base, lastError: "boom" })).toBe("Could not list gitspaces: boom");
    expect(viewMessage(base)).toBeUndefined();
  });

  it("says what the filter hides and which providers could not be listed, in the user's words", () => {
    expect(viewMessage({ ...base, filter: "x", total: 3 })).toBe('No gitspace matches "x" (3 in all).');
    expect(
      viewMessage({ ...base, problems: [{ provider: "harness", message: "Not logged in to Harness: run `gitspaces login harness` (or providers/configure)." }] }),
    ).toBe("Some providers could not be listed — harness: Not logged in to Harness.");
  });
});
