import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { showEvents, showLogs } from "../../../src/commands/logs";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { makeDeps, makeGitspace } from "../helpers";

beforeEach(() => resetVscodeMock());

const t = "2026-01-01T10:00:00.123Z";

describe("Show Logs", () => {
  it("pages through gitspaces/logs into the gitspace's channel, then appends live lines once", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/logs", ({ from, limit }) => {
      const total = 1500;
      const start = from ?? 0;
      const count = Math.max(0, Math.min(limit ?? 1000, total - start));
      return {
        lines: Array.from({ length: count }, (_, i) => ({ pos: start + i, line: `line ${start + i}`, time: t, stream: i === 0 ? "stderr" : "stdout" })),
        next: start + count,
      };
    });
    await showLogs(deps, g);
    expect(deps.fake.callsTo("gitspaces/logs").map((c) => c.params)).toEqual([
      { id: "web-1", from: 0, limit: 1000 },
      { id: "web-1", from: 1000, limit: 1000 },
    ]);
    const channel = mockState.outputChannels.find((c) => c.name === "Gitspace: web")!;
    expect(channel.lines).toHaveLength(1500);
    expect(channel.lines[0]).toBe("2026-01-01 10:00:00Z [err] line 0");
    expect(channel.lines[1499]).toBe("2026-01-01 10:00:00Z line 1499");
    expect(channel.show).toHaveBeenCalled();

    // A line already loaded is not repeated; a new one is appended; another gitspace's is ignored.
    deps.logLines.fire({ gitspaceId: "web-1", pos: 1499, line: "line 1499", time: t, stream: "stdout" });
    deps.logLines.fire({ gitspaceId: "web-1", pos: 1500, line: "postStart done", time: t, stream: "system" });
    deps.logLines.fire({ gitspaceId: "other", pos: 1501, line: "nope", time: t, stream: "stdout" });
    expect(channel.lines).toHaveLength(1501);
    expect(channel.lines[1500]).toBe("2026-01-01 10:00:00Z [gitspaces] postStart done");

    // Showing again does not reload.
    await showLogs(deps, g);
    expect(deps.fake.callsTo("gitspaces/logs")).toHaveLength(2);
  });

  it("reports GitspaceNotFound and does not keep a half-made channel", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/logs", () => {
      throw new RpcError(ErrorCodes.GitspaceNotFound, "No gitspace web-1.", { kind: "GitspaceNotFound", gitspaceId: g.id });
    });
    await showLogs(deps, g);
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith('Show logs of "web" failed: No gitspace web-1. It may have been deleted elsewhere.', "Show Logs");
    deps.fake.on("gitspaces/logs", () => ({ lines: [], next: 0 }));
    deps.store.apply(g);
    await showLogs(deps, g);
    expect(deps.fake.callsTo("gitspaces/logs")).toHaveLength(2);
  });
});

describe("Show Events", () => {
  it("lists the events newest first with their type and time", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/events", () => ({
      events: [
        { type: "gitspace_action_start", message: "Starting", timestamp: "2026-01-01T10:00:00Z" },
        { type: "image_pull_failed", message: "Pull failed", timestamp: "2026-01-01T10:01:00Z" },
        { type: "gitspace_action_start_completed", message: "Started", timestamp: "2026-01-01T10:02:00Z" },
      ],
    }));
    await showEvents(deps, g);
    const [items, options] = vi.mocked(vscode.window.showQuickPick).mock.calls[0] as [vscode.QuickPickItem[], vscode.QuickPickOptions];
    expect(items.map((i) => [i.label, i.description])).toEqual([
      ["$(check) Started", "gitspace_action_start_completed"],
      ["$(error) Pull failed", "image_pull_failed"],
      ["$(circle-small) Starting", "gitspace_action_start"],
    ]);
    expect(options.title).toBe("Events of gitspace web (newest first)");
  });

  it("says when there are no events", async () => {
    const g = makeGitspace();
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/events", () => ({ events: [] }));
    await showEvents(deps, g);
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith('Gitspace "web" has no events yet.');
    expect(vscode.window.showQuickPick).not.toHaveBeenCalled();
  });
});
