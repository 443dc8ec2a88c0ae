import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import type { GitProbe } from "../../../src/commands/create";
import type { ConnectResult, Gitspace } from "../../../src/protocol";
import { gitspacesOf, hasDevcontainerConfig, offerReopenInGitspace, reopenCommand } from "../../../src/workspace/reopenPrompt";
import { env, extensions, mockState, resetVscodeMock } from "../../mocks/vscode";
import { makeDeps, makeGitspace, MemoryMemento } from "../helpers";

let dir: string;
beforeEach(() => {
  resetVscodeMock();
  extensions.all = [{ id: "ms-vscode-remote.remote-ssh", packageJSON: { activationEvents: ["onResolveRemoteAuthority:ssh-remote"] } }];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitspaces-reopen-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function folderWithConfig(name: string, where = [".devcontainer", "devcontainer.json"]): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(path.join(folder, ...where.slice(0, -1)), { recursive: true });
  fs.writeFileSync(path.join(folder, ...where), "{}");
  return folder;
}

const git = (remotes: string[]): GitProbe => ({
  inspect: async (folder) => ({ root: folder, remotes: remotes.map((url, i) => ({ name: i === 0 ? "origin" : `r${i}`, url })), currentBranch: "main", branches: ["main"] }),
  remoteBranches: async () => [],
});

function connected(g: Gitspace): ConnectResult {
  return { sshHost: "h", user: "u", workspaceFolder: "/w", sshCommand: "ssh h", remoteUri: "vscode-remote://ssh-remote+h/w", links: {}, gitspace: g };
}

describe("hasDevcontainerConfig", () => {
  it("looks where the reader looks", () => {
    expect(hasDevcontainerConfig(folderWithConfig("a"))).toBe(true);
    expect(hasDevcontainerConfig(folderWithConfig("b", [".devcontainer.json"]))).toBe(true);
    expect(hasDevcontainerConfig(folderWithConfig("c", [".devcontainer", "gpu", "devcontainer.json"]))).toBe(true);
    expect(hasDevcontainerConfig(folderWithConfig("d", ["devcontainer.json"]))).toBe(false);
  });
});

describe("gitspacesOf", () => {
  it("matches a repository however its URL is written", () => {
    const list = [makeGitspace({ id: "a", repository: { url: "https://token@Example.com/acme/web.git" } }), makeGitspace({ id: "b", repository: { url: "https://example.com/acme/api" } })];
    expect(gitspacesOf(list, ["https://example.com/acme/web/"]).map((g) => g.id)).toEqual(["a"]);
  });
});

describe("offerReopenInGitspace", () => {
  it("offers once per folder, and reopens in the repository's existing gitspace in this window", async () => {
    const folder = folderWithConfig("web");
    const g = makeGitspace({ repository: { url: "https://example.com/acme/web.git" } });
    const deps = makeDeps({ folder, gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connected(g));
    const memento = new MemoryMemento();
    vi.mocked(vscode.window.showInformationMessage).mockResolvedValueOnce("Reopen in Gitspace" as never);
    vi.mocked(vscode.window.showQuickPick).mockImplementationOnce(async (items: unknown) => (await (items as Promise<vscode.QuickPickItem[]>))[0]);
    expect(await offerReopenInGitspace(deps, memento as unknown as vscode.Memento, git(["https://example.com/acme/web"]))).toBe("offered");
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith("web has a dev container configuration. Reopen it in a gitspace?", "Reopen in Gitspace", "Not Now", "Don't Show Again");
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("vscode.openFolder", expect.anything(), { forceNewWindow: false });
    // Remembered: the same folder is not offered again.
    expect(await offerReopenInGitspace(deps, memento as unknown as vscode.Memento, git(["https://example.com/acme/web"]))).toBe("skipped");
  });

  it("turns itself off with Don't Show Again", async () => {
    const deps = makeDeps({ folder: folderWithConfig("web") });
    vi.mocked(vscode.window.showInformationMessage).mockResolvedValueOnce("Don't Show Again" as never);
    await offerReopenInGitspace(deps, new MemoryMemento() as unknown as vscode.Memento, git(["https://example.com/acme/web"]));
    expect(mockState.configUpdates).toEqual([{ key: "gitspaces.offerReopenInGitspace", value: false, target: vscode.ConfigurationTarget.Global }]);
    expect(await offerReopenInGitspace(deps, new MemoryMemento() as unknown as vscode.Memento, git(["https://example.com/acme/web"]))).toBe("skipped");
  });

  it("offers nothing for a folder without a remote or a configuration, nor in a remote window", async () => {
    const memento = new MemoryMemento() as unknown as vscode.Memento;
    expect(await offerReopenInGitspace(makeDeps({ folder: folderWithConfig("local") }), memento, git([]))).toBe("skipped");
    const plain = path.join(dir, "plain");
    fs.mkdirSync(plain);
    expect(await offerReopenInGitspace(makeDeps({ folder: plain }), memento, git(["https://example.com/x"]))).toBe("skipped");
    env.remoteName = "ssh-remote";
    expect(await offerReopenInGitspace(makeDeps({ folder: folderWithConfig("remote") }), memento, git(["https://example.com/x"]))).toBe("skipped");
    expect(vscode.window.showInformationMessage).not.toHaveBeenCalled();
  });
});

describe("Reopen in Gitspace (command)", () => {
  it("creates a gitspace and opens it in this window when the repository has none", async () => {
    const folder = folderWithConfig("web");
    const deps = makeDeps({ folder });
    const created = makeGitspace({ id: "new", name: "new" });
    deps.fake.on("providers/list", () => ({ providers: [{ id: "docker", displayName: "Docker", kind: "self-hosted", configured: true, reachable: true }] }));
    deps.fake.on("devcontainer/read", () => ({ candidates: [".devcontainer/devcontainer.json"], diagnostics: [] }));
    deps.fake.on("gitspaces/create", () => ({ gitspace: created }));
    deps.fake.on("gitspaces/connect", () => connected(created));
    const answers = ["Docker", "example.com/acme/web", "main", "VS Code"];
    vi.mocked(vscode.window.showQuickPick).mockImplementation(async (items: unknown) => {
      const list = (await items) as vscode.QuickPickItem[];
      const want = answers.shift()!;
      return list.find((i) => i.label.includes(want));
    });
    await reopenCommand(deps, git(["https://example.com/acme/web.git"]));
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(1);
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("vscode.openFolder", expect.anything(), { forceNewWindow: false });
    // Opened directly: no "Open / Open in New Window" toast.
    expect(vscode.window.showInformationMessage).not.toHaveBeenCalled();
  });
});
