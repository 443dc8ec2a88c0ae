import * as vscode from "vscode";
import type { Gitspace, GitspaceState, ProviderProblem } from "../protocol";
import type { SidecarApi } from "../sidecar/api";

/**
 * The gitspaces the sidecar knows, kept current from gitspaces/list and gitspaces/didChange. The tree view and
 * the status bar read it; commands update it with the gitspace each answer returns.
 */
export class GitspaceStore implements vscode.Disposable {
  private readonly items = new Map<string, Gitspace>();
  /** Gitspaces an operation of ours is changing: the state shown meanwhile, and what the sidecar last said. */
  private readonly held = new Map<string, { state: GitspaceState; latest?: Gitspace }>();
  private problemsValue: ProviderProblem[] = [];
  private loadedValue = false;
  private lastErrorValue: string | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;

  constructor(private readonly sidecar: () => Promise<SidecarApi>) {}

  get all(): Gitspace[] {
    return [...this.items.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
  }

  get problems(): ProviderProblem[] {
    return this.problemsValue;
  }

  /** Why the last refresh failed, until one succeeds. */
  get lastError(): string | undefined {
    return this.lastErrorValue;
  }

  /** Whether a list has completed at least once. */
  get loaded(): boolean {
    return this.loadedValue;
  }

  get(id: string): Gitspace | undefined {
    return this.items.get(id);
  }

  /** Finds the gitspace whose SSH host alias is the given one. */
  bySshHost(host: string): Gitspace | undefined {
    return this.all.find((g) => g.sshHost !== undefined && g.sshHost.toLowerCase() === host.toLowerCase());
  }

  /** Replaces the contents with gitspaces/list. Errors propagate (the caller shows them). */
  async refresh(): Promise<void> {
    let result;
    try {
      const client = await this.sidecar();
      result = await client.request("gitspaces/list", {});
    } catch (error) {
      this.lastErrorValue = error instanceof Error ? error.message : String(error);
      this.changeEmitter.fire();
      throw error;
    }
    const before = this.snapshot();
    this.lastErrorValue = undefined;
    this.items.clear();
    for (const g of result.gitspaces) {
      const hold = this.held.get(g.id);
      if (hold) {
        hold.latest = g;
      }
      this.items.set(g.id, hold ? { ...g, state: hold.state, readiness: undefined } : g);
    }
    this.problemsValue = result.problems ?? [];
    this.loadedValue = true;
    if (this.snapshot() !== before) {
      this.changeEmitter.fire();
    }
  }

  /** Everything a listener shows, to fire only on a real change. */
  private snapshot(): string {
    return JSON.stringify([this.loadedValue, this.lastErrorValue, this.problemsValue, [...this.items.entries()]]);
  }

  /**
   * Applies a gitspace as the server reported it; state "deleted" removes it. A report that changes nothing fires
   * nothing. While an operation holds the gitspace, the report is kept for later and the held state stays shown.
   */
  apply(gitspace: Gitspace): void {
    const hold = this.held.get(gitspace.id);
    if (hold && gitspace.state !== "deleted") {
      hold.latest = gitspace;
      return;
    }
    if (gitspace.state === "deleted") {
      if (!this.items.delete(gitspace.id)) {
        return;
      }
    } else {
      const current = this.items.get(gitspace.id);
      if (current && JSON.stringify(current) === JSON.stringify(gitspace)) {
        return;
      }
      this.items.set(gitspace.id, gitspace);
    }
    this.changeEmitter.fire();
  }

  /**
   * Shows the gitspace in state while work runs, then what the work returned (or, when it failed, the last state the
   * sidecar reported). A rebuild passes through the provider's own stop, remove, create and start, each reported by
   * the engine watcher; the user sees one transition per real change: Running → Starting → Running.
   */
  async during<T>(id: string, state: GitspaceState, work: () => Promise<T>, result: (value: T) => Gitspace | undefined): Promise<T> {
    const current = this.items.get(id);
    if (current) {
      this.apply({ ...current, state, readiness: undefined });
    }
    const hold: { state: GitspaceState; latest?: Gitspace } = { state };
    this.held.set(id, hold);
    try {
      const value = await work();
      this.held.delete(id);
      const final = result(value);
      if (final) {
        this.apply(final);
      }
      return value;
    } catch (error) {
      this.held.delete(id);
      if (hold.latest) {
        this.apply(hold.latest);
      } else if (current && this.items.has(id)) {
        this.apply(current);
      }
      throw error;
    }
  }

  remove(id: string): void {
    if (this.items.delete(id)) {
      this.changeEmitter.fire();
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
