import * as path from "node:path";
import * as vscode from "vscode";
import { ErrorCodes, IdeLabels, type CreateGitspaceParams, type DevcontainerReadResult, type Gitspace, type ProviderInfo, type RepositorySource } from "../protocol";
import { countBySeverity, describeDiagnostics, localFileOf, type DevcontainerDiagnostics } from "../diagnostics/devcontainerDiagnostics";
import { inspectRepository, redactUrl, remoteBranches, type LocalRepository } from "../git/repository";
import { RpcError } from "../sidecar/errors";
import { configureActionOf, editorHint, inUserWords } from "../ui/userWords";
import { guarded, type CommandDeps } from "./deps";
import { stateLabel } from "../tree/gitspacesTree";
import { runDelete } from "./lifecycle";
import { openGitspace, type WindowChoice } from "./open";
import { withTrustConsent } from "../trust/consent";
import { createPersonalization } from "../personal/personalization";

/** What the user chose, step by step; the create request is built from it. */
export interface CreateChoices {
  repository: RepositorySource;
  /** Shown in titles. */
  repositoryLabel: string;
  devcontainerPath?: string;
  provider: string;
  /** The provider's capabilities (providers/list): dotfiles and autoStop decide what the create adds from settings. */
  capabilities?: readonly string[];
  ide: string;
  /** The open folder's clone of the repository: the Problems panel points into it. */
  localRoot?: string;
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
  repository?: LocalRepository;
  enter?: boolean;
}

/** The repository the user chose: a URL or local path, and the open folder's clone it belongs to, if any. */
export interface ChosenRepository {
  url: string;
  /** True for a local clone read and created in place. */
  local: boolean;
  /** The open folder's repository whose remote or clone this is: its branches are offered, its files get diagnostics. */
  repository?: LocalRepository;
}

/** The git repositories of the window's folders (multi-root: every folder), each once, in folder order. */
export async function localRepositories(folders: readonly string[], git: GitProbe): Promise<LocalRepository[]> {
  const found = await Promise.all(folders.map((f) => git.inspect(f)));
  const seen = new Set<string>();
  return found.filter((r): r is LocalRepository => r !== undefined && !seen.has(r.root) && seen.add(r.root) !== undefined);
}

async function pickRepository(locals: LocalRepository[]): Promise<ChosenRepository | undefined> {
  const items: RepositoryItem[] = [];
  const several = locals.length > 1;
  for (const local of locals) {
    const of = several ? path.basename(local.root) : "the current folder";
    if (several) {
      items.push({ label: path.basename(local.root), kind: vscode.QuickPickItemKind.Separator });
    }
    for (const remote of local.remotes) {
      items.push({ label: redactUrl(remote.url), description: `${remote.name} of ${of}`, url: remote.url, local: false, repository: local });
    }
    items.push({ label: local.root, description: several ? "local clone" : "the current folder (local clone)", url: local.root, local: true, repository: local });
  }
  if (several) {
    items.push({ label: "", kind: vscode.QuickPickItemKind.Separator });
  }
  items.push({ label: "$(edit) Enter a repository URL…", enter: true });
  const picked =
    items.length === 1
      ? items[0]
      : await vscode.window.showQuickPick(items, { title: "Create Gitspace (2/5): repository", placeHolder: "Repository to create the gitspace from", ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (!picked.enter) {
    return { url: picked.url!, local: picked.local === true, repository: picked.repository };
  }
  const typed = await vscode.window.showInputBox({
    title: "Create Gitspace (2/5): repository",
    prompt: "Clone URL (https, ssh or git) or a local path",
    placeHolder: "https://github.com/owner/repo.git",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim().length === 0 ? "Enter a repository URL or path." : undefined),
  });
  if (typed === undefined) {
    return undefined;
  }
  const url = typed.trim();
  const repository = locals.find((l) => (path.isAbsolute(url) && path.resolve(url) === path.resolve(l.root)) || l.remotes.some((r) => r.url === url));
  return { url, local: repository !== undefined && path.isAbsolute(url), repository };
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
  const picked = await vscode.window.showQuickPick(items, { title: "Create Gitspace (3/5): branch", placeHolder: "Branch to check out", ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (picked.enter) {
    const typed = await vscode.window.showInputBox({ title: "Create Gitspace (3/5): branch", prompt: "Branch name", ignoreFocusOut: true });
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
    { title: "Create Gitspace (4/5): configuration", placeHolder: "devcontainer.json to use", ignoreFocusOut: true },
  );
  return picked ? { path: picked.path } : undefined;
}

/** How a provider's health reads in the provider pick. */
export function providerHealth(p: ProviderInfo): string {
  return !p.configured ? "not set up" : p.reachable ? "ready" : "not reachable";
}

/**
 * The first question, asked with every provider's health: the list is checked (Docker is pinged, Harness asked) while
 * the pick shows its busy bar, so an engine that is down is known before any other question.
 */
async function pickProvider(deps: CommandDeps): Promise<ProviderInfo | undefined> {
  const preferred = deps.settings().defaultProvider;
  const items = (async () => {
    const client = await deps.sidecar();
    const { providers } = await client.request("providers/list", {});
    const ordered = [...providers].sort((a, b) => (a.id === preferred ? -1 : b.id === preferred ? 1 : 0));
    return ordered.map((p) => ({
      label: p.displayName,
      description: `${p.kind === "self-hosted" ? "self-hosted" : "hosted"} · ${providerHealth(p)}`,
      detail: inUserWords(p.message) || p.endpoint,
      provider: p,
    }));
  })();
  const picked = await vscode.window.showQuickPick(items, {
    title: "Create Gitspace (1/5): provider",
    placeHolder: "Where the gitspace runs",
    ignoreFocusOut: true,
  });
  return picked?.provider;
}

/**
 * Says why the chosen provider cannot take a gitspace now, with the button that fixes it; resolves true when it
 * can. A provider that is not set up gets a warning, one that does not answer an error.
 */
async function checkProvider(deps: CommandDeps, provider: ProviderInfo, retry: () => unknown): Promise<boolean> {
  if (provider.configured && provider.reachable) {
    return true;
  }
  const configure = configureActionOf(provider.id);
  const said = inUserWords(provider.message);
  let choice: string | undefined;
  if (!provider.configured) {
    choice = await vscode.window.showWarningMessage(`${provider.displayName} is not set up yet.${said ? ` ${said}` : ""}`, configure);
  } else {
    const hint = editorHint(ErrorCodes.ProviderUnavailable, provider.id);
    choice = await vscode.window.showErrorMessage(
      `${provider.displayName} is not reachable${said ? `: ${said}` : "."}${hint ? ` ${hint}` : ""}`,
      configure,
      "Retry",
    );
  }
  if (choice === configure) {
    await deps.errors.configureProvider(provider.id);
  } else if (choice === "Retry") {
    await retry();
  }
  return false;
}

async function pickIde(ides: readonly string[]): Promise<string | undefined> {
  const ordered = ides.includes("vs_code") ? ["vs_code", ...ides.filter((i) => i !== "vs_code")] : [...ides];
  const picked = await vscode.window.showQuickPick(
    ordered.map((id) => ({ label: IdeLabels[id as keyof typeof IdeLabels] ?? id, description: id, id })),
    { title: "Create Gitspace (5/5): IDE", placeHolder: "Editor to use with the gitspace", ignoreFocusOut: true },
  );
  return picked?.id;
}

/**
 * Asks the five questions, the provider (and its health) first. Resolves undefined when the user backs out or the
 * provider cannot be used; throws on sidecar errors.
 */
export async function collectCreateChoices(deps: CommandDeps, git: GitProbe, retry: () => unknown = () => undefined): Promise<CreateChoices | undefined> {
  const provider = await pickProvider(deps);
  if (!provider || !(await checkProvider(deps, provider, retry))) {
    return undefined;
  }
  const locals = await localRepositories(deps.workspaceFolders(), git);
  const repo = await pickRepository(locals);
  if (!repo) {
    return undefined;
  }
  const local = repo.repository;
  const branches = local ? local.branches : await git.remoteBranches(repo.url);
  const branch = await pickBranch(branches, local?.currentBranch);
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
  // The reader read the default configuration; another pick is read again.
  const chosen =
    config.path === undefined || sameConfiguration(read, config.path) ? read : await client.request("devcontainer/read", { repository: readSource, configPath: config.path });
  if (!(await reviewConfiguration(deps.diagnostics, chosen, config.path, [...read.candidates], local?.root))) {
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
    capabilities: provider.capabilities ?? [],
    ide,
    localRoot: local?.root,
  };
}

function sameConfiguration(read: DevcontainerReadResult, candidate: string): boolean {
  const file = read.configFilePath?.replace(/\\/g, "/");
  return file !== undefined && (file === candidate || file.endsWith(`/${candidate.replace(/^\.\//, "")}`));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const ShowProblems = "Show Problems";

/**
 * Shows what the reader found in the configuration: in the Problems panel (on the open folder's file, when the
 * repository is one of the open folders) and in a dialog. Errors stop the create; warnings leave the choice to
 * the user ("Create Anyway"), since the reader reads past them as the reference CLI does.
 */
export async function reviewConfiguration(
  diagnostics: DevcontainerDiagnostics,
  read: DevcontainerReadResult,
  configPath: string | undefined,
  candidates: string[],
  localRoot: string | undefined,
): Promise<boolean> {
  const paths = configPath ? [configPath, ...candidates] : candidates;
  const shown = diagnostics.publish(read.diagnostics, (file) => localFileOf(file, localRoot, paths));
  const { errors, warnings } = countBySeverity(read.diagnostics);
  if (errors === 0 && warnings === 0) {
    return true;
  }
  const name = configPath ?? "devcontainer.json";
  const buttons = shown.length > 0 ? [ShowProblems] : [];
  const detail = describeDiagnostics(read.diagnostics);
  let choice: string | undefined;
  if (errors > 0) {
    choice = await vscode.window.showErrorMessage(
      `${name} has ${plural(errors, "error")}${warnings > 0 ? ` and ${plural(warnings, "warning")}` : ""}. Fix it before creating a gitspace from it.`,
      { modal: true, detail },
      ...buttons,
    );
  } else {
    choice = await vscode.window.showWarningMessage(
      `${name} has ${plural(warnings, "warning")}.`,
      { modal: true, detail: `${detail}\n\nCreate Anyway creates the gitspace from the configuration as it reads now.` },
      "Create Anyway",
      ...buttons,
    );
  }
  if (choice === ShowProblems) {
    await vscode.commands.executeCommand("workbench.actions.view.problems");
  }
  return choice === "Create Anyway";
}


/**
 * Sends gitspaces/create for the choices, under cancellable progress. A create cancelled after the gitspace came
 * into being leaves it half-made (in Error, its container possibly running): the toast that says so offers Delete.
 */
export async function runCreate(deps: CommandDeps, choices: CreateChoices): Promise<Gitspace | undefined> {
  const known = new Set(deps.store.all.map((g) => g.id));
  // The id is not known before the answer: the gitspaces that appear during the request are this create's.
  const appeared = new Set<string>();
  const watch = deps.store.onDidChange(() => deps.store.all.filter((g) => !known.has(g.id)).forEach((g) => appeared.add(g.id)));
  try {
    return await guarded(
      deps,
      `Create gitspace from ${choices.repositoryLabel}`,
      async () => {
        const client = await deps.sidecar();
        const params: Omit<CreateGitspaceParams, "workDoneToken"> = {
          repository: choices.repository,
          devcontainerPath: choices.devcontainerPath,
          provider: choices.provider,
          ide: choices.ide,
          // The user's dotfiles.* and gitspaces.autoStopMinutes, for a provider that takes them (Docker).
          ...createPersonalization(deps.settings(), choices.capabilities ?? []),
        };
        let result;
        try {
          // An untrusted repository that asks to reach this machine is answered with RepositoryUntrusted: ask, then retry.
          result = await withTrustConsent((trustRepository) =>
            deps.runner.run({
              title: `Creating gitspace from ${choices.repositoryLabel}`,
              acceptEvent: (p) => {
                if (known.has(p.gitspaceId)) {
                  return false;
                }
                appeared.add(p.gitspaceId);
                return true;
              },
              run: (onProgress, token) =>
                client.longRequest("gitspaces/create", trustRepository ? { ...params, trustRepository } : params, { onProgress, token }),
            }),
          );
        } catch (error) {
          if (error instanceof RpcError && error.cancelled && appeared.size > 0) {
            await offerDeleteAfterCancel(deps, choices, [...appeared]);
            return undefined;
          }
          // A configuration the provider refused names its problems: they go to the Problems panel too.
          if (error instanceof RpcError && error.data?.diagnostics?.length) {
            const paths = choices.devcontainerPath ? [choices.devcontainerPath] : [];
            deps.diagnostics.publish(error.data.diagnostics, (file) => localFileOf(file, choices.localRoot, paths));
          }
          throw error;
        }
        deps.store.apply(result.gitspace);
        await deps.usage.created(result.gitspace.id);
        return result.gitspace;
      },
      { retry: () => runCreate(deps, choices) },
    );
  } finally {
    watch.dispose();
  }
}

/** After a cancelled create: says what was left behind and deletes it when the user presses Delete. */
async function offerDeleteAfterCancel(deps: CommandDeps, choices: CreateChoices, ids: string[]): Promise<void> {
  await deps.store.refresh().catch(() => undefined);
  const left = ids.map((id) => deps.store.get(id)).filter((g): g is Gitspace => g !== undefined);
  if (left.length === 0) {
    void vscode.window.showInformationMessage(`Creating the gitspace from ${choices.repositoryLabel} was cancelled.`);
    return;
  }
  const names = left.map((g) => g.name).join(", ");
  const choice = await vscode.window.showWarningMessage(
    `Creating gitspace ${names} was cancelled. It is left half-made (${left.map((g) => stateLabel(g)).join(", ")}); delete it?`,
    "Delete",
    "Keep",
  );
  if (choice === "Delete") {
    for (const g of left) {
      await runDelete(deps, g);
    }
  }
}

/**
 * Create Gitspace: the questions, then the create. thenOpen opens the new gitspace right away (Reopen in Gitspace);
 * otherwise a toast offers Open and Open in New Window.
 */
export async function createGitspace(deps: CommandDeps, git: GitProbe = realGit, thenOpen?: WindowChoice): Promise<Gitspace | undefined> {
  const again = () => createGitspace(deps, git, thenOpen);
  const choices = await guarded(deps, "Create gitspace", () => collectCreateChoices(deps, git, again), { retry: again });
  if (!choices) {
    return undefined;
  }
  const gitspace = await runCreate(deps, choices);
  if (gitspace && thenOpen) {
    await openGitspace(deps, gitspace, thenOpen);
  } else if (gitspace) {
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
