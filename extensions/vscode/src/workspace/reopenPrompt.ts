import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { createGitspace, realGit, type GitProbe } from "../commands/create";
import type { CommandDeps } from "../commands/deps";
import { openGitspace } from "../commands/open";
import { Section } from "../config";
import type { Gitspace } from "../protocol";

const offeredKey = "gitspaces.reopenOffered";
export const OfferSetting = "offerReopenInGitspace";

/** Whether a folder has a dev container configuration where the reader looks for one. */
export function hasDevcontainerConfig(folder: string, exists: (file: string) => boolean = fs.existsSync, list: (dir: string) => string[] = safeList): boolean {
  if (exists(path.join(folder, ".devcontainer", "devcontainer.json")) || exists(path.join(folder, ".devcontainer.json"))) {
    return true;
  }
  return list(path.join(folder, ".devcontainer")).some((sub) => exists(path.join(folder, ".devcontainer", sub, "devcontainer.json")));
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The gitspaces made from one of these repository URLs (a folder's remotes). */
export function gitspacesOf(all: readonly Gitspace[], remoteUrls: readonly string[]): Gitspace[] {
  // The same repository however it is written: with or without credentials, ".git" or a trailing slash.
  const normalize = (u: string) =>
    u
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]+@/i, "$1")
      .replace(/\/+$/, "")
      .replace(/\.git$/, "")
      .toLowerCase();
  const wanted = new Set(remoteUrls.map(normalize));
  return all.filter((g) => wanted.has(normalize(g.repository.url)));
}

/**
 * Offers once per folder, like Dev Containers' "Reopen in Container": a local folder with a devcontainer.json and a
 * git remote can be reopened in a gitspace (an existing one of that repository, else a new one). Not Now is
 * remembered for the folder; Don't Show Again turns the offer off (gitspaces.offerReopenInGitspace).
 */
export async function offerReopenInGitspace(deps: CommandDeps, memento: vscode.Memento, git: GitProbe = realGit): Promise<"offered" | "skipped"> {
  if (vscode.env.remoteName !== undefined || !vscode.workspace.getConfiguration(Section).get<boolean>(OfferSetting, true)) {
    return "skipped";
  }
  const offered = memento.get<string[]>(offeredKey, []);
  for (const folder of deps.workspaceFolders()) {
    if (offered.includes(folder) || !hasDevcontainerConfig(folder)) {
      continue;
    }
    const repository = await git.inspect(folder);
    if (!repository || repository.remotes.length === 0) {
      continue;
    }
    await memento.update(offeredKey, [...offered, folder].slice(-200));
    const choice = await vscode.window.showInformationMessage(
      `${path.basename(folder)} has a dev container configuration. Reopen it in a gitspace?`,
      "Reopen in Gitspace",
      "Not Now",
      "Don't Show Again",
    );
    if (choice === "Don't Show Again") {
      await vscode.workspace.getConfiguration(Section).update(OfferSetting, false, vscode.ConfigurationTarget.Global);
    } else if (choice === "Reopen in Gitspace") {
      await reopenInGitspace(deps, repository.remotes.map((r) => r.url), git);
    }
    return "offered";
  }
  return "skipped";
}

/** Opens this window in a gitspace of the folder's repository: an existing one (the user picks among several), else a new one. */
export async function reopenInGitspace(deps: CommandDeps, remoteUrls: readonly string[], git: GitProbe = realGit): Promise<void> {
  await deps.store.refresh().catch(() => undefined);
  const existing = gitspacesOf(deps.store.all, remoteUrls);
  if (existing.length > 0) {
    const items = [
      ...existing.map((g) => ({ label: g.name, description: `${g.state} · ${g.provider}${g.repository.branch ? ` · ${g.repository.branch}` : ""}`, gitspace: g as Gitspace | undefined })),
      { label: "$(add) Create a new gitspace…", description: undefined, gitspace: undefined },
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: "Reopen this folder in which gitspace?" });
    if (!picked) {
      return;
    }
    if (picked.gitspace) {
      await openGitspace(deps, picked.gitspace, "current");
      return;
    }
  }
  await createGitspace(deps, git, "current");
}

/** Gitspaces: Reopen in Gitspace, from the palette: the window's (first) local folder with a git remote. */
export async function reopenCommand(deps: CommandDeps, git: GitProbe = realGit): Promise<void> {
  for (const folder of deps.workspaceFolders()) {
    const repository = await git.inspect(folder);
    if (repository && repository.remotes.length > 0) {
      await reopenInGitspace(deps, repository.remotes.map((r) => r.url), git);
      return;
    }
  }
  void vscode.window.showInformationMessage("Reopen in Gitspace needs a folder that is a git repository with a remote; Create Gitspace takes any repository URL.", "Create Gitspace").then(
    (choice) => (choice ? createGitspace(deps, git) : undefined),
  );
}
