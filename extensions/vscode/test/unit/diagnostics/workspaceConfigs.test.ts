import * as path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { DevcontainerDiagnostics } from "../../../src/diagnostics/devcontainerDiagnostics";
import { isDevcontainerFile, WorkspaceDevcontainerCheck } from "../../../src/diagnostics/workspaceConfigs";
import { MockDiagnosticCollection, MockOutputChannel, resetVscodeMock, Uri, workspace } from "../../mocks/vscode";
import { FakeSidecar } from "../helpers";

beforeEach(() => resetVscodeMock());

const web = path.join(path.sep, "src", "web");
const api = path.join(path.sep, "src", "api");
const file = (root: string, ...parts: string[]) => path.join(root, ...parts);

function setUp() {
  const fake = new FakeSidecar();
  const collection = new MockDiagnosticCollection("gitspaces");
  const log = new MockOutputChannel("Gitspaces");
  const check = new WorkspaceDevcontainerCheck(async () => fake, new DevcontainerDiagnostics(collection as unknown as vscode.DiagnosticCollection), log as unknown as vscode.LogOutputChannel);
  workspace.workspaceFolders = [
    { uri: Uri.file(web), name: "web", index: 0 },
    { uri: Uri.file(api), name: "api", index: 1 },
    { uri: Uri.parse("vscode-remote://ssh-remote+x/work"), name: "remote", index: 2 },
  ];
  return { fake, collection, check, log };
}

describe("WorkspaceDevcontainerCheck", () => {
  it("knows a configuration by its file name", () => {
    expect(isDevcontainerFile(file(web, ".devcontainer", "devcontainer.json"))).toBe(true);
    expect(isDevcontainerFile(file(web, ".devcontainer.json"))).toBe(true);
    expect(isDevcontainerFile(file(web, "package.json"))).toBe(false);
  });

  it("reads every configuration of every local folder and shows their problems on the files", async () => {
    const { fake, collection, check } = setUp();
    fake.on("devcontainer/read", (params) => {
      const root = params.repository.path!;
      if (root === api) {
        return { candidates: [], diagnostics: [{ file: file(api, ".devcontainer", "devcontainer.json"), line: 1, column: 1, severity: "error", message: "not found", code: "config-not-found" }] };
      }
      const chosen = params.configPath ?? ".devcontainer/devcontainer.json";
      const configFilePath = file(web, ...chosen.split("/"));
      return {
        configFilePath,
        candidates: [".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json"],
        diagnostics: chosen.includes("gpu") ? [{ file: configFilePath, line: 3, column: 12, severity: "error", message: "\"image\" should be a string, not an integer." }] : [],
      };
    });
    await check.checkAll();
    expect(fake.callsTo("devcontainer/read").map((c) => c.params)).toEqual([
      { repository: { path: web } },
      { repository: { path: api } },
      { repository: { path: web }, configPath: ".devcontainer/gpu/devcontainer.json" },
    ]);
    expect([...collection.entries.values()].map((e) => [e.uri.fsPath, e.diagnostics.map((d) => d.message)])).toEqual([
      [file(web, ".devcontainer", "gpu", "devcontainer.json"), ["\"image\" should be a string, not an integer."]],
    ]);
  });

  it("reads a folder again when one of its configurations is saved, clearing what was fixed", async () => {
    const { fake, collection } = setUp();
    const configFilePath = file(web, ".devcontainer.json");
    let broken = true;
    fake.on("devcontainer/read", () => ({
      configFilePath,
      candidates: [".devcontainer.json"],
      diagnostics: broken ? [{ file: configFilePath, line: 2, column: 3, severity: "warning", message: "unknown property" }] : [],
    }));
    const onSave = vi.mocked(workspace.onDidSaveTextDocument).mock.calls[0][0];
    onSave({ uri: Uri.file(configFilePath) });
    await vi.waitFor(() => expect(collection.entries.size).toBe(1));
    broken = false;
    onSave({ uri: Uri.file(file(web, "README.md")) });
    onSave({ uri: Uri.file(configFilePath) });
    await vi.waitFor(() => expect(collection.entries.size).toBe(0));
    expect(fake.callsTo("devcontainer/read")).toHaveLength(2);
  });

  it("logs a read that fails instead of failing activation", async () => {
    const { fake, log, check } = setUp();
    fake.on("devcontainer/read", () => {
      throw new Error("sidecar gone");
    });
    await check.checkFolder(web);
    expect(log.lines).toContain(`[warning] Could not check the dev container configuration of ${web}: sidecar gone`);
  });
});
