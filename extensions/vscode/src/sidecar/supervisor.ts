import { Emitter, type Event } from "vscode-jsonrpc/node";
import type {
  DidChangeParams,
  GitspaceEventParams,
  GitspaceLogParams,
  PortsChangedParams,
} from "../protocol";
import type { SidecarClient, SidecarExit } from "./client";
import { SidecarUnavailableError } from "./errors";

/** Restart policy, as vscode-languageclient's DefaultErrorHandler: give up after maxCrashes within windowMs. */
export interface RestartBudget {
  maxCrashes: number;
  windowMs: number;
}

export const defaultRestartBudget: RestartBudget = { maxCrashes: 5, windowMs: 3 * 60_000 };

export type SupervisorState = "stopped" | "starting" | "running" | "failed";

export interface SupervisorOptions {
  /** Starts one sidecar process (resolving the launch each time, so settings changes apply). */
  start: () => Promise<SidecarClient>;
  budget?: RestartBudget;
  now?: () => number;
  /** Called when the sidecar crashed too often or cannot start, with the error that says why (its stderr included). */
  onGiveUp: (reason: string, error: SidecarUnavailableError) => void;
  /** Called after every successful start (first start and restarts). */
  onReady?: (client: SidecarClient) => void;
  log: (message: string) => void;
}

/**
 * Keeps one sidecar running: starts it, restarts it after a crash while the budget allows, and re-exposes its
 * notifications through events that survive restarts.
 */
export class SidecarSupervisor {
  private client: SidecarClient | undefined;
  private starting: Promise<SidecarClient> | undefined;
  private crashes: number[] = [];
  private stateValue: SupervisorState = "stopped";
  private lastFailure: string | undefined;
  private disposed = false;
  private readonly didChangeEmitter = new Emitter<DidChangeParams>();
  private readonly eventEmitter = new Emitter<GitspaceEventParams>();
  private readonly logEmitter = new Emitter<GitspaceLogParams>();
  private readonly portsChangedEmitter = new Emitter<PortsChangedParams>();
  private readonly stateEmitter = new Emitter<SupervisorState>();

  readonly onDidChange: Event<DidChangeParams> = this.didChangeEmitter.event;
  readonly onEvent: Event<GitspaceEventParams> = this.eventEmitter.event;
  readonly onLog: Event<GitspaceLogParams> = this.logEmitter.event;
  readonly onPortsChanged: Event<PortsChangedParams> = this.portsChangedEmitter.event;
  readonly onState: Event<SupervisorState> = this.stateEmitter.event;

  constructor(private readonly options: SupervisorOptions) {}

  get state(): SupervisorState {
    return this.stateValue;
  }

  /** The running client, starting it if needed. Rejects with SidecarUnavailableError when it cannot run. */
  async ready(): Promise<SidecarClient> {
    if (this.client?.running) {
      return this.client;
    }
    if (this.stateValue === "failed") {
      throw new SidecarUnavailableError(this.lastFailure ?? "The gitspaces sidecar is not running.");
    }
    return this.launch();
  }

  /** Starts the sidecar unless it runs; used at activation. */
  async start(): Promise<void> {
    await this.ready().catch(() => undefined);
  }

  /** User-initiated restart: stops the current process, resets the crash budget, starts again. */
  async restart(): Promise<SidecarClient> {
    this.crashes = [];
    this.lastFailure = undefined;
    const current = this.client;
    this.client = undefined;
    this.setState("stopped");
    if (current) {
      await current.stop();
    }
    return this.launch();
  }

  /** Stops the sidecar cleanly (shutdown + exit). */
  async dispose(): Promise<void> {
    this.disposed = true;
    const current = this.client ?? (await this.starting?.catch(() => undefined));
    this.client = undefined;
    if (current) {
      await current.stop();
    }
    this.setState("stopped");
  }

  private launch(): Promise<SidecarClient> {
    if (this.starting) {
      return this.starting;
    }
    this.setState("starting");
    const attempt = this.options
      .start()
      .then((client) => {
        if (this.disposed) {
          void client.stop();
          throw new SidecarUnavailableError("The extension is shutting down.");
        }
        this.attach(client);
        this.client = client;
        this.setState("running");
        this.options.onReady?.(client);
        return client;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const failure = error instanceof SidecarUnavailableError ? error : new SidecarUnavailableError(message, { cause: error });
        this.lastFailure = message;
        this.setState("failed");
        this.options.onGiveUp(message, failure);
        throw failure;
      })
      .finally(() => {
        this.starting = undefined;
      });
    this.starting = attempt;
    return attempt;
  }

  private attach(client: SidecarClient): void {
    const subscriptions = [
      client.onDidChange((p) => this.didChangeEmitter.fire(p)),
      client.onPortsChanged((p) => this.portsChangedEmitter.fire(p)),
      client.onEvent((p) => this.eventEmitter.fire(p)),
      client.onLog((p) => this.logEmitter.fire(p)),
    ];
    client.onExit((exit) => {
      subscriptions.forEach((s) => s.dispose());
      if (this.client === client) {
        this.client = undefined;
      }
      if (!exit.expected && !this.disposed) {
        this.onCrash(exit);
      }
    });
  }

  private onCrash(exit: SidecarExit): void {
    const now = (this.options.now ?? Date.now)();
    this.crashes = [...this.crashes.filter((t) => now - t < this.budget.windowMs), now];
    const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    if (this.crashes.length >= this.budget.maxCrashes) {
      const minutes = Math.round(this.budget.windowMs / 60_000);
      this.lastFailure = `The gitspaces sidecar crashed ${this.crashes.length} times in the last ${minutes} minutes (last: ${how}) and will not be restarted.`;
      this.setState("failed");
      this.options.onGiveUp(this.lastFailure, new SidecarUnavailableError(this.lastFailure));
      return;
    }
    this.options.log(`gitspaces sidecar crashed (${how}); restarting (${this.crashes.length}/${this.budget.maxCrashes - 1})`);
    void this.launch().catch(() => undefined);
  }

  private get budget(): RestartBudget {
    return this.options.budget ?? defaultRestartBudget;
  }

  private setState(state: SupervisorState): void {
    if (this.stateValue !== state) {
      this.stateValue = state;
      this.stateEmitter.fire(state);
    }
  }
}
