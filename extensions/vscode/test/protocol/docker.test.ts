// A gitspace's life on the real Docker engine through the extension's client module: create with progress and
// notifications, events, logs, the dotfiles and idle timeout Create Gitspace adds, Change Auto-Stop, stop, start, connect, delete. Needs Docker and the local image
// gitspaces-base:bookworm (scripts/ensure-base-image.sh at the repository root builds it).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DidChangeParams, Gitspace, GitspaceEventParams, GitspaceLogParams, WorkDoneProgress } from "../../src/protocol";
import { CancellationTokenSource } from "vscode-jsonrpc/node";
import { ErrorCodes } from "../../src/protocol";
import { createPersonalization } from "../../src/personal/personalization";
import type { SidecarClient } from "../../src/sidecar/client";
import { RpcError } from "../../src/sidecar/errors";
import { isolatedHome, startSidecar, until, type Isolated } from "./sidecar";

let isolated: Isolated;
let client: SidecarClient;
let repo: string;
let dotfilesRepo: string;
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
  // A dotfiles repository with no install script: its dot-files are linked into the remote user's home.
  dotfilesRepo = path.join(isolated.home, "dotfiles");
  fs.mkdirSync(dotfilesRepo, { recursive: true });
  fs.writeFileSync(path.join(dotfilesRepo, ".gsvsc-dotfile"), "from-the-dotfiles-repository\n");
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dotfilesRepo, env });
  execFileSync("git", ["add", "."], { cwd: dotfilesRepo, env });
  execFileSync("git", ["commit", "-q", "-m", "dotfiles"], { cwd: dotfilesRepo, env });
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
    // What Create Gitspace adds from VS Code's dotfiles.* and gitspaces.autoStopMinutes, for Docker's capabilities.
    const { providers } = await client.request("providers/list", { skipCheck: true });
    const personal = createPersonalization(
      {
        serverPath: "",
        defaultProvider: "docker",
        dockerHost: "",
        harness: { endpoint: "", account: "", org: "", project: "" },
        logLevel: "info",
        autoForwardPorts: true,
        autoStopMinutes: 30,
        dotfiles: { repository: dotfilesRepo, targetPath: "", installCommand: "" },
      },
      providers.find((p) => p.id === "docker")!.capabilities ?? [],
    );
    expect(personal).toEqual({ dotfiles: { repository: dotfilesRepo }, autoStopSeconds: 1800 });
    const result = await client.longRequest(
      "gitspaces/create",
      { repository: { url: repo, branch: "main" }, provider: "docker", ide: "vs_code", ...personal },
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

  it("lists it and returns its events and log (postCreateCommand's output included)", async () => {
    const { gitspaces } = await client.request("gitspaces/list", {});
    expect(gitspaces.map((g) => g.id)).toContain(gitspace!.id);
    const { events: history } = await client.request("gitspaces/events", { id: gitspace!.id });
    expect(history.length).toBeGreaterThan(0);
    // postCreateCommand may still run after create answered (readiness follows waitFor): poll the log.
    let text = "";
    let next = 0;
    const deadline = Date.now() + 60_000;
    while (!text.includes("created-by-protocol-test") && Date.now() < deadline) {
      const page = await client.request("gitspaces/logs", { id: gitspace!.id, from: 0, limit: 10_000 });
      text = page.lines.map((l) => l.line).join("\n");
      next = page.next;
      expect(page.lines.map((l) => l.pos)).toEqual(page.lines.map((_, i) => i));
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(text).toContain("created-by-protocol-test");
    expect(next).toBeGreaterThan(0);
  });

  it("installed the dotfiles the create named, and carries and changes its idle timeout (Change Auto-Stop…)", async () => {
    const container = `gitspace-${gitspace!.id}`;
    await until(
      () => events.some((e) => e.gitspaceId === gitspace!.id && e.event.type.startsWith("dotfiles_install_") && e.event.type !== "dotfiles_install_start"),
      "the dotfiles install to end",
      120_000,
    );
    expect(events.filter((e) => e.gitspaceId === gitspace!.id).map((e) => e.event.type)).toContain("dotfiles_install_completed");
    const user = gitspace!.remoteUser ?? "root";
    expect(execFileSync("docker", ["exec", "-u", user, container, "sh", "-c", 'cat "$HOME/.gsvsc-dotfile"'], { encoding: "utf8" })).toBe("from-the-dotfiles-repository\n");

    expect(gitspace!.autoStopSeconds).toBe(1800);
    const { gitspace: updated } = await client.longRequest("gitspaces/update", { id: gitspace!.id, autoStopSeconds: 7200 });
    expect(updated.autoStopSeconds).toBe(7200);
    // The container's watcher reads its timeout from this file on every round: the change applies at once.
    expect(execFileSync("docker", ["exec", container, "cat", "/var/lib/gitspaces/auto-stop/timeout"], { encoding: "utf8" }).trim()).toBe("7200");
  });

  it("stops it", async () => {
    const result = await client.longRequest("gitspaces/stop", { id: gitspace!.id });
    expect(result.gitspace.state).toBe("stopped");
    await until(() => changes.some((c) => c.gitspace.id === gitspace!.id && c.gitspace.state === "stopped"), () => `gitspaces/didChange with state stopped (saw ${changes.map((c) => c.gitspace.state).join(", ")})`, 15_000);
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
    await until(() => changes.some((c) => c.gitspace.id === gitspace!.id && c.gitspace.state === "deleted"), "gitspaces/didChange with state deleted", 15_000);
    gitspace = undefined;
  });

  it("cancels a create with $/cancelRequest: RequestCancelled, and the gitspace is left in error", async () => {
    const slow = path.join(isolated.home, "slow");
    fs.mkdirSync(path.join(slow, ".devcontainer"), { recursive: true });
    fs.writeFileSync(
      path.join(slow, ".devcontainer", "devcontainer.json"),
      JSON.stringify({ image: "gitspaces-base:bookworm", onCreateCommand: "sleep 120", waitFor: "onCreateCommand" }),
    );
    const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" };
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: slow, env });
    execFileSync("git", ["add", "."], { cwd: slow, env });
    execFileSync("git", ["commit", "-q", "-m", "init"], { cwd: slow, env });

    const source = new CancellationTokenSource();
    const progress: WorkDoneProgress[] = [];
    const known = new Set(changes.map((c) => c.gitspace.id));
    const pending = client
      .longRequest("gitspaces/create", { name: "slow", repository: { url: slow }, provider: "docker" }, { token: source.token, onProgress: (v) => progress.push(v) })
      .catch((e: unknown) => e);
    // Cancel once the lifecycle command runs (the container exists by then).
    await until(() => events.some((e) => !known.has(e.gitspaceId) && e.event.type.startsWith("lifecycle_command")), "the onCreateCommand to start", 120_000);
    const id = events.find((e) => !known.has(e.gitspaceId))!.gitspaceId;
    source.cancel();
    const error = await pending;
    try {
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).code).toBe(ErrorCodes.RequestCancelled);
      expect(progress.at(-1)).toMatchObject({ kind: "end" });
      const { gitspace: after } = await client.request("gitspaces/get", { id });
      expect(after.state).toBe("error");
    } finally {
      await client.longRequest("gitspaces/delete", { id }).catch(() => undefined);
    }
  });
});
