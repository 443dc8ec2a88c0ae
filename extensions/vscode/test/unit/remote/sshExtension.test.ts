import { beforeEach, describe, expect, it } from "vitest";
import * as vscode from "vscode";
import { findSshRemoteExtension, hasSshRemoteExtension, setRemotePlatform, sshExtensionFor, SshRemoteActivation } from "../../../src/remote/sshExtension";
import { extensions, mockState, resetVscodeMock } from "../../mocks/vscode";

beforeEach(() => resetVscodeMock());

const own = { id: "gitspaces.gitspaces", packageJSON: { activationEvents: [SshRemoteActivation, "onUri"] } };

describe("findSshRemoteExtension", () => {
  it("finds any extension that resolves ssh-remote, whatever its id, but not ourselves", () => {
    const fork = { id: "jeanp413.open-remote-ssh", packageJSON: { activationEvents: ["onCommand:openremotessh.openEmptyWindow", SshRemoteActivation] } };
    expect(findSshRemoteExtension([own, fork], "gitspaces.gitspaces")).toBe(fork);
    expect(findSshRemoteExtension([own, { id: "ms-python.python", packageJSON: { activationEvents: ["onLanguage:python"] } }], "Gitspaces.Gitspaces")).toBeUndefined();
    expect(findSshRemoteExtension([{ id: "x.no-events", packageJSON: {} }], "gitspaces.gitspaces")).toBeUndefined();
  });

  it("reads the extensions of this extension host", () => {
    extensions.all = [own];
    expect(hasSshRemoteExtension("gitspaces.gitspaces")).toBe(false);
    extensions.all = [own, { id: "anysphere.remote-ssh", packageJSON: { activationEvents: [SshRemoteActivation] } }];
    expect(hasSshRemoteExtension("gitspaces.gitspaces")).toBe(true);
  });
});

describe("sshExtensionFor", () => {
  it.each([
    ["Visual Studio Code", "ms-vscode-remote.remote-ssh"],
    ["Visual Studio Code - Insiders", "ms-vscode-remote.remote-ssh"],
    ["VSCodium", "jeanp413.open-remote-ssh"],
    ["code-server", "jeanp413.open-remote-ssh"],
    ["Code - OSS", "jeanp413.open-remote-ssh"],
    ["Cursor", "anysphere.remote-ssh"],
    ["Windsurf", "codeium.windsurf-remote-openssh"],
  ])("%s offers %s", (app, id) => {
    expect(sshExtensionFor(app).id).toBe(id);
  });
});

describe("setRemotePlatform", () => {
  it("writes nothing when no installed extension registered remote.SSH.remotePlatform", async () => {
    expect(await setRemotePlatform("web-1.gitspaces")).toBe(false);
    expect(mockState.configUpdates).toEqual([]);
  });

  it("adds the host as linux and keeps the others", async () => {
    mockState.configDefaults.set("remote.SSH.remotePlatform", {});
    mockState.config.set("remote.SSH.remotePlatform", { mac: "macOS" });
    expect(await setRemotePlatform("web-1.gitspaces")).toBe(true);
    expect(mockState.configUpdates).toEqual([
      { key: "remote.SSH.remotePlatform", value: { mac: "macOS", "web-1.gitspaces": "linux" }, target: vscode.ConfigurationTarget.Global },
    ]);
  });
});
