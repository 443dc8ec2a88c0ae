import * as vscode from "vscode";
import type { GitspacePort, PortForward } from "../protocol";
import { autoForwardAction, isPortNode, portName, type PortNode } from "../ports/portItems";
import type { PortStore } from "../ports/portStore";
import { guarded, type CommandDeps } from "./deps";

/** Forwards a port (or returns its forward) and opens it in the browser. */
export async function openPortInBrowser(deps: CommandDeps, ports: PortStore, node: unknown): Promise<PortForward | undefined> {
  if (!isPortNode(node)) {
    return undefined;
  }
  const forward = await forwardPort(deps, ports, node);
  if (forward) {
    await vscode.env.openExternal(vscode.Uri.parse(forward.url));
  }
  return forward;
}

/** Forwards a port of a gitspace to 127.0.0.1 (the sidecar owns the listener until the gitspace stops). */
export async function forwardPort(deps: CommandDeps, ports: PortStore, node: PortNode): Promise<PortForward | undefined> {
  if (node.port.forward) {
    return node.port.forward;
  }
  return guarded(
    deps,
    `forward port ${portName(node.port)}`,
    async () => {
      const client = await deps.sidecar();
      const { forward } = await client.request("gitspaces/ports/forward", { id: node.gitspace.id, port: node.port.port, service: node.port.service });
      await ports.load(node.gitspace.id);
      return forward;
    },
    { gitspaceId: node.gitspace.id },
  );
}

/** Stops a port's forward, whichever gitspaces process holds it. */
export async function stopPortForward(deps: CommandDeps, ports: PortStore, node: unknown): Promise<void> {
  if (!isPortNode(node)) {
    return;
  }
  await guarded(
    deps,
    `stop forwarding port ${portName(node.port)}`,
    async () => {
      const client = await deps.sidecar();
      await client.request("gitspaces/ports/stop", { id: node.gitspace.id, port: node.port.port, service: node.port.service });
      await ports.load(node.gitspace.id);
    },
    { gitspaceId: node.gitspace.id },
  );
}

/**
 * Honours a detected port's onAutoForward for a gitspace this window is not connected to: forwards it (unless
 * "ignore"), then notifies with "Open in Browser", opens the browser or the Simple Browser, or says nothing.
 */
export async function autoForward(deps: CommandDeps, ports: PortStore, node: PortNode): Promise<void> {
  const action = autoForwardAction(node.port);
  if (action === "ignore") {
    return;
  }
  const forward = await forwardPort(deps, ports, node);
  if (!forward) {
    return;
  }
  switch (action) {
    case "openBrowser":
      await vscode.env.openExternal(vscode.Uri.parse(forward.url));
      return;
    case "openPreview":
      await vscode.commands.executeCommand("simpleBrowser.show", forward.url);
      return;
    case "silent":
      return;
    default: {
      const choice = await vscode.window.showInformationMessage(`${describe(node.port)} of ${node.gitspace.name} is available at ${forward.url}.`, "Open in Browser");
      if (choice === "Open in Browser") {
        await vscode.env.openExternal(vscode.Uri.parse(forward.url));
      }
    }
  }
}

function describe(port: GitspacePort): string {
  return port.attributes.label ? `${port.attributes.label} (port ${portName(port)})` : `Port ${portName(port)}`;
}
