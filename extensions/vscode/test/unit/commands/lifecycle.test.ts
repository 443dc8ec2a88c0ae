import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { deleteGitspace, deleteWarning, rebuildGitspace, refreshGitspaces, startGitspace, stopGitspace } from "../../../src/commands/lifecycle";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError, SidecarUnavailableError } from "../../../src/sidecar/errors";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { TrustAction } from "../../../src/trust/consent";
import { makeDeps, makeGitspace, pickByLabel } from "../helpers";

beforeEach(() => resetVscodeMock());

describe("Start Gitspace", () => {
  it("starts the gitspace from the tree under cancellable progress and updates the store", async () => {
    const stopped = makeGitspace({ state: "stopped", readiness: undefined });
    const deps = makeDeps({ gitspaces: [stopped] });
    deps.fake.on("gitspaces/start", (params, options) => {
      options.onProgress?.({ kind: "begin", title: "Starting", message: "Pulling image", percentage: 10 });
      deps.events.fire({ gitspaceId: stopped.id, event: { type: "image_pull_completed", message: "Image pulled", timestamp: "2026-01-01T00:00:00Z" } });
      deps.events.fire({ gitspaceId: "other", event: { type: "image_pull_completed", message: "Not ours", timestamp: "2026-01-01T00:00:00Z" } });
      options.onProgress?.({ kind: "report", message: "Running postStartCommand", percentage: 80 });
      options.onProgress?.({ kind: "end" });
      return { gitspace: { ...stopped, state: "running", readiness: "ready" } };
    });
    const result = await startGitspace(deps, stopped);

    expect(result?.state).toBe("running");
    expect(deps.fake.callsTo("gitspaces/start")).toEqual([{ method: "gitspaces/start", params: { id: "web-1" }, long: true }]);
    expect(deps.store.get("web-1")?.state).toBe("running");
    const [progress] = mockState.progress;
    expect(progress.options).toMatchObject({ location: vscode.ProgressLocation.Notification, title: "Starting gitspace web", cancellable: true });
    expect(progress.reports).toEqual([
      { message: "Pulling image", increment: 10 },
      { message: "Image pulled" },
      { message: "Running postStartCommand", increment: 70 },
    ]);
    expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
  });

  it("asks which gitspace when run from the palette, offering only startable ones", async () => {
    const deps = makeDeps({
      gitspaces: [makeGitspace({ id: "a", name: "alpha", state: "running" }), makeGitspace({ id: "b", name: "beta", state: "stopped" })],
    });
    deps.fake.on("gitspaces/start", ({ id }) => ({ gitspace: makeGitspace({ id, name: "beta", state: "running" }) }));
    pickByLabel("beta");
    await startGitspace(deps);
    const items = (await vi.mocked(vscode.window.showQuickPick).mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => i.label)).toEqual(["beta"]);
    expect(deps.fake.callsTo("gitspaces/start")[0].params).toEqual({ id: "b" });
  });

  it("does nothing when the pick is dismissed", async () => {
    const deps = makeDeps({ gitspaces: [makeGitspace({ state: "stopped" })] });
    pickByLabel(undefined);
    expect(await startGitspace(deps)).toBeUndefined();
    expect(deps.fake.callsTo("gitspaces/start")).toHaveLength(0);
  });

  it("says so when there is no gitspace at all", async () => {
    const deps = makeDeps({ gitspaces: [] });
    await startGitspace(deps);
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith(expect.stringContaining("There are no gitspaces yet"));
  });

  it("offers Retry after GitspaceBusy and starts again when chosen", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    let attempts = 0;
    deps.fake.on("gitspaces/start", () => {
      attempts++;
      if (attempts === 1) {
        throw new RpcError(ErrorCodes.GitspaceBusy, "Another operation runs on web-1.", { kind: "GitspaceBusy", gitspaceId: g.id, state: "stopping" });
      }
      return { gitspace: { ...g, state: "running" } };
    });
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Retry" as never);
    await startGitspace(deps, g);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      'Start gitspace "web" failed: Another operation runs on web-1.',
      "Retry",
      "Show Logs",
    );
    expect(attempts).toBe(2);
    expect(deps.store.get(g.id)?.state).toBe("running");
  });

  it("shows the gitspace's log when Show Logs is chosen after OperationFailed", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/start", () => {
      throw new RpcError(ErrorCodes.OperationFailed, "postStartCommand exited with 2.", {
        kind: "OperationFailed",
        gitspaceId: g.id,
        step: "postStartCommand",
        log: ["npm ERR! missing script: dev"],
      });
    });
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Show Logs" as never);
    await startGitspace(deps, g);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      'Start gitspace "web" failed at postStartCommand: postStartCommand exited with 2.',
      "Show Logs",
      "Retry",
    );
    expect(deps.handlers.showGitspaceLogs).toHaveBeenCalledWith("web-1");
    expect(deps.output.lines).toContain("[error]   | npm ERR! missing script: dev");
  });

  it("reports a cancelled start as information, without actions", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/start", (_p, options) => {
      expect(options.token?.isCancellationRequested).toBe(true);
      throw new RpcError(ErrorCodes.RequestCancelled, "Request cancelled");
    });
    mockState.onProgressStart = (record) => record.cancel();
    await startGitspace(deps, g);
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith('Start gitspace "web" was cancelled.');
    expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
  });

  it("offers Restart when the sidecar is down", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/start", () => {
      throw new SidecarUnavailableError("The gitspaces sidecar is not running.");
    });
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Restart" as never);
    await startGitspace(deps, g);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(expect.any(String), "Show Logs", "Restart");
    expect(deps.handlers.restartSidecar).toHaveBeenCalled();
  });

  it("the status bar shows the operation while it runs and hides afterwards", async () => {
    const g = makeGitspace({ state: "stopped" });
    const deps = makeDeps({ gitspaces: [g] });
    let during = "";
    deps.fake.on("gitspaces/start", () => {
      during = deps.statusBar.text;
      return { gitspace: { ...g, state: "running" } };
    });
    await startGitspace(deps, g);
    expect(during).toBe("$(sync~spin) Starting gitspace web");
    expect(deps.statusBar.visible).toBe(false);
  });
});

describe("Stop Gitspace", () => {
  it("stops a running gitspace", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/stop", () => ({ gitspace: { ...g, state: "stopped", readiness: undefined } }));
    expect((await stopGitspace(deps, g))?.state).toBe("stopped");
    expect(deps.store.get(g.id)?.state).toBe("stopped");
    expect(mockState.progress[0].options.title).toBe("Stopping gitspace web");
  });

  it("accepts a gitspace id", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/stop", () => ({ gitspace: { ...g, state: "stopped" } }));
    await stopGitspace(deps, "web-1");
    expect(deps.fake.callsTo("gitspaces/stop")[0].params).toEqual({ id: "web-1" });
  });

  it("warns about an unknown id", async () => {
    const deps = makeDeps({ gitspaces: [] });
    await stopGitspace(deps, "nope");
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith('No gitspace has the id "nope".');
  });

  it("shows InvalidState as a warning", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/stop", () => {
      throw new RpcError(ErrorCodes.InvalidState, "web-1 is already stopped.", { kind: "InvalidState", state: "stopped" });
    });
    await stopGitspace(deps, g);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith('Stop gitspace "web" failed: web-1 is already stopped.', "Show Logs");
  });

  it("offers Configure after Unauthorized and passes the provider", async () => {
    const g = makeGitspace({ provider: "harness" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/stop", () => {
      throw new RpcError(ErrorCodes.Unauthorized, "Harness refused the token.", { kind: "Unauthorized", provider: "harness", hint: "Run Configure Harness." });
    });
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Configure Harness" as never);
    await stopGitspace(deps, g);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      'Stop gitspace "web" failed: Harness refused the token. Enter a new API token: it may have expired, been revoked or lack the gitspace permissions.',
      "Configure Harness",
      "Retry",
      "Show Logs",
    );
    expect(deps.handlers.configureProvider).toHaveBeenCalledWith("harness");
  });
});

describe("Rebuild Gitspace", () => {
  it("asks for confirmation and rebuilds", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/rebuild", () => ({ gitspace: g }));
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Rebuild" as never);
    await rebuildGitspace(deps, g);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith('Rebuild gitspace "web"?', expect.objectContaining({ modal: true }), "Rebuild");
    expect(deps.fake.callsTo("gitspaces/rebuild")).toHaveLength(1);
  });

  it("does nothing when the confirmation is dismissed", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    await rebuildGitspace(deps, g);
    expect(deps.fake.callsTo("gitspaces/rebuild")).toHaveLength(0);
  });

  it("asks to trust the repository when its changed configuration reaches this machine, and retries trusting it", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/rebuild", (params) => {
      if (!params.trustRepository) {
        throw new RpcError(ErrorCodes.RepositoryUntrusted, "not trusted", {
          kind: "RepositoryUntrusted",
          repository: "https://example.com/org/app.git",
          hostAccess: [{ kind: "initializeCommand", property: "$.initializeCommand", detail: "runs on this machine: id > /tmp/x" }],
        });
      }
      return { gitspace: g };
    });
    vi.mocked(vscode.window.showWarningMessage)
      .mockResolvedValueOnce("Rebuild" as never)
      .mockResolvedValueOnce(TrustAction as never);

    await rebuildGitspace(deps, g);

    expect(vscode.window.showWarningMessage).toHaveBeenLastCalledWith(
      "Do you trust https://example.com/org/app.git?",
      expect.objectContaining({ modal: true, detail: expect.stringContaining("• $.initializeCommand: runs on this machine: id > /tmp/x") }),
      TrustAction,
    );
    expect(deps.fake.callsTo("gitspaces/rebuild").map((c) => c.params)).toEqual([{ id: g.id }, { id: g.id, trustRepository: true }]);
  });

  it("rebuilds nothing when the user does not trust the repository, and says what it asked for", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/rebuild", () => {
      throw new RpcError(ErrorCodes.RepositoryUntrusted, "The repository is not trusted: $.initializeCommand", {
        kind: "RepositoryUntrusted",
        repository: "https://example.com/org/app.git",
        hostAccess: [{ kind: "initializeCommand", property: "$.initializeCommand", detail: "runs on this machine" }],
      });
    });
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Rebuild" as never).mockResolvedValueOnce(undefined as never);

    await rebuildGitspace(deps, g);

    expect(deps.fake.callsTo("gitspaces/rebuild")).toHaveLength(1);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(expect.stringContaining("The repository is not trusted"), expect.anything(), expect.anything());
  });
});

describe("Delete Gitspace", () => {
  it("names what will be lost in a modal confirmation", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    await deleteGitspace(deps, g);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(
      'Delete gitspace "web"?',
      {
        modal: true,
        detail:
          "This deletes its container, its volumes and the cloned repository in /workspaces/web. Uncommitted changes, unpushed commits and stashes on main are lost. This cannot be undone.",
      },
      "Delete",
    );
    expect(deps.fake.callsTo("gitspaces/delete")).toHaveLength(0);
  });

  it("describes a hosted gitspace's loss in terms of its machine", () => {
    expect(deleteWarning(makeGitspace({ provider: "harness", workspaceFolder: undefined, repository: { url: "u" } }))).toBe(
      "This deletes its machine, its storage and the cloned repository. Uncommitted changes, unpushed commits and stashes are lost. This cannot be undone.",
    );
  });

  it("deletes after confirmation and removes the tree item", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    await deps.store.refresh();
    deps.fake.on("gitspaces/delete", ({ id }) => ({ id, deleted: true }));
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Delete" as never);
    expect(await deleteGitspace(deps, g)).toBe(true);
    expect(deps.store.get(g.id)).toBeUndefined();
    expect(mockState.progress[0].options.title).toBe("Deleting gitspace web");
  });

  it("reports GitspaceNotFound and keeps going", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/delete", () => {
      throw new RpcError(ErrorCodes.GitspaceNotFound, "No gitspace web-1.", { kind: "GitspaceNotFound", gitspaceId: g.id });
    });
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Delete" as never);
    expect(await deleteGitspace(deps, g)).toBe(false);
    expect(vscode.window.showWarningMessage).toHaveBeenLastCalledWith('Delete gitspace "web" failed: No gitspace web-1. It may have been deleted elsewhere.', "Show Logs");
    expect(deps.store.get(g.id)).toBeUndefined();
  });
});

describe("Refresh", () => {
  it("reloads the list and logs providers that could not be listed", async () => {
    const deps = makeDeps();
    deps.fake.on("gitspaces/list", () => ({
      gitspaces: [makeGitspace()],
      problems: [{ provider: "harness", code: ErrorCodes.ProviderNotConfigured, message: "not configured" }],
    }));
    await refreshGitspaces(deps);
    expect(deps.store.all.map((g) => g.id)).toEqual(["web-1"]);
    expect(deps.output.lines).toContain("[warning] gitspaces/list: provider harness could not be listed (1008): not configured");
  });

  it("offers Retry when the provider is unavailable", async () => {
    const deps = makeDeps();
    deps.fake.on("gitspaces/list", () => {
      throw new RpcError(ErrorCodes.ProviderUnavailable, "Cannot reach the Docker engine.", { kind: "ProviderUnavailable", provider: "docker" });
    });
    await refreshGitspaces(deps);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      "Refresh gitspaces failed: Cannot reach the Docker engine. Start Docker, or choose another Docker host.",
      "Configure Docker Host",
      "Retry",
      "Show Logs",
    );
  });
});
