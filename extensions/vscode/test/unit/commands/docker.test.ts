import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { configureDockerHost, validateDockerHost } from "../../../src/commands/docker";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { makeDeps } from "../helpers";

beforeEach(() => resetVscodeMock());

describe("Configure Docker Host", () => {
  it("accepts unix, tcp and npipe addresses, and empty for the default", () => {
    expect(validateDockerHost("")).toBeUndefined();
    expect(validateDockerHost(" unix:///var/run/docker.sock ")).toBeUndefined();
    expect(validateDockerHost("tcp://10.0.0.9:2376")).toBeUndefined();
    expect(validateDockerHost("npipe:////./pipe/docker_engine")).toBeUndefined();
    expect(validateDockerHost("10.0.0.9:2376")).toMatch(/^Start with unix:\/\/, tcp:\/\/, npipe:\/\//);
  });

  it("saves the host in the user's settings and says that the engine answers", async () => {
    const deps = makeDeps({ settings: { dockerHost: "" } });
    deps.fake.on("providers/list", () => ({
      providers: [{ id: "docker", displayName: "Docker", kind: "self-hosted", configured: true, reachable: true, endpoint: "tcp://10.0.0.9:2376", version: "27.5.1" }],
    }));
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce(" tcp://10.0.0.9:2376 ");
    expect(await configureDockerHost(deps)).toBe("tcp://10.0.0.9:2376");
    expect(mockState.configUpdates).toEqual([{ key: "gitspaces.docker.host", value: "tcp://10.0.0.9:2376", target: vscode.ConfigurationTarget.Global }]);
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith("Docker answers at tcp://10.0.0.9:2376 (Docker 27.5.1).");
  });

  it("warns, with the same button, when the engine does not answer", async () => {
    const deps = makeDeps({ settings: { dockerHost: "unix:///var/run/docker.sock" } });
    deps.fake.on("providers/list", () => ({
      providers: [{ id: "docker", displayName: "Docker", kind: "self-hosted", configured: true, reachable: false, endpoint: "unix:///var/run/docker.sock" }],
    }));
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce("unix:///var/run/docker.sock");
    await configureDockerHost(deps);
    expect(mockState.configUpdates).toEqual([]);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith(
      "Docker does not answer at unix:///var/run/docker.sock. Start Docker, or choose another Docker host.",
      "Configure Docker Host",
    );
  });

  it("changes nothing when the input is dismissed", async () => {
    const deps = makeDeps();
    expect(await configureDockerHost(deps)).toBeUndefined();
    expect(mockState.configUpdates).toEqual([]);
    expect(deps.fake.calls).toEqual([]);
  });
});
