import { describe, expect, it } from "vitest";
import { autoForwardAction, portContextValue, portsToAutoForward, toPortItem } from "../../../src/ports/portItems";
import type { GitspacePort, PortsChangedParams } from "../../../src/protocol";
import { ThemeIcon } from "../../mocks/vscode";
import { makeGitspace } from "../helpers";

function port(overrides: Partial<GitspacePort> = {}): GitspacePort {
  return { port: 3000, configured: false, listening: true, attributes: { protocol: "http", onAutoForward: "notify", requireLocalPort: false }, ...overrides };
}

describe("port tree items", () => {
  it("shows a forwarded port with its label, local address and Open in Browser", () => {
    const item = toPortItem({
      kind: "port",
      gitspace: makeGitspace({ id: "web", name: "web" }),
      port: port({ attributes: { label: "Web", protocol: "http", onAutoForward: "notify", requireLocalPort: false }, forward: { port: 3000, localPort: 3001, url: "http://127.0.0.1:3001/", owner: "server" } }),
    });
    expect(item.label).toBe("Web (3000)");
    expect(item.description).toBe("→ 127.0.0.1:3001");
    expect(item.contextValue).toBe("gitspacePort.forwarded");
    expect((item.iconPath as ThemeIcon).id).toBe("plug");
    expect(item.command?.command).toBe("gitspaces.openPortInBrowser");
  });

  it("shows a configured port that does not listen yet without a click action, and a compose service's port by name", () => {
    const item = toPortItem({ kind: "port", gitspace: makeGitspace(), port: port({ port: 5432, service: "db", configured: true, listening: false }) });
    expect(item.label).toBe("db:5432");
    expect(item.description).toBe("not listening · forwardPorts");
    expect(item.contextValue).toBe("gitspacePort.available");
    expect(item.command).toBeUndefined();
    expect(portContextValue(port())).toBe("gitspacePort.available");
  });

  it("maps onAutoForward to an action, notify by default", () => {
    const action = (onAutoForward: string) => autoForwardAction(port({ attributes: { protocol: "http", onAutoForward, requireLocalPort: false } }));
    expect(["notify", "openBrowser", "openBrowserOnce", "openPreview", "silent", "ignore", "unknown"].map(action)).toEqual([
      "notify",
      "openBrowser",
      "openBrowser",
      "openPreview",
      "silent",
      "ignore",
      "notify",
    ]);
  });

  it("auto-forwards opened ports only after the first notification, never for this window's gitspace, and not ignored ones", () => {
    const params: PortsChangedParams = {
      id: "web",
      provider: "docker",
      ports: [port({ port: 3000 }), port({ port: 4000, attributes: { protocol: "http", onAutoForward: "ignore", requireLocalPort: false } }), port({ port: 5000 })],
      opened: [3000, 4000],
      closed: [],
    };
    expect(portsToAutoForward(params, { first: false, openHere: false }).map((p) => p.port)).toEqual([3000]);
    expect(portsToAutoForward(params, { first: true, openHere: false })).toEqual([]);
    expect(portsToAutoForward(params, { first: false, openHere: true })).toEqual([]);
  });
});
