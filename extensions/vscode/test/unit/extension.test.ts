import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { activate, deactivate } from "../../src/extension";
import type { Gitspace } from "../../src/protocol";
import { mockState, resetVscodeMock } from "../mocks/vscode";
import { MemoryMemento, MemorySecrets } from "./helpers";

const fake = path.resolve(__dirname, "../fixtures/fake-sidecar.cjs");
let dir: string;

beforeEach(() => {
  resetVscodeMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitspaces-activate-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(process.platform === "win32")("activate / deactivate", () => {
  it("starts the configured sidecar with DOCKER_HOST, fills the tree, follows didChange, and stops it on deactivate", async () => {
    // gitspaces.serverPath points at a launcher script for the fake sidecar.
    const launcher = path.join(dir, "gitspaces");
    fs.writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${fake}" "$@"\n`, { mode: 0o755 });
    mockState.config.set("gitspaces.serverPath", launcher);
    mockState.config.set("gitspaces.docker.host", "tcp://127.0.0.1:2375");
    const context = {
      subscriptions: [] as { dispose(): unknown }[],
      extensionPath: dir,
      secrets: new MemorySecrets(),
      globalState: new MemoryMemento(),
      workspaceState: new MemoryMemento(),
      extension: { id: "gitspaces.gitspaces", packageJSON: { version: "9.9.9" } },
    };
    await activate(context as unknown as vscode.ExtensionContext);

    const log = mockState.outputChannels.find((c) => c.name === "Gitspaces")!;
    const provider = (vi.mocked(vscode.window.createTreeView).mock.calls[0][1] as { treeDataProvider: vscode.TreeDataProvider<Gitspace> }).treeDataProvider;
    await until(() => (provider.getChildren() as Gitspace[]).length === 1);
    expect((provider.getChildren() as Gitspace[])[0].id).toBe("fake-1");
    expect(log.lines).toContain("[info] [sidecar] fake sidecar serve --log-level info mode=ok docker=tcp://127.0.0.1:2375");
    expect(mockState.commands.has("gitspaces.create")).toBe(true);
    expect(vscode.commands.executeCommand).toHaveBeenCalledWith("setContext", "gitspaces.loaded", true);

    // The fake announces through gitspaces/didChange that the gitspace stopped: the tree follows.
    await until(() => (provider.getChildren() as Gitspace[])[0].state === "stopped");

    await deactivate();
    await until(() => log.lines.some((l) => l.startsWith("[info] gitspaces sidecar exited (code 0)")));
    context.subscriptions.forEach((s) => s.dispose());
  });
});
