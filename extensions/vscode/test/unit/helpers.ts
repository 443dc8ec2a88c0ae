import { vi } from "vitest";
import * as vscode from "vscode";
import type { CommandDeps } from "../../src/commands/deps";
import { GitspaceLogs } from "../../src/commands/logs";
import { DevcontainerDiagnostics } from "../../src/diagnostics/devcontainerDiagnostics";
import type { Settings } from "../../src/config";
import type {
  Gitspace,
  GitspaceEventParams,
  GitspaceLogParams,
  InitializeResult,
  LongRequestMethod,
  RequestMethod,
  RequestTypes,
  WorkDoneProgress,
} from "../../src/protocol";
import type { SidecarApi } from "../../src/sidecar/api";
import type { Logger, LongRequestOptions } from "../../src/sidecar/client";
import { GitspaceStore } from "../../src/state/gitspaceStore";
import { GitspaceUsage } from "../../src/state/usage";
import { OperationRunner } from "../../src/ui/progress";
import { GitspacesStatusBar } from "../../src/ui/statusBar";
import { MockOutputChannel } from "../mocks/vscode";

export function makeGitspace(overrides: Partial<Gitspace> = {}): Gitspace {
  return {
    id: "web-1",
    name: "web",
    provider: "docker",
    repository: { url: "https://example.com/acme/web.git", branch: "main" },
    ide: "vs_code",
    state: "running",
    readiness: "ready",
    createdAt: "2026-01-01T10:00:00Z",
    updatedAt: "2026-01-01T10:05:00Z",
    workspaceFolder: "/workspaces/web",
    sshHost: "web-1.gitspaces",
    ...overrides,
  };
}

type Handler<M extends RequestMethod> = (
  params: RequestTypes[M]["params"],
  options: LongRequestOptions,
) => RequestTypes[M]["result"] | Promise<RequestTypes[M]["result"]>;

export interface RecordedCall {
  method: RequestMethod;
  params: unknown;
  long: boolean;
}

/** A scripted sidecar: each method answers from a handler the test sets; calls are recorded. */
export class FakeSidecar implements SidecarApi {
  readonly calls: RecordedCall[] = [];
  private readonly handlers = new Map<string, Handler<RequestMethod>>();
  initializeResult: InitializeResult = {
    serverInfo: { name: "gitspaces", version: "0.1.0" },
    protocolVersion: "1.0",
    capabilities: { providers: ["docker", "harness"], ides: ["vs_code", "cursor", "intellij"], methods: [], workDoneProgress: true, cancellation: true },
  };

  on<M extends RequestMethod>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, handler as unknown as Handler<RequestMethod>);
    return this;
  }

  async request<M extends RequestMethod>(method: M, params: RequestTypes[M]["params"]): Promise<RequestTypes[M]["result"]> {
    this.calls.push({ method, params, long: false });
    return this.answer(method, params, {});
  }

  async longRequest<M extends LongRequestMethod>(
    method: M,
    params: Omit<RequestTypes[M]["params"], "workDoneToken">,
    options: LongRequestOptions = {},
  ): Promise<RequestTypes[M]["result"]> {
    this.calls.push({ method, params, long: true });
    return this.answer(method, params as RequestTypes[M]["params"], options);
  }

  callsTo(method: RequestMethod): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async answer<M extends RequestMethod>(method: M, params: RequestTypes[M]["params"], options: LongRequestOptions): Promise<RequestTypes[M]["result"]> {
    const handler = this.handlers.get(method);
    if (!handler) {
      throw new Error(`FakeSidecar: no handler for ${method}`);
    }
    return (await handler(params as never, options)) as RequestTypes[M]["result"];
  }
}

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    serverPath: "",
    defaultProvider: "docker",
    dockerHost: "",
    harness: { endpoint: "", account: "", org: "", project: "" },
    logLevel: "info",
    autoForwardPorts: true,
    ...overrides,
  };
}

/** A Memento kept in memory (globalState / workspaceState). */
export class MemoryMemento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, value);
    }
  }
}

export class MemorySecrets {
  readonly values = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<{ key: string }>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}

export interface TestDeps extends CommandDeps {
  fake: FakeSidecar;
  events: vscode.EventEmitter<GitspaceEventParams>;
  logLines: vscode.EventEmitter<GitspaceLogParams>;
  statusBar: GitspacesStatusBar;
  output: MockOutputChannel;
  secretsStore: MemorySecrets;
  handlers: {
    showGitspaceLogs: ReturnType<typeof vi.fn>;
    showSidecarLog: ReturnType<typeof vi.fn>;
    configureProvider: ReturnType<typeof vi.fn>;
    restartSidecar: ReturnType<typeof vi.fn>;
  };
}

/** CommandDeps wired to a FakeSidecar, the vscode mock and real store/runner/status bar. */
export function makeDeps(options: { gitspaces?: Gitspace[]; settings?: Partial<Settings>; folder?: string; folders?: string[] } = {}): TestDeps {
  const fake = new FakeSidecar();
  fake.on("gitspaces/list", () => ({ gitspaces: options.gitspaces ?? [] }));
  const sidecar = async (): Promise<SidecarApi> => fake;
  const events = new vscode.EventEmitter<GitspaceEventParams>();
  const logLines = new vscode.EventEmitter<GitspaceLogParams>();
  const statusBar = new GitspacesStatusBar();
  const output = new MockOutputChannel("Gitspaces");
  const secretsStore = new MemorySecrets();
  const handlers = {
    showGitspaceLogs: vi.fn(),
    showSidecarLog: vi.fn(),
    configureProvider: vi.fn(),
    restartSidecar: vi.fn(),
  };
  const store = new GitspaceStore(sidecar);
  return {
    fake,
    events,
    logLines,
    statusBar,
    output,
    secretsStore,
    handlers,
    sidecar,
    store,
    runner: new OperationRunner(events.event, statusBar),
    log: output as unknown as vscode.LogOutputChannel,
    secrets: secretsStore as unknown as vscode.SecretStorage,
    settings: () => testSettings(options.settings),
    logs: new GitspaceLogs(sidecar, logLines.event),
    extensionId: "gitspaces.gitspaces",
    usage: new GitspaceUsage(new MemoryMemento()),
    diagnostics: new DevcontainerDiagnostics(vscode.languages.createDiagnosticCollection("gitspaces") as unknown as vscode.DiagnosticCollection),
    workspaceFolders: () => options.folders ?? (options.folder ? [options.folder] : []),
    errors: { log: output as unknown as vscode.LogOutputChannel, ...handlers },
  };
}

/** Answers successive showQuickPick calls by choosing the item whose label contains the given text. */
export function pickByLabel(...labels: (string | undefined)[]): void {
  const mock = vi.mocked(vscode.window.showQuickPick);
  for (const label of labels) {
    mock.mockImplementationOnce(async (items: unknown) => {
      if (label === undefined) {
        return undefined;
      }
      const list = (await items) as vscode.QuickPickItem[];
      const found = list.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && i.label.includes(label));
      if (!found) {
        throw new Error(`pickByLabel: no item "${label}" among ${list.map((i) => i.label).join(" | ")}`);
      }
      return found;
    });
  }
}

export function progressValue(kind: WorkDoneProgress["kind"], message?: string, percentage?: number): WorkDoneProgress {
  return { kind, message, percentage };
}

/** A Logger that keeps "level message" lines. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, trace: add("trace"), debug: add("debug"), info: add("info"), warn: add("warn"), error: add("error") };
}
