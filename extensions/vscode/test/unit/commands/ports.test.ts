import { beforeEach, describe, expect, it } from "vitest";
import { autoForward, openPortInBrowser, stopPortForward } from "../../../src/commands/ports";
import type { PortNode } from "../../../src/ports/portItems";
import { PortStore } from "../../../src/ports/portStore";
import type { GitspacePort, PortForward } from "../../../src/protocol";
import { GitspacesTreeProvider } from "../../../src/tree/gitspacesTree";
import { commands, env, resetVscodeMock, window } from "../../mocks/vscode";
import { makeDeps, makeGitspace } from "../helpers";

const forward: PortForward = { port: 3000, localPort: 3001, url: "http://127.0.0.1:3001/", owner: "server", processId: 42 };

function listening(overrides: Partial<GitspacePort> = {}): GitspacePort {
  return { port: 3000, configured: false, listening: true, attributes: { protocol: "http", onAutoForward: "notify", requireLocalPort: false }, ...overrides };
}

beforeEach(() => resetVscodeMock());

describe("port commands", () => {
  it("Open in Browser forwards a port that is not forwarded yet, then opens its URL", async () => {
    const g = makeGitspace({ id: "web", name: "web", state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/ports/forward", () => ({ forward })).on("gitspaces/ports", () => ({ ports: [listening({ forward })] }));
    const ports = new PortStore(deps.sidecar);

    const result = await openPortInBrowser(deps, ports, { kind: "port", gitspace: g, port: listening() } satisfies PortNode);

    expect(result).toEqual(forward);
    expect(deps.fake.callsTo("gitspaces/ports/forward")[0].params).toEqual({ id: "web", port: 3000, service: undefined });
    expect(env.openExternal).toHaveBeenCalledTimes(1);
    expect(String(env.openExternal.mock.calls[0][0])).toBe("http://127.0.0.1:3001/");
    expect(ports.get("web")?.[0].forward).toEqual(forward);
  });

  it("Open in Browser on a forwarded port opens it without asking the sidecar", async () => {
    const g = makeGitspace({ id: "web", state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    await openPortInBrowser(deps, new PortStore(deps.sidecar), { kind: "port", gitspace: g, port: listening({ forward }) } satisfies PortNode);
    expect(deps.fake.callsTo("gitspaces/ports/forward")).toHaveLength(0);
    expect(env.openExternal).toHaveBeenCalledTimes(1);
  });

  it("Stop Forwarding Port asks the sidecar to stop that port's forward", async () => {
    const g = makeGitspace({ id: "web", state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/ports/stop", () => ({ stopped: [forward] })).on("gitspaces/ports", () => ({ ports: [listening()] }));
    await stopPortForward(deps, new PortStore(deps.sidecar), { kind: "port", gitspace: g, port: listening({ port: 5432, service: "db", forward }) } satisfies PortNode);
    expect(deps.fake.callsTo("gitspaces/ports/stop")[0].params).toEqual({ id: "web", port: 5432, service: "db" });
  });

  it("auto-forward notifies with Open in Browser, opens the browser or the Simple Browser, and ignores what says ignore", async () => {
    const g = makeGitspace({ id: "web", name: "web", state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/ports/forward", () => ({ forward })).on("gitspaces/ports", () => ({ ports: [] }));
    const ports = new PortStore(deps.sidecar);
    const node = (onAutoForward: string, label?: string): PortNode => ({ kind: "port", gitspace: g, port: listening({ attributes: { label, protocol: "http", onAutoForward, requireLocalPort: false } }) });

    window.showInformationMessage.mockResolvedValueOnce("Open in Browser");
    await autoForward(deps, ports, node("notify", "Web"));
    expect(window.showInformationMessage.mock.calls[0][0]).toBe("Web (port 3000) of web is available at http://127.0.0.1:3001/.");
    expect(env.openExternal).toHaveBeenCalledTimes(1);

    await autoForward(deps, ports, node("openPreview"));
    expect(commands.executeCommand).toHaveBeenCalledWith("simpleBrowser.show", "http://127.0.0.1:3001/");

    await autoForward(deps, ports, node("silent"));
    await autoForward(deps, ports, node("ignore"));
    expect(deps.fake.callsTo("gitspaces/ports/forward")).toHaveLength(3);
    expect(env.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe("ports in the Gitspaces view", () => {
  it("a running gitspace opens onto its ports, loaded from the sidecar and updated by portsChanged", async () => {
    const g = makeGitspace({ id: "web", name: "web", state: "running" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/ports", () => ({ ports: [listening({ configured: true })] }));
    await deps.store.refresh();
    const ports = new PortStore(deps.sidecar);
    const tree = new GitspacesTreeProvider(deps.store, undefined, ports);

    expect(tree.getTreeItem(g).collapsibleState).toBe(1);
    expect(tree.getChildren(g)).toEqual([]);
    await ports.load("web");
    const children = tree.getChildren(g) as PortNode[];
    expect(children.map((c) => c.port.port)).toEqual([3000]);
    expect(tree.getTreeItem(children[0]).contextValue).toBe("gitspacePort.available");

    expect(ports.apply({ id: "web", provider: "docker", ports: [listening({ forward }), listening({ port: 8080 })], opened: [8080], closed: [] })).toBe(true);
    expect((tree.getChildren(g) as PortNode[]).map((c) => c.port.port)).toEqual([3000, 8080]);
    expect(tree.getChildren(makeGitspace({ id: "off", state: "stopped" }))).toEqual([]);
  });
});
