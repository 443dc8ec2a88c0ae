// A gitspace's life on the real Docker engine through the extension's client module: create with progress and
// notifications, events, logs, stop, start, connect, delete. Needs Docker and the local image
// gitspaces-base:bookworm (scripts/ensure-base-image.sh at the repository root builds it).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DidChangeParams, Gitspace, GitspaceEventParams, GitspaceLogParams, WorkDoneProgress } from "../../src/protocol";
import type { SidecarClient } from "../../src/sidecar/client";
import { isolatedHome, startSidecar, type Isolated } from "./sidecar";

let isolated: Isolated;
let client: SidecarClient;
let repo: string;
let gitspace: Gitspace | undefined;
const changes: DidChangeParams[] = [];
const events: GitspaceEventParams[] = [];
const logs: GitspaceLogParams[] = [];

beforeAll(async () => {
  execFileSync("docker", ["image", "inspect", "gitspaces-base:bookworm"], { stdio: "ignore" });
  isolated = isolatedHome();
  repo = path.join(isolated.home, "sample");
  fs.mkdirSync(path.join(repo, ".devcontainer"), { recursive: true });
  fs.writeFileSync(path.join(repo, ".devcontainer", "devcontainer.json"), JSON.stringify({ image: "gitspaces-base:bookworm", postCreateCommand: "echo created-by-protocol-test" }));
  fs.writeFileSync(path.join(repo, "README.md"), "sample\n");
  const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo, env });
  execFileSync("git", ["add", "."], { cwd: repo, env });
  execFileSync("git", ["commit", "-q", "-m", "init"], { cwd: repo, env });
  ({ client } = await startSidecar(isolated));
  client.onDidChange((p) => changes.push(p));
  client.onEvent((p) => events.push(p));
  client.onLog((p) => logs.push(p));
});

afterAll(async () => {
  if (gitspace && client?.running) {
    await client.longRequest("gitspaces/delete", { id: gitspace.id }).catch(() => undefined);
  }
  await client?.stop();
  isolated?.cleanup();
});

describe("a Docker gitspace's life", () => {
  it("creates a running gitspace, reporting $/progress begin…end, didChange, events and log lines", async () => {
    const progress: WorkDoneProgress[] = [];
    const result = await client.longRequest(
      "gitspaces/create",
      { repository: { url: repo, branch: "main" }, provider: "docker", ide: "vs_code" },
      { onProgress: (v) => progress.push(v) },
    );
    gitspace = result.gitspace;
    expect(gitspace.state).toBe("running");
    expect(gitspace.provider).toBe("docker");
    expect(gitspace.repository.branch).toBe("main");
    expect(progress[0].kind).toBe("begin");
    expect(progress.at(-1)!.kind).toBe("end");
    expect(changes.some((c) => c.gitspace.id === gitspace!.id && c.gitspace.state === "running")).toBe(true);
    expect(events.some((e) => e.gitspaceId === gitspace!.id)).toBe(true);
    expect(logs.some((l) => l.gitspaceId === gitspace!.id)).toBe(true);
  });

  it("lists it and returns its events and log", async () => {
    const { gitspaces } = await client.request("gitspaces/list", {});
    expect(gitspaces.map((g) => g.id)).toContain(gitspace!.id);
    const { events: history } = await client.request("gitspaces/events", { id: gitspace!.id });
    expect(history.length).toBeGreaterThan(0);
    const page = await client.request("gitspaces/logs", { id: gitspace!.id, from: 0, limit: 10_000 });
    expect(page.lines.map((l) => l.line).join("\n")).toContain("created-by-protocol-test");
    expect(page.next).toBe(page.lines.length);
  });

  it("stops it", async () => {
    const result = await client.longRequest("gitspaces/stop", { id: gitspace!.id });
    expect(result.gitspace.state).toBe("stopped");
    expect(changes.some((c) => c.gitspace.id === gitspace!.id && c.gitspace.state === "stopped")).toBe(true);
  });

  it("connect starts it again and returns the SSH host and a vscode-remote URI", async () => {
    const result = await client.longRequest("gitspaces/connect", { id: gitspace!.id, ide: "vs_code" });
    expect(result.gitspace.state).toBe("running");
    expect(result.remoteUri).toMatch(/^vscode-remote:\/\/ssh-remote\+/);
    expect(result.remoteUri).toContain(encodeURIComponent(result.sshHost).replace(/%2E/g, "."));
    expect(result.sshCommand).toContain(result.sshHost);
  });

  it("deletes it and reports deleted", async () => {
    const result = await client.longRequest("gitspaces/delete", { id: gitspace!.id });
    expect(result).toEqual({ id: gitspace!.id, deleted: true });
    expect(changes.some((c) => c.gitspace.id === gitspace!.id && c.gitspace.state === "deleted")).toBe(true);
    gitspace = undefined;
  });
});
