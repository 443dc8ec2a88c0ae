import * as vscode from "vscode";
import type { Gitspace, GitspacePort, PortsChangedParams } from "../protocol";

/** A port of a running gitspace, shown under it in the Gitspaces view. */
export interface PortNode {
  kind: "port";
  gitspace: Gitspace;
  port: GitspacePort;
}

export function isPortNode(element: unknown): element is PortNode {
  return typeof element === "object" && element !== null && (element as PortNode).kind === "port";
}

/** "3000", or "db:5432" for another compose service's port. */
export function portName(port: { port: number; service?: string }): string {
  return port.service ? `${port.service}:${port.port}` : String(port.port);
}

/**
 * The contextValue of a port's tree item: "gitspacePort.forwarded" or "gitspacePort.available"; package.json's
 * menus match on it ("Open in Browser" on both: it forwards first when needed).
 */
export function portContextValue(port: GitspacePort): string {
  return port.forward ? "gitspacePort.forwarded" : "gitspacePort.available";
}

/** The tree item of a port. Pure, so unit tests check label, description and context value. */
export function toPortItem(node: PortNode): vscode.TreeItem {
  const { port, gitspace } = node;
  const label = port.attributes.label ? `${port.attributes.label} (${portName(port)})` : portName(port);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `${gitspace.provider}/${gitspace.id}/port/${portName(port)}`;
  const where = port.forward ? `→ 127.0.0.1:${port.forward.localPort}` : port.listening ? "listening" : "not listening";
  item.description = port.configured && !port.forward ? `${where} · forwardPorts` : where;
  item.iconPath = new vscode.ThemeIcon(port.forward ? "plug" : port.listening ? "radio-tower" : "circle-outline");
  item.contextValue = portContextValue(port);
  item.tooltip = port.forward
    ? `${portName(port)} in ${gitspace.name} is forwarded to ${port.forward.url} (${port.forward.owner})`
    : `${portName(port)} in ${gitspace.name}${port.listening ? " is listening" : ""}; "Open in Browser" forwards it to 127.0.0.1`;
  if (port.forward || port.listening) {
    item.command = { command: "gitspaces.openPortInBrowser", title: "Open in Browser", arguments: [node] };
  }
  item.accessibilityInformation = { label: `port ${portName(port)}, ${where}` };
  return item;
}

/** What to do with a port that started listening, from its onAutoForward: nothing, forward it, and how to tell the user. */
export type AutoForwardAction = "ignore" | "silent" | "notify" | "openBrowser" | "openPreview";

export function autoForwardAction(port: GitspacePort): AutoForwardAction {
  switch (port.attributes.onAutoForward) {
    case "ignore":
      return "ignore";
    case "silent":
      return "silent";
    case "openBrowser":
    case "openBrowserOnce":
      return "openBrowser";
    case "openPreview":
      return "openPreview";
    default:
      return "notify";
  }
}

/**
 * The ports of a portsChanged notification the extension acts on: those that opened, of a gitspace this window is
 * not connected to over Remote - SSH (that window forwards its own ports), and not the first notification of a
 * gitspace (its ports were listening before this window started, so they are shown, not announced).
 */
export function portsToAutoForward(params: PortsChangedParams, options: { first: boolean; openHere: boolean }): GitspacePort[] {
  if (options.first || options.openHere) {
    return [];
  }
  return params.ports.filter((p) => p.service === undefined && (params.opened ?? []).includes(p.port) && autoForwardAction(p) !== "ignore");
}
