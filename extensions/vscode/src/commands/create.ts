import * as path from "node:path";
import * as vscode from "vscode";
import { IdeLabels, type CreateGitspaceParams, type Gitspace, type ProviderInfo, type RepositorySource } from "../protocol";
import { inspectRepository, redactUrl, remoteBranches, type LocalRepository } from "../git/repository";
import { guarded, type CommandDeps } from "./deps";
import { openGitspace } from "./open";
import { withTrustConsent } from "../trust/consent";

/** What the user chose, step by step; the create request is built from it. */
export interface CreateChoices {
  repository: RepositorySource;
  /** Shown in titles. */
  repositoryLabel: string;
  devcontainerPath?: string;
  provider: string;
  ide: string;
}

/** Git operations the flow needs; tests replace them. */
export interface GitProbe {
  inspect: (folder: string) => Promise<LocalRepository | undefined>;
  remoteBranches: (url: string) => Promise<string[]>;
}

export const realGit: GitProbe = { inspect: inspectRepository, remoteBranches };

interface RepositoryItem extends vscode.QuickPickItem {
  url?: string;
  local?: boolean;
  enter?: boolean;
}

async function pickRepository(local: LocalRepository | undefined): Promise<{ url: string; local: boolean } | undefined> {
  const items: RepositoryItem[] = [];
  for (const remote of local?.remotes ?? []) {
    items.push({ label: redactUrl(remote.url), description: `${remote.name} of the current folder`, url: remote.url, local: false });
  }
  if (local) {
    items.push({ label: local.root, description: "the current folder (local clone)", url: local.root, local: true });
  }
  items.push({ label: "$(edit) Enter a repository URL…", enter: true });
  const picked =
    items.length === 1
      ? items[0]
      : await vscode.window.showQuickPick(items, { title: "Create Gitspace (1/5): repository", placeHolder: "Repository to create the gitspace from", ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (!picked.enter) {
    return { url: picked.url!, local: picked.local === true };
  }
  const typed = await vscode.window.showInputBox({
    title: "Create Gitspace (1/5): repository",
    prompt: "Clone URL (https, ssh or git) or a local path",
    placeHolder: "https://github.com/owner/repo.git",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim().length === 0 ? "Enter a repository URL or path." : undefined),
  });
  if (typed === undefined) {
    return undefined;
  }
  const url = typed.trim();
  return { url, local: path.isAbsolute(url) && local !== undefined && path.resolve(url) === path.resolve(local.root) };
}

interface BranchItem extends vscode.QuickPickItem {
  branch?: string;
  enter?: boolean;
}

async function pickBranch(branches: string[], current: string | undefined): Promise<{ branch: string | undefined } | undefined> {
  const ordered = current ? [current, ...branches.filter((b) => b !== current)] : branches;
  const items: BranchItem[] = ordered.map((b) => ({ label: `$(git-branch) ${b}`, description: b === current ? "current" : undefined, branch: b }));
  items.push({ label: "$(repo) Default branch", description: "the remote's default branch" });
  items.push({ label: "$(edit) Enter a branch name…", enter: true });
  const picked = await vscode.window.showQuickPick(items, { title: "Create Gitspace (2/5): branch", placeHolder: "Branch to check out", ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (picked.enter) {
    const typed = await vscode.window.showInputBox({ title: "Create Gitspace (2/5): branch", prompt: "Branch name", ignoreFocusOut: true });
    return typed === undefined ? undefined : { branch: typed.trim() || undefined };
  }
  return { branch: picked.branch };
}

async function pickDevcontainer(candidates: string[], errors: string[]): Promise<{ path: string | undefined } | undefined> {
  if (candidates.length === 0) {
    throw new Error(
      `The repository has no devcontainer.json (looked for .devcontainer/devcontainer.json, .devcontainer.json and .devcontainer/<folder>/devcontainer.json).${errors.length > 0 ? ` ${errors[0]}` : ""}`,
    );
  }
  if (candidates.length === 1) {
    return { path: candidates[0] };
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({ label: c, path: c })),
    { title: "Create Gitspace (3/5): configuration", placeHolder: "devcontainer.json to use", ignoreFocusOut: true },
  );
  return picked ? { path: picked.path } : undefined;
}

async function pickProvider(providers: ProviderInfo[], preferred: string): Promise<ProviderInfo | undefined> {
  const ordered = [...providers].sort((a, b) => (a.id === preferred ? -1 : b.id === preferred ? 1 : 0));
  const picked = await vscode.window.showQuickPick(
    ordered.map((p) => ({
      label: p.displayName,
      description: `${p.kind === "self-hosted" ? "self-hosted" : "hosted"}${p.configured ? "" : " · not configured"}`,
      detail: p.message ?? p.endpoint,
      provider: p,
    })),
    { title: "Create Gitspace (4/5): provider", placeHolder: "Where the gitspace runs", ignoreFocusOut: true },
  );
  return picked?.provider;
}

async function pickIde(ides: readonly string[]): Promise<string | undefined> {
  const ordered = ides.includes("vs_code") ? ["vs_code", ...ides.filter((i) => i !== "vs_code")] : [...ides];
  const picked = await vscode.window.showQuickPick(
    ordered.map((id) => ({ label: IdeLabels[id as keyof typeof IdeLabels] ?? id, description: id, id })),
    { title: "Create Gitspace (5/5): IDE", placeHolder: "Editor to use with the gitspace", ignoreFocusOut: true },
  );
  return picked?.id;
}

/** Asks the five questions. Resolves undefined when the user backs out; throws on sidecar errors. */
export async function collectCreateChoices(deps: CommandDeps, git: GitProbe): Promise<CreateChoices | undefined> {
  const folder = deps.workspaceFolder();
  const local = folder ? await git.inspect(folder) : undefined;
  const repo = await pickRepository(local);
  if (!repo) {
    return undefined;
  }
  const isCurrentRepository = local !== undefined && (repo.local || local.remotes.some((r) => r.url === repo.url));
  const branches = isCurrentRepository ? local.branches : await git.remoteBranches(repo.url);
  const branch = await pickBranch(branches, isCurrentRepository ? local.currentBranch : undefined);
  if (!branch) {
    return undefined;
  }
  const client = await deps.sidecar();
  // A local clone is read in place; a remote one is read at the chosen branch.
  const readSource: RepositorySource = repo.local ? { path: repo.url } : { url: repo.url, branch: branch.branch };
  const read = await client.request("devcontainer/read", { repository: readSource });
  const config = await pickDevcontainer(
    read.candidates,
    read.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
  );
  if (!config) {
    return undefined;
  }
  const { providers } = await client.request("providers/list", { skipCheck: true });
  const provider = await pickProvider(providers, deps.settings().defaultProvider);
  if (!provider) {
    return undefined;
  }
  if (!provider.configured) {
    const choice = await vscode.window.showWarningMessage(
      `${provider.displayName} is not configured yet.${provider.message ? ` ${provider.message}` : ""}`,
      "Configure",
    );
    if (choice === "Configure") {
      await deps.errors.configureProvider(provider.id);
    }
    return undefined;
  }
  const ide = await pickIde(client.initializeResult.capabilities.ides);
  if (!ide) {
    return undefined;
  }
  return {
    repository: { url: repo.url, branch: branch.branch },
    repositoryLabel: redactUrl(repo.url),
    devcontainerPath: config.path,
    provider: provider.id,
    ide,
  };
}

/** Sends gitspaces/create for the choices, under cancellable progress. */
export async function runCreate(deps: CommandDeps, choices: CreateChoices): Promise<Gitspace | undefined> {
  const known = new Set(deps.store.all.map((g) => g.id));
  return guarded(
    deps,
    `Create gitspace from ${choices.repositoryLabel}`,
    async () => {
      const client = await deps.sidecar();
      const params: Omit<CreateGitspaceParams, "workDoneToken"> = {
        repository: choices.repository,
        devcontainerPath: choices.devcontainerPath,
        provider: choices.provider,
        ide: choices.ide,
      };
      // An untrusted repository that asks to reach this machine is answered with RepositoryUntrusted: ask, then retry.
      const result = await withTrustConsent((trustRepository) =>
        deps.runner.run({
          title: `Creating gitspace from ${choices.repositoryLabel}`,
          // The id is not known before the answer: show events of gitspaces that did not exist before.
          acceptEvent: (p) => !known.has(p.gitspaceId),
          run: (onProgress, token) =>
            client.longRequest("gitspaces/create", trustRepository ? { ...params, trustRepository } : params, { onProgress, token }),
        }),
      );
      deps.store.apply(result.gitspace);
      return result.gitspace;
    },
    { retry: () => runCreate(deps, choices) },
  );
}

export async function createGitspace(deps: CommandDeps, git: GitProbe = realGit): Promise<Gitspace | undefined> {
  const choices = await guarded(deps, "Create gitspace", () => collectCreateChoices(deps, git), { retry: () => createGitspace(deps, git) });
  if (!choices) {
    return undefined;
  }
  const gitspace = await runCreate(deps, choices);
  if (gitspace) {
    const message =
      gitspace.state === "running"
        ? `Gitspace ${gitspace.name} is running.`
        : `Gitspace ${gitspace.name} was created (${gitspace.state}).`;
    void vscode.window.showInformationMessage(message, "Open", "Open in New Window").then((choice) => {
      if (choice === "Open" || choice === "Open in New Window") {
        return openGitspace(deps, gitspace, choice === "Open" ? "current" : "new");
      }
      return undefined;
    });
  }
  return gitspace;
}
