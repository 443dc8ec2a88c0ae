import * as vscode from "vscode";
import { SidecarUnavailableError } from "../sidecar/errors";
import { PlatformMismatchError } from "../sidecar/platform";

/** What a button on the start-failure notification does. */
export type StartFailureAction =
  | { title: string; kind: "openUrl"; url: string }
  | { title: string; kind: "openSetting"; setting: string }
  | { title: string; kind: "openExtensionPage" }
  | { title: string; kind: "showLogs" }
  | { title: string; kind: "restart" };

/** The notification shown when the sidecar cannot run: the reason in the user's words and the buttons that help. */
export interface StartFailureAdvice {
  message: string;
  actions: StartFailureAction[];
}

export const dotnetDownloadUrl = "https://dotnet.microsoft.com/download/dotnet/10.0";

const showLogs: StartFailureAction = { title: "Show Logs", kind: "showLogs" };
const restart: StartFailureAction = { title: "Restart", kind: "restart" };
const setServerPath: StartFailureAction = { title: "Set Sidecar Path", kind: "openSetting", setting: "gitspaces.serverPath" };

// What the .NET host prints when the runtime a framework-dependent sidecar needs is not there.
const missingDotnet = [
  /You must install(?: or update)? \.NET/i,
  /libhostfxr/i,
  /hostfxr\.dll/i,
  /framework 'Microsoft\.NETCore\.App'.*(?:not found|was not found)/i,
  /\.NET location: Not found/i,
  /spawn dotnet ENOENT/i,
];

// A binary the OS cannot run here: another CPU or OS, or a file that is not a program.
const wrongPlatform = [/ENOEXEC/, /Exec format error/i, /cannot execute binary file/i, /not a valid Win32 application/i, /Bad CPU type/i];

/**
 * Decides what to tell the user when the sidecar does not start or gives up. Pure: reads the failure's message and
 * the process's last stderr lines. The sidecar's packaging (#12) may add cases here.
 */
export function adviseStartFailure(error: unknown, platform: NodeJS.Platform = process.platform, arch: string = process.arch): StartFailureAdvice {
  const reason = error instanceof Error ? error.message : String(error);
  const stderr = error instanceof SidecarUnavailableError ? (error.stderr ?? []) : [];
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  const text = [reason, cause, ...stderr].join("\n");
  const mismatch = error instanceof PlatformMismatchError ? error : error instanceof Error && error.cause instanceof PlatformMismatchError ? error.cause : undefined;
  if (mismatch) {
    // The VSIX of another platform: its own words say which build it is and what to install instead.
    return { message: mismatch.message, actions: [{ title: "Open Installation Guide", kind: "openExtensionPage" }, setServerPath] };
  }
  if (missingDotnet.some((p) => p.test(text))) {
    return {
      message: "Gitspaces needs the .NET 10 runtime to run its sidecar, and it is not installed. Install .NET 10, then restart the sidecar.",
      actions: [{ title: "Install .NET", kind: "openUrl", url: dotnetDownloadUrl }, restart, showLogs],
    };
  }
  if (wrongPlatform.some((p) => p.test(text)) || /is not bundled with this extension/.test(reason)) {
    return {
      message: `This Gitspaces package has no sidecar that runs on ${platform}-${arch}. Install the package for your platform, or set the path of a gitspaces sidecar built for it.`,
      actions: [setServerPath, showLogs],
    };
  }
  if (/setting gitspaces\.serverPath/.test(reason)) {
    return { message: reason, actions: [setServerPath, showLogs] };
  }
  return { message: reason, actions: [showLogs, restart] };
}

export interface StartFailureHandlers {
  showLogs: () => unknown;
  restart: () => unknown;
}

/** Shows the advice as an error notification and runs the button the user presses. */
export async function showStartFailure(advice: StartFailureAdvice, handlers: StartFailureHandlers): Promise<void> {
  const choice = await vscode.window.showErrorMessage(advice.message, ...advice.actions.map((a) => a.title));
  const action = advice.actions.find((a) => a.title === choice);
  switch (action?.kind) {
    case "openUrl":
      await vscode.env.openExternal(vscode.Uri.parse(action.url));
      break;
    case "openSetting":
      await vscode.commands.executeCommand("workbench.action.openSettings", action.setting);
      break;
    case "openExtensionPage":
      // The extension's page (its README says which package each platform takes).
      await vscode.commands.executeCommand("extension.open", "gitspaces.gitspaces");
      break;
    case "showLogs":
      await handlers.showLogs();
      break;
    case "restart":
      await handlers.restart();
      break;
    default:
      break;
  }
}
