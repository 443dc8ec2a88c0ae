import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { SidecarUnavailableError } from "../../../src/sidecar/errors";
import { PlatformMismatchError } from "../../../src/sidecar/platform";
import { adviseStartFailure, dotnetDownloadUrl, showStartFailure } from "../../../src/ui/startFailure";
import { resetVscodeMock } from "../../mocks/vscode";

function exited(stderr: string[]): SidecarUnavailableError {
  const error = new SidecarUnavailableError("The gitspaces sidecar exited during startup (code 150); see the Gitspaces log.");
  error.stderr = stderr;
  return error;
}

describe("adviseStartFailure", () => {
  it("says a missing .NET runtime in the notification, with a button that opens the download page", () => {
    const advice = adviseStartFailure(
      exited(["You must install .NET to run this application.", "App: /ext/server/gitspaces", ".NET location: Not found"]),
      "linux",
      "x64",
    );
    expect(advice.message).toContain(".NET 10 runtime");
    expect(advice.actions.map((a) => a.title)).toEqual(["Install .NET", "Restart", "Show Logs"]);
    expect(advice.actions[0]).toEqual({ title: "Install .NET", kind: "openUrl", url: dotnetDownloadUrl });
  });

  it("recognises a framework of the wrong version and a dll started without dotnet on PATH", () => {
    expect(adviseStartFailure(exited(["The framework 'Microsoft.NETCore.App', version '10.0.0' (x64) was not found."])).actions[0].title).toBe("Install .NET");
    const spawn = new SidecarUnavailableError("Cannot start the gitspaces sidecar (dotnet): spawn dotnet ENOENT");
    expect(adviseStartFailure(spawn).actions[0].title).toBe("Install .NET");
  });

  it("explains a VSIX built for another platform in its own words, with the installation guide", () => {
    const advice = adviseStartFailure(new PlatformMismatchError("darwin-arm64", "linux-x64"), "linux", "x64");
    expect(advice.message).toMatch(/build for macOS \(Apple silicon\), but VS Code runs on Linux x64/);
    expect(advice.actions.map((a) => a.title)).toEqual(["Open Installation Guide", "Set Sidecar Path"]);
    const wrapped = adviseStartFailure(new SidecarUnavailableError("start failed", { cause: new PlatformMismatchError("win32-x64", "linux-arm64") }));
    expect(wrapped.message).toMatch(/build for Windows x64/);
  });

  it("names the platform when the binary is for another one or is not bundled", () => {
    const format = new SidecarUnavailableError("Cannot start the gitspaces sidecar (/ext/server/gitspaces): spawn ENOEXEC");
    expect(adviseStartFailure(format, "linux", "arm64")).toEqual({
      message: expect.stringContaining("runs on linux-arm64"),
      actions: [
        { title: "Set Sidecar Path", kind: "openSetting", setting: "gitspaces.serverPath" },
        { title: "Show Logs", kind: "showLogs" },
      ],
    });
    const missing = new Error("The gitspaces sidecar is not bundled with this extension (looked for /ext/server/gitspaces); set gitspaces.serverPath to a gitspaces executable.");
    expect(adviseStartFailure(missing, "darwin", "arm64").message).toContain("darwin-arm64");
  });

  it("offers the setting when the configured path is wrong", () => {
    const advice = adviseStartFailure(new Error("The gitspaces sidecar was not found at /opt/gs (setting gitspaces.serverPath)."));
    expect(advice.message).toBe("The gitspaces sidecar was not found at /opt/gs (setting gitspaces.serverPath).");
    expect(advice.actions.map((a) => a.title)).toEqual(["Set Sidecar Path", "Show Logs"]);
  });

  it("keeps other reasons as they are, with Show Logs and Restart", () => {
    expect(adviseStartFailure(new SidecarUnavailableError("The gitspaces sidecar crashed 5 times in the last 3 minutes (last: exit code 134) and will not be restarted."))).toEqual({
      message: "The gitspaces sidecar crashed 5 times in the last 3 minutes (last: exit code 134) and will not be restarted.",
      actions: [
        { title: "Show Logs", kind: "showLogs" },
        { title: "Restart", kind: "restart" },
      ],
    });
  });
});

describe("showStartFailure", () => {
  beforeEach(() => resetVscodeMock());

  it("opens the .NET download page when the user presses Install .NET", async () => {
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Install .NET" as never);
    const handlers = { showLogs: vi.fn(), restart: vi.fn() };
    await showStartFailure(adviseStartFailure(exited(["You must install .NET to run this application."])), handlers);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(expect.stringContaining(".NET 10"), "Install .NET", "Restart", "Show Logs");
    expect(vscode.env.openExternal).toHaveBeenCalledWith(expect.objectContaining({ scheme: "https", authority: "dotnet.microsoft.com" }));
    expect(handlers.restart).not.toHaveBeenCalled();
  });

  it("opens the setting, the log or restarts, as pressed", async () => {
    const handlers = { showLogs: vi.fn(), restart: vi.fn() };
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Set Sidecar Path" as never);
    await showStartFailure(adviseStartFailure(new Error("spawn ENOEXEC")), handlers);
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("workbench.action.openSettings", "gitspaces.serverPath");
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Show Logs" as never);
    await showStartFailure(adviseStartFailure(new Error("other")), handlers);
    expect(handlers.showLogs).toHaveBeenCalledOnce();
    vi.mocked(vscode.window.showErrorMessage).mockResolvedValueOnce("Restart" as never);
    await showStartFailure(adviseStartFailure(new Error("other")), handlers);
    expect(handlers.restart).toHaveBeenCalledOnce();
  });
});
