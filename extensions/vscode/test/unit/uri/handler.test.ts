import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import type { ConnectResult, Gitspace } from "../../../src/protocol";
import { copyGitspaceLink, handleDeepLink, matchLink, registerUriHandler } from "../../../src/uri/handler";
import { extensions, mockState, resetVscodeMock, Uri, workspace } from "../../mocks/vscode";
import { makeDeps, makeGitspace } from "../helpers";

beforeEach(() => {
  resetVscodeMock();
  extensions.all = [{ id: "ms-vscode-remote.remote-ssh", packageJSON: { activationEvents: ["onResolveRemoteAuthority:ssh-remote"] } }];
});

function connected(g: Gitspace): ConnectResult {
  return {
    sshHost: `${g.id}.gitspaces`,
    user: "vscode",
    workspaceFolder: "/workspaces/web",
    sshCommand: "ssh x",
    remoteUri: `vscode-remote://ssh-remote+${g.id}.gitspaces/workspaces/web`,
    links: {},
    gitspace: { ...g, state: "running" },
  };
}

describe("matchLink", () => {
  const list = [makeGitspace({ id: "a", name: "web" }), makeGitspace({ id: "b", name: "Web", provider: "harness" }), makeGitspace({ id: "web", name: "other" })];
  it("prefers the id, else the name (any case), narrowed to the provider", () => {
    expect(matchLink(list, { gitspace: "web" }).map((g) => g.id)).toEqual(["web"]);
    expect(matchLink(list, { gitspace: "WEB", provider: "harness" }).map((g) => g.id)).toEqual(["b"]);
    expect(matchLink(list, { gitspace: "web", provider: "docker" }).map((g) => g.id)).toEqual(["web"]);
    expect(matchLink(list, { gitspace: "nope" })).toEqual([]);
  });
});

describe("handleDeepLink", () => {
  it("refreshes, then opens the named gitspace (connect starts a stopped one) in the empty current window", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connected(g));
    expect(await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=web&provider=docker"))).toBe(true);
    expect(deps.fake.calls.map((c) => c.method)).toEqual(["gitspaces/list", "gitspaces/connect"]);
    expect(mockState.progress[0].options.title).toBe("Connecting to gitspace web");
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("vscode.openFolder", expect.objectContaining({ authority: "ssh-remote+web-1.gitspaces" }), { forceNewWindow: false });
  });

  it("opens in a new window when this one has a folder open, unless the link says otherwise", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connected(g));
    workspace.workspaceFolders = [{ uri: Uri.file("/src/web"), name: "web", index: 0 }];
    await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=web-1"));
    expect(vscode.commands.executeCommand).toHaveBeenLastCalledWith("vscode.openFolder", expect.anything(), { forceNewWindow: true });
    await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=web-1&window=current"));
    expect(vscode.commands.executeCommand).toHaveBeenLastCalledWith("vscode.openFolder", expect.anything(), { forceNewWindow: false });
  });

  it("says when the link names no gitspace of the user's, and asks which one when several share the name", async () => {
    const deps = makeDeps({ gitspaces: [makeGitspace({ id: "a", name: "web" }), makeGitspace({ id: "b", name: "web", provider: "harness" })] });
    expect(await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=api&provider=docker"))).toBe(false);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith('The link opens gitspace "api" on docker, which is not among your gitspaces.', "Show Gitspaces");
    expect(await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=web"))).toBe(false);
    expect(vi.mocked(vscode.window.showQuickPick).mock.calls[0][1]).toMatchObject({ placeHolder: 'Several gitspaces are named "web": which one to open?' });
    expect(deps.fake.callsTo("gitspaces/connect")).toHaveLength(0);
  });

  it("shows a malformed link's problem and does nothing else", async () => {
    const deps = makeDeps();
    expect(await handleDeepLink(deps, Uri.parse("vscode://gitspaces.gitspaces/open"))).toBe(false);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith("This Gitspaces link names no gitspace (gitspace=<name or id>).");
    expect(deps.fake.calls).toEqual([]);
  });

  it("is what VS Code calls for the extension's links", async () => {
    const deps = makeDeps({ gitspaces: [makeGitspace()] });
    registerUriHandler(deps);
    await mockState.uriHandler!.handleUri(Uri.parse("vscode://gitspaces.gitspaces/open?gitspace=nope"));
    expect(deps.fake.callsTo("gitspaces/list")).toHaveLength(1);
  });
});

describe("copyGitspaceLink", () => {
  it("copies the link that opens the gitspace in this editor", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    await deps.store.refresh();
    expect(await copyGitspaceLink(deps, g)).toBe("vscode://gitspaces.gitspaces/open?gitspace=web-1&provider=docker");
    expect(vscode.env.clipboard.writeText).toHaveBeenCalledWith("vscode://gitspaces.gitspaces/open?gitspace=web-1&provider=docker");
  });
});
