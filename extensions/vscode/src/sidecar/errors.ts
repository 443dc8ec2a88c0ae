import { ConnectionError, ResponseError } from "vscode-jsonrpc/node";
import { ErrorCodes, errorCodeName, type ErrorData } from "../protocol";

/** An error answer from the sidecar: its JSON-RPC code, message and ErrorData. */
export class RpcError extends Error {
  readonly code: number;
  readonly data?: ErrorData;

  constructor(code: number, message: string, data?: ErrorData) {
    super(message);
    this.name = "RpcError";
    this.code = code;
    this.data = data;
  }

  /** The symbolic name of the code (ErrorData.kind when the server sent one). */
  get kind(): string {
    return this.data?.kind ?? errorCodeName(this.code);
  }

  get cancelled(): boolean {
    return this.code === ErrorCodes.RequestCancelled;
  }
}

/** The sidecar is not running, or the connection to it broke while a request was outstanding. */
export class SidecarUnavailableError extends Error {
  /** What the process wrote to stderr before it failed to start, when it got that far. */
  stderr?: string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SidecarUnavailableError";
  }
}

/** vscode-jsonrpc's own codes for a request that could not complete because the connection went away. */
const connectionLostCodes = new Set([
  -32099, // MessageWriteError
  -32098, // MessageReadError
  -32097, // PendingResponseRejected
  -32096, // ConnectionInactive
]);

/** Converts what vscode-jsonrpc throws into RpcError / SidecarUnavailableError; anything else unchanged. */
export function toClientError(error: unknown): unknown {
  if (error instanceof RpcError || error instanceof SidecarUnavailableError) {
    return error;
  }
  if (error instanceof ResponseError) {
    if (connectionLostCodes.has(error.code)) {
      return new SidecarUnavailableError(`The gitspaces sidecar connection is closed: ${error.message}`, { cause: error });
    }
    return new RpcError(error.code, error.message, isErrorData(error.data) ? error.data : undefined);
  }
  if (error instanceof ConnectionError) {
    return new SidecarUnavailableError(`The gitspaces sidecar connection is closed: ${error.message}`, { cause: error });
  }
  return error;
}

function isErrorData(value: unknown): value is ErrorData {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}
