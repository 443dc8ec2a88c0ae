import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import pkg from "../../../package.json";
import { GitspaceStates } from "../../../src/protocol";
import { GitspaceStore } from "../../../src/state/gitspaceStore";
import { contextValue, GitspacesTreeProvider, toTreeItem } from "../../../src/tree/gitspacesTree";
import { resetVscodeMock } from "../../mocks/vscode";
import { FakeSidecar, makeGitspace } from "../helpers";

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
      "gitspaces.start",
      "gitspaces.rebuild",
      "gitspaces.showLogs",
      "gitspaces.showEvents",
      "gitspaces.delete",
    ]);
    expect(menuCommands(contextValue(makeGitspace({ state: "cleaning" })), false)).toEqual(["gitspaces.showLogs", "gitspaces.showEvents", "gitspaces.delete"]);
    for (const state of GitspaceStates) {
      expect(contextValue(makeGitspace({ state }))).toBe(`gitspace.${state}`);
    }
  });
});

describe("GitspacesTreeProvider", () => {
  it("lists the store's gitspaces newest first and refreshes on change", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({
      gitspaces: [makeGitspace({ id: "old", name: "old", createdAt: "2025-01-01T00:00:00Z" }), makeGitspace({ id: "new", name: "new" })],
    }));
    const store = new GitspaceStore(async () => fake);
    const tree = new GitspacesTreeProvider(store);
    const changed = vi.fn();
    tree.onDidChangeTreeData(changed);
    await store.refresh();
    expect(tree.getChildren().map((g) => g.id)).toEqual(["new", "old"]);
    expect(tree.getChildren(makeGitspace())).toEqual([]);
    store.apply(makeGitspace({ id: "new", name: "new", state: "stopping" }));
    expect(tree.getChildren()[0].state).toBe("stopping");
    store.apply(makeGitspace({ id: "old", state: "deleted" }));
    expect(tree.getChildren().map((g) => g.id)).toEqual(["new"]);
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
