import * as path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SidecarClient } from "../../../src/sidecar/client";
import { SidecarUnavailableError } from "../../../src/sidecar/errors";
import { SidecarSupervisor, type SupervisorState } from "../../../src/sidecar/supervisor";
import { memoryLogger } from "../helpers";

const fake = path.resolve(__dirname, "../../fixtures/fake-sidecar.cjs");

function starter(modes: string[]) {
  let index = 0;
  const started: SidecarClient[] = [];
  const start = async () => {
    const mode = modes[Math.min(index++, modes.length - 1)];
    const client = await SidecarClient.start(
      { command: process.execPath, args: [fake, "serve"], env: { ...process.env, FAKE_MODE: mode } },
      { logger: memoryLogger(), clientInfo: { name: "t" } },
    );
    started.push(client);
    return client;
  };
  return { start, started, count: () => index };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("condition not met in time");
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("SidecarSupervisor", () => {
  it("restarts after a crash and reports ready again", async () => {
    const s = starter(["crash-after-init", "ok"]);
    const onReady = vi.fn();
    const sup = new SidecarSupervisor({ start: s.start, onGiveUp: vi.fn(), onReady, log: vi.fn() });
    const first = await sup.ready();
    await first.waitForExit();
    await until(() => onReady.mock.calls.length === 2);
    const second = await sup.ready();
    expect(second).not.toBe(first);
    expect(second.running).toBe(true);
    expect(sup.state).toBe("running");
    await sup.dispose();
    expect(second.running).toBe(false);
    expect(sup.state).toBe("stopped");
  });

  it("gives up after the crash budget is spent, and Restart starts afresh", async () => {
    const s = starter(["crash-after-init", "crash-after-init", "crash-after-init", "ok"]);
    const onGiveUp = vi.fn();
    const states: SupervisorState[] = [];
    const sup = new SidecarSupervisor({ start: s.start, budget: { maxCrashes: 3, windowMs: 60_000 }, onGiveUp, log: vi.fn() });
    sup.onState((st) => states.push(st));
    await sup.ready();
    await until(() => onGiveUp.mock.calls.length === 1);
    expect(s.count()).toBe(3);
    expect(onGiveUp.mock.calls[0][0]).toMatch(/crashed 3 times in the last 1 minutes \(last: exit code 3\) and will not be restarted/);
    expect(sup.state).toBe("failed");
    await expect(sup.ready()).rejects.toBeInstanceOf(SidecarUnavailableError);

    const client = await sup.restart();
    expect(client.running).toBe(true);
    expect(states.at(-1)).toBe("running");
    await sup.dispose();
  });

  it("forgets crashes older than the window", async () => {
    let now = 0;
    const s = starter(["crash-after-init", "crash-after-init", "ok"]);
    const onGiveUp = vi.fn();
    const onReady = vi.fn(() => {
      now += 120_000;
    });
    const sup = new SidecarSupervisor({ start: s.start, budget: { maxCrashes: 2, windowMs: 60_000 }, now: () => now, onGiveUp, onReady, log: vi.fn() });
    await sup.ready();
    await until(() => onReady.mock.calls.length === 3);
    expect(onGiveUp).not.toHaveBeenCalled();
    await sup.dispose();
  });

  it("reports a sidecar that cannot start", async () => {
    const onGiveUp = vi.fn();
    const sup = new SidecarSupervisor({
      start: async () => {
        throw new Error("The gitspaces sidecar was not found at /x/gitspaces (setting gitspaces.serverPath).");
      },
      onGiveUp,
      log: vi.fn(),
    });
    await sup.start();
    expect(onGiveUp).toHaveBeenCalledWith("The gitspaces sidecar was not found at /x/gitspaces (setting gitspaces.serverPath).", expect.any(SidecarUnavailableError));
    expect((onGiveUp.mock.calls[0][1] as SidecarUnavailableError).cause).toBeInstanceOf(Error);
    expect(sup.state).toBe("failed");
  });

  it("shares one start between concurrent callers", async () => {
    const s = starter(["ok"]);
    const sup = new SidecarSupervisor({ start: s.start, onGiveUp: vi.fn(), log: vi.fn() });
    const [a, b] = await Promise.all([sup.ready(), sup.ready()]);
    expect(a).toBe(b);
    expect(s.count()).toBe(1);
    await sup.dispose();
  });
});
