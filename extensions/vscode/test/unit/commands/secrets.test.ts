import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { deleteSecret, listSecrets, setSecret } from "../../../src/commands/secrets";
import type { SecretInfo } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { env, mockState, resetVscodeMock, Uri, window, workspace } from "../../mocks/vscode";
import { makeDeps, makeGitspace, pickByLabel, type TestDeps } from "../helpers";

beforeEach(() => resetVscodeMock());

const value = "Zq9-very-secret-value";

/** Everything a person or a log could see: notifications, dialogs, quick picks, input boxes' texts, the output channel. */
function everythingShown(deps: TestDeps): string {
  const calls = [window.showInformationMessage, window.showWarningMessage, window.showErrorMessage, window.showQuickPick, window.showInputBox].flatMap((f) =>
    f.mock.calls.map((c) => JSON.stringify(c, (_k, v: unknown) => (typeof v === "function" ? undefined : v))),
  );
  return [...calls, ...deps.output.lines].join("\n");
}

function withSecrets(deps: TestDeps, secrets: SecretInfo[]): void {
  deps.fake.on("secrets/list", () => ({ secrets }));
}

describe("Set Secret", () => {
  it("asks a checked name, the scope and the value in a password box, sends secrets/set, and never shows or logs the value", async () => {
    const web = makeGitspace({ id: "web", name: "web", repository: { url: "https://example.com/acme/web.git" } });
    const deps = makeDeps({ gitspaces: [web] });
    await deps.store.refresh();
    deps.fake.on("secrets/set", (p) => ({ secret: { name: p.name, scope: "example.com/acme/web", updatedAt: "2026-12-08T01:00:00Z" } }));
    window.showInputBox.mockResolvedValueOnce("NPM_TOKEN").mockResolvedValueOnce(value);
    pickByLabel("example.com/acme/web.git");

    const secret = await setSecret(deps, web);

    expect(secret?.name).toBe("NPM_TOKEN");
    expect(deps.fake.callsTo("secrets/set")[0].params).toEqual({ name: "NPM_TOKEN", value, scope: "https://example.com/acme/web.git" });
    const [nameBox, valueBox] = window.showInputBox.mock.calls.map((c) => c[0] as vscode.InputBoxOptions);
    expect(nameBox.password).toBeFalsy();
    expect(nameBox.validateInput?.("1BAD")).toMatch(/environment variable name/);
    expect(nameBox.validateInput?.("GITSPACES_X")).toMatch(/cannot be a secret/);
    expect(nameBox.validateInput?.("NPM_TOKEN")).toBeUndefined();
    expect(valueBox.password).toBe(true);
    expect(valueBox.validateInput?.("")).toBe("Enter a value.");
    expect(valueBox.validateInput?.("two\nlines")).toMatch(/line break/);
    expect(window.showInformationMessage.mock.calls[0][0]).toBe(
      "Secret NPM_TOKEN is set for example.com/acme/web. Gitspaces get it as an environment variable from their next start.",
    );
    expect(everythingShown(deps)).not.toContain("Zq9");
  });

  it("offers every gitspace, this window's gitspace's repository first, each repository once, and a typed pattern", async () => {
    const api = makeGitspace({ id: "api", name: "api", sshHost: "api.gitspaces", repository: { url: "https://example.com/acme/api.git" } });
    const web = makeGitspace({ id: "web", name: "web", repository: { url: "https://example.com/acme/web.git" } });
    const web2 = makeGitspace({ id: "web2", name: "web2", repository: { url: "https://example.com/acme/web.git" } });
    const deps = makeDeps({ gitspaces: [web, web2, api] });
    await deps.store.refresh();
    env.remoteName = "ssh-remote";
    workspace.workspaceFolders = [{ uri: Uri.parse("vscode-remote://ssh-remote+api.gitspaces/workspaces/api"), name: "api", index: 0 }];
    deps.fake.on("secrets/set", (p) => ({ secret: { name: p.name, scope: p.scope, updatedAt: "2026-12-08T01:00:00Z" } }));
    window.showInputBox.mockResolvedValueOnce("API_KEY").mockResolvedValueOnce("  github.com/org/*  ").mockResolvedValueOnce(value);
    pickByLabel("URL pattern");

    await setSecret(deps);

    const items = (await window.showQuickPick.mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => i.label)).toEqual([
      "$(globe) All gitspaces",
      "$(repo) https://example.com/acme/api.git",
      "$(repo) https://example.com/acme/web.git",
      "$(edit) A repository URL pattern…",
    ]);
    expect(items[1].description).toBe("this gitspace's repository (api)");
    expect(items[2].description).toBe("repository of web");
    expect(deps.fake.callsTo("secrets/set")[0].params).toEqual({ name: "API_KEY", value, scope: "github.com/org/*" });
  });

  it("offers only the repositories of gitspaces whose provider passes secrets in", async () => {
    const web = makeGitspace({ id: "web", name: "web", repository: { url: "https://example.com/acme/web.git" } });
    const hosted = makeGitspace({ id: "h", name: "hosted", provider: "harness", repository: { url: "https://example.com/acme/hosted.git" } });
    const deps = makeDeps({ gitspaces: [web, hosted] });
    await deps.store.refresh();
    deps.fake.on("providers/list", () => ({
      providers: [
        { id: "docker", displayName: "Docker", kind: "self-hosted", configured: true, reachable: true, capabilities: ["secrets", "autoStop"] },
        { id: "harness", displayName: "Harness", kind: "hosted", configured: true, reachable: true, capabilities: ["sshChannel"] },
      ],
    }));
    window.showInputBox.mockResolvedValueOnce("API_KEY");
    pickByLabel(undefined);
    await setSecret(deps, hosted);
    const items = (await window.showQuickPick.mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => i.label)).toEqual(["$(globe) All gitspaces", "$(repo) https://example.com/acme/web.git", "$(edit) A repository URL pattern…"]);
    expect(deps.fake.callsTo("providers/list")[0].params).toEqual({ skipCheck: true });
    expect(deps.fake.callsTo("secrets/set")).toHaveLength(0);
  });

  it("sets a global secret without a scope, and stops when the user backs out of any question", async () => {
    const deps = makeDeps();
    deps.fake.on("secrets/set", (p) => ({ secret: { name: p.name, updatedAt: "2026-12-08T01:00:00Z" } }));
    window.showInputBox.mockResolvedValueOnce("API_KEY").mockResolvedValueOnce(value);
    pickByLabel("All gitspaces");
    await setSecret(deps);
    expect(deps.fake.callsTo("secrets/set")[0].params).toEqual({ name: "API_KEY", value });
    expect(window.showInformationMessage.mock.calls[0][0]).toContain("for all gitspaces");

    window.showInputBox.mockResolvedValueOnce("API_KEY").mockResolvedValueOnce(undefined);
    pickByLabel("All gitspaces");
    expect(await setSecret(deps)).toBeUndefined();
    window.showInputBox.mockResolvedValueOnce(undefined);
    expect(await setSecret(deps)).toBeUndefined();
    expect(deps.fake.callsTo("secrets/set")).toHaveLength(1);
  });

  it("shows the sidecar's refusal without the value", async () => {
    const deps = makeDeps();
    deps.fake.on("secrets/set", () => {
      throw new RpcError(-32602, "Invalid params: the value ends with a backslash, which an SSH session's environment cannot carry.");
    });
    window.showInputBox.mockResolvedValueOnce("API_KEY").mockResolvedValueOnce(value);
    pickByLabel("All gitspaces");
    expect(await setSecret(deps)).toBeUndefined();
    expect(window.showErrorMessage).toHaveBeenCalled();
    expect(everythingShown(deps)).not.toContain("Zq9");
  });
});

describe("List Secrets", () => {
  const secrets: SecretInfo[] = [
    { name: "NPM_TOKEN", scope: "github.com/org/*", updatedAt: "2026-12-08T01:00:00Z" },
    { name: "API_KEY", updatedAt: "2026-12-07T01:00:00Z" },
  ];

  it("shows names and scopes, sorted by name; a picked one can be deleted", async () => {
    const deps = makeDeps();
    withSecrets(deps, secrets);
    deps.fake.on("secrets/delete", () => ({ deleted: true }));
    pickByLabel("NPM_TOKEN");
    window.showQuickPick.mockImplementationOnce(async () => "$(trash) Delete");
    window.showWarningMessage.mockResolvedValueOnce("Delete");

    await listSecrets(deps);

    const items = (await window.showQuickPick.mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => [i.label, i.description])).toEqual([
      ["$(key) API_KEY", "all gitspaces"],
      ["$(key) NPM_TOKEN", "github.com/org/*"],
    ]);
    expect(deps.fake.callsTo("secrets/delete")[0].params).toEqual({ name: "NPM_TOKEN", scope: "github.com/org/*" });
  });

  it("sets a new value for a picked secret, same name and scope, asking only the value", async () => {
    const deps = makeDeps();
    withSecrets(deps, secrets);
    deps.fake.on("secrets/set", (p) => ({ secret: { name: p.name, scope: p.scope, updatedAt: "2026-12-08T02:00:00Z" } }));
    pickByLabel("NPM_TOKEN");
    window.showQuickPick.mockImplementationOnce(async () => "$(edit) Set a New Value…");
    window.showInputBox.mockResolvedValueOnce(value);
    await listSecrets(deps);
    expect(deps.fake.callsTo("secrets/set")[0].params).toEqual({ name: "NPM_TOKEN", value, scope: "github.com/org/*" });
    expect(window.showInputBox).toHaveBeenCalledTimes(1);
    expect(everythingShown(deps)).not.toContain("Zq9");
  });

  it("offers Set Secret when there are none", async () => {
    const deps = makeDeps();
    withSecrets(deps, []);
    await listSecrets(deps);
    expect(window.showInformationMessage).toHaveBeenCalledWith("You have no gitspace secrets yet.", "Set Secret…");
  });
});

describe("Delete Secret", () => {
  it("deletes the picked secret after a modal confirmation, and keeps it when the user says no", async () => {
    const deps = makeDeps();
    withSecrets(deps, [{ name: "API_KEY", updatedAt: "2026-12-07T01:00:00Z" }]);
    deps.fake.on("secrets/delete", () => ({ deleted: true }));
    pickByLabel("API_KEY");
    expect(await deleteSecret(deps)).toBe(false);
    expect(deps.fake.callsTo("secrets/delete")).toHaveLength(0);

    pickByLabel("API_KEY");
    window.showWarningMessage.mockResolvedValueOnce("Delete");
    expect(await deleteSecret(deps)).toBe(true);
    expect(window.showWarningMessage.mock.calls[1][1]).toMatchObject({ modal: true });
    expect(deps.fake.callsTo("secrets/delete")[0].params).toEqual({ name: "API_KEY" });
    expect(window.showInformationMessage).toHaveBeenCalledWith("Secret API_KEY for all gitspaces is deleted.");
    expect(mockState.progress).toHaveLength(0);
    expect(vi.mocked(window.showErrorMessage)).not.toHaveBeenCalled();
  });
});
