import * as vscode from "vscode";
import { ErrorCodes } from "../protocol";
import { RpcError, SidecarUnavailableError } from "../sidecar/errors";
import { configureActionOf, editorHint, inUserWords } from "./userWords";

export const Actions = {
  ShowLogs: "Show Logs",
  Retry: "Retry",
  Configure: "Configure",
  ConfigureDockerHost: "Configure Docker Host",
  ConfigureHarness: "Configure Harness",
  Restart: "Restart",
} as const;


export interface ErrorContext {
  /** What the user was doing, e.g. "Stop gitspace "web"". */
  operation: string;
  /** Runs the operation again. Offered as Retry where that can help. */
  retry?: () => unknown;
  /** The gitspace concerned, for Show Logs. */
  gitspaceId?: string;
}

export interface ErrorHandlers {
  showGitspaceLogs: (gitspaceId: string) => unknown;
  showSidecarLog: () => unknown;
  configureProvider: (provider: string | undefined) => unknown;
  restartSidecar: () => unknown;
  log: vscode.LogOutputChannel;
}

/** The user-facing text and the actions offered for an error. */
export interface ErrorPresentation {
  severity: "error" | "warning" | "info";
  message: string;
  actions: string[];
}

/**
 * Decides what to tell the user about an error from the sidecar, and which actions help. Pure. The sidecar's text is
 * put in the user's words (no CLI commands or protocol methods: the buttons do those things).
 */
export function describeError(error: unknown, context: ErrorContext): ErrorPresentation {
  const retry = context.retry ? [Actions.Retry] : [];
  if (error instanceof SidecarUnavailableError) {
    return { severity: "error", message: `${context.operation} failed: ${error.message}`, actions: [Actions.ShowLogs, Actions.Restart] };
  }
  if (!(error instanceof RpcError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { severity: "error", message: `${context.operation} failed: ${text}`, actions: [Actions.ShowLogs] };
  }
  const provider = error.data?.provider;
  const said = inUserWords(error.message) || error.message;
  const hint = editorHint(error.code, provider) ?? inUserWords(error.data?.hint);
  const detail = `${said}${hint ? ` ${hint}` : ""}`;
  const message = `${context.operation} failed: ${detail}`;
  const configure = configureActionOf(provider);
  switch (error.code) {
    case ErrorCodes.RequestCancelled:
      return { severity: "info", message: `${context.operation} was cancelled.`, actions: [] };
    case ErrorCodes.ProviderNotConfigured:
    case ErrorCodes.Unauthorized:
      return { severity: "error", message, actions: [configure, ...retry, Actions.ShowLogs] };
    case ErrorCodes.ProviderUnavailable:
      return { severity: "error", message, actions: [...(provider ? [configure] : []), ...retry, Actions.ShowLogs] };
    case ErrorCodes.GitspaceBusy:
    case ErrorCodes.RepositoryUnavailable:
      return { severity: "error", message, actions: [...retry, Actions.ShowLogs] };
    case ErrorCodes.DevcontainerInvalid: {
      const first = error.data?.diagnostics?.find((d) => d.severity === "error") ?? error.data?.diagnostics?.[0];
      const where = first ? ` (${first.file}:${first.line}:${first.column}: ${first.message})` : "";
      return { severity: "error", message: `${message}${where}`, actions: [Actions.ShowLogs, ...retry] };
    }
    case ErrorCodes.OperationFailed:
      return {
        severity: "error",
        message: error.data?.step ? `${context.operation} failed at ${error.data.step}: ${detail}` : message,
        actions: [Actions.ShowLogs, ...retry],
      };
    case ErrorCodes.InvalidState:
    case ErrorCodes.GitspaceNotFound:
    case ErrorCodes.NotSupported:
      return { severity: "warning", message, actions: [Actions.ShowLogs] };
    default:
      return { severity: "error", message, actions: [Actions.ShowLogs, ...retry] };
  }
}

/** Shows an error as a notification with actions and runs the chosen action. Resolves once handled. */
export async function showError(error: unknown, context: ErrorContext, handlers: ErrorHandlers): Promise<void> {
  const presentation = describeError(error, context);
  logError(handlers.log, error, context);
  const show =
    presentation.severity === "info"
      ? vscode.window.showInformationMessage
      : presentation.severity === "warning"
        ? vscode.window.showWarningMessage
        : vscode.window.showErrorMessage;
  const choice = await show(presentation.message, ...presentation.actions);
  const gitspaceId = context.gitspaceId ?? (error instanceof RpcError ? error.data?.gitspaceId : undefined);
  switch (choice) {
    case Actions.ShowLogs:
      if (gitspaceId) {
        await handlers.showGitspaceLogs(gitspaceId);
      } else {
        await handlers.showSidecarLog();
      }
      break;
    case Actions.Retry:
      await context.retry?.();
      break;
    case Actions.Configure:
    case Actions.ConfigureDockerHost:
    case Actions.ConfigureHarness:
      await handlers.configureProvider(error instanceof RpcError ? error.data?.provider : undefined);
      break;
    case Actions.Restart:
      await handlers.restartSidecar();
      break;
    default:
      break;
  }
}

function logError(log: vscode.LogOutputChannel, error: unknown, context: ErrorContext): void {
  if (error instanceof RpcError) {
    if (error.cancelled) {
      log.info(`${context.operation}: cancelled`);
      return;
    }
    log.error(`${context.operation}: ${error.kind} (${error.code}) ${error.message}`);
    for (const line of error.data?.log ?? []) {
      log.error(`  | ${line}`);
    }
    for (const d of error.data?.diagnostics ?? []) {
      log.error(`  ${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}${d.code ? ` [${d.code}]` : ""}`);
    }
  } else {
    log.error(`${context.operation}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
