import * as vscode from "vscode";
import type { Gitspace, ProviderProblem } from "../protocol";
import type { SidecarApi } from "../sidecar/api";

/**
 * The gitspaces the sidecar knows, kept current from gitspaces/list and gitspaces/didChange. The tree view and
 * the status bar read it; commands update it with the gitspace each answer returns.
 */
export class GitspaceStore implements vscode.Disposable {
  private readonly items = new Map<string, Gitspace>();
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
    this.lastErrorValue = undefined;
    this.items.clear();
    for (const g of result.gitspaces) {
      this.items.set(g.id, g);
    }
    this.problemsValue = result.problems ?? [];
    this.loadedValue = true;
    this.changeEmitter.fire();
  }

  /** Applies a gitspace as the server reported it; state "deleted" removes it. */
  apply(gitspace: Gitspace): void {
    if (gitspace.state === "deleted") {
      if (!this.items.delete(gitspace.id)) {
        return;
      }
    } else {
      this.items.set(gitspace.id, gitspace);
    }
    this.changeEmitter.fire();
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
