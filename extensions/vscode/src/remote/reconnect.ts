import * as vscode from "vscode";
import type { CommandDeps } from "../commands/deps";
import type { Gitspace } from "../protocol";
import { RpcError } from "../sidecar/errors";

/** The alias prefix the sidecar gives every gitspace's SSH host (SshHostRegistry.AliasPrefix). */
export const GitspaceAliasPrefix = "gitspace-";

/** States from which a gitspace must be started before an SSH connection can succeed. */
const needsStart = new Set(["stopped", "uninitialized", "error", "stopping"]);

export type ReconnectOutcome = "not-a-gitspace" | "running" | "started" | "missing" | "failed";

/**
 * Runs while VS Code resolves this window's `ssh-remote` authority (the extension activates on
 * `onResolveRemoteAuthority:ssh-remote`, and VS Code waits for activation before Remote - SSH connects): when the host
 * is a gitspace that is not running, starts it under progress first, as Coder's extension does. The connect request
 * also rewrites the host's SSH entry, should it have been removed.
 */
export async function prepareRemoteWindow(deps: CommandDeps, sshHost: string): Promise<ReconnectOutcome> {
  // Every other SSH host connects at once: VS Code waits for this activation, so nothing is asked of the sidecar.
  if (!sshHost.toLowerCase().startsWith(GitspaceAliasPrefix)) {
    return "not-a-gitspace";
  }
  let target: Gitspace | undefined;
  try {
    await deps.store.refresh();
    target = deps.store.bySshHost(sshHost);
  } catch (error) {
    deps.log.warn(`Could not list gitspaces before connecting to ${sshHost}: ${error instanceof Error ? error.message : String(error)}`);
    return "failed";
  }
  if (!target) {
    void vscode.window.showErrorMessage(`This window opens ${sshHost}, a gitspace that no longer exists (or whose provider cannot be reached).`, "Show Gitspaces").then(
      (choice) => (choice ? vscode.commands.executeCommand("gitspaces.list.focus") : undefined),
    );
    return "missing";
  }
  if (!needsStart.has(target.state)) {
    return "running";
  }
  const gitspace = target;
  deps.log.info(`Gitspace ${gitspace.name} is ${gitspace.state}: starting it before Remote - SSH connects`);
  try {
    const client = await deps.sidecar();
    const result = await deps.runner.run({
      title: `Starting gitspace ${gitspace.name} to reconnect`,
      acceptEvent: (p) => p.gitspaceId === gitspace.id,
      run: (onProgress, token) => client.longRequest("gitspaces/connect", { id: gitspace.id, ide: "vs_code" }, { onProgress, token }),
    });
    deps.store.apply(result.gitspace);
    await deps.usage.used(gitspace.id);
    return "started";
  } catch (error) {
    if (error instanceof RpcError && error.cancelled) {
      return "failed";
    }
    // Remote - SSH goes on and says it cannot connect; this says why.
    const text = error instanceof RpcError || error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Gitspace ${gitspace.name} could not be started, so this window cannot connect: ${text}`, "Show Logs").then((choice) =>
      choice ? deps.errors.showGitspaceLogs(gitspace.id) : undefined,
    );
    return "failed";
  }
}
