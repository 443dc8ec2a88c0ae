import * as vscode from "vscode";
import type { Gitspace } from "../protocol";
import { guarded, resolveGitspace, type CommandDeps, type GitspaceArg } from "./deps";
import { withTrustConsent } from "../trust/consent";

const startable = ["stopped", "error", "uninitialized"] as const;
const stoppable = ["running", "starting", "error"] as const;
const rebuildable = ["running", "stopped", "error"] as const;

export async function startGitspace(deps: CommandDeps, arg?: GitspaceArg): Promise<Gitspace | undefined> {
  const target = await guarded(deps, "Start gitspace", () => resolveGitspace(deps, arg, "Gitspace to start", startable));
  if (!target) {
    return undefined;
  }
  return guarded(
    deps,
    `Start gitspace "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      const result = await deps.store.during(
        target.id,
        "starting",
        () =>
          deps.runner.run({
            title: `Starting gitspace ${target.name}`,
            acceptEvent: (p) => p.gitspaceId === target.id,
            run: (onProgress, token) => client.longRequest("gitspaces/start", { id: target.id }, { onProgress, token }),
          }),
        (r) => r.gitspace,
      );
      await deps.usage.used(target.id);
      return result.gitspace;
    },
    { gitspaceId: target.id, retry: () => startGitspace(deps, target) },
  );
}

export async function stopGitspace(deps: CommandDeps, arg?: GitspaceArg): Promise<Gitspace | undefined> {
  const target = await guarded(deps, "Stop gitspace", () => resolveGitspace(deps, arg, "Gitspace to stop", stoppable));
  if (!target) {
    return undefined;
  }
  return guarded(
    deps,
    `Stop gitspace "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      const result = await deps.store.during(
        target.id,
        "stopping",
        () =>
          deps.runner.run({
            title: `Stopping gitspace ${target.name}`,
            acceptEvent: (p) => p.gitspaceId === target.id,
            run: (onProgress, token) => client.longRequest("gitspaces/stop", { id: target.id }, { onProgress, token }),
          }),
        (r) => r.gitspace,
      );
      return result.gitspace;
    },
    { gitspaceId: target.id, retry: () => stopGitspace(deps, target) },
  );
}

export async function rebuildGitspace(deps: CommandDeps, arg?: GitspaceArg): Promise<Gitspace | undefined> {
  const target = await guarded(deps, "Rebuild gitspace", () => resolveGitspace(deps, arg, "Gitspace to rebuild", rebuildable));
  if (!target) {
    return undefined;
  }
  const confirm = await vscode.window.showWarningMessage(
    `Rebuild gitspace "${target.name}"?`,
    {
      modal: true,
      detail:
        "Its container is re-created from the current devcontainer configuration. Files in the workspace folder are kept; " +
        "anything installed or changed elsewhere in the container is lost.",
    },
    "Rebuild",
  );
  if (confirm !== "Rebuild") {
    return undefined;
  }
  return guarded(
    deps,
    `Rebuild gitspace "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      // A configuration changed since the create may ask to reach this machine: RepositoryUntrusted, then ask and retry.
      const result = await deps.store.during(
        target.id,
        "starting",
        () =>
          withTrustConsent((trustRepository) =>
            deps.runner.run({
              title: `Rebuilding gitspace ${target.name}`,
              acceptEvent: (p) => p.gitspaceId === target.id,
              run: (onProgress, token) =>
                client.longRequest("gitspaces/rebuild", trustRepository ? { id: target.id, trustRepository } : { id: target.id }, { onProgress, token }),
            }),
          ),
        (r) => r.gitspace,
      );
      return result.gitspace;
    },
    { gitspaceId: target.id, retry: () => rebuildGitspace(deps, target) },
  );
}

/** The modal text that says what deleting loses. */
export function deleteWarning(g: Gitspace): string {
  const folder = g.workspaceFolder ? ` in ${g.workspaceFolder}` : "";
  const where = g.provider === "docker" ? "its container, its volumes" : "its machine, its storage";
  return (
    `This deletes ${where} and the cloned repository${folder}. ` +
    `Uncommitted changes, unpushed commits and stashes${g.repository.branch ? ` on ${g.repository.branch}` : ""} are lost. This cannot be undone.`
  );
}

export async function deleteGitspace(deps: CommandDeps, arg?: GitspaceArg): Promise<boolean> {
  const target = await guarded(deps, "Delete gitspace", () => resolveGitspace(deps, arg, "Gitspace to delete"));
  if (!target) {
    return false;
  }
  const confirm = await vscode.window.showWarningMessage(
    `Delete gitspace "${target.name}"?`,
    { modal: true, detail: deleteWarning(target) },
    "Delete",
  );
  if (confirm !== "Delete") {
    return false;
  }
  return runDelete(deps, target);
}

/** Deletes a gitspace the user already chose to delete, under progress. Resolves true when it is gone. */
export async function runDelete(deps: CommandDeps, target: Gitspace): Promise<boolean> {
  const deleted = await guarded(
    deps,
    `Delete gitspace "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      const result = await deps.runner.run({
        title: `Deleting gitspace ${target.name}`,
        acceptEvent: (p) => p.gitspaceId === target.id,
        run: (onProgress, token) => client.longRequest("gitspaces/delete", { id: target.id }, { onProgress, token }),
      });
      deps.store.remove(result.id);
      return result.deleted;
    },
    { gitspaceId: target.id, retry: () => deleteGitspace(deps, target) },
  );
  return deleted === true;
}

export async function refreshGitspaces(deps: CommandDeps): Promise<void> {
  await guarded(deps, "Refresh gitspaces", () => deps.store.refresh(), { retry: () => refreshGitspaces(deps) });
  for (const problem of deps.store.problems) {
    deps.log.warn(`gitspaces/list: provider ${problem.provider} could not be listed (${problem.code}): ${problem.message}`);
  }
}
