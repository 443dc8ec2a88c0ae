// Mirrors server/Gitspaces.Protocol/Methods.cs. test/protocol/drift.test.ts compares it with
// docs/protocol.schema.json, which the C# build emits.

/** The names of every JSON-RPC method and notification of the protocol. */
/** The protocol version this client speaks (ProtocolInfo.Version). */
export const ProtocolVersion = "1.0";

export const Methods = {
  Initialize: "initialize",
  Initialized: "initialized",
  Shutdown: "shutdown",
  Exit: "exit",
  DevcontainerRead: "devcontainer/read",
  GitspacesList: "gitspaces/list",
  GitspacesGet: "gitspaces/get",
  GitspacesCreate: "gitspaces/create",
  GitspacesStart: "gitspaces/start",
  GitspacesStop: "gitspaces/stop",
  GitspacesRebuild: "gitspaces/rebuild",
  GitspacesDelete: "gitspaces/delete",
  GitspacesEvents: "gitspaces/events",
  GitspacesLogs: "gitspaces/logs",
  GitspacesConnect: "gitspaces/connect",
  GitspacesUpdate: "gitspaces/update",
  GitspacesCreateOptions: "gitspaces/create-options",
  GitspacesListRepos: "gitspaces/list-repos",
  GitspacesListBranches: "gitspaces/list-branches",
  GitspacesPorts: "gitspaces/ports",
  GitspacesPortsForward: "gitspaces/ports/forward",
  GitspacesPortsStop: "gitspaces/ports/stop",
  ProvidersList: "providers/list",
  ProvidersConfigure: "providers/configure",
  SecretsList: "secrets/list",
  SecretsSet: "secrets/set",
  SecretsDelete: "secrets/delete",
  DidChange: "gitspaces/didChange",
  Event: "gitspaces/event",
  PortsChanged: "gitspaces/portsChanged",
  Log: "gitspaces/log",
  Progress: "$/progress",
  CancelRequest: "$/cancelRequest",
  LogMessage: "window/logMessage",
} as const;

export type MethodName = (typeof Methods)[keyof typeof Methods];

/** Direction and kind of each method, as in ProtocolCatalog.cs. `$/cancelRequest` is handled by the RPC layer. */
export interface MethodInfo {
  readonly direction: "client→server" | "server→client";
  readonly notification: boolean;
}

export const MethodCatalog: Readonly<Record<Exclude<MethodName, "$/cancelRequest">, MethodInfo>> = {
  [Methods.Initialize]: { direction: "client→server", notification: false },
  [Methods.Initialized]: { direction: "client→server", notification: true },
  [Methods.Shutdown]: { direction: "client→server", notification: false },
  [Methods.Exit]: { direction: "client→server", notification: true },
  [Methods.DevcontainerRead]: { direction: "client→server", notification: false },
  [Methods.GitspacesList]: { direction: "client→server", notification: false },
  [Methods.GitspacesGet]: { direction: "client→server", notification: false },
  [Methods.GitspacesCreate]: { direction: "client→server", notification: false },
  [Methods.GitspacesStart]: { direction: "client→server", notification: false },
  [Methods.GitspacesStop]: { direction: "client→server", notification: false },
  [Methods.GitspacesRebuild]: { direction: "client→server", notification: false },
  [Methods.GitspacesDelete]: { direction: "client→server", notification: false },
  [Methods.GitspacesEvents]: { direction: "client→server", notification: false },
  [Methods.GitspacesLogs]: { direction: "client→server", notification: false },
  [Methods.GitspacesConnect]: { direction: "client→server", notification: false },
  [Methods.GitspacesUpdate]: { direction: "client→server", notification: false },
  [Methods.GitspacesCreateOptions]: { direction: "client→server", notification: false },
  [Methods.GitspacesListRepos]: { direction: "client→server", notification: false },
  [Methods.GitspacesListBranches]: { direction: "client→server", notification: false },
  [Methods.GitspacesPorts]: { direction: "client→server", notification: false },
  [Methods.GitspacesPortsForward]: { direction: "client→server", notification: false },
  [Methods.GitspacesPortsStop]: { direction: "client→server", notification: false },
  [Methods.ProvidersList]: { direction: "client→server", notification: false },
  [Methods.ProvidersConfigure]: { direction: "client→server", notification: false },
  [Methods.SecretsList]: { direction: "client→server", notification: false },
  [Methods.SecretsSet]: { direction: "client→server", notification: false },
  [Methods.SecretsDelete]: { direction: "client→server", notification: false },
  [Methods.DidChange]: { direction: "server→client", notification: true },
  [Methods.Event]: { direction: "server→client", notification: true },
  [Methods.PortsChanged]: { direction: "server→client", notification: true },
  [Methods.Log]: { direction: "server→client", notification: true },
  [Methods.Progress]: { direction: "server→client", notification: true },
  [Methods.LogMessage]: { direction: "server→client", notification: true },
};
