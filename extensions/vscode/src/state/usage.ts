import type * as vscode from "vscode";

const lastUsedKey = "gitspaces.lastUsed";
const createdKey = "gitspaces.createdHere";
/** Kept per gitspace id; ids of deleted gitspaces are dropped once there are more than this. */
const keep = 500;

/**
 * What this user did with which gitspace, remembered across windows (globalState): when they last used it (created,
 * started, opened, connected) and which ones they created from this editor. The protocol says nothing of owners
 * yet, so "mine" means created here.
 */
export class GitspaceUsage {
  constructor(
    private readonly memento: Pick<vscode.Memento, "get" | "update">,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the user last used the gitspace, in ms since the epoch; undefined when never from this editor. */
  lastUsed(id: string): number | undefined {
    return this.memento.get<Record<string, number>>(lastUsedKey, {})[id];
  }

  /** Whether the gitspace was created from this editor. */
  createdHere(id: string): boolean {
    return this.memento.get<string[]>(createdKey, []).includes(id);
  }

  /** Records a use (open, start, connect). */
  async used(id: string): Promise<void> {
    const all = { ...this.memento.get<Record<string, number>>(lastUsedKey, {}), [id]: this.now() };
    const trimmed = Object.entries(all)
      .sort((a, b) => b[1] - a[1])
      .slice(0, keep);
    await this.memento.update(lastUsedKey, Object.fromEntries(trimmed));
  }

  /** Records that the user created the gitspace here (which is also a use). */
  async created(id: string): Promise<void> {
    const ids = this.memento.get<string[]>(createdKey, []).filter((i) => i !== id);
    await this.memento.update(createdKey, [id, ...ids].slice(0, keep));
    await this.used(id);
  }
}
