// Mirrors server/Gitspaces.Protocol/ErrorCodes.cs and ErrorData.cs.
import type { Diagnostic } from "./types";

/** JSON-RPC error codes the server answers with: the standard ones and the application's own. */
export const ErrorCodes = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ServerNotInitialized: -32002,
  RequestCancelled: -32800,
  GitspaceNotFound: 1001,
  GitspaceBusy: 1002,
  ProviderUnavailable: 1003,
  Unauthorized: 1004,
  DevcontainerInvalid: 1005,
  RepositoryUnavailable: 1006,
  OperationFailed: 1007,
  ProviderNotConfigured: 1008,
  InvalidState: 1009,
  NotSupported: 1010,
  RepositoryUntrusted: 1011,
  PortUnavailable: 1012,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/** The symbolic name of a code, as ErrorData.kind carries it; "Unknown" otherwise. */
export function errorCodeName(code: number): ErrorCodeName | "Unknown" {
  for (const [name, value] of Object.entries(ErrorCodes)) {
    if (value === code) {
      return name as ErrorCodeName;
    }
  }
  return "Unknown";
}

/** The `data` member of every error the server sends. */
export interface ErrorData {
  kind: string;
  gitspaceId?: string;
  provider?: string;
  field?: string;
  state?: string;
  step?: string;
  hint?: string;
  log?: string[];
  diagnostics?: Diagnostic[];
  /** The repository, for RepositoryUntrusted: a URL without credentials. */
  repository?: string;
  /** What the configuration asks for that reaches this machine, for RepositoryUntrusted. */
  hostAccess?: HostAccessEntry[];
}

/** One way a repository's configuration asks to reach the machine its gitspace runs on. */
export interface HostAccessEntry {
  /** hostCommand, hostMount or privilege. */
  kind: string;
  /** Where the configuration asks for it, as a JSON path. */
  property: string;
  /** What exactly is asked for, for a person. */
  detail: string;
}
