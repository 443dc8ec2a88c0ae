import * as vscode from "vscode";
import { openGitspace, type WindowChoice } from "../commands/open";
import { guarded, resolveGitspace, type CommandDeps, type GitspaceArg } from "../commands/deps";
import type { Gitspace } from "../protocol";
import { openLink, parseDeepLink, type OpenLink } from "./deepLink";

/** The gitspaces a link's id-or-name can mean: the one with that id, else those with that name (of that provider). */
export function matchLink(all: readonly Gitspace[], link: Pick<OpenLink, "gitspace" | "provider">): Gitspace[] {
  const ofProvider = all.filter((g) => !link.provider || g.provider === link.provider);
  const byId = ofProvider.filter((g) => g.id === link.gitspace);
  if (byId.length > 0) {
    return byId;
  }
  const wanted = link.gitspace.toLowerCase();
  return ofProvider.filter((g) => g.name.toLowerCase() === wanted);
}

/**
 * Opens the gitspace a link names (`…/open?gitspace=&provider=`), starting it if needed: the list is refreshed first,
 * since a link usually comes from somewhere that just created or listed it.
 */
export async function handleDeepLink(deps: CommandDeps, uri: Pick<vscode.Uri, "path" | "query">): Promise<boolean> {
  const parsed = parseDeepLink(uri);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(parsed.error);
    return false;
  }
  const { link } = parsed;
  deps.log.info(`Opening gitspace "${link.gitspace}"${link.provider ? ` (${link.provider})` : ""} from a link`);
  const found = await guarded(deps, `Open gitspace "${link.gitspace}" from a link`, async () => {
    await deps.store.refresh();
    return matchLink(deps.store.all, link);
  });
  if (!found) {
    return false;
  }
  let target: Gitspace | undefined = found[0];
  if (found.length === 0) {
    const where = link.provider ? ` on ${link.provider}` : "";
    void vscode.window.showErrorMessage(`The link opens gitspace "${link.gitspace}"${where}, which is not among your gitspaces.`, "Show Gitspaces").then((choice) =>
      choice ? vscode.commands.executeCommand("gitspaces.list.focus") : undefined,
    );
    return false;
  }
  if (found.length > 1) {
    const picked = await vscode.window.showQuickPick(
      found.map((g) => ({ label: g.name, description: `${g.provider} · ${g.state}`, detail: g.repository.url, gitspace: g })),
      { placeHolder: `Several gitspaces are named "${link.gitspace}": which one to open?` },
    );
    target = picked?.gitspace;
  }
  if (!target) {
    return false;
  }
  const where: WindowChoice = link.window ?? ((vscode.workspace.workspaceFolders?.length ?? 0) > 0 ? "new" : "current");
  return openGitspace(deps, target, where);
}

/** Registers the handler of `<scheme>://<publisher>.<name>/…` links. */
export function registerUriHandler(deps: CommandDeps): vscode.Disposable {
  return vscode.window.registerUriHandler({
    handleUri: async (uri) => {
      await handleDeepLink(deps, uri);
    },
  });
}

/** Copies the link that opens a gitspace in this editor (for a README, a chat message or a dashboard). */
export async function copyGitspaceLink(deps: CommandDeps, arg?: GitspaceArg): Promise<string | undefined> {
  const g = await guarded(deps, "Copy gitspace link", () => resolveGitspace(deps, arg, "Gitspace whose link to copy"));
  if (!g) {
    return undefined;
  }
  const link = openLink(vscode.env.uriScheme, deps.extensionId, g.id, g.provider);
  await vscode.env.clipboard.writeText(link);
  void vscode.window.showInformationMessage(`Copied: ${link}`);
  return link;
}
