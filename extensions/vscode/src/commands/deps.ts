import * as vscode from "vscode";
import type { Settings } from "../config";
import type { DevcontainerDiagnostics } from "../diagnostics/devcontainerDiagnostics";
import { ErrorCodes, type Gitspace } from "../protocol";
import { RpcError } from "../sidecar/errors";
import type { SidecarApi } from "../sidecar/api";
import type { GitspaceStore } from "../state/gitspaceStore";
import type { GitspaceUsage } from "../state/usage";
import { showError, type ErrorHandlers } from "../ui/errors";
import type { OperationRunner } from "../ui/progress";
import type { GitspaceLogs } from "./logs";

/** Everything a command needs; extension.ts builds it, unit tests build it from fakes and the vscode mock. */
export interface CommandDeps {
  sidecar: () => Promise<SidecarApi>;
  store: GitspaceStore;
  runner: OperationRunner;
  log: vscode.LogOutputChannel;
  secrets: vscode.SecretStorage;
  settings: () => Settings;
  errors: ErrorHandlers;
  logs: GitspaceLogs;
  /** When the user last used which gitspace, and which they created here. */
  usage: GitspaceUsage;
  /** This extension's id (publisher.name). */
  extensionId: string;
  /** The devcontainer.json problems in the Problems panel. */
  diagnostics: DevcontainerDiagnostics;
  /** The file-system paths of the window's local workspace folders (every root of a multi-root workspace). */
  workspaceFolders: () => string[];
}

/** A tree item passes the Gitspace; a link or a test may pass its id. */
export type GitspaceArg = Gitspace | string | undefined;

/**
 * Runs a command's body; an error becomes a notification with actions (Show Logs, Retry, Configure, Restart).
 * Resolves to the body's value, or undefined when it failed.
 */
export async function guarded<T>(
  deps: CommandDeps,
  operation: string,
  body: () => Promise<T>,
  options: { gitspaceId?: string; retry?: () => unknown } = {},
): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    // A gitspace the provider no longer has leaves the list at once.
    const missing = error instanceof RpcError && error.code === ErrorCodes.GitspaceNotFound ? (error.data?.gitspaceId ?? options.gitspaceId) : undefined;
    if (missing) {
      deps.store.remove(missing);
    }
    await showError(error, { operation, gitspaceId: options.gitspaceId, retry: options.retry }, deps.errors);
    return undefined;
  }
}

/**
 * The gitspace a command acts on: the argument, or one the user picks among those in allowedStates. Resolves
 * undefined when the user dismissed the pick or there is none (after saying so).
 */
export async function resolveGitspace(
  deps: CommandDeps,
  arg: GitspaceArg,
  placeHolder: string,
  allowedStates?: readonly string[],
): Promise<Gitspace | undefined> {
  if (typeof arg === "object" && arg !== null) {
    return deps.store.get(arg.id) ?? arg;
  }
  if (!deps.store.loaded) {
    await deps.store.refresh();
  }
  if (typeof arg === "string") {
    const found = deps.store.get(arg);
    if (!found) {
      void vscode.window.showWarningMessage(`No gitspace has the id "${arg}".`);
    }
    return found;
  }
  const candidates = deps.store.all.filter((g) => !allowedStates || allowedStates.includes(g.state));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      deps.store.all.length === 0 ? "There are no gitspaces yet. Create one with \"Gitspaces: Create Gitspace\"." : "No gitspace is in a state that allows this.",
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((g) => ({ label: g.name, description: `${g.state} · ${g.provider}`, detail: g.repository.url, gitspace: g })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.gitspace;
}
