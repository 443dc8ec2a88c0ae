import { beforeEach, describe, expect, it } from "vitest";
import * as vscode from "vscode";
import { currentSshHost, GitspacesStatusBar } from "../../../src/ui/statusBar";
import { env, mockState, resetVscodeMock, workspace } from "../../mocks/vscode";
import { makeGitspace } from "../helpers";

beforeEach(() => resetVscodeMock());

describe("GitspacesStatusBar", () => {
  it("is hidden when idle, shows the newest operation with a count, then the current gitspace", () => {
    const bar = new GitspacesStatusBar();
    const item = mockState.statusBarItems[0];
    expect(item.shown).toBe(false);
    const a = bar.beginOperation("Starting gitspace a");
    const b = bar.beginOperation("Stopping gitspace b");
    expect(item.text).toBe("$(sync~spin) Stopping gitspace b (+1)");
    b.dispose();
    expect(item.text).toBe("$(sync~spin) Starting gitspace a");
    a.dispose();
    expect(item.shown).toBe(false);
    bar.setCurrentGitspace(makeGitspace());
    expect(item.shown).toBe(true);
    expect(item.text).toBe("$(remote) Gitspace: web");
  });
});

describe("currentSshHost", () => {
  it("is undefined in a local window", () => {
    expect(currentSshHost()).toBeUndefined();
  });

  it("reads the alias of a Remote-SSH window", () => {
    env.remoteName = "ssh-remote";
    workspace.workspaceFolders = [{ uri: vscode.Uri.parse("vscode-remote://ssh-remote+web-1.gitspaces/workspaces/web") as never, name: "web", index: 0 }];
    expect(currentSshHost()).toBe("web-1.gitspaces");
  });

  it("reads a .code-workspace file opened over Remote-SSH", () => {
    env.remoteName = "ssh-remote";
    (workspace as { workspaceFile?: vscode.Uri }).workspaceFile = vscode.Uri.parse("vscode-remote://ssh-remote+gitspace-abc/workspaces/all.code-workspace");
    expect(currentSshHost()).toBe("gitspace-abc");
  });

  it("decodes Remote-SSH's hex-encoded JSON authority", () => {
    env.remoteName = "ssh-remote";
    const hex = Buffer.from(JSON.stringify({ hostName: "web-1.gitspaces" })).toString("hex");
    workspace.workspaceFolders = [{ uri: vscode.Uri.parse(`vscode-remote://ssh-remote+${hex}/w`) as never, name: "w", index: 0 }];
    expect(currentSshHost()).toBe("web-1.gitspaces");
  });
});
