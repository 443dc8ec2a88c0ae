import * as vscode from "vscode";
import type { GitspacePort, PortsChangedParams } from "../protocol";
import type { SidecarApi } from "../sidecar/api";

/** The ports of each gitspace, from gitspaces/ports when the view asks and gitspaces/portsChanged as they change. */
export class PortStore implements vscode.Disposable {
  private readonly ports = new Map<string, GitspacePort[]>();
  private readonly seen = new Set<string>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly changeEmitter = new vscode.EventEmitter<string>();
  /** Fires with the gitspace id whose ports changed. */
  readonly onDidChange: vscode.Event<string> = this.changeEmitter.event;

  constructor(private readonly sidecar: () => Promise<SidecarApi>) {}

  /** The ports known for a gitspace; undefined until loaded or announced. */
  get(id: string): GitspacePort[] | undefined {
    return this.ports.get(id);
  }

  /** Applies a notification; returns whether it was the first one for the gitspace since the sidecar started. */
  apply(params: PortsChangedParams): boolean {
    const first = !this.seen.has(params.id);
    this.seen.add(params.id);
    this.ports.set(params.id, params.ports);
    this.changeEmitter.fire(params.id);
    return first;
  }

  /** Asks the sidecar for a gitspace's ports (once at a time); failures leave the ports unknown. */
  load(id: string): Promise<void> {
    const running = this.loading.get(id);
    if (running) {
      return running;
    }
    const task = (async () => {
      try {
        const client = await this.sidecar();
        const result = await client.request("gitspaces/ports", { id });
        this.ports.set(id, result.ports);
        this.changeEmitter.fire(id);
      } catch {
        // Not a provider with ports, or the gitspace stopped: the view shows no ports for it.
      } finally {
        this.loading.delete(id);
      }
    })();
    this.loading.set(id, task);
    return task;
  }

  /** Forgets a gitspace's ports (it stopped, or the sidecar restarted). */
  forget(id: string): void {
    if (this.ports.delete(id)) {
      this.changeEmitter.fire(id);
    }
    this.seen.delete(id);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
