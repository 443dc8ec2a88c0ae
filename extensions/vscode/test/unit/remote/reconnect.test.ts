import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { ErrorCodes, type ConnectResult, type Gitspace } from "../../../src/protocol";
import { prepareRemoteWindow } from "../../../src/remote/reconnect";
import { RpcError } from "../../../src/sidecar/errors";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { makeDeps, makeGitspace } from "../helpers";

beforeEach(() => resetVscodeMock());

function connected(g: Gitspace): ConnectResult {
  return { sshHost: g.sshHost!, user: "vscode", workspaceFolder: "/workspaces/web", sshCommand: "ssh", remoteUri: "vscode-remote://x/y", links: {}, gitspace: { ...g, state: "running" } };
}

describe("prepareRemoteWindow", () => {
  it("starts a stopped gitspace, under progress, before Remote - SSH connects", async () => {
    const g = makeGitspace({ state: "stopped", sshHost: "gitspace-web-1" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", (_p, options) => {
      options.onProgress?.({ kind: "report", message: "Starting container" });
      return connected(g);
    });
    expect(await prepareRemoteWindow(deps, "GITSPACE-web-1")).toBe("started");
    expect(deps.fake.callsTo("gitspaces/connect")[0].params).toEqual({ id: "web-1", ide: "vs_code" });
    expect(mockState.progress[0].options).toMatchObject({ title: "Starting gitspace web to reconnect", cancellable: true });
    expect(deps.store.get("web-1")?.state).toBe("running");
    expect(deps.usage.lastUsed("web-1")).toBeDefined();
  });

  it("leaves a running gitspace and any other SSH host alone", async () => {
    const deps = makeDeps({ gitspaces: [makeGitspace({ sshHost: "gitspace-web-1" })] });
    expect(await prepareRemoteWindow(deps, "gitspace-web-1")).toBe("running");
    expect(deps.fake.callsTo("gitspaces/list")).toHaveLength(1);
    expect(await prepareRemoteWindow(deps, "build-box.example.com")).toBe("not-a-gitspace");
    // Another host is not kept waiting for the sidecar.
    expect(deps.fake.callsTo("gitspaces/list")).toHaveLength(1);
    expect(deps.fake.callsTo("gitspaces/connect")).toHaveLength(0);
    expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
  });

  it("says when the window's gitspace no longer exists", async () => {
    const deps = makeDeps({ gitspaces: [] });
    expect(await prepareRemoteWindow(deps, "gitspace-gone")).toBe("missing");
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(expect.stringContaining("gitspace-gone, a gitspace that no longer exists"), "Show Gitspaces");
  });

  it("says why the window cannot connect when the start fails, and is quiet about a cancel", async () => {
    const g = makeGitspace({ state: "stopped", sshHost: "gitspace-web-1" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/connect", () => {
      throw new RpcError(ErrorCodes.ProviderUnavailable, "The Docker engine does not answer.", { kind: "ProviderUnavailable", provider: "docker" });
    });
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Show Logs" as never);
    expect(await prepareRemoteWindow(deps, "gitspace-web-1")).toBe("failed");
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith("Gitspace web could not be started, so this window cannot connect: The Docker engine does not answer.", "Show Logs");
    await vi.waitFor(() => expect(deps.handlers.showGitspaceLogs).toHaveBeenCalledWith("web-1"));
    deps.fake.on("gitspaces/connect", () => {
      throw new RpcError(ErrorCodes.RequestCancelled, "cancelled");
    });
    vi.mocked(vscode.window.showErrorMessage).mockClear();
    expect(await prepareRemoteWindow(deps, "gitspace-web-1")).toBe("failed");
    expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
  });
});
