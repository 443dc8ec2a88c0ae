import * as vscode from "vscode";
import type { Gitspace, SecretInfo } from "../protocol";
import { redactUrl } from "../git/repository";
import { PersonalCapabilities } from "../personal/personalization";
import { describeScope, validateSecretName, validateSecretValue } from "../secrets/secretRules";
import { currentSshHost } from "../ui/statusBar";
import { guarded, type CommandDeps, type GitspaceArg } from "./deps";

// Secrets live in the sidecar's store (secrets/set|list|delete). A value goes from the password box straight into
// the request: it is never logged, shown, kept in a variable beyond the call, or put in a notification.

interface ScopeItem extends vscode.QuickPickItem {
  scope?: string;
  enter?: boolean;
}

/** The gitspace a secret command is about: the argument, else the one this window is connected to. */
function gitspaceInView(deps: CommandDeps, arg: GitspaceArg): Gitspace | undefined {
  if (typeof arg === "object" && arg !== null) {
    return arg;
  }
  if (typeof arg === "string") {
    return deps.store.get(arg);
  }
  const host = currentSshHost();
  return host ? deps.store.bySshHost(host) : undefined;
}

/**
 * Asks which gitspaces get the secret: every gitspace, the repository of a gitspace (this window's, or the one the
 * command was given, first), or a repository URL pattern. Resolves { scope } (undefined scope: global), or undefined
 * when the user backed out.
 */
export async function pickSecretScope(deps: CommandDeps, title: string, current?: Gitspace): Promise<{ scope: string | undefined } | undefined> {
  const items: ScopeItem[] = [{ label: "$(globe) All gitspaces", description: "global", scope: undefined }];
  const seen = new Set<string>();
  // Only gitspaces whose provider passes secrets in (Docker): a hosted gitspace's repository would get nothing.
  const takesSecrets = await providersWithSecrets(deps);
  const gitspaces = (current ? [current, ...deps.store.all.filter((g) => g.id !== current.id)] : deps.store.all).filter(
    (g) => takesSecrets === undefined || takesSecrets.has(g.provider),
  );
  for (const g of gitspaces) {
    const url = g.repository.url;
    if (seen.has(url)) {
      continue;
    }
    seen.add(url);
    items.push({
      label: `$(repo) ${redactUrl(url)}`,
      description: g === current ? `this gitspace's repository (${g.name})` : `repository of ${g.name}`,
      scope: url,
    });
  }
  items.push({ label: "$(edit) A repository URL pattern…", description: "e.g. github.com/org/*", enter: true });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: "Which gitspaces get the secret", ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (!picked.enter) {
    return { scope: picked.scope };
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt: "A repository URL without scheme, where * matches any text (a URL with a scheme, or git@host:org/repo, also works)",
    placeHolder: "github.com/org/*",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === "" ? "Enter a pattern, or go back and choose All gitspaces." : undefined),
  });
  return typed === undefined ? undefined : { scope: typed.trim() };
}

/** The providers with the secrets capability, or undefined when the sidecar cannot say (then every gitspace is offered). */
async function providersWithSecrets(deps: CommandDeps): Promise<Set<string> | undefined> {
  try {
    const client = await deps.sidecar();
    const { providers } = await client.request("providers/list", { skipCheck: true });
    return new Set(providers.filter((p) => p.capabilities?.includes(PersonalCapabilities.Secrets)).map((p) => p.id));
  } catch (error) {
    deps.log.debug(`providers/list for the secret scopes failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Asks for a name (checked as the sidecar checks it). */
async function askName(title: string, value?: string): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: "The environment variable the secret becomes inside gitspaces",
    placeHolder: "NPM_TOKEN",
    value,
    ignoreFocusOut: true,
    validateInput: (v) => validateSecretName(v.trim()),
  });
  return typed?.trim();
}

/** Asks for the value in a password box; the checks' messages never quote it. */
function askValue(title: string, name: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: `The value of ${name} (one line; it is stored by the gitspaces sidecar, readable only by you, and never shown again)`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v === "" ? "Enter a value." : validateSecretValue(v)),
  });
}

/** Set Secret…: a name, where it applies, and the value; gitspaces get it from their next start. */
export async function setSecret(deps: CommandDeps, arg?: GitspaceArg, preset?: { name: string; scope: string | undefined }): Promise<SecretInfo | undefined> {
  const title = "Set Secret";
  const name = preset?.name ?? (await askName(title));
  if (!name) {
    return undefined;
  }
  const where = preset ? { scope: preset.scope } : await pickSecretScope(deps, title, gitspaceInView(deps, arg));
  if (!where) {
    return undefined;
  }
  const value = await askValue(`${title}: ${name} for ${describeScope(where.scope)}`, name);
  if (value === undefined) {
    return undefined;
  }
  const secret = await guarded(deps, `Set secret ${name}`, async () => {
    const client = await deps.sidecar();
    return (await client.request("secrets/set", { name, value, ...(where.scope !== undefined ? { scope: where.scope } : {}) })).secret;
  });
  if (secret) {
    deps.log.info(`Secret ${secret.name} set for ${describeScope(secret.scope)}`);
    void vscode.window.showInformationMessage(
      `Secret ${secret.name} is set for ${describeScope(secret.scope)}. Gitspaces get it as an environment variable from their next start.`,
    );
  }
  return secret;
}

interface SecretItem extends vscode.QuickPickItem {
  secret: SecretInfo;
}

function secretItems(secrets: SecretInfo[]): SecretItem[] {
  return [...secrets]
    .sort((a, b) => a.name.localeCompare(b.name) || describeScope(a.scope).localeCompare(describeScope(b.scope)))
    .map((s) => ({ label: `$(key) ${s.name}`, description: describeScope(s.scope), detail: `set ${new Date(s.updatedAt).toLocaleString()}`, secret: s }));
}

async function listFromSidecar(deps: CommandDeps): Promise<SecretInfo[] | undefined> {
  return guarded(deps, "List secrets", async () => {
    const client = await deps.sidecar();
    return (await client.request("secrets/list", {})).secrets;
  });
}

const SetNewValue = "$(edit) Set a New Value…";
const DeleteIt = "$(trash) Delete";

/** List Secrets: names and scopes (never values); a secret picked can get a new value or be deleted. */
export async function listSecrets(deps: CommandDeps): Promise<void> {
  const secrets = await listFromSidecar(deps);
  if (!secrets) {
    return;
  }
  if (secrets.length === 0) {
    const choice = await vscode.window.showInformationMessage("You have no gitspace secrets yet.", "Set Secret…");
    if (choice === "Set Secret…") {
      await setSecret(deps);
    }
    return;
  }
  const picked = await vscode.window.showQuickPick(secretItems(secrets), {
    title: `Gitspace secrets (${secrets.length}): names and scopes; values are never shown`,
    placeHolder: "Pick a secret to set a new value or delete it",
    matchOnDescription: true,
  });
  if (!picked) {
    return;
  }
  const action = await vscode.window.showQuickPick([SetNewValue, DeleteIt], { title: `${picked.secret.name} for ${describeScope(picked.secret.scope)}` });
  if (action === SetNewValue) {
    await setSecret(deps, undefined, { name: picked.secret.name, scope: picked.secret.scope });
  } else if (action === DeleteIt) {
    await removeSecret(deps, picked.secret);
  }
}

/** Delete Secret…: pick one of the secrets, confirm, delete. Resolves whether it was deleted. */
export async function deleteSecret(deps: CommandDeps): Promise<boolean> {
  const secrets = await listFromSidecar(deps);
  if (!secrets) {
    return false;
  }
  if (secrets.length === 0) {
    void vscode.window.showInformationMessage("You have no gitspace secrets.");
    return false;
  }
  const picked = await vscode.window.showQuickPick(secretItems(secrets), { title: "Delete Secret", placeHolder: "Secret to delete", matchOnDescription: true });
  return picked ? removeSecret(deps, picked.secret) : false;
}

async function removeSecret(deps: CommandDeps, secret: SecretInfo): Promise<boolean> {
  const scope = describeScope(secret.scope);
  const confirm = await vscode.window.showWarningMessage(
    `Delete secret ${secret.name} for ${scope}?`,
    { modal: true, detail: "Gitspaces that have it keep it until their next start." },
    "Delete",
  );
  if (confirm !== "Delete") {
    return false;
  }
  const deleted = await guarded(deps, `Delete secret ${secret.name}`, async () => {
    const client = await deps.sidecar();
    return (await client.request("secrets/delete", { name: secret.name, ...(secret.scope !== undefined ? { scope: secret.scope } : {}) })).deleted;
  });
  if (deleted !== undefined) {
    deps.log.info(`Secret ${secret.name} for ${scope} ${deleted ? "deleted" : "was already gone"}`);
    void vscode.window.showInformationMessage(deleted ? `Secret ${secret.name} for ${scope} is deleted.` : `Secret ${secret.name} for ${scope} was already gone.`);
  }
  return deleted === true;
}
