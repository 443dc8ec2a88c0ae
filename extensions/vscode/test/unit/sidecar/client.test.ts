import * as path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { pipeLines, SidecarClient } from "../../../src/sidecar/client";
import { memoryLogger } from "../helpers";
import { RpcError, SidecarUnavailableError } from "../../../src/sidecar/errors";

const fake = path.resolve(__dirname, "../../fixtures/fake-sidecar.cjs");


function launch(mode: string) {
  return { command: process.execPath, args: [fake, "serve"], env: { ...process.env, FAKE_MODE: mode } };
}

describe("SidecarClient process handling", () => {
  it("initializes with our process id, logs stderr, and stops with shutdown + exit (exit code 0)", async () => {
    const logger = memoryLogger();
    const client = await SidecarClient.start(launch("ok"), { logger, clientInfo: { name: "vscode", version: "1.2.3" }, processId: 4242 });
    expect(client.initializeResult.serverInfo.version).toBe("0.0.0-fake");
    const echo = (client.initializeResult as unknown as { echo: unknown }).echo;
    expect(echo).toEqual({ processId: 4242, clientInfo: { name: "vscode", version: "1.2.3" }, capabilities: { workDoneProgress: true } });
    const exit = await client.stop();
    expect(exit).toEqual({ code: 0, signal: null, expected: true });
    // One time and one level per line: the sidecar's own are taken off.
    expect(logger.lines).toContain("info [sidecar] fake sidecar serve mode=ok docker=");
    expect(logger.lines.filter((l) => /\d{4}-\d{2}-\d{2}T/.test(l))).toEqual([]);
    expect(logger.lines).toContain("info [sidecar] hello from fake");
    expect(client.running).toBe(false);
  });

  it("turns an error answer into RpcError with its data", async () => {
    const client = await SidecarClient.start(launch("ok"), { logger: memoryLogger(), clientInfo: { name: "t" } });
    const error = await client.request("gitspaces/fail" as never, {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 1002, message: "busy", kind: "GitspaceBusy", data: { gitspaceId: "x" } });
    await client.stop();
  });

  it("fails start with the exit code when the process dies during start-up", async () => {
    const logger = memoryLogger();
    const error = await SidecarClient.start(launch("exit-on-start"), { logger, clientInfo: { name: "t" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SidecarUnavailableError);
    expect((error as Error).message).toContain("exited during startup (code 2)");
    // The host's own line has no time or level of ours: a warning, and kept for the start-failure notification.
    expect(logger.lines).toContain("warn [sidecar] fatal: cannot bind");
    expect((error as SidecarUnavailableError).stderr).toEqual([expect.stringMatching(/^fake sidecar serve mode=exit-on-start/), "fatal: cannot bind"]);
  });

  it("fails start when the executable does not exist", async () => {
    const error = await SidecarClient.start(
      { command: path.join(__dirname, "no-such-gitspaces"), args: ["serve"] },
      { logger: memoryLogger(), clientInfo: { name: "t" } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SidecarUnavailableError);
    expect((error as Error).message).toContain("Cannot start the gitspaces sidecar");
  });

  it("times out an initialize that is never answered and kills the process", async () => {
    const error = await SidecarClient.start(launch("no-answer"), { logger: memoryLogger(), clientInfo: { name: "t" }, initializeTimeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe("The gitspaces sidecar did not answer initialize within 0.5 s.");
  });

  it("reports an unexpected exit and rejects later requests", async () => {
    const logger = memoryLogger();
    const client = await SidecarClient.start(launch("crash-after-init"), { logger, clientInfo: { name: "t" } });
    const exit = await client.waitForExit();
    expect(exit).toEqual({ code: 3, signal: null, expected: false });
    expect(logger.lines).toContain("error gitspaces sidecar exited unexpectedly (code 3)");
    await expect(client.request("gitspaces/list", {})).rejects.toBeInstanceOf(SidecarUnavailableError);
  });

  it("kills a process that ignores exit after the timeout", async () => {
    const logger = memoryLogger();
    const client = await SidecarClient.start(launch("ignore-exit"), { logger, clientInfo: { name: "t" } });
    const exit = await client.stop(300);
    expect(exit.signal).toBe("SIGTERM");
    expect(logger.lines).toContain("warn gitspaces sidecar did not exit in time; killing it");
  });
});

describe("pipeLines", () => {
  it("splits LF and CRLF, skips empty lines and flushes the tail", async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    pipeLines(stream, (l) => lines.push(l));
    stream.write("one\r\ntw");
    stream.write("o\n\nthree");
    stream.end();
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual(["one", "two", "three"]);
  });
});
