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
  /**
   * gitspaces.autoStopMinutes when the user set it (0: never); undefined leaves the timeout to the sidecar's own
   * `autoStop` setting, else 60 minutes, which is also the setting's declared default.
   */
  autoStopMinutes?: number;
  /** VS Code's own dotfiles.* settings, the names Dev Containers declares (see README: we read, not declare them). */
  dotfiles?: DotfilesSettings;
}

/** dotfiles.repository, dotfiles.targetPath, dotfiles.installCommand; empty strings when not set. */
export interface DotfilesSettings {
  repository: string;
  targetPath: string;
  installCommand: string;
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
    autoStopMinutes: explicitValue(c.inspect<number>("autoStopMinutes")),
    dotfiles: readDotfiles(),
  };
}

/** The value the user (or the workspace) set, most specific first; undefined when only the default applies. */
function explicitValue<T>(inspected: { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined): T | undefined {
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/**
 * Reads dotfiles.*: Dev Containers declares these settings, so a user who set them for containers gets
 * the same dotfiles in gitspaces. They are read even when no extension declares them (VS Code returns what
 * settings.json holds).
 */
function readDotfiles(): DotfilesSettings {
  const d = vscode.workspace.getConfiguration("dotfiles");
  const text = (key: string): string => {
    const value = d.get<unknown>(key);
    return typeof value === "string" ? value.trim() : "";
  };
  return { repository: text("repository"), targetPath: text("targetPath"), installCommand: text("installCommand") };
}

/** The settings whose change needs a new sidecar process. */
export const restartSettings = ["gitspaces.serverPath", "gitspaces.docker.host", "gitspaces.docker.forwardSshAgent", "gitspaces.logLevel"];

/** SecretStorage key of the Harness API token. */
export const HarnessTokenKey = "gitspaces.harness.token";
