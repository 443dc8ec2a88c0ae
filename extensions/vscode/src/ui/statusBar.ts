import * as vscode from "vscode";
import type { Gitspace } from "../protocol";

/**
 * One status-bar item: a spinner with the operation's title while one runs, otherwise the gitspace this window
 * is connected to (if any), otherwise hidden.
 */
export class GitspacesStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly operations: { id: number; title: string }[] = [];
  private nextId = 0;
  private current: Gitspace | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem("gitspaces.status", vscode.StatusBarAlignment.Left, 100);
    this.item.name = "Gitspaces";
    this.render();
  }

  /** Shows the operation until the returned disposable is disposed. */
  beginOperation(title: string): vscode.Disposable {
    const id = ++this.nextId;
    this.operations.push({ id, title });
    this.render();
    return new vscode.Disposable(() => {
      const index = this.operations.findIndex((o) => o.id === id);
      if (index >= 0) {
        this.operations.splice(index, 1);
      }
      this.render();
    });
  }

  /** The gitspace this window is inside, or undefined. */
  setCurrentGitspace(gitspace: Gitspace | undefined): void {
    this.current = gitspace;
    this.render();
  }

  get text(): string {
    return this.item.text;
  }

  get visible(): boolean {
    return this.operations.length > 0 || this.current !== undefined;
  }

  private render(): void {
    const running = this.operations.at(-1);
    if (running) {
      const more = this.operations.length > 1 ? ` (+${this.operations.length - 1})` : "";
      this.item.text = `$(sync~spin) ${running.title}${more}`;
      this.item.tooltip = this.operations.map((o) => o.title).join("\n");
      this.item.command = "gitspaces.list.focus";
      this.item.show();
    } else if (this.current) {
      this.item.text = `$(remote) Gitspace: ${this.current.name}`;
      this.item.tooltip = `${this.current.name} (${this.current.provider}, ${this.current.state}) — ${this.current.repository.url}`;
      this.item.command = "gitspaces.list.focus";
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The SSH host alias of the window's remote, when the window is a Remote-SSH window. */
export function currentSshHost(): string | undefined {
  if (vscode.env.remoteName !== "ssh-remote") {
    return undefined;
  }
  // A folder, or a .code-workspace file, opened over Remote - SSH.
  const uri = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.workspace.workspaceFile;
  const authority = uri?.scheme === "vscode-remote" ? uri.authority : "";
  const prefix = "ssh-remote+";
  if (!authority.startsWith(prefix)) {
    return undefined;
  }
  const host = decodeURIComponent(authority.slice(prefix.length));
  // Remote-SSH may hex-encode a JSON host description: ssh-remote+7b22...
  if (/^[0-9a-f]+$/i.test(host) && host.length % 2 === 0 && host.startsWith("7b")) {
    try {
      const parsed = JSON.parse(Buffer.from(host, "hex").toString("utf8")) as { hostName?: string };
      return parsed.hostName;
    } catch {
      return host;
    }
  }
  return host;
}
