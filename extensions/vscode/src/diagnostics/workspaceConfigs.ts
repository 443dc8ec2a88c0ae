import * as path from "node:path";
import * as vscode from "vscode";
import type { DevcontainerReadResult } from "../protocol";
import type { SidecarApi } from "../sidecar/api";
import { localFileOf, type DevcontainerDiagnostics } from "./devcontainerDiagnostics";

/** Whether a file is a dev container configuration by its name (devcontainer.json or .devcontainer.json). */
export function isDevcontainerFile(file: string): boolean {
  return /^\.?devcontainer\.json$/i.test(path.basename(file));
}

/**
 * Keeps the Problems panel current for the open folders' devcontainer.json files: reads every configuration of each
 * local workspace folder (through the sidecar's reader, the same one a create uses) when the sidecar is ready, when
 * one of those files is saved, and when a folder is added.
 */
export class WorkspaceDevcontainerCheck implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly sidecar: () => Promise<SidecarApi>,
    private readonly diagnostics: DevcontainerDiagnostics,
    private readonly log: Pick<vscode.LogOutputChannel, "debug" | "warn">,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((document) => {
        const folder = vscode.workspace.getWorkspaceFolder(document.uri);
        if (document.uri.scheme === "file" && folder?.uri.scheme === "file" && isDevcontainerFile(document.uri.fsPath)) {
          void this.checkFolder(folder.uri.fsPath);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.filter((f) => f.uri.scheme === "file").forEach((f) => this.diagnostics.clearUnder(f.uri.fsPath));
        e.added.filter((f) => f.uri.scheme === "file").forEach((f) => void this.checkFolder(f.uri.fsPath));
      }),
    );
  }

  /** Reads every local workspace folder's configurations. */
  async checkAll(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
    await Promise.all(folders.map((f) => this.checkFolder(f)));
  }

  /** Reads a folder's configurations and shows their diagnostics; a folder without one shows nothing. */
  async checkFolder(folder: string): Promise<void> {
    try {
      const client = await this.sidecar();
      const first = await client.request("devcontainer/read", { repository: { path: folder } });
      const results: DevcontainerReadResult[] = [first];
      for (const candidate of first.candidates) {
        if (!sameFile(first.configFilePath, folder, candidate)) {
          results.push(await client.request("devcontainer/read", { repository: { path: folder }, configPath: candidate }));
        }
      }
      for (const result of results) {
        const read = result.configFilePath ? [result.configFilePath] : [];
        const shown = this.diagnostics.publish(result.diagnostics, (file) => localFileOf(file, folder, first.candidates), read);
        if (shown.length > 0) {
          this.log.debug(`devcontainer.json problems in ${shown.join(", ")}`);
        }
      }
    } catch (error) {
      this.log.warn(`Could not check the dev container configuration of ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function sameFile(configFilePath: string | undefined, folder: string, candidate: string): boolean {
  return configFilePath !== undefined && path.resolve(configFilePath) === path.resolve(folder, candidate);
}
