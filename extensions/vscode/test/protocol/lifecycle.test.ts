// The extension's client module against the real `gitspaces serve`: lifecycle, errors, devcontainer/read,
// providers. No Docker needed here; docker.test.ts drives a gitspace through its states and cancels a create.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { AllIdes, ErrorCodes, MethodCatalog, ProtocolVersion } from "../../src/protocol";
import type { SidecarClient } from "../../src/sidecar/client";
import { RpcError } from "../../src/sidecar/errors";
import { isolatedHome, sidecarPath, startSidecar, type Isolated } from "./sidecar";

let isolated: Isolated;
let client: SidecarClient;
let logLines: string[];

beforeAll(async () => {
  isolated = isolatedHome();
  const started = await startSidecar(isolated);
  client = started.client;
  logLines = started.logger.lines;
});

afterAll(async () => {
  await client?.stop();
  isolated?.cleanup();
});

function gitRepo(name: string, files: Record<string, string>): string {
  const dir = path.join(isolated.home, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env });
  execFileSync("git", ["add", "."], { cwd: dir, env });
  execFileSync("git", ["commit", "-q", "-m", "init"], { cwd: dir, env });
  return dir;
}

describe("initialize", () => {
  it("answers with the server's name, the protocol version and the capabilities the client relies on", () => {
    const result = client.initializeResult;
    expect(result.serverInfo.name).toBe("gitspaces");
    expect(result.serverInfo.version).toMatch(/^\d+\.\d+/);
    expect(result.protocolVersion).toBe(ProtocolVersion);
    expect(result.capabilities.providers).toEqual(expect.arrayContaining(["docker", "harness"]));
    expect(result.capabilities.ides).toEqual([...AllIdes]);
    const requests = Object.entries(MethodCatalog)
      .filter(([, info]) => info.direction === "client→server" && !info.notification)
      .map(([name]) => name);
    expect(result.capabilities.methods).toEqual(expect.arrayContaining(requests));
    expect(result.capabilities.workDoneProgress).toBe(true);
    expect(result.capabilities.cancellation).toBe(true);
  });

  it("rejects requests before initialize with ServerNotInitialized (-32002), then exits 1 on exit without shutdown", async () => {
    const own = isolatedHome();
    try {
      const child = spawn(sidecarPath(), ["serve"], { env: own.env, stdio: ["pipe", "pipe", "pipe"] });
      child.stderr.resume();
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      const error = await connection.sendRequest("gitspaces/list", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError<unknown>).code).toBe(ErrorCodes.ServerNotInitialized);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      await connection.sendNotification("exit", {});
      expect(await exited).toBe(1);
      connection.dispose();
    } finally {
      own.cleanup();
    }
  });
});

describe("errors", () => {
  it("answers an unknown gitspace with GitspaceNotFound and ErrorData", async () => {
    const error = await client.request("gitspaces/get", { id: "no-such-gitspace" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: ErrorCodes.GitspaceNotFound, data: { kind: "GitspaceNotFound", gitspaceId: "no-such-gitspace" } });
  });

  it("answers bad params with InvalidParams naming the field", async () => {
    const error = await client.request("gitspaces/get", {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(ErrorCodes.InvalidParams);
    expect((error as RpcError).data?.kind).toBe("InvalidParams");
  });

  it("answers an unknown method with MethodNotFound", async () => {
    const error = await client.request("gitspaces/frobnicate" as never, {} as never).catch((e: unknown) => e);
    expect((error as RpcError).code).toBe(ErrorCodes.MethodNotFound);
  });
});

describe("devcontainer/read", () => {
  it("lists the candidates of a local repository and resolves the chosen one", async () => {
    const repo = gitRepo("multi", {
      ".devcontainer/devcontainer.json": '{ // comment\n "name": "main", "image": "gitspaces-base:bookworm" }',
      ".devcontainer/gpu/devcontainer.json": '{ "image": "gitspaces-base:bookworm", "hostRequirements": { "gpu": "optional" } }',
    });
    const result = await client.request("devcontainer/read", { repository: { path: repo } });
    expect([...result.candidates].sort()).toEqual([".devcontainer/devcontainer.json", ".devcontainer/gpu/devcontainer.json"]);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.configuration).toMatchObject({ image: "gitspaces-base:bookworm" });
    expect(result.workspace?.workspaceFolder).toMatch(/^\/workspaces\//);
  });

  it("reports a repository without configuration as no candidates or an error diagnostic", async () => {
    const repo = gitRepo("empty", { "README.md": "hi" });
    const outcome = await client.request("devcontainer/read", { repository: { path: repo } }).then(
      (r) => ({ candidates: r.candidates, errors: r.diagnostics.filter((d) => d.severity === "error").length }),
      (e: unknown) => ({ code: (e as RpcError).code }),
    );
    expect(outcome).toSatisfy(
      (o: { candidates?: string[]; errors?: number; code?: number }) =>
        (o.candidates !== undefined && o.candidates.length === 0) || o.code === ErrorCodes.DevcontainerInvalid,
    );
  });
});

describe("providers", () => {
  it("lists docker and harness with display names and kinds", async () => {
    const { providers } = await client.request("providers/list", { skipCheck: true });
    const byId = Object.fromEntries(providers.map((p) => [p.id, p]));
    expect(byId.docker).toMatchObject({ kind: "self-hosted" });
    expect(byId.harness).toMatchObject({ kind: "hosted" });
    expect(byId.docker.displayName.length).toBeGreaterThan(0);
  });

  it("configures Harness without the token ever reaching the log", async () => {
    const token = "pat.test-token-that-must-not-leak.0123456789";
    const { provider } = await client.request("providers/configure", {
      provider: "harness",
      endpoint: "http://127.0.0.1:9",
      accountIdentifier: "acct",
      orgIdentifier: "org",
      projectIdentifier: "proj",
      token,
    });
    expect(provider.id).toBe("harness");
    expect(provider.configured).toBe(true);
    expect(provider.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:9\/?$/);
    expect(JSON.stringify(provider)).not.toContain(token);
    await client.request("providers/list", {});
    expect(logLines.join("\n")).not.toContain(token);
  });
});

describe("shutdown", () => {
  it("stops with shutdown + exit and exit code 0", async () => {
    const own = isolatedHome();
    try {
      const { client: second } = await startSidecar(own);
      expect(await second.stop()).toEqual({ code: 0, signal: null, expected: true });
    } finally {
      own.cleanup();
    }
  });
});
