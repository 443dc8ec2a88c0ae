import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { copySshCommand, jetBrainsIdes, openGitspace, openInJetBrains } from "../../../src/commands/open";
import { ErrorCodes, type ConnectResult, type Gitspace } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { env, extensions, mockState, resetVscodeMock, UIKind } from "../../mocks/vscode";
import { makeDeps, makeGitspace, pickByLabel } from "../helpers";

/** Remote - SSH, as VS Code reports it: it resolves ssh-remote and registers remote.SSH.remotePlatform. */
function installRemoteSsh(): void {
  extensions.all = [
    { id: "gitspaces.gitspaces", packageJSON: { activationEvents: ["onResolveRemoteAuthority:ssh-remote"] } },
    { id: "ms-vscode-remote.remote-ssh", packageJSON: { activationEvents: ["onResolveRemoteAuthority:ssh-remote", "onCommand:x"] } },
  ];
  mockState.configDefaults.set("remote.SSH.remotePlatform", {});
}

beforeEach(() => {
  resetVscodeMock();
  installRemoteSsh();
});

function connectResult(g: Gitspace, links: ConnectResult["links"] = {}): ConnectResult {
  return {
    sshHost: "web-1.gitspaces",
    user: "vscode",
    port: 22,
    workspaceFolder: "/workspaces/web",
    sshCommand: "ssh -t web-1.gitspaces 'cd /workspaces/web && exec $SHELL -l'",
    remoteUri: "vscode-remote://ssh-remote+web-1.gitspaces/workspaces/web",
    links,
    gitspace: { ...g, state: "running" },
  };
}

describe("Open Gitspace", () => {
  it("connects, records the host as linux and opens the remote folder in a new window", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    mockState.config.set("remote.SSH.remotePlatform", { other: "macOS" });
    deps.fake.on("gitspaces/connect", () => connectResult(g));
    pickByLabel("New Window");
    expect(await openGitspace(deps, g)).toBe(true);

    expect(deps.fake.callsTo("gitspaces/connect")[0].params).toEqual({ id: "web-1", ide: "vs_code" });
    expect(mockState.configUpdates).toEqual([
      { key: "remote.SSH.remotePlatform", value: { other: "macOS", "web-1.gitspaces": "linux" }, target: vscode.ConfigurationTarget.Global },
    ]);
    const [command, uri, options] = vi.mocked(vscode.commands.executeCommand).mock.calls[0] as [string, vscode.Uri, { forceNewWindow: boolean }];
    expect(command).toBe("vscode.openFolder");
    expect(uri.scheme).toBe("vscode-remote");
    expect(uri.authority).toBe("ssh-remote+web-1.gitspaces");
    expect(uri.path).toBe("/workspaces/web");
    expect(options).toEqual({ forceNewWindow: true });
    expect(deps.store.get(g.id)?.state).toBe("running");
  });

  it("opens in the current window without asking when told where", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    mockState.config.set("remote.SSH.remotePlatform", { "web-1.gitspaces": "linux" });
    deps.fake.on("gitspaces/connect", () => connectResult(g));
    await openGitspace(deps, g, "current");
    expect(vscode.window.showQuickPick).not.toHaveBeenCalled();
    expect(mockState.configUpdates).toEqual([]);
    expect(vi.mocked(vscode.commands.executeCommand).mock.calls[0][2]).toEqual({ forceNewWindow: false });
  });

  it("does not open when the window pick is dismissed", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    pickByLabel(undefined);
    expect(await openGitspace(deps, g)).toBe(false);
    expect(deps.fake.callsTo("gitspaces/connect")).toHaveLength(0);
  });

  it("shows InvalidState when the gitspace cannot be connected to", async () => {
    const g = makeGitspace({ state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => {
      throw new RpcError(ErrorCodes.InvalidState, "web-1 is in state error.", { kind: "InvalidState", state: "error", gitspaceId: g.id });
    });
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Show Logs" as never);
    expect(await openGitspace(deps, g, "current")).toBe(false);
    expect(deps.handlers.showGitspaceLogs).toHaveBeenCalledWith("web-1");
    expect(vscode.commands.executeCommand).not.toHaveBeenCalled();
  });
});

describe("Open Gitspace without an SSH remote extension", () => {
  beforeEach(() => {
    // Only ourselves (we also activate on the ssh-remote event) and an unrelated extension.
    extensions.all = [
      { id: "gitspaces.gitspaces", packageJSON: { activationEvents: ["onResolveRemoteAuthority:ssh-remote"] } },
      { id: "vscode.git", packageJSON: { activationEvents: ["*"] } },
    ];
    mockState.configDefaults.clear();
  });

  it("offers, instead of an error, to install the editor's SSH extension, copy the SSH command or open in JetBrains", async () => {
    env.appName = "code-server";
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    expect(await openGitspace(deps, g, "current")).toBe(false);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(
      'Opening gitspace "web" in code-server needs an SSH remote extension, and none is installed.',
      "Install Open Remote - SSH",
      "Copy SSH Command",
      "Open in JetBrains",
    );
    expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
    // Nothing was started or written for an extension that is not there.
    expect(deps.fake.callsTo("gitspaces/connect")).toHaveLength(0);
    expect(mockState.configUpdates).toEqual([]);
  });

  it("in a browser (code-server), where no SSH extension can run, offers VS Code Desktop through its link", async () => {
    env.appName = "code-server";
    env.uiKind = UIKind.Web;
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g, { vscode: "vscode://vscode-remote/ssh-remote+web-1.gitspaces/workspaces/web" }));
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Open in VS Code Desktop" as never);
    expect(await openGitspace(deps, g, "current")).toBe(true);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(
      'Gitspace "web" opens over SSH, which code-server in a browser cannot do: open it in VS Code Desktop, or from a terminal.',
      "Open in VS Code Desktop",
      "Copy SSH Command",
      "Open in JetBrains",
    );
    // Connect started the stopped gitspace; the desktop link went to the OS.
    expect(deps.fake.callsTo("gitspaces/connect")).toHaveLength(1);
    expect(vscode.env.openExternal).toHaveBeenCalledWith(expect.objectContaining({ scheme: "vscode", authority: "vscode-remote" }));
  });

  it("installs Remote - SSH in VS Code and then opens", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g));
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Install Remote - SSH" as never);
    vi.mocked(vscode.commands.executeCommand).mockImplementation(async (command: unknown) => {
      if (command === "workbench.extensions.installExtension") {
        installRemoteSsh();
      }
      return undefined;
    });
    expect(await openGitspace(deps, g, "new")).toBe(true);
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("workbench.extensions.installExtension", "ms-vscode-remote.remote-ssh");
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("vscode.openFolder", expect.objectContaining({ authority: "ssh-remote+web-1.gitspaces" }), { forceNewWindow: true });
  });

  it("copies the SSH command when asked", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g));
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Copy SSH Command" as never);
    await openGitspace(deps, g, "current");
    expect(vscode.env.clipboard.writeText).toHaveBeenCalledWith("ssh -t web-1.gitspaces 'cd /workspaces/web && exec $SHELL -l'");
  });
});

describe("Copy SSH Command", () => {
  it("puts the sidecar's ssh command on the clipboard", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g));
    const command = await copySshCommand(deps, g);
    expect(command).toBe("ssh -t web-1.gitspaces 'cd /workspaces/web && exec $SHELL -l'");
    expect(vscode.env.clipboard.writeText).toHaveBeenCalledWith(command);
    expect(deps.fake.callsTo("gitspaces/connect")[0].params).toEqual({ id: "web-1", ide: "vs_code" });
  });

  it("reports ProviderUnavailable with Retry", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => {
      throw new RpcError(ErrorCodes.ProviderUnavailable, "Docker is not running.", { kind: "ProviderUnavailable" });
    });
    await copySshCommand(deps, g);
    expect(vscode.env.clipboard.writeText).not.toHaveBeenCalled();
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith('Copy SSH command of "web" failed: Docker is not running.', "Retry", "Show Logs");
  });
});

describe("Open in JetBrains IDE", () => {
  it("lists the JetBrains IDEs, gitspace's own first, and opens the single link", async () => {
    const g = makeGitspace({ ide: "goland" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g, { jetbrainsGateway: "jetbrains-gateway://connect#type=ssh&host=web-1.gitspaces" }));
    pickByLabel("GoLand");
    const link = await openInJetBrains(deps, g);
    const items = (await vi.mocked(vscode.window.showQuickPick).mock.calls[0][0]) as (vscode.QuickPickItem & { id: string })[];
    expect(items.map((i) => i.id)).toEqual(["goland", ...jetBrainsIdes.filter((i) => i !== "goland")]);
    expect(deps.fake.callsTo("gitspaces/connect")[0].params).toEqual({ id: "web-1", ide: "goland" });
    expect(link).toBe("jetbrains-gateway://connect#type=ssh&host=web-1.gitspaces");
    expect(vi.mocked(vscode.env.openExternal).mock.calls[0][0].scheme).toBe("jetbrains-gateway");
  });

  it("asks Toolbox or Gateway when both links exist", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () =>
      connectResult(g, { jetbrainsGateway: "jetbrains-gateway://connect#a", jetbrainsToolbox: "jetbrains://gateway/x?y" }),
    );
    pickByLabel("IntelliJ", "Toolbox");
    expect(await openInJetBrains(deps, g)).toBe("jetbrains://gateway/x?y");
  });

  it("fails clearly when the provider gives no JetBrains link", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => connectResult(g, { vscode: "vscode://x" }));
    pickByLabel("IntelliJ");
    expect(await openInJetBrains(deps, g)).toBeUndefined();
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      'Open "web" in a JetBrains IDE failed: The docker provider returned no JetBrains link for this gitspace.',
      "Show Logs",
    );
    expect(vscode.env.openExternal).not.toHaveBeenCalled();
  });
});
