import * as vscode from "vscode";
import { AllIdes, IdeLabels, jetBrainsProductCode, type ConnectResult, type Gitspace } from "../protocol";
import { hasSshRemoteExtension, setRemotePlatform, sshExtensionFor } from "../remote/sshExtension";
import { guarded, resolveGitspace, type CommandDeps, type GitspaceArg } from "./deps";

const connectable = ["running", "stopped", "starting", "uninitialized"] as const;

/** Runs gitspaces/connect under progress (it starts a stopped gitspace). */
async function connect(deps: CommandDeps, target: Gitspace, ide: string): Promise<ConnectResult> {
  const client = await deps.sidecar();
  const result = await deps.runner.run({
    title: `Connecting to gitspace ${target.name}`,
    acceptEvent: (p) => p.gitspaceId === target.id,
    run: (onProgress, token) => client.longRequest("gitspaces/connect", { id: target.id, ide }, { onProgress, token }),
  });
  deps.store.apply(result.gitspace);
  await deps.usage.used(target.id);
  return result;
}

export type WindowChoice = "current" | "new";

export async function openGitspace(deps: CommandDeps, arg?: GitspaceArg, where?: WindowChoice): Promise<boolean> {
  const target = await guarded(deps, "Open gitspace", () => resolveGitspace(deps, arg, "Gitspace to open", connectable));
  if (!target) {
    return false;
  }
  let choice = where;
  if (!choice) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: "$(window) Open in Current Window", choice: "current" as const },
        { label: "$(empty-window) Open in New Window", choice: "new" as const },
      ],
      { placeHolder: `Open gitspace ${target.name}` },
    );
    if (!picked) {
      return false;
    }
    choice = picked.choice;
  }
  if (!hasSshRemoteExtension(deps.extensionId)) {
    return offerWithoutSshExtension(deps, target, choice);
  }
  const opened = await guarded(
    deps,
    `Open gitspace "${target.name}"`,
    async () => {
      const result = await connect(deps, target, "vs_code");
      await setRemotePlatform(result.sshHost).catch((error: unknown) =>
        deps.log.warn(`Could not record ${result.sshHost} as a Linux host for Remote - SSH: ${error instanceof Error ? error.message : String(error)}`),
      );
      deps.log.info(`Opening ${result.remoteUri} in ${choice === "new" ? "a new" : "the current"} window`);
      await vscode.commands.executeCommand("vscode.openFolder", vscode.Uri.parse(result.remoteUri), { forceNewWindow: choice === "new" });
      return true;
    },
    { gitspaceId: target.id, retry: () => openGitspace(deps, target, choice) },
  );
  return opened === true;
}

const OpenInDesktop = "Open in VS Code Desktop";

/**
 * Open without an SSH remote extension: instead of an error, what the user can do. In a desktop editor: install the
 * SSH extension its marketplace has (then open), copy the SSH command, or open in a JetBrains IDE. In a browser
 * (code-server, vscode.dev) no SSH extension can run, so the first offer is VS Code Desktop, through its link.
 */
async function offerWithoutSshExtension(deps: CommandDeps, target: Gitspace, where: WindowChoice): Promise<boolean> {
  const web = vscode.env.uiKind === vscode.UIKind.Web;
  const extension = sshExtensionFor(vscode.env.appName);
  const install = `Install ${extension.name}`;
  const choice = await vscode.window.showWarningMessage(
    web
      ? `Gitspace "${target.name}" opens over SSH, which ${vscode.env.appName} in a browser cannot do: open it in VS Code Desktop, or from a terminal.`
      : `Opening gitspace "${target.name}" in ${vscode.env.appName} needs an SSH remote extension, and none is installed.`,
    web ? OpenInDesktop : install,
    "Copy SSH Command",
    "Open in JetBrains",
  );
  switch (choice) {
    case install: {
      const installed = await guarded(deps, `Install ${extension.name}`, async () => {
        await vscode.commands.executeCommand("workbench.extensions.installExtension", extension.id);
        return true;
      });
      if (installed && hasSshRemoteExtension(deps.extensionId)) {
        return openGitspace(deps, target, where);
      }
      if (installed) {
        void vscode.window.showInformationMessage(`${extension.name} is installed. Open the gitspace again once it is enabled (a window reload may be needed).`);
      }
      return false;
    }
    case OpenInDesktop: {
      const opened = await guarded(
        deps,
        `Open gitspace "${target.name}" in VS Code Desktop`,
        async () => {
          const result = await connect(deps, target, "vs_code");
          const link = result.links.vscode ?? result.remoteUri.replace(/^vscode-remote:\/\//, "vscode://vscode-remote/");
          deps.log.info(`Opening ${link} in VS Code Desktop`);
          return vscode.env.openExternal(vscode.Uri.parse(link));
        },
        { gitspaceId: target.id },
      );
      return opened === true;
    }
    case "Copy SSH Command":
      await copySshCommand(deps, target);
      return false;
    case "Open in JetBrains":
      await openInJetBrains(deps, target);
      return false;
    default:
      return false;
  }
}

export async function copySshCommand(deps: CommandDeps, arg?: GitspaceArg): Promise<string | undefined> {
  const target = await guarded(deps, "Copy SSH command", () => resolveGitspace(deps, arg, "Gitspace whose SSH command to copy", connectable));
  if (!target) {
    return undefined;
  }
  return guarded(
    deps,
    `Copy SSH command of "${target.name}"`,
    async () => {
      const result = await connect(deps, target, target.ide);
      await vscode.env.clipboard.writeText(result.sshCommand);
      void vscode.window.showInformationMessage(`Copied: ${result.sshCommand}`);
      return result.sshCommand;
    },
    { gitspaceId: target.id, retry: () => copySshCommand(deps, target) },
  );
}

/** The JetBrains IDE ids, in the server's order. */
export const jetBrainsIdes = AllIdes.filter((ide) => jetBrainsProductCode(ide) !== undefined);

export async function openInJetBrains(deps: CommandDeps, arg?: GitspaceArg): Promise<string | undefined> {
  const target = await guarded(deps, "Open in JetBrains IDE", () => resolveGitspace(deps, arg, "Gitspace to open in a JetBrains IDE", connectable));
  if (!target) {
    return undefined;
  }
  const preferred = jetBrainsProductCode(target.ide) ? target.ide : "intellij";
  const ordered = [preferred, ...jetBrainsIdes.filter((i) => i !== preferred)];
  const ide = await vscode.window.showQuickPick(
    ordered.map((id) => ({ label: IdeLabels[id as keyof typeof IdeLabels] ?? id, description: jetBrainsProductCode(id), id })),
    { placeHolder: "JetBrains IDE to open the gitspace in" },
  );
  if (!ide) {
    return undefined;
  }
  return guarded(
    deps,
    `Open "${target.name}" in a JetBrains IDE`,
    async () => {
      const result = await connect(deps, target, ide.id);
      const links = [
        result.links.jetbrainsToolbox ? { label: "JetBrains Toolbox App", link: result.links.jetbrainsToolbox } : undefined,
        result.links.jetbrainsGateway ? { label: "JetBrains Gateway", link: result.links.jetbrainsGateway } : undefined,
      ].filter((l): l is { label: string; link: string } => l !== undefined);
      if (links.length === 0) {
        throw new Error(`The ${target.provider} provider returned no JetBrains link for this gitspace.`);
      }
      const chosen =
        links.length === 1 ? links[0] : await vscode.window.showQuickPick(links, { placeHolder: "Open with" });
      if (!chosen) {
        return undefined;
      }
      await vscode.env.openExternal(vscode.Uri.parse(chosen.link));
      return chosen.link;
    },
    { gitspaceId: target.id, retry: () => openInJetBrains(deps, target) },
  );
}
