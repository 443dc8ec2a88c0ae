import * as vscode from "vscode";

export const Section = "gitspaces";

export interface Settings {
  serverPath: string;
  defaultProvider: string;
  dockerHost: string;
  /** gitspaces.docker.forwardSshAgent: whether Docker gitspaces' SSH entries forward the user's agent. */
  forwardSshAgent?: boolean;
  harness: { endpoint: string; account: string; org: string; project: string };
  logLevel: string;
  /** Whether ports that start listening in a gitspace not opened in this window are forwarded as their onAutoForward says. */
  autoForwardPorts: boolean;
}

/** Reads the gitspaces.* settings. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(Section);
  return {
    serverPath: c.get<string>("serverPath", ""),
    defaultProvider: c.get<string>("defaultProvider", "docker"),
    dockerHost: c.get<string>("docker.host", ""),
    forwardSshAgent: c.get<boolean>("docker.forwardSshAgent", true),
    harness: {
      endpoint: c.get<string>("harness.endpoint", ""),
      account: c.get<string>("harness.account", ""),
      org: c.get<string>("harness.org", ""),
      project: c.get<string>("harness.project", ""),
    },
    logLevel: c.get<string>("logLevel", "info"),
    autoForwardPorts: c.get<boolean>("ports.autoForward", true),
  };
}

/** The settings whose change needs a new sidecar process. */
export const restartSettings = ["gitspaces.serverPath", "gitspaces.docker.host", "gitspaces.docker.forwardSshAgent", "gitspaces.logLevel"];

/** SecretStorage key of the Harness API token. */
export const HarnessTokenKey = "gitspaces.harness.token";
