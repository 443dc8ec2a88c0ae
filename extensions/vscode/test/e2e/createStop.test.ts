// End to end in a real VS Code (code-server 4.100.3 + the packaged VSIX + Debian chromium): run
// "Gitspaces: Create Gitspace" from the palette on a local test repository with the real Docker engine, see the
// tree item reach Running, stop it, see Stopped, delete it. Every step saves a screenshot under
// .test-output/e2e/; a step that fails fails the test (and leaves a "failed" screenshot).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SidecarClient } from "../../src/sidecar/client";
import { CodeServer, extensionRoot } from "./codeServer";
import { Workbench } from "./workbench";

const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, "package.json"), "utf8")) as { name: string; version: string };
const vsix = process.env.GITSPACES_VSIX ?? path.join(extensionRoot, `${pkg.name}-${pkg.version}.vsix`);
const outDir = path.join(extensionRoot, ".test-output", "e2e");
const shotsDir = path.join(outDir, "screenshots");
const runDir = path.join(outDir, "run");
const gitspacesHome = path.join(runDir, "gitspaces-home");
// A unique folder name: the gitspace's name derives from it, and the Docker engine may hold other gitspaces.
const repoName = `gsvsc-e2e-${Math.random().toString(16).slice(2, 8)}`;
const workspace = path.join(runDir, repoName);

let server: CodeServer;
let bench: Workbench | undefined;

function makeRepository(): void {
  fs.mkdirSync(path.join(workspace, ".devcontainer"), { recursive: true });
  fs.writeFileSync(path.join(workspace, ".devcontainer", "devcontainer.json"), `${JSON.stringify({ name: "e2e sample", image: "gitspaces-base:bookworm" }, null, 2)}\n`);
  fs.writeFileSync(path.join(workspace, "README.md"), "# e2e sample\n");
  const env = { ...process.env, GIT_AUTHOR_NAME: "e2e", GIT_AUTHOR_EMAIL: "e2e@example.com", GIT_COMMITTER_NAME: "e2e", GIT_COMMITTER_EMAIL: "e2e@example.com" };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: workspace, env });
  execFileSync("git", ["add", "."], { cwd: workspace, env });
  execFileSync("git", ["commit", "-q", "-m", "sample"], { cwd: workspace, env });
}

/** Deletes whatever gitspaces the run left behind (a failed step may leave a container), via the bundled sidecar. */
async function cleanupGitspaces(): Promise<void> {
  const sidecar = path.join(extensionRoot, "server", process.platform === "win32" ? "gitspaces.exe" : "gitspaces");
  if (!fs.existsSync(sidecar) || !fs.existsSync(gitspacesHome)) {
    return;
  }
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  const client = await SidecarClient.start(
    { command: sidecar, args: ["serve"], env: { ...process.env, HOME: path.join(runDir, "code-server", "home"), GITSPACES_HOME: gitspacesHome } },
    { logger: { trace: log, debug: log, info: log, warn: log, error: log }, clientInfo: { name: "e2e-cleanup" } },
  ).catch(() => undefined);
  if (!client) return;
  try {
    const { gitspaces } = await client.request("gitspaces/list", {});
    for (const g of gitspaces) {
      await client.longRequest("gitspaces/delete", { id: g.id }).catch(() => undefined);
    }
  } catch {
    // nothing to clean
  } finally {
    await client.stop();
  }
}

/** Runs one step; on failure saves a screenshot named after it and rethrows. */
async function step<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    const value = await body();
    await bench?.shot(name);
    return value;
  } catch (error) {
    await bench?.shot(`${name}-FAILED`).catch(() => undefined);
    throw error;
  }
}

beforeAll(async () => {
  if (!fs.existsSync(vsix)) {
    throw new Error(`${vsix} is missing: run \`npm run package\` first (npm test does).`);
  }
  execFileSync("docker", ["image", "inspect", "gitspaces-base:bookworm"], { stdio: "ignore" });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  makeRepository();
  server = new CodeServer({
    stateDir: path.join(runDir, "code-server"),
    workspace,
    vsix,
    env: { GITSPACES_HOME: gitspacesHome },
    settings: {
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.enableExperiments": false,
      "telemetry.telemetryLevel": "off",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "update.mode": "none",
      "gitspaces.defaultProvider": "docker",
      "gitspaces.logLevel": "debug",
    },
  });
  server.install();
  const url = await server.start();
  bench = await Workbench.open(url, workspace, shotsDir, path.join(runDir, "chromium-profile"));
});

afterAll(async () => {
  await bench?.close().catch(() => undefined);
  await server?.stop();
  fs.writeFileSync(path.join(outDir, "code-server.log"), server?.output.join("") ?? "");
  await cleanupGitspaces();
});

describe("VS Code (code-server) with the Gitspaces VSIX", () => {
  it("creates a gitspace from the palette, sees it Running, stops it, sees it Stopped, deletes it", async () => {
    const b = bench!;
    await step("workbench", async () => {
      await b.page.locator(".part.activitybar").waitFor();
    });

    await step("gitspaces-view", async () => {
      await b.openGitspacesView();
      // The sidecar answered gitspaces/list: the view shows its welcome content or the engine's gitspaces.
      await b.view().getByText("No gitspaces yet.").or(b.view().locator(".monaco-list-row")).first().waitFor({ timeout: 60_000 });
      expect(await b.view().getByText("Could not list gitspaces").count()).toBe(0);
    });

    // The provider first, with its health: Docker is checked before any other question.
    await step("create-provider", async () => {
      await b.runCommand("Gitspaces: Create Gitspace");
      const pick = await b.quickInput("Create Gitspace (1/5): provider");
      await pick.locator(".monaco-list-row", { hasText: /docker.*ready/i }).first().waitFor();
    });
    await b.page.keyboard.press("Enter");

    await step("create-repository", async () => {
      const pick = await b.quickInput("Create Gitspace (2/5): repository");
      await pick.locator(".monaco-list-row", { hasText: workspace }).first().waitFor();
    });
    await b.page.keyboard.press("Enter");

    // One devcontainer.json: no configuration pick.
    await step("create-branch", async () => {
      const pick = await b.quickInput("Create Gitspace (3/5): branch");
      await pick.locator(".monaco-list-row", { hasText: "main" }).first().waitFor();
    });
    await b.page.keyboard.press("Enter");

    await step("create-ide", async () => {
      const pick = await b.quickInput("Create Gitspace (5/5): IDE");
      await pick.locator(".monaco-list-row", { hasText: "VS Code" }).first().waitFor();
    });
    await b.page.keyboard.press("Enter");

    await step("create-progress", async () => {
      // The progress notification, or (when the image is local and creation is quick) already the new item.
      await b.notification(/Creating gitspace from|is running|failed/).or(b.treeRow(repoName)).first().waitFor({ timeout: 30_000 });
    });

    await step("running", async () => {
      await b.outcome(b.treeRow(new RegExp(`${repoName}.*Running`)), b.notification(/failed/i), 300_000);
      await b.notification(/is running/).waitFor({ timeout: 30_000 });
    });

    await step("stop", async () => {
      await b.runCommand("Gitspaces: Stop Gitspace");
      await b.pickPlaceholder("Gitspace to stop");
      await b.filterPick(repoName);
      await b.page.keyboard.press("Enter");
      await b.notification(/Stopping gitspace|failed/).or(b.treeRow(new RegExp(`${repoName}.*(Stopping|Stopped)`))).first().waitFor({ timeout: 30_000 });
    });

    await step("stopped", async () => {
      await b.outcome(b.treeRow(new RegExp(`${repoName}.*Stopped`)), b.notification(/failed/i), 180_000);
    });

    await step("delete-confirm", async () => {
      await b.runCommand("Gitspaces: Delete Gitspace");
      await b.pickPlaceholder("Gitspace to delete");
      await b.filterPick(repoName);
      await b.page.keyboard.press("Enter");
      await b.page.locator(".monaco-dialog-box", { hasText: "Uncommitted changes" }).waitFor({ timeout: 30_000 });
    });
    await b.page.locator(".monaco-dialog-box .monaco-button", { hasText: "Delete" }).first().click();

    await step("deleted", async () => {
      await b.treeRow(repoName).waitFor({ state: "detached", timeout: 120_000 });
      expect(await b.view().getByText("Could not list gitspaces").count()).toBe(0);
    });

    expect(b.steps.length).toBeGreaterThanOrEqual(12);
  });
});
