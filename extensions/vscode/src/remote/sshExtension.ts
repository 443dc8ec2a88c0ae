import * as vscode from "vscode";

/** The activation event of every extension that resolves `vscode-remote://ssh-remote+<host>` (Remote - SSH and its forks). */
export const SshRemoteActivation = "onResolveRemoteAuthority:ssh-remote";

/** What this module reads of an installed extension. */
export interface InstalledExtension {
  id: string;
  packageJSON: { activationEvents?: string[]; displayName?: string };
}

/** An SSH remote extension to offer for installation. */
export interface SshExtensionChoice {
  id: string;
  name: string;
}

/**
 * The installed extension that can open an `ssh-remote` folder, if any: found by what it does (it activates to resolve
 * the `ssh-remote` authority), not by a list of ids, so Remote - SSH, Open Remote - SSH and the editors' own forks all
 * count. Our own extension activates on that event too (to start a stopped gitspace first), so it is left out.
 */
export function findSshRemoteExtension(all: readonly InstalledExtension[], ownId: string): InstalledExtension | undefined {
  return all.find((e) => e.id.toLowerCase() !== ownId.toLowerCase() && (e.packageJSON.activationEvents ?? []).includes(SshRemoteActivation));
}

/**
 * The SSH remote extension this editor's marketplace offers: Microsoft's Remote - SSH is licensed for Microsoft's
 * products only, so VSCodium, code-server and other Open VSX editors get Open Remote - SSH; Cursor and Windsurf ship
 * their own.
 */
export function sshExtensionFor(appName: string): SshExtensionChoice {
  const app = appName.toLowerCase();
  if (app.includes("cursor")) {
    return { id: "anysphere.remote-ssh", name: "Remote - SSH (Cursor)" };
  }
  if (app.includes("windsurf")) {
    return { id: "codeium.windsurf-remote-openssh", name: "Remote - SSH (Windsurf)" };
  }
  if (app.startsWith("visual studio code")) {
    return { id: "ms-vscode-remote.remote-ssh", name: "Remote - SSH" };
  }
  return { id: "jeanp413.open-remote-ssh", name: "Open Remote - SSH" };
}

/** Whether an SSH remote extension is installed and enabled in this extension host. */
export function hasSshRemoteExtension(ownId: string): boolean {
  return findSshRemoteExtension(vscode.extensions.all as readonly InstalledExtension[], ownId) !== undefined;
}

/**
 * Records that an SSH host runs Linux, so Remote - SSH does not ask. Only when the installed SSH extension declares
 * the setting: writing one nobody registered fails ("not a registered configuration"). Keeps every other host's entry.
 */
export async function setRemotePlatform(sshHost: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration("remote.SSH");
  if (config.inspect("remotePlatform")?.defaultValue === undefined) {
    return false;
  }
  const current = config.get<Record<string, string>>("remotePlatform") ?? {};
  if (current[sshHost] === "linux") {
    return true;
  }
  await config.update("remotePlatform", { ...current, [sshHost]: "linux" }, vscode.ConfigurationTarget.Global);
  return true;
}
