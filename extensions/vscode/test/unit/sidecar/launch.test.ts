import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { bundledServerPath, resolveLaunch, type LaunchEnvironment } from "../../../src/sidecar/launch";
import { checkBundledPlatform, PlatformMismatchError } from "../../../src/sidecar/platform";

const settings = { serverPath: "", dockerHost: "", logLevel: "info" };

function environment(existing: string[], platform: NodeJS.Platform = "linux"): LaunchEnvironment {
  return { extensionPath: "/ext", platform, arch: "x64", env: { PATH: "/usr/bin", HOME: "/home/u" }, exists: (f) => existing.includes(f), readFile: () => undefined };
}

describe("resolveLaunch", () => {
  it("uses the bundled sidecar by default, with serve and the log level", () => {
    const file = path.join("/ext", "server", "gitspaces");
    expect(resolveLaunch(settings, environment([file]))).toEqual({
      command: file,
      args: ["serve", "--log-level", "info"],
      env: { PATH: "/usr/bin", HOME: "/home/u" },
    });
  });

  it("uses gitspaces.exe on Windows", () => {
    expect(bundledServerPath("C:\\ext", "win32")).toBe(path.join("C:\\ext", "server", "gitspaces.exe"));
  });

  it("prefers gitspaces.serverPath, expanding ~", () => {
    const file = path.join("/home/u", "bin/gitspaces");
    expect(resolveLaunch({ ...settings, serverPath: "~/bin/gitspaces", logLevel: "trace" }, environment([file]))).toMatchObject({
      command: file,
      args: ["serve", "--log-level", "trace"],
    });
  });

  it("runs a framework-dependent dll with dotnet", () => {
    expect(resolveLaunch({ ...settings, serverPath: "/opt/gitspaces.dll" }, environment(["/opt/gitspaces.dll"]))).toMatchObject({
      command: "dotnet",
      args: ["/opt/gitspaces.dll", "serve", "--log-level", "info"],
    });
  });

  it("passes gitspaces.docker.host as DOCKER_HOST", () => {
    const file = path.join("/ext", "server", "gitspaces");
    expect(resolveLaunch({ ...settings, dockerHost: " tcp://10.0.0.5:2376 " }, environment([file])).env).toMatchObject({ DOCKER_HOST: "tcp://10.0.0.5:2376" });
  });

  it("passes gitspaces.docker.forwardSshAgent as GITSPACES_FORWARD_SSH_AGENT, and nothing when unset", () => {
    const file = path.join("/ext", "server", "gitspaces");
    expect(resolveLaunch({ ...settings, forwardSshAgent: false }, environment([file])).env).toMatchObject({ GITSPACES_FORWARD_SSH_AGENT: "0" });
    expect(resolveLaunch({ ...settings, forwardSshAgent: true }, environment([file])).env).toMatchObject({ GITSPACES_FORWARD_SSH_AGENT: "1" });
    expect(resolveLaunch(settings, environment([file])).env?.GITSPACES_FORWARD_SSH_AGENT).toBeUndefined();
  });

  it("says which setting to fix when the configured path is missing", () => {
    expect(() => resolveLaunch({ ...settings, serverPath: "/nope/gitspaces" }, environment([]))).toThrow(
      "The gitspaces sidecar was not found at /nope/gitspaces (setting gitspaces.serverPath).",
    );
  });

  it("says the bundled copy is missing", () => {
    expect(() => resolveLaunch(settings, environment([]))).toThrow(/is not bundled with this extension/);
  });
});

describe("ensureExecutable", () => {
  it("restores the executable bit of a file that lost it", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitspaces-exec-"));
    const file = path.join(dir, "gitspaces");
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o644 });
    const { ensureExecutable } = await import("../../../src/sidecar/launch");
    ensureExecutable(file, "linux");
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the bundled platform", () => {
  const file = path.join("/ext", "server", "gitspaces");
  const stamped = (target: string): LaunchEnvironment => ({
    ...environment([file]),
    arch: "x64",
    readFile: (f) => (f === path.join("/ext", "server", "platform.json") ? JSON.stringify({ rid: "x", target }) : undefined),
  });

  it("starts a sidecar built for this platform", () => {
    expect(resolveLaunch(settings, stamped("linux-x64")).command).toBe(file);
  });

  it("refuses one built for another platform, naming both in words", () => {
    expect(() => resolveLaunch(settings, stamped("darwin-arm64"))).toThrow(PlatformMismatchError);
    expect(() => resolveLaunch(settings, stamped("darwin-arm64"))).toThrow(/build for macOS \(Apple silicon\), but VS Code runs on Linux x64/);
  });

  it("lets gitspaces.serverPath override a mismatched bundle", () => {
    expect(resolveLaunch({ ...settings, serverPath: file }, stamped("win32-arm64")).command).toBe(file);
  });
});

describe("checkBundledPlatform", () => {
  const host = { platform: "linux" as NodeJS.Platform, arch: "arm64" };
  it("accepts a folder without a stamp (a development build) and a broken stamp", () => {
    expect(checkBundledPlatform("/s", host, () => undefined)).toBeUndefined();
    expect(checkBundledPlatform("/s", host, () => "{not json")).toBeUndefined();
  });

  it("reports the bundled and the running platform", () => {
    const mismatch = checkBundledPlatform("/s", host, () => JSON.stringify({ rid: "linux-x64", target: "linux-x64" }));
    expect(mismatch?.bundled).toBe("linux-x64");
    expect(mismatch?.host).toBe("linux-arm64");
    expect(mismatch?.message).toContain("gitspaces-…-linux-arm64");
  });
});
