import * as vscode from "vscode";
import type { PortStore } from "../ports/portStore";
import { openPortInBrowser, stopPortForward } from "./ports";
import { changeAutoStop } from "./autoStop";
import { deleteSecret, listSecrets, setSecret } from "./secrets";
import { copyGitspaceLink } from "../uri/handler";
import { reopenCommand } from "../workspace/reopenPrompt";
import { createGitspace } from "./create";
import type { CommandDeps } from "./deps";
import { configureDockerHost } from "./docker";
import { clearGitspacesFilter, filterGitspaces, type FilterableView } from "./filter";
import { configureHarness } from "./harness";
import { deleteGitspace, rebuildGitspace, refreshGitspaces, startGitspace, stopGitspace } from "./lifecycle";
import { showEvents, showLogs } from "./logs";
import { copySshCommand, openGitspace, openInJetBrains } from "./open";

/** Command ids, as contributed in package.json. */
export const CommandIds = {
  Create: "gitspaces.create",
  Open: "gitspaces.open",
  OpenInCurrentWindow: "gitspaces.openInCurrentWindow",
  OpenInNewWindow: "gitspaces.openInNewWindow",
  Start: "gitspaces.start",
  Stop: "gitspaces.stop",
  Rebuild: "gitspaces.rebuild",
  Delete: "gitspaces.delete",
  ShowLogs: "gitspaces.showLogs",
  ShowEvents: "gitspaces.showEvents",
  CopySshCommand: "gitspaces.copySshCommand",
  OpenInJetBrains: "gitspaces.openInJetBrains",
  ConfigureHarness: "gitspaces.configureHarness",
  ConfigureDocker: "gitspaces.configureDocker",
  Refresh: "gitspaces.refresh",
  ShowSidecarLog: "gitspaces.showSidecarLog",
  RestartSidecar: "gitspaces.restartSidecar",
  Filter: "gitspaces.filter",
  ClearFilter: "gitspaces.clearFilter",
  CopyLink: "gitspaces.copyLink",
  Reopen: "gitspaces.reopenInGitspace",
  OpenPortInBrowser: "gitspaces.openPortInBrowser",
  StopPortForward: "gitspaces.stopPortForward",
  SetSecret: "gitspaces.setSecret",
  ListSecrets: "gitspaces.listSecrets",
  DeleteSecret: "gitspaces.deleteSecret",
  ChangeAutoStop: "gitspaces.changeAutoStop",
} as const;

export function registerCommands(
  deps: CommandDeps,
  extra: { showSidecarLog: () => void; restartSidecar: () => Promise<unknown>; view: FilterableView; ports?: PortStore },
): vscode.Disposable[] {
  const r = vscode.commands.registerCommand;
  return [
    r(CommandIds.Create, () => createGitspace(deps)),
    r(CommandIds.Open, (arg) => openGitspace(deps, arg)),
    r(CommandIds.OpenInCurrentWindow, (arg) => openGitspace(deps, arg, "current")),
    r(CommandIds.OpenInNewWindow, (arg) => openGitspace(deps, arg, "new")),
    r(CommandIds.Start, (arg) => startGitspace(deps, arg)),
    r(CommandIds.Stop, (arg) => stopGitspace(deps, arg)),
    r(CommandIds.Rebuild, (arg) => rebuildGitspace(deps, arg)),
    r(CommandIds.Delete, (arg) => deleteGitspace(deps, arg)),
    r(CommandIds.ShowLogs, (arg) => showLogs(deps, arg)),
    r(CommandIds.ShowEvents, (arg) => showEvents(deps, arg)),
    r(CommandIds.CopySshCommand, (arg) => copySshCommand(deps, arg)),
    r(CommandIds.OpenInJetBrains, (arg) => openInJetBrains(deps, arg)),
    r(CommandIds.ConfigureHarness, () => configureHarness(deps)),
    r(CommandIds.ConfigureDocker, () => configureDockerHost(deps)),
    r(CommandIds.Refresh, () => refreshGitspaces(deps)),
    r(CommandIds.ShowSidecarLog, () => extra.showSidecarLog()),
    r(CommandIds.RestartSidecar, () => extra.restartSidecar()),
    r(CommandIds.Filter, () => filterGitspaces(extra.view)),
    r(CommandIds.ClearFilter, () => clearGitspacesFilter(extra.view)),
    r(CommandIds.CopyLink, (arg) => copyGitspaceLink(deps, arg)),
    r(CommandIds.Reopen, () => reopenCommand(deps)),
    r(CommandIds.OpenPortInBrowser, (node) => (extra.ports ? openPortInBrowser(deps, extra.ports, node) : undefined)),
    r(CommandIds.StopPortForward, (node) => (extra.ports ? stopPortForward(deps, extra.ports, node) : undefined)),
    r(CommandIds.SetSecret, (arg) => setSecret(deps, arg)),
    r(CommandIds.ListSecrets, () => listSecrets(deps)),
    r(CommandIds.DeleteSecret, () => deleteSecret(deps)),
    r(CommandIds.ChangeAutoStop, (arg) => changeAutoStop(deps, arg)),
  ];
}
