import * as vscode from "vscode";
import type { Gitspace } from "../protocol";
import { formatAutoStop, parseAutoStop } from "../personal/personalization";
import { guarded, resolveGitspace, type CommandDeps, type GitspaceArg } from "./deps";

interface TimeoutItem extends vscode.QuickPickItem {
  seconds?: number;
  custom?: boolean;
}

/** The choices offered, in seconds (0 never). */
export const AutoStopPresets: readonly number[] = [30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 0];

const changeable = ["running", "stopped", "error"] as const;

/** Asks for a new idle timeout, the current one marked; resolves the seconds (0 never) or undefined. */
export async function pickAutoStop(g: Gitspace): Promise<number | undefined> {
  const current = g.autoStopSeconds;
  const items: TimeoutItem[] = AutoStopPresets.map((seconds) => ({
    label: seconds === 0 ? "Never" : `After ${formatAutoStop(seconds)} without use`,
    description: seconds === current ? "current" : undefined,
    seconds,
  }));
  if (current !== undefined && !AutoStopPresets.includes(current)) {
    items.unshift({ label: `After ${formatAutoStop(current)} without use`, description: "current", seconds: current });
  }
  items.push({ label: "$(edit) Other…", description: "30m, 2h, 1h30m, 90s, minutes", custom: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Auto-stop of ${g.name}`,
    placeHolder: `Stop ${g.name} by itself after how long without an SSH session, editor terminal or process started from one?`,
  });
  if (!picked) {
    return undefined;
  }
  if (!picked.custom) {
    return picked.seconds;
  }
  const typed = await vscode.window.showInputBox({
    title: `Auto-stop of ${g.name}`,
    prompt: "Idle time before it stops: 30m, 2h, 1h30m, 90s, a number of minutes, or 0 for never (at most 30 days)",
    value: current !== undefined ? String(Math.round(current / 60)) : "60",
    validateInput: (v) => (parseAutoStop(v) === undefined ? "Enter a time such as 30m, 2h or 1h30m, a number of minutes, or 0 for never (at most 30 days)." : undefined),
  });
  return typed === undefined ? undefined : parseAutoStop(typed);
}

/** Change Auto-Stop…: gitspaces/update with the new autoStopSeconds; it applies at once, running or stopped. */
export async function changeAutoStop(deps: CommandDeps, arg?: GitspaceArg): Promise<Gitspace | undefined> {
  const target = await guarded(deps, "Change auto-stop", () => resolveGitspace(deps, arg, "Gitspace whose auto-stop to change", changeable));
  if (!target) {
    return undefined;
  }
  const seconds = await pickAutoStop(target);
  if (seconds === undefined) {
    return undefined;
  }
  const updated = await guarded(
    deps,
    `Change auto-stop of "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      const { gitspace } = await client.longRequest("gitspaces/update", { id: target.id, autoStopSeconds: seconds });
      deps.store.apply(gitspace);
      return gitspace;
    },
    { gitspaceId: target.id, retry: () => changeAutoStop(deps, target) },
  );
  if (updated) {
    const now = updated.autoStopSeconds ?? seconds;
    void vscode.window.showInformationMessage(
      now === 0 ? `Gitspace ${updated.name} no longer stops by itself.` : `Gitspace ${updated.name} now stops after ${formatAutoStop(now)} without use.`,
    );
  }
  return updated;
}
