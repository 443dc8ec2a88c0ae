import * as vscode from "vscode";
import { Section } from "../config";
import type { CommandDeps } from "./deps";

const schemes = ["unix://", "tcp://", "npipe://"];

/** Checks a Docker host the user typed; undefined when it is acceptable (empty means the sidecar's default). */
export function validateDockerHost(value: string): string | undefined {
  const host = value.trim();
  if (host.length === 0 || schemes.some((s) => host.startsWith(s))) {
    return undefined;
  }
  return `Start with ${schemes.join(", ")} (for example unix:///var/run/docker.sock or tcp://host:2376), or leave empty for the default.`;
}

/**
 * Asks for the Docker engine the docker provider uses and saves it as gitspaces.docker.host (the sidecar restarts
 * with it as DOCKER_HOST); then says whether the engine answers.
 */
export async function configureDockerHost(deps: CommandDeps): Promise<string | undefined> {
  const current = deps.settings().dockerHost;
  const typed = await vscode.window.showInputBox({
    title: "Configure Docker Host",
    prompt: "The Docker engine gitspaces run on. Empty: the default (DOCKER_HOST, else the local engine).",
    value: current,
    placeHolder: process.platform === "win32" ? "npipe:////./pipe/docker_engine" : "unix:///var/run/docker.sock",
    ignoreFocusOut: true,
    validateInput: validateDockerHost,
  });
  if (typed === undefined) {
    return undefined;
  }
  const host = typed.trim();
  if (host !== current) {
    await vscode.workspace.getConfiguration(Section).update("docker.host", host, vscode.ConfigurationTarget.Global);
  }
  try {
    const client = await deps.sidecar();
    const { providers } = await client.request("providers/list", {});
    const docker = providers.find((p) => p.id === "docker");
    if (docker?.reachable) {
      void vscode.window.showInformationMessage(`Docker answers at ${docker.endpoint ?? (host || "the default host")}${docker.version ? ` (Docker ${docker.version})` : ""}.`);
    } else {
      void vscode.window.showWarningMessage(`Docker does not answer at ${docker?.endpoint ?? (host || "the default host")}. Start Docker, or choose another Docker host.`, "Configure Docker Host").then(
        (choice) => (choice ? configureDockerHost(deps) : undefined),
      );
    }
  } catch (error) {
    deps.log.warn(`Checking the Docker host failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return host;
}
