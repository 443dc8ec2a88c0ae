// The records of the wire contract, mirroring server/Gitspaces.Protocol (camelCase, nulls omitted, enums as
// strings, dates as ISO-8601 strings). A property is optional here exactly when the C# member is not `required`.
// test/protocol/drift.test.ts reads this file with the TypeScript compiler and compares every interface
// reachable from RequestTypes/NotificationTypes with docs/protocol.schema.json.

/** An ISO-8601 date and time, as System.Text.Json writes DateTimeOffset. */
export type IsoDateTime = string;

/** A work-done progress token: what the client put in `workDoneToken`. */
export type ProgressToken = string | number;

// ---- lifecycle ---------------------------------------------------------------------------------------------

export interface ClientInfo {
  name: string;
  version?: string;
}

export interface ClientCapabilities {
  workDoneProgress?: boolean;
}

export interface InitializeParams {
  processId?: number;
  clientInfo?: ClientInfo;
  capabilities?: ClientCapabilities;
}

export interface ServerInfo {
  name: string;
  version: string;
}

export interface ServerCapabilities {
  providers: string[];
  ides: string[];
  methods: string[];
  workDoneProgress?: boolean;
  cancellation?: boolean;
}

export interface InitializeResult {
  serverInfo: ServerInfo;
  protocolVersion: string;
  capabilities: ServerCapabilities;
}

export type InitializedParams = Record<string, never>;
export type ShutdownParams = Record<string, never>;
export type ShutdownResult = Record<string, never>;
export type ExitParams = Record<string, never>;

// ---- devcontainer ------------------------------------------------------------------------------------------

export interface RepositorySource {
  url?: string;
  path?: string;
  branch?: string;
  ref?: string;
  /** Never logged. */
  token?: string;
  /** The kind of git host, for hosted providers (Harness: github, gitlab, harness_code, github_enterprise, …). */
  type?: string;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code?: string;
  path?: string;
}

export interface WorkspaceInfo {
  workspaceFolder: string;
  workspaceMount?: string;
}

export interface DevcontainerReadParams {
  repository: RepositorySource;
  configPath?: string;
}

export interface DevcontainerReadResult {
  configuration?: unknown;
  workspace?: WorkspaceInfo;
  configFilePath?: string;
  diagnostics: Diagnostic[];
  candidates: string[];
}

// ---- gitspaces ---------------------------------------------------------------------------------------------

export const GitspaceStates = [
  "uninitialized",
  "starting",
  "running",
  "stopping",
  "stopped",
  "cleaning",
  "error",
  "deleted",
] as const;
export type GitspaceState = (typeof GitspaceStates)[number];

export const GitspaceReadinessValues = ["setting_up", "ready", "start_error"] as const;
export type GitspaceReadiness = (typeof GitspaceReadinessValues)[number];

export interface GitspaceRepository {
  url: string;
  branch?: string;
  commit?: string;
  type?: string;
}

export interface Gitspace {
  id: string;
  name: string;
  provider: string;
  repository: GitspaceRepository;
  devcontainerPath?: string;
  ide: string;
  state: GitspaceState;
  readiness?: GitspaceReadiness;
  errorMessage?: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  workspaceFolder?: string;
  remoteUser?: string;
  sshHost?: string;
  image?: string;
  /** The machine (hosted providers). */
  resource?: ResourceSpec;
  /** A key the user registered with the provider that logs in. */
  sshKeyId?: string;
  /** Idle seconds before it stops itself, 0 never (autoStop capability). */
  autoStopSeconds?: number;
  lastUsedAt?: IsoDateTime;
}

export interface ResourceSpec {
  infraProvider?: string;
  machineType?: string;
  region?: string;
}

export interface ProviderProblem {
  provider: string;
  code: number;
  message: string;
}

export interface ListGitspacesParams {
  provider?: string;
  /** Text the id or display name contains. */
  query?: string;
  states?: GitspaceState[];
  /** "self" (default) or "all". */
  owner?: string;
  /** "created" (default) or "lastUsed". */
  sort?: string;
}

export interface ListGitspacesResult {
  gitspaces: Gitspace[];
  problems?: ProviderProblem[];
}

export interface GetGitspaceParams {
  id: string;
}

export interface GetGitspaceResult {
  gitspace: Gitspace;
}

export interface CreateGitspaceParams {
  name?: string;
  repository: RepositorySource;
  devcontainerPath?: string;
  provider?: string;
  ide?: string;
  resource?: ResourceSpec;
  /** The user trusts the repository: its configuration may reach this machine (see RepositoryUntrusted). */
  trustRepository?: boolean;
  /** Providers with the sshKeys capability. */
  sshKeyId?: string;
  /** Providers with the dotfiles capability; the user's dotfiles.* settings when absent. */
  dotfiles?: DotfilesSource;
  /** Providers with the autoStop capability; 0 never. */
  autoStopSeconds?: number;
  workDoneToken?: ProgressToken;
}

/** A dotfiles repository, named as VS Code's Dev Containers settings name it. */
export interface DotfilesSource {
  repository: string;
  targetPath?: string;
  installCommand?: string;
}

export interface CreateGitspaceResult {
  gitspace: Gitspace;
}

export interface StartGitspaceParams {
  id: string;
  workDoneToken?: ProgressToken;
}

export interface StartGitspaceResult {
  gitspace: Gitspace;
}

export interface StopGitspaceParams {
  id: string;
  workDoneToken?: ProgressToken;
}

export interface StopGitspaceResult {
  gitspace: Gitspace;
}

export interface RebuildGitspaceParams {
  id: string;
  /** The user trusts the repository: its configuration may reach this machine (see RepositoryUntrusted). */
  trustRepository?: boolean;
  workDoneToken?: ProgressToken;
}

export interface RebuildGitspaceResult {
  gitspace: Gitspace;
}

export interface DeleteGitspaceParams {
  id: string;
  workDoneToken?: ProgressToken;
}

export interface DeleteGitspaceResult {
  id: string;
  deleted: boolean;
}

export interface GitspaceEvent {
  type: string;
  message: string;
  timestamp: IsoDateTime;
}

export interface GitspaceEventsParams {
  id: string;
}

export interface GitspaceEventsResult {
  events: GitspaceEvent[];
}

export interface LogLine {
  pos: number;
  line: string;
  time: IsoDateTime;
  stream: string;
}

export interface GitspaceLogsParams {
  id: string;
  from?: number;
  limit?: number;
}

export interface GitspaceLogsResult {
  lines: LogLine[];
  next: number;
}

export interface ConnectLinks {
  vscode?: string;
  vscodeInsiders?: string;
  cursor?: string;
  windsurf?: string;
  jetbrainsGateway?: string;
  jetbrainsToolbox?: string;
  web?: string;
}

export interface ConnectParams {
  id: string;
  ide?: string;
  workDoneToken?: ProgressToken;
}

export interface ConnectResult {
  sshHost: string;
  user: string;
  port?: number;
  workspaceFolder: string;
  sshCommand: string;
  remoteUri: string;
  links: ConnectLinks;
  gitspace: Gitspace;
}

export interface UpdateGitspaceParams {
  id: string;
  /** A display name (displayNames capability). */
  name?: string;
  ide?: string;
  resource?: ResourceSpec;
  sshKeyId?: string;
  /** autoStop capability: idle seconds, 0 never. */
  autoStopSeconds?: number;
  workDoneToken?: ProgressToken;
}

export interface UpdateGitspaceResult {
  gitspace: Gitspace;
}

export interface CreateOptionsParams {
  provider: string;
}

export interface MachineOption {
  infraProvider: string;
  infraProviderName?: string;
  /** "hosted" or "self-hosted". */
  hosting?: string;
  machineType: string;
  name?: string;
  region?: string;
  regionName?: string;
  cpu?: string;
  memory?: string;
  disk?: string;
  autoStopMinutes?: number;
}

export interface CreateOptionsResult {
  ides: string[];
  machines: MachineOption[];
  repositoryTypes?: string[];
  ssh: boolean;
  sshKeys: boolean;
}

export interface ListReposParams {
  provider: string;
  repositoryType: string;
  search?: string;
}

export interface RepositoryOption {
  name: string;
  url: string;
  defaultBranch?: string;
}

export interface ListReposResult {
  repositories: RepositoryOption[];
}

export interface ListBranchesParams {
  provider: string;
  url: string;
  repositoryType?: string;
  search?: string;
}

export interface ListBranchesResult {
  branches: string[];
}

// ---- providers ---------------------------------------------------------------------------------------------

export interface ProviderInfo {
  id: string;
  displayName: string;
  kind: string;
  configured: boolean;
  reachable: boolean;
  endpoint?: string;
  version?: string;
  message?: string;
  /** What the provider can do beyond the common operations (`sshChannel`, `portChannel`, `providerHistory`, `backgroundWork`); ignore unknown values. */
  capabilities?: string[];
}

export interface ListProvidersParams {
  skipCheck?: boolean;
}

export interface ListProvidersResult {
  providers: ProviderInfo[];
}

export interface ConfigureProviderParams {
  provider: string;
  endpoint?: string;
  accountIdentifier?: string;
  orgIdentifier?: string;
  projectIdentifier?: string;
  spacePath?: string;
  /** Never logged, never in argv. */
  token?: string;
  flavour?: string;
}

export interface ConfigureProviderResult {
  provider: ProviderInfo;
}

// ---- notifications -----------------------------------------------------------------------------------------

export interface DidChangeParams {
  gitspace: Gitspace;
}

export interface GitspaceEventParams {
  gitspaceId: string;
  event: GitspaceEvent;
}

export interface GitspaceLogParams {
  gitspaceId: string;
  pos: number;
  line: string;
  time: IsoDateTime;
  stream: string;
}

export interface LogMessageParams {
  /** LSP message type: 1 error, 2 warning, 3 info, 4 log. */
  type: number;
  message: string;
}

export interface WorkDoneProgress {
  kind: "begin" | "report" | "end";
  title?: string;
  message?: string;
  percentage?: number;
  cancellable?: boolean;
}

export interface ProgressParams {
  token: ProgressToken;
  value: WorkDoneProgress;
}

// ---- ports -------------------------------------------------------------------------------------------------

/** What devcontainer.json says about a port (`portsAttributes`, else `otherPortsAttributes`), defaults applied. */
export interface PortAttributes {
  label?: string;
  /** `http` (the default) or `https`. */
  protocol?: string;
  /** `notify` (the default), `openBrowser`, `openBrowserOnce`, `openPreview`, `silent` or `ignore`. */
  onAutoForward?: string;
  requireLocalPort?: boolean;
}

/** A listener on this machine's 127.0.0.1 that reaches a port inside the gitspace over the provider's channel. */
export interface PortForward {
  port: number;
  service?: string;
  localPort: number;
  url: string;
  /** `server`, `cli` or `background`. */
  owner: string;
  processId?: number;
}

export interface GitspacePort {
  port: number;
  service?: string;
  configured?: boolean;
  listening?: boolean;
  attributes: PortAttributes;
  forward?: PortForward;
}

export interface ListPortsParams {
  id: string;
}

export interface ListPortsResult {
  ports: GitspacePort[];
}

export interface ForwardPortParams {
  id: string;
  port: number;
  service?: string;
  localPort?: number;
  requireLocalPort?: boolean;
}

export interface ForwardPortResult {
  forward: PortForward;
}

export interface StopPortForwardParams {
  id: string;
  port?: number;
  service?: string;
}

export interface StopPortForwardResult {
  stopped: PortForward[];
}

export interface PortsChangedParams {
  id: string;
  provider: string;
  ports: GitspacePort[];
  /** Ports that started listening (absent: none). */
  opened?: number[];
  /** Ports that stopped listening (absent: none). */
  closed?: number[];
}

// ---- method tables -----------------------------------------------------------------------------------------

/** A secret without its value. */
export interface SecretInfo {
  name: string;
  /** A repository URL pattern (`*` matches any text); every gitspace when absent. */
  scope?: string;
  updatedAt: IsoDateTime;
}

export interface ListSecretsParams {
  repository?: string;
}

export interface ListSecretsResult {
  secrets: SecretInfo[];
}

export interface SetSecretParams {
  name: string;
  value: string;
  scope?: string;
}

export interface SetSecretResult {
  secret: SecretInfo;
}

export interface DeleteSecretParams {
  name: string;
  scope?: string;
}

export interface DeleteSecretResult {
  deleted: boolean;
}

/** Client → server requests: method name → params and result records. */
export interface RequestTypes {
  initialize: { params: InitializeParams; result: InitializeResult };
  shutdown: { params: ShutdownParams; result: ShutdownResult };
  "devcontainer/read": { params: DevcontainerReadParams; result: DevcontainerReadResult };
  "gitspaces/list": { params: ListGitspacesParams; result: ListGitspacesResult };
  "gitspaces/get": { params: GetGitspaceParams; result: GetGitspaceResult };
  "gitspaces/create": { params: CreateGitspaceParams; result: CreateGitspaceResult };
  "gitspaces/start": { params: StartGitspaceParams; result: StartGitspaceResult };
  "gitspaces/stop": { params: StopGitspaceParams; result: StopGitspaceResult };
  "gitspaces/rebuild": { params: RebuildGitspaceParams; result: RebuildGitspaceResult };
  "gitspaces/delete": { params: DeleteGitspaceParams; result: DeleteGitspaceResult };
  "gitspaces/events": { params: GitspaceEventsParams; result: GitspaceEventsResult };
  "gitspaces/logs": { params: GitspaceLogsParams; result: GitspaceLogsResult };
  "gitspaces/connect": { params: ConnectParams; result: ConnectResult };
  "gitspaces/update": { params: UpdateGitspaceParams; result: UpdateGitspaceResult };
  "gitspaces/create-options": { params: CreateOptionsParams; result: CreateOptionsResult };
  "gitspaces/list-repos": { params: ListReposParams; result: ListReposResult };
  "gitspaces/list-branches": { params: ListBranchesParams; result: ListBranchesResult };
  "gitspaces/ports": { params: ListPortsParams; result: ListPortsResult };
  "gitspaces/ports/forward": { params: ForwardPortParams; result: ForwardPortResult };
  "gitspaces/ports/stop": { params: StopPortForwardParams; result: StopPortForwardResult };
  "providers/list": { params: ListProvidersParams; result: ListProvidersResult };
  "providers/configure": { params: ConfigureProviderParams; result: ConfigureProviderResult };
  "secrets/list": { params: ListSecretsParams; result: ListSecretsResult };
  "secrets/set": { params: SetSecretParams; result: SetSecretResult };
  "secrets/delete": { params: DeleteSecretParams; result: DeleteSecretResult };
}

/** Notifications in either direction: method name → params record. */
export interface NotificationTypes {
  initialized: { params: InitializedParams };
  exit: { params: ExitParams };
  "gitspaces/didChange": { params: DidChangeParams };
  "gitspaces/event": { params: GitspaceEventParams };
  "gitspaces/portsChanged": { params: PortsChangedParams };
  "gitspaces/log": { params: GitspaceLogParams };
  "$/progress": { params: ProgressParams };
  "window/logMessage": { params: LogMessageParams };
}

export type RequestMethod = keyof RequestTypes;
export type NotificationMethod = keyof NotificationTypes;

/** The requests that accept a `workDoneToken` and report `$/progress`. */
export type LongRequestMethod =
  | "gitspaces/create"
  | "gitspaces/start"
  | "gitspaces/stop"
  | "gitspaces/rebuild"
  | "gitspaces/delete"
  | "gitspaces/connect"
  | "gitspaces/update";
