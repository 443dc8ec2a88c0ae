import * as vscode from "vscode";
import type { Gitspace, GitspaceLogParams, LogLine } from "../protocol";
import type { SidecarApi } from "../sidecar/api";
import { guarded, resolveGitspace, type CommandDeps, type GitspaceArg } from "./deps";

interface LogChannel {
  channel: vscode.OutputChannel;
  /** The position of the next line to append. */
  next: number;
}

const pageLimit = 1000;

/**
 * One output channel per gitspace ("Gitspace: <name>"), filled from gitspaces/logs and then kept current from
 * gitspaces/log notifications.
 */
export class GitspaceLogs implements vscode.Disposable {
  private readonly channels = new Map<string, LogChannel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly sidecar: () => Promise<SidecarApi>,
    onLog: vscode.Event<GitspaceLogParams>,
  ) {
    this.subscription = onLog((p) => this.onLine(p));
  }

  /** Loads the gitspace's log (the first time) and shows its channel. */
  async show(gitspace: Gitspace): Promise<vscode.OutputChannel> {
    let entry = this.channels.get(gitspace.id);
    if (!entry) {
      entry = { channel: vscode.window.createOutputChannel(`Gitspace: ${gitspace.name}`), next: 0 };
      this.channels.set(gitspace.id, entry);
      try {
        await this.load(gitspace.id, entry);
      } catch (error) {
        this.channels.delete(gitspace.id);
        entry.channel.dispose();
        throw error;
      }
    }
    entry.channel.show(true);
    return entry.channel;
  }

  private async load(id: string, entry: LogChannel): Promise<void> {
    const client = await this.sidecar();
    for (;;) {
      const page = await client.request("gitspaces/logs", { id, from: entry.next, limit: pageLimit });
      for (const line of page.lines) {
        this.append(entry, line);
      }
      entry.next = Math.max(entry.next, page.next);
      if (page.lines.length < pageLimit) {
        return;
      }
    }
  }

  private onLine(p: GitspaceLogParams): void {
    const entry = this.channels.get(p.gitspaceId);
    if (entry) {
      this.append(entry, p);
    }
  }

  private append(entry: LogChannel, line: Pick<LogLine, "pos" | "line" | "time" | "stream">): void {
    if (line.pos < entry.next) {
      return;
    }
    const prefix = line.stream === "stderr" ? "[err] " : line.stream === "system" ? "[gitspaces] " : "";
    entry.channel.appendLine(`${formatTime(line.time)} ${prefix}${line.line}`);
    entry.next = line.pos + 1;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const entry of this.channels.values()) {
      entry.channel.dispose();
    }
    this.channels.clear();
  }
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

export async function showLogs(deps: CommandDeps, arg?: GitspaceArg): Promise<void> {
  const target = await guarded(deps, "Show gitspace logs", () => resolveGitspace(deps, arg, "Gitspace whose log to show"));
  if (!target) {
    return;
  }
  await guarded(deps, `Show logs of "${target.name}"`, () => deps.logs.show(target), { retry: () => showLogs(deps, target) });
}

export async function showEvents(deps: CommandDeps, arg?: GitspaceArg): Promise<void> {
  const target = await guarded(deps, "Show gitspace events", () => resolveGitspace(deps, arg, "Gitspace whose events to show"));
  if (!target) {
    return;
  }
  await guarded(
    deps,
    `Show events of "${target.name}"`,
    async () => {
      const client = await deps.sidecar();
      const { events } = await client.request("gitspaces/events", { id: target.id });
      if (events.length === 0) {
        void vscode.window.showInformationMessage(`Gitspace "${target.name}" has no events yet.`);
        return;
      }
      const items = [...events].reverse().map((e) => ({
        label: `${e.type.endsWith("_failed") ? "$(error)" : e.type.endsWith("_completed") ? "$(check)" : "$(circle-small)"} ${e.message}`,
        description: e.type,
        detail: new Date(e.timestamp).toLocaleString(),
      }));
      await vscode.window.showQuickPick(items, {
        title: `Events of gitspace ${target.name} (newest first)`,
        placeHolder: "Filter events",
        matchOnDescription: true,
      });
    },
    { gitspaceId: target.id, retry: () => showEvents(deps, target) },
  );
}
