import * as vscode from "vscode";
import { HarnessTokenKey, Section, type Settings } from "../config";
import type { ConfigureProviderParams, ProviderInfo } from "../protocol";
import type { SidecarApi } from "../sidecar/api";
import { guarded, type CommandDeps } from "./deps";

const defaultEndpoint = "https://app.harness.io";

/** The providers/configure parameters from settings and the stored token; undefined when nothing is set. */
export async function harnessParams(settings: Settings, secrets: vscode.SecretStorage): Promise<ConfigureProviderParams | undefined> {
  const token = await secrets.get(HarnessTokenKey);
  const { endpoint, account, org, project } = settings.harness;
  if (!token && !endpoint && !account) {
    return undefined;
  }
  const params: ConfigureProviderParams = { provider: "harness" };
  if (endpoint) params.endpoint = endpoint;
  if (account) params.accountIdentifier = account;
  if (org) params.orgIdentifier = org;
  if (project) params.projectIdentifier = project;
  if (token) params.token = token;
  return params;
}

/** Sends the saved Harness configuration to a freshly started sidecar. */
export async function applyStoredHarnessConfig(client: SidecarApi, settings: Settings, secrets: vscode.SecretStorage): Promise<ProviderInfo | undefined> {
  const params = await harnessParams(settings, secrets);
  if (!params) {
    return undefined;
  }
  const result = await client.request("providers/configure", params);
  return result.provider;
}

async function ask(title: string, prompt: string, value: string, required: boolean, password = false): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    password,
    ignoreFocusOut: true,
    validateInput: (v) => (required && v.trim().length === 0 ? "Required." : undefined),
  });
  return answer?.trim();
}

/** Asks for endpoint, account, org, project and token; saves them (token in SecretStorage) and configures the sidecar. */
export async function configureHarness(deps: CommandDeps): Promise<ProviderInfo | undefined> {
  const title = "Configure Harness";
  const current = deps.settings().harness;
  const endpoint = await ask(title, "Harness URL", current.endpoint || defaultEndpoint, true);
  if (endpoint === undefined) return undefined;
  const account = await ask(title, "Account identifier", current.account, true);
  if (account === undefined) return undefined;
  const org = await ask(title, "Organization identifier", current.org, false);
  if (org === undefined) return undefined;
  const project = await ask(title, "Project identifier", current.project, false);
  if (project === undefined) return undefined;
  const hasToken = (await deps.secrets.get(HarnessTokenKey)) !== undefined;
  const token = await ask(
    title,
    hasToken ? "API token (leave empty to keep the saved one)" : "API token (a Harness personal access token)",
    "",
    !hasToken,
    true,
  );
  if (token === undefined) return undefined;

  const config = vscode.workspace.getConfiguration(Section);
  await config.update("harness.endpoint", endpoint, vscode.ConfigurationTarget.Global);
  await config.update("harness.account", account, vscode.ConfigurationTarget.Global);
  await config.update("harness.org", org, vscode.ConfigurationTarget.Global);
  await config.update("harness.project", project, vscode.ConfigurationTarget.Global);
  if (token.length > 0) {
    await deps.secrets.store(HarnessTokenKey, token);
  }

  return guarded(
    deps,
    "Configure Harness",
    async () => {
      const client = await deps.sidecar();
      const params: ConfigureProviderParams = {
        provider: "harness",
        endpoint,
        accountIdentifier: account,
        orgIdentifier: org || undefined,
        projectIdentifier: project || undefined,
        token: token.length > 0 ? token : await deps.secrets.get(HarnessTokenKey),
      };
      const { provider } = await client.request("providers/configure", params);
      if (provider.reachable) {
        void vscode.window.showInformationMessage(`Harness is configured (${provider.endpoint ?? endpoint}${provider.version ? `, ${provider.version}` : ""}).`);
      } else {
        void vscode.window.showWarningMessage(`Harness is configured but not reachable: ${provider.message ?? "no answer"}.`);
      }
      await deps.store.refresh().catch(() => undefined);
      return provider;
    },
    { retry: () => configureHarness(deps) },
  );
}
