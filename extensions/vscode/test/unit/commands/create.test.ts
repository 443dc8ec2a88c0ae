import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { createGitspace, type GitProbe } from "../../../src/commands/create";
import { ErrorCodes, type ProviderInfo } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { makeDeps, makeGitspace, pickByLabel } from "../helpers";

beforeEach(() => resetVscodeMock());

const docker: ProviderInfo = { id: "docker", displayName: "Docker", kind: "self-hosted", configured: true, reachable: true };
const harness: ProviderInfo = { id: "harness", displayName: "Harness CDE", kind: "hosted", configured: false, reachable: false, message: "Run Configure Harness." };

function localGit(overrides: Partial<Awaited<ReturnType<GitProbe["inspect"]>>> = {}): GitProbe & { remoteBranches: ReturnType<typeof vi.fn> } {
  return {
    inspect: async () => ({
      root: "/src/web",
      remotes: [{ name: "origin", url: "https://token@example.com/acme/web.git" }],
      currentBranch: "feature",
      branches: ["main", "feature"],
      ...overrides,
    }),
    remoteBranches: vi.fn(async () => ["main", "release"]),
  };
}

function scriptSidecar(deps: ReturnType<typeof makeDeps>, candidates = [".devcontainer/devcontainer.json"]): void {
  deps.fake.on("devcontainer/read", () => ({ candidates, diagnostics: [] }));
  deps.fake.on("providers/list", () => ({ providers: [docker, harness] }));
  deps.fake.on("gitspaces/create", (params, options) => {
    options.onProgress?.({ kind: "begin", title: "Creating", message: "Cloning", percentage: 5 });
    deps.events.fire({ gitspaceId: "web-new", event: { type: "repository_clone_start", message: "Cloning web", timestamp: "2026-01-01T00:00:00Z" } });
    return { gitspace: makeGitspace({ id: "web-new", name: "web-new", repository: { url: params.repository.url!, branch: params.repository.branch } }) };
  });
}

describe("Create Gitspace", () => {
  it("defaults to the current folder's remote and branch, then creates with the picked config, provider and IDE", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps, [".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json"]);
    pickByLabel("Docker", "example.com/acme/web.git", "feature", "gpu", "VS Code");
    const created = await createGitspace(deps, localGit());

    expect(created?.id).toBe("web-new");
    const repoItems = (await vi.mocked(vscode.window.showQuickPick).mock.calls[1][0]) as vscode.QuickPickItem[];
    // The first item is the origin remote, with the credentials removed from what is shown.
    expect(repoItems.map((i) => i.label)).toEqual(["https://example.com/acme/web.git", "/src/web", "$(edit) Enter a repository URL…"]);
    const branchItems = (await vi.mocked(vscode.window.showQuickPick).mock.calls[2][0]) as vscode.QuickPickItem[];
    expect(branchItems[0].label).toBe("$(git-branch) feature");
    expect(deps.fake.callsTo("devcontainer/read")[0].params).toEqual({
      repository: { url: "https://token@example.com/acme/web.git", branch: "feature" },
    });
    expect(deps.fake.callsTo("gitspaces/create")[0]).toEqual({
      method: "gitspaces/create",
      long: true,
      params: {
        repository: { url: "https://token@example.com/acme/web.git", branch: "feature" },
        devcontainerPath: ".devcontainer/gpu/devcontainer.json",
        provider: "docker",
        ide: "vs_code",
      },
    });
    expect(mockState.progress[0].options.title).toBe("Creating gitspace from https://example.com/acme/web.git");
    expect(mockState.progress[0].reports).toEqual([{ message: "Cloning", increment: 5 }, { message: "Cloning web" }]);
    expect(deps.store.get("web-new")).toBeDefined();
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith("Gitspace web-new is running.", "Open", "Open in New Window");
  });

  it("passes the user's dotfiles.* and gitspaces.autoStopMinutes to a provider whose capabilities take them, and not to others", async () => {
    const dotfiles = { repository: "me/dotfiles", targetPath: "~/dots", installCommand: "" };
    const deps = makeDeps({ folder: "/src/web", settings: { dotfiles, autoStopMinutes: 30 } });
    scriptSidecar(deps);
    deps.fake.on("providers/list", () => ({
      providers: [
        { ...docker, capabilities: ["sshChannel", "portChannel", "dotfiles", "secrets", "autoStop"] },
        { ...harness, configured: true, reachable: true, capabilities: ["sshChannel"] },
      ],
    }));
    pickByLabel("Docker", "/src/web", "Default branch", "VS Code");
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(deps.fake.callsTo("gitspaces/create")[0].params).toMatchObject({
      provider: "docker",
      dotfiles: { repository: "me/dotfiles", targetPath: "~/dots" },
      autoStopSeconds: 1800,
    });
    expect((deps.fake.callsTo("gitspaces/create")[0].params as { dotfiles: object }).dotfiles).not.toHaveProperty("installCommand");

    pickByLabel("Harness", "/src/web", "Default branch", "VS Code");
    await createGitspace(deps, localGit({ remotes: [] }));
    const hosted = deps.fake.callsTo("gitspaces/create")[1].params as Record<string, unknown>;
    expect(hosted.provider).toBe("harness");
    expect(hosted).not.toHaveProperty("dotfiles");
    expect(hosted).not.toHaveProperty("autoStopSeconds");
  });

  it("reads a local clone in place and skips the config pick when there is one candidate", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    pickByLabel("Docker", "/src/web", "Default branch", "Cursor");
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(deps.fake.callsTo("devcontainer/read")[0].params).toEqual({ repository: { path: "/src/web" } });
    expect(deps.fake.callsTo("gitspaces/create")[0].params).toEqual({
      repository: { url: "/src/web", branch: undefined },
      devcontainerPath: ".devcontainer/devcontainer.json",
      provider: "docker",
      ide: "cursor",
    });
    expect(vi.mocked(vscode.window.showQuickPick)).toHaveBeenCalledTimes(4);
  });

  it("offers the default provider from settings first", async () => {
    const deps = makeDeps({ folder: "/src/web", settings: { defaultProvider: "harness" } });
    scriptSidecar(deps);
    pickByLabel(undefined);
    await createGitspace(deps, localGit({ remotes: [] }));
    const providerItems = (await vi.mocked(vscode.window.showQuickPick).mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(providerItems.map((i) => i.label)).toEqual(["Harness CDE", "Docker"]);
    expect(providerItems.map((i) => i.description)).toEqual(["hosted · not set up", "self-hosted · ready"]);
    // The provider list is checked (not skipCheck): its health is the first thing the user sees.
    expect(deps.fake.callsTo("providers/list")[0].params).toEqual({});
    expect(deps.fake.callsTo("devcontainer/read")).toHaveLength(0);
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(0);
  });

  it("offers every folder's remotes and clone in a multi-root window, and the chosen folder's branches", async () => {
    const deps = makeDeps({ folders: ["/src/web", "/src/api", "/src/web/docs"] });
    scriptSidecar(deps);
    const repos: Record<string, Awaited<ReturnType<GitProbe["inspect"]>>> = {
      "/src/web": { root: "/src/web", remotes: [{ name: "origin", url: "https://example.com/acme/web.git" }], currentBranch: "main", branches: ["main"] },
      "/src/api": {
        root: "/src/api",
        remotes: [
          { name: "origin", url: "https://example.com/acme/api.git" },
          { name: "fork", url: "https://example.com/me/api.git" },
        ],
        currentBranch: "fix",
        branches: ["main", "fix"],
      },
    };
    // The third folder lies inside the first repository: listed once.
    const git: GitProbe = { inspect: async (f) => repos[f] ?? repos["/src/web"], remoteBranches: vi.fn(async () => []) };
    pickByLabel("Docker", "example.com/me/api", "fix", "VS Code");
    await createGitspace(deps, git);
    const items = (await vi.mocked(vscode.window.showQuickPick).mock.calls[1][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => [i.label, i.description])).toEqual([
      ["web", undefined],
      ["https://example.com/acme/web.git", "origin of web"],
      ["/src/web", "local clone"],
      ["api", undefined],
      ["https://example.com/acme/api.git", "origin of api"],
      ["https://example.com/me/api.git", "fork of api"],
      ["/src/api", "local clone"],
      ["", undefined],
      ["$(edit) Enter a repository URL…", undefined],
    ]);
    const branches = (await vi.mocked(vscode.window.showQuickPick).mock.calls[2][0]) as vscode.QuickPickItem[];
    expect(branches.map((b) => b.label).slice(0, 2)).toEqual(["$(git-branch) fix", "$(git-branch) main"]);
    expect(git.remoteBranches).not.toHaveBeenCalled();
    expect(deps.fake.callsTo("gitspaces/create")[0].params).toMatchObject({ repository: { url: "https://example.com/me/api.git", branch: "fix" } });
  });

  it("asks for a URL when there is no current folder, listing that remote's branches", async () => {
    const deps = makeDeps();
    scriptSidecar(deps);
    const git = localGit();
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce("  https://example.com/acme/api.git ");
    pickByLabel("Docker", "release", "VS Code");
    await createGitspace(deps, { inspect: git.inspect, remoteBranches: git.remoteBranches });
    expect(git.remoteBranches).toHaveBeenCalledWith("https://example.com/acme/api.git");
    expect(deps.fake.callsTo("gitspaces/create")[0].params).toMatchObject({ repository: { url: "https://example.com/acme/api.git", branch: "release" } });
  });

  it("offers Configure Harness when the chosen provider is not set up, before any other question", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    harness.message = "Not logged in to Harness: run `gitspaces login harness --endpoint <url>` with the token on stdin (or providers/configure).";
    pickByLabel("Harness");
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Configure Harness" as never);
    await createGitspace(deps, localGit({ remotes: [] }));
    harness.message = "Run Configure Harness.";
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith("Harness CDE is not set up yet. Not logged in to Harness.", "Configure Harness");
    expect(deps.handlers.configureProvider).toHaveBeenCalledWith("harness");
    expect(vi.mocked(vscode.window.showQuickPick)).toHaveBeenCalledTimes(1);
    expect(deps.fake.callsTo("devcontainer/read")).toHaveLength(0);
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(0);
  });

  it("says an unreachable Docker engine in the user's words before asking anything else, and Retry starts over", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    const down: ProviderInfo = {
      ...docker,
      reachable: false,
      endpoint: "tcp://10.0.0.9:2375",
      message: "The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused Start the engine at tcp://10.0.0.9:2375, or change the Docker host with `providers/configure {provider:\"docker\", endpoint}` or DOCKER_HOST.",
    };
    let lists = 0;
    deps.fake.on("providers/list", () => ({ providers: ++lists === 1 ? [down, harness] : [docker, harness] }));
    pickByLabel("Docker", "Docker", undefined);
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Retry" as never);
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      "Docker is not reachable: The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused Start Docker, or choose another Docker host.",
      "Configure Docker Host",
      "Retry",
    );
    const firstItems = (await vi.mocked(vscode.window.showQuickPick).mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(firstItems[0].description).toBe("self-hosted · not reachable");
    // Retry asked the provider again (now ready) and went on to the repository.
    expect(lists).toBe(2);
    expect(vi.mocked(vscode.window.showQuickPick)).toHaveBeenCalledTimes(3);
  });

  it("stops with an error when the repository has no devcontainer.json", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps, []);
    pickByLabel("Docker", "/src/web", "feature");
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(expect.stringContaining("The repository has no devcontainer.json"), "Show Logs");
  });

  it("shows RepositoryUnavailable from devcontainer/read with Retry", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    deps.fake.on("devcontainer/read", () => {
      throw new RpcError(ErrorCodes.RepositoryUnavailable, "Cannot clone https://example.com/acme/web.git.", { kind: "RepositoryUnavailable" });
    });
    deps.fake.on("providers/list", () => ({ providers: [docker, harness] }));
    pickByLabel("Docker", "example.com", "main");
    await createGitspace(deps, localGit());
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      "Create gitspace failed: Cannot clone https://example.com/acme/web.git.",
      "Retry",
      "Show Logs",
    );
  });

  it("shows the first error diagnostic of DevcontainerInvalid", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    deps.fake.on("gitspaces/create", () => {
      throw new RpcError(ErrorCodes.DevcontainerInvalid, "The configuration is invalid.", {
        kind: "DevcontainerInvalid",
        diagnostics: [
          { file: ".devcontainer/devcontainer.json", line: 1, column: 1, severity: "warning", message: "unknown property x" },
          { file: ".devcontainer/devcontainer.json", line: 3, column: 5, severity: "error", message: "image must be a string" },
        ],
      });
    });
    pickByLabel("Docker", "/src/web", "feature", "VS Code");
    expect(await createGitspace(deps, localGit({ remotes: [] }))).toBeUndefined();
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      "Create gitspace from /src/web failed: The configuration is invalid. (.devcontainer/devcontainer.json:3:5: image must be a string)",
      "Show Logs",
      "Retry",
    );
    expect(deps.output.lines).toContain("[error]   .devcontainer/devcontainer.json:3:5 error: image must be a string");
    // ErrorData.diagnostics go to the Problems panel, on the open folder's file.
    expect(mockState.diagnosticCollections[0].get(vscode.Uri.file("/src/web/.devcontainer/devcontainer.json"))?.map((d) => d.message)).toEqual([
      "unknown property x",
      "image must be a string",
    ]);
  });

  it("shows a broken configuration's warnings in the Problems panel, on the open folder's file, and creates only with Create Anyway", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    const temp = "/home/u/.local/share/gitspaces/cache/read/0f3a/.devcontainer/devcontainer.json";
    const warnings = [4, 6, 6].map((line, i) => ({
      file: temp,
      line,
      column: i === 0 ? 26 : 1,
      severity: "warning",
      message: ["JSON syntax: a value was expected.", "JSON syntax: ']' was expected.", "JSON syntax: '}' was expected."][i],
      code: "syntax-error",
    }));
    deps.fake.on("devcontainer/read", () => ({ configFilePath: temp, candidates: [".devcontainer/devcontainer.json"], diagnostics: warnings }));
    pickByLabel("Docker", "example.com/acme/web.git", "feature", "VS Code");
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Create Anyway" as never);
    expect(await createGitspace(deps, localGit())).toBeDefined();

    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(
      ".devcontainer/devcontainer.json has 3 warnings.",
      { modal: true, detail: expect.stringContaining("devcontainer.json:4:26 JSON syntax: a value was expected.") },
      "Create Anyway",
      "Show Problems",
    );
    const problems = mockState.diagnosticCollections[0];
    expect([...problems.entries.values()].map((e) => [e.uri.fsPath, e.diagnostics.length])).toEqual([["/src/web/.devcontainer/devcontainer.json", 3]]);
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(1);
  });

  it("opens the Problems panel instead of creating when the user asks to see them", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    deps.fake.on("devcontainer/read", () => ({
      configFilePath: "/src/web/.devcontainer/devcontainer.json",
      candidates: [".devcontainer/devcontainer.json"],
      diagnostics: [{ file: "/src/web/.devcontainer/devcontainer.json", line: 2, column: 3, severity: "warning", message: "unknown property" }],
    }));
    pickByLabel("Docker", "/src/web", "feature");
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Show Problems" as never);
    expect(await createGitspace(deps, localGit({ remotes: [] }))).toBeUndefined();
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("workbench.actions.view.problems");
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(0);
  });

  it("offers no Create Anyway for errors", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    deps.fake.on("devcontainer/read", (params) => ({
      configFilePath: `/src/web/${params.configPath ?? ".devcontainer/devcontainer.json"}`,
      candidates: [".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json"],
      diagnostics: params.configPath
        ? [
            { file: "/src/web/.devcontainer/gpu/devcontainer.json", line: 3, column: 12, severity: "error", message: "\"image\" should be a string, not an integer." },
            { file: "/src/web/.devcontainer/gpu/devcontainer.json", line: 4, column: 1, severity: "warning", message: "unknown property" },
          ]
        : [],
    }));
    pickByLabel("Docker", "/src/web", "feature", "gpu");
    expect(await createGitspace(deps, localGit({ remotes: [] }))).toBeUndefined();
    // The chosen (non-default) configuration was read again, and its problems stop the create.
    expect(deps.fake.callsTo("devcontainer/read")[1].params).toEqual({ repository: { path: "/src/web" }, configPath: ".devcontainer/gpu/devcontainer.json" });
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      ".devcontainer/gpu/devcontainer.json has 1 error and 1 warning. Fix it before creating a gitspace from it.",
      { modal: true, detail: expect.stringContaining("devcontainer.json:3:12") },
      "Show Problems",
    );
    expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(0);
  });

  it("after a cancel that left a half-made gitspace, offers Delete in the toast and deletes it without asking again", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    const halfMade = makeGitspace({ id: "web-new", name: "web-new", state: "error", errorMessage: "cancelled" });
    let listed: ReturnType<typeof makeGitspace>[] = [];
    deps.fake.on("gitspaces/list", () => ({ gitspaces: listed }));
    deps.fake.on("gitspaces/create", async (_params, options) => {
      deps.events.fire({ gitspaceId: "web-new", event: { type: "lifecycle_command_start", message: "Running onCreateCommand", timestamp: "2026-01-01T00:00:00Z" } });
      listed = [halfMade];
      // The user presses Cancel on the progress notification; the sidecar answers RequestCancelled.
      mockState.progress[0].cancel();
      expect(options.token?.isCancellationRequested).toBe(true);
      throw new RpcError(ErrorCodes.RequestCancelled, "Request cancelled");
    });
    deps.fake.on("gitspaces/delete", (params) => {
      listed = [];
      return { id: params.id, deleted: true };
    });
    pickByLabel("Docker", "/src/web", "feature", "VS Code");
    vi.mocked(vscode.window.showWarningMessage).mockResolvedValueOnce("Delete" as never);
    expect(await createGitspace(deps, localGit({ remotes: [] }))).toBeUndefined();
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith("Creating gitspace web-new was cancelled. It is left half-made (Error); delete it?", "Delete", "Keep");
    // No second "are you sure": the toast said what Delete does.
    expect(vi.mocked(vscode.window.showWarningMessage).mock.calls.filter((c) => typeof c[1] === "object")).toHaveLength(0);
    expect(deps.fake.callsTo("gitspaces/delete")[0].params).toEqual({ id: "web-new" });
    expect(deps.store.get("web-new")).toBeUndefined();
    expect(vscode.window.showInformationMessage).not.toHaveBeenCalledWith(expect.stringContaining("was cancelled."));
  });

  it("says only 'cancelled' when the create was cancelled before a gitspace existed", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    deps.fake.on("gitspaces/create", () => {
      throw new RpcError(ErrorCodes.RequestCancelled, "Request cancelled");
    });
    pickByLabel("Docker", "/src/web", "feature", "VS Code");
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith("Create gitspace from /src/web was cancelled.");
    expect(vscode.window.showWarningMessage).not.toHaveBeenCalled();
  });

  it("retries the create with the same choices without asking again", async () => {
    const deps = makeDeps({ folder: "/src/web" });
    scriptSidecar(deps);
    let attempts = 0;
    deps.fake.on("gitspaces/create", (params) => {
      if (++attempts === 1) {
        throw new RpcError(ErrorCodes.ProviderUnavailable, "Docker is not running.", { kind: "ProviderUnavailable", provider: "docker" });
      }
      return { gitspace: makeGitspace({ id: "web-new", repository: { url: params.repository.url! } }) };
    });
    pickByLabel("Docker", "/src/web", "feature", "VS Code");
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Retry" as never);
    await createGitspace(deps, localGit({ remotes: [] }));
    expect(attempts).toBe(2);
    expect(vi.mocked(vscode.window.showQuickPick)).toHaveBeenCalledTimes(4);
    expect(deps.store.get("web-new")).toBeDefined();
  });

  it("stops quietly at each dismissed step", async () => {
    for (let step = 0; step < 4; step++) {
      resetVscodeMock();
      vi.mocked(vscode.window.showQuickPick).mockReset();
      const deps = makeDeps({ folder: "/src/web" });
      scriptSidecar(deps, [".devcontainer/devcontainer.json", ".devcontainer.json"]);
      const answers = ["Docker", "/src/web", "feature", ".devcontainer.json"];
      answers[step] = undefined as unknown as string;
      pickByLabel(...answers.slice(0, step + 1));
      expect(await createGitspace(deps, localGit({ remotes: [] }))).toBeUndefined();
      expect(deps.fake.callsTo("gitspaces/create")).toHaveLength(0);
      expect(vscode.window.showErrorMessage).not.toHaveBeenCalled();
    }
  });
});
