// A hand-written stand-in for the `vscode` module (aliased in vitest.config.ts for the unit project), in the
// manner of coder/vscode-coder's test/mocks. It implements the little of the API the extension uses, with
// window/commands/env functions as vi.fn() so tests script the user's answers and observe what was shown.
import { vi } from "vitest";

type Listener<T> = (e: T) => unknown;

export class Disposable {
  private disposed = false;
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.callOnDispose();
    }
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };
  fire(data: T): void {
    for (const l of [...this.listeners]) {
      l(data);
    }
  }
  dispose(): void {
    this.listeners = [];
  }
}

export interface Event<T> {
  (listener: Listener<T>): Disposable;
}

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: Event<void>;
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  private cancelled = false;
  readonly token: CancellationToken;
  constructor() {
    const state = this;
    this.token = {
      get isCancellationRequested() {
        return state.cancelled;
      },
      onCancellationRequested: this.emitter.event,
    };
  }
  cancel(): void {
    if (!this.cancelled) {
      this.cancelled = true;
      this.emitter.fire();
    }
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static parse(value: string): Uri {
    const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!match) {
      throw new Error(`invalid uri ${value}`);
    }
    return new Uri(match[1], match[2] ?? "", match[3] ?? "", match[4] ?? "", match[5] ?? "");
  }
  static file(fsPath: string): Uri {
    return new Uri("file", "", fsPath.replace(/\\/g, "/"), "", "");
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}:${this.authority || this.scheme === "file" ? `//${this.authority}` : ""}${this.path}${this.query ? `?${this.query}` : ""}${this.fragment ? `#${this.fragment}` : ""}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

/** A diagnostic collection that keeps what is set, by the URI's string. */
export class MockDiagnosticCollection {
  readonly entries = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[] | undefined): void {
    if (!diagnostics || diagnostics.length === 0) {
      this.entries.delete(uri.toString());
    } else {
      this.entries.set(uri.toString(), { uri, diagnostics });
    }
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  get(uri: Uri): Diagnostic[] | undefined {
    return this.entries.get(uri.toString())?.diagnostics;
  }
  forEach(callback: (uri: Uri, diagnostics: Diagnostic[]) => void): void {
    for (const { uri, diagnostics } of [...this.entries.values()]) {
      callback(uri, diagnostics);
    }
  }
  clear(): void {
    this.entries.clear();
  }
  dispose(): void {
    this.entries.clear();
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  value: string;
  constructor(
    value = "",
    readonly supportThemeIcons = false,
  ) {
    this.value = value;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class TreeItem {
  id?: string;
  description?: string;
  iconPath?: ThemeIcon;
  contextValue?: string;
  tooltip?: string | MarkdownString;
  command?: unknown;
  accessibilityInformation?: { label: string };
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export enum LogLevel {
  Off = 0,
  Trace = 1,
  Debug = 2,
  Info = 3,
  Warning = 4,
  Error = 5,
}

/** An output channel that records what was written. */
export class MockOutputChannel {
  readonly lines: string[] = [];
  readonly show = vi.fn();
  readonly logLevel = LogLevel.Info;
  constructor(readonly name: string) {}
  append(text: string): void {
    this.lines.push(text);
  }
  appendLine(text: string): void {
    this.lines.push(text);
  }
  trace(text: string): void {
    this.lines.push(`[trace] ${text}`);
  }
  debug(text: string): void {
    this.lines.push(`[debug] ${text}`);
  }
  info(text: string): void {
    this.lines.push(`[info] ${text}`);
  }
  warn(text: string): void {
    this.lines.push(`[warning] ${text}`);
  }
  error(text: string | Error): void {
    this.lines.push(`[error] ${text instanceof Error ? text.message : text}`);
  }
  clear(): void {
    this.lines.length = 0;
  }
  hide(): void {}
  dispose(): void {}
}

export class MockStatusBarItem {
  text = "";
  tooltip: string | undefined;
  command: string | undefined;
  name: string | undefined;
  shown = false;
  constructor(
    readonly id: string,
    readonly alignment: StatusBarAlignment,
    readonly priority: number,
  ) {}
  show(): void {
    this.shown = true;
  }
  hide(): void {
    this.shown = false;
  }
  dispose(): void {
    this.shown = false;
  }
}

/** What a withProgress call showed: the options, each report, and a way to press Cancel. */
export interface ProgressRecord {
  options: { location: ProgressLocation; title?: string; cancellable?: boolean };
  reports: { message?: string; increment?: number }[];
  cancel: () => void;
}

export const mockState = {
  config: new Map<string, unknown>(),
  /** Default values of settings some extension registered (what inspect() reports as defaultValue). */
  configDefaults: new Map<string, unknown>(),
  configUpdates: [] as { key: string; value: unknown; target: ConfigurationTarget | undefined }[],
  progress: [] as ProgressRecord[],
  outputChannels: [] as MockOutputChannel[],
  statusBarItems: [] as MockStatusBarItem[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  diagnosticCollections: [] as MockDiagnosticCollection[],
  uriHandler: undefined as { handleUri: (uri: Uri) => unknown } | undefined,
  /** Called with each withProgress record as it starts, e.g. to press Cancel. */
  onProgressStart: undefined as ((record: ProgressRecord) => void) | undefined,
};

export const window = {
  showInformationMessage: vi.fn(async (..._args: unknown[]): Promise<string | undefined> => undefined),
  showWarningMessage: vi.fn(async (..._args: unknown[]): Promise<string | undefined> => undefined),
  showErrorMessage: vi.fn(async (..._args: unknown[]): Promise<string | undefined> => undefined),
  showQuickPick: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
  showInputBox: vi.fn(async (..._args: unknown[]): Promise<string | undefined> => undefined),
  createOutputChannel: vi.fn((name: string, _options?: unknown) => {
    const channel = new MockOutputChannel(name);
    mockState.outputChannels.push(channel);
    return channel;
  }),
  createStatusBarItem: vi.fn((id: string, alignment: StatusBarAlignment, priority: number) => {
    const item = new MockStatusBarItem(id, alignment, priority);
    mockState.statusBarItems.push(item);
    return item;
  }),
  registerUriHandler: vi.fn((handler: { handleUri: (uri: Uri) => unknown }) => {
    mockState.uriHandler = handler;
    return new Disposable(() => undefined);
  }),
  createTreeView: vi.fn((_id: string, _options: unknown) => ({ message: undefined as string | undefined, dispose: () => undefined })),
  withProgress: vi.fn(
    async <T>(
      options: ProgressRecord["options"],
      task: (progress: { report: (v: { message?: string; increment?: number }) => void }, token: unknown) => Promise<T>,
    ): Promise<T> => {
      const source = new CancellationTokenSource();
      const record: ProgressRecord = { options, reports: [], cancel: () => source.cancel() };
      mockState.progress.push(record);
      mockState.onProgressStart?.(record);
      return task({ report: (v) => record.reports.push(v) }, source.token);
    },
  ),
};

export const workspace = {
  workspaceFolders: undefined as { uri: Uri; name: string; index: number }[] | undefined,
  workspaceFile: undefined as Uri | undefined,
  getConfiguration: vi.fn((section?: string) => ({
    get: <T>(key: string, defaultValue?: T): T | undefined => {
      const full = section ? `${section}.${key}` : key;
      return mockState.config.has(full) ? (mockState.config.get(full) as T) : defaultValue;
    },
    inspect: <T>(key: string): { key: string; defaultValue?: T; globalValue?: T } | undefined => {
      const full = section ? `${section}.${key}` : key;
      // What a test set stands for the user's own value (settings.json), as opposed to a declared default.
      return { key: full, defaultValue: mockState.configDefaults.get(full) as T | undefined, globalValue: mockState.config.get(full) as T | undefined };
    },
    update: async (key: string, value: unknown, target?: ConfigurationTarget): Promise<void> => {
      const full = section ? `${section}.${key}` : key;
      mockState.config.set(full, value);
      mockState.configUpdates.push({ key: full, value, target });
    },
  })),
  onDidChangeConfiguration: vi.fn(() => new Disposable(() => undefined)),
  onDidSaveTextDocument: vi.fn((_listener: (document: { uri: Uri }) => unknown) => new Disposable(() => undefined)),
  onDidChangeWorkspaceFolders: vi.fn((_listener: (e: { added: unknown[]; removed: unknown[] }) => unknown) => new Disposable(() => undefined)),
  getWorkspaceFolder: vi.fn((uri: Uri) => workspace.workspaceFolders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`))),
};

export const languages = {
  createDiagnosticCollection: vi.fn((name: string) => {
    const collection = new MockDiagnosticCollection(name);
    mockState.diagnosticCollections.push(collection);
    return collection;
  }),
};

export const commands = {
  registerCommand: vi.fn((id: string, callback: (...args: unknown[]) => unknown) => {
    mockState.commands.set(id, callback);
    return new Disposable(() => mockState.commands.delete(id));
  }),
  executeCommand: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
};

export const extensions = {
  all: [] as { id: string; packageJSON: { activationEvents?: string[] } }[],
  getExtension: (id: string) => extensions.all.find((e) => e.id.toLowerCase() === id.toLowerCase()),
};

export enum UIKind {
  Desktop = 1,
  Web = 2,
}

export const env = {
  appName: "Visual Studio Code",
  uiKind: UIKind.Desktop as UIKind,
  uriScheme: "vscode",
  remoteName: undefined as string | undefined,
  clipboard: { writeText: vi.fn(async (_text: string) => undefined), readText: vi.fn(async () => "") },
  openExternal: vi.fn(async (_uri: Uri) => true),
};

/** Puts the mock back to a fresh state; call in beforeEach. */
export function resetVscodeMock(): void {
  mockState.config.clear();
  mockState.configDefaults.clear();
  extensions.all = [];
  env.appName = "Visual Studio Code";
  env.uiKind = UIKind.Desktop;
  env.uriScheme = "vscode";
  mockState.configUpdates.length = 0;
  mockState.progress.length = 0;
  mockState.outputChannels.length = 0;
  mockState.statusBarItems.length = 0;
  mockState.commands.clear();
  mockState.diagnosticCollections.length = 0;
  mockState.uriHandler = undefined;
  mockState.onProgressStart = undefined;
  workspace.workspaceFolders = undefined;
  workspace.workspaceFile = undefined;
  env.remoteName = undefined;
}
