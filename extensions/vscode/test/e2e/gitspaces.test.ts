// End to end in a real VS Code (code-server 4.100.3 with default settings + the packaged VSIX + Debian chromium), on
// the real Docker engine, driven through the UI as a user would. In order:
//  1. create from the palette (provider first, with its health), see it Running, stop it;
//  2. a broken devcontainer.json: its warnings in the Problems panel, Create Anyway, Cancel, Delete from the toast;
//  3. a second gitspace of the same repository, from its Docker Compose configuration (an app and a database): the
//     view groups by repository, and filters;
//  3b. that gitspace's tooltip says its idle timeout; a web server started inside it appears in the tree as a detected port; "Open in Browser" forwards it
//     and opens a page that serves what the server inside serves (also fetched from here through 127.0.0.1);
//  4. Open without an SSH remote extension: the offer, not an error;
//  5. with a stand-in SSH extension (after a window reload that leaves no orphan sidecar): a deep link starts the
//     stopped gitspace and hands the exact folder URI to the workbench;
//  6. delete what is left.
// Every step saves a screenshot under .test-output/e2e/screenshots; a failed step leaves a "FAILED" one.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gitspace } from "../../src/protocol";
import { SidecarClient } from "../../src/sidecar/client";
import { CodeServer, entry, extensionRoot } from "./codeServer";
import { Workbench } from "./workbench";

const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, "package.json"), "utf8")) as { name: string; version: string; publisher: string };
const vsix = process.env.GITSPACES_VSIX ?? path.join(extensionRoot, `${pkg.name}-${pkg.version}-${process.platform}-${process.arch}.vsix`);
const outDir = path.join(extensionRoot, ".test-output", "e2e");
const shotsDir = path.join(outDir, "screenshots");
const runDir = path.join(outDir, "run");
const gitspacesHome = path.join(runDir, "gitspaces-home");
const codeServerHome = path.join(runDir, "code-server", "home");
// A unique folder name: the gitspaces' names derive from it, and the Docker engine may hold other gitspaces.
const repoName = `gsvsc-e2e-${Math.random().toString(16).slice(2, 8)}`;
const workspace = path.join(runDir, repoName);
const sidecarExe = path.join(extensionRoot, "server", process.platform === "win32" ? "gitspaces.exe" : "gitspaces");

let server: CodeServer;
let bench: Workbench | undefined;

function makeRepository(): void {
  const config = path.join(workspace, ".devcontainer");
  fs.mkdirSync(path.join(config, "broken"), { recursive: true });
  fs.writeFileSync(path.join(config, "devcontainer.json"), `${JSON.stringify({ name: "e2e sample", image: "gitspaces-base:bookworm" }, null, 2)}\n`);
  // Three warnings, as the reference CLI reads it, and a create slow enough to cancel in the middle.
  fs.writeFileSync(
    path.join(config, "broken", "devcontainer.json"),
    '{\n  "name": "broken",\n  "image": "gitspaces-base:bookworm",\n  "onCreateCommand": "sleep 600",\n  "postCreateCommand": [ }\n}\n',
  );
  // An app and a database, as the official compose templates shape them (versionless, both from images).
  fs.mkdirSync(path.join(config, "compose"), { recursive: true });
  fs.writeFileSync(
    path.join(config, "compose", "devcontainer.json"),
    `${JSON.stringify({ name: "e2e compose", dockerComposeFile: "docker-compose.yml", service: "app", workspaceFolder: "/workspaces/${localWorkspaceFolderBasename}" }, null, 2)}\n`,
  );
  fs.writeFileSync(
    path.join(config, "compose", "docker-compose.yml"),
    [
      "services:",
      "  app:",
      "    image: gitspaces-base:bookworm",
      "    volumes:",
      "      - ../../..:/workspaces:cached",
      "    command: sleep infinity",
      "    network_mode: service:db",
      "  db:",
      "    image: gitspaces-base:bookworm",
      "    command: sleep infinity",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(workspace, "README.md"), "# e2e sample\n");
  const env = { ...process.env, GIT_AUTHOR_NAME: "e2e", GIT_AUTHOR_EMAIL: "e2e@example.com", GIT_COMMITTER_NAME: "e2e", GIT_COMMITTER_EMAIL: "e2e@example.com" };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: workspace, env });
  execFileSync("git", ["add", "."], { cwd: workspace, env });
  execFileSync("git", ["commit", "-q", "-m", "sample"], { cwd: workspace, env });
}

/** Runs body with a sidecar of our own on the run's state (to read what the extension's sidecar did). */
async function withSidecar<T>(body: (client: SidecarClient) => Promise<T>): Promise<T> {
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  const client = await SidecarClient.start(
    { command: sidecarExe, args: ["serve"], env: { ...process.env, HOME: codeServerHome, GITSPACES_HOME: gitspacesHome } },
    { logger: { trace: log, debug: log, info: log, warn: log, error: log }, clientInfo: { name: "e2e-observer" }, initializeTimeoutMs: 60_000 },
  );
  try {
    return await body(client);
  } finally {
    await client.stop();
  }
}

/** The gitspaces this run created (of the test repository). */
async function ours(): Promise<Gitspace[]> {
  return withSidecar(async (client) => (await client.request("gitspaces/list", {})).gitspaces.filter((g) => g.repository.url.includes(repoName)));
}

/** Deletes whatever gitspaces the run left behind (a failed step may leave a container). */
async function cleanupGitspaces(): Promise<void> {
  if (!fs.existsSync(sidecarExe) || !fs.existsSync(gitspacesHome)) {
    return;
  }
  await withSidecar(async (client) => {
    const { gitspaces } = await client.request("gitspaces/list", {});
    for (const g of gitspaces.filter((x) => x.repository.url.includes(repoName))) {
      await client.longRequest("gitspaces/delete", { id: g.id }).catch(() => undefined);
    }
  }).catch(() => undefined);
}

/** The `gitspaces serve` processes of this run, with their parents (the extension hosts). */
function sidecarProcesses(): { pid: number; ppid: number }[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes(path.join(runDir, "code-server", "extensions")) && / serve( |$)/.test(l))
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid]) => ({ pid: Number(pid), ppid: Number(ppid) }));
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
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

/** Palette → Create Gitspace → Docker → this repository → main → (configuration) ; leaves the next question open. */
async function startCreate(b: Workbench, configuration?: string): Promise<void> {
  await b.runCommand("Gitspaces: Create Gitspace");
  await (await b.quickInput("Create Gitspace (1/5): provider")).locator(".monaco-list-row", { hasText: /docker.*ready/i }).first().waitFor();
  await b.page.keyboard.press("Enter");
  await (await b.quickInput("Create Gitspace (2/5): repository")).locator(".monaco-list-row", { hasText: workspace }).first().waitFor();
  await b.page.keyboard.press("Enter");
  await (await b.quickInput("Create Gitspace (3/5): branch")).locator(".monaco-list-row", { hasText: "main" }).first().waitFor();
  await b.page.keyboard.press("Enter");
  const pick = await b.quickInput("Create Gitspace (4/5): configuration");
  await b.choose(pick, configuration ?? ".devcontainer/devcontainer.json");
}

async function openWalkthrough(b: Workbench): Promise<void> {
  await b.runCommand("Welcome: Open Walkthrough...");
  await b.filterPick("Get started with Gitspaces");
  await b.page.keyboard.press("Enter");
  await b.page.locator(".getting-started-step", { hasText: "Connect Docker or Harness" }).first().waitFor({ timeout: 30_000 });
}

async function pickIde(b: Workbench): Promise<void> {
  await (await b.quickInput("Create Gitspace (5/5): IDE")).locator(".monaco-list-row", { hasText: "VS Code" }).first().waitFor();
  await b.page.keyboard.press("Enter");
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
    // Nothing that changes how the extension runs: no remote.extensionKind, no gitspaces.* but the log level.
    settings: {
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "telemetry.telemetryLevel": "off",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "update.mode": "none",
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

describe("VS Code (code-server, default settings) with the Gitspaces VSIX", () => {
  let first: Gitspace;
  let second: Gitspace;

  it("creates a gitspace from the palette, the provider's health first, sees it Running, stops it", async () => {
    const b = bench!;
    await step("workbench", async () => {
      await b.page.locator(".part.activitybar").waitFor();
    });
    await step("gitspaces-view", async () => {
      await b.openGitspacesView();
      await b.view().getByText("No gitspaces yet.").or(b.view().locator(".monaco-list-row")).first().waitFor({ timeout: 60_000 });
      expect(await b.view().getByText("Could not list gitspaces").count()).toBe(0);
    });
    await step("walkthrough", async () => {
      await openWalkthrough(b);
      await b.page.locator(".getting-started-step .monaco-button", { hasText: "Configure Docker Host" }).first().click();
      const input = b.page.locator(".quick-input-widget .quick-input-box input");
      await input.waitFor({ state: "visible" });
      await input.press("Enter");
      await b.notification(/Docker answers at/).waitFor({ timeout: 30_000 });
      await waitFor("the walkthrough's first step to be complete", async () => (await b.page.locator(".getting-started-step .codicon.complete").count()) >= 1, 15_000);
    });
    await b.runCommand("View: Close All Editors");
    await b.clearNotifications();
    await step("create-provider", async () => {
      await b.runCommand("Gitspaces: Create Gitspace");
      const pick = await b.quickInput("Create Gitspace (1/5): provider");
      await pick.locator(".monaco-list-row", { hasText: /docker.*self-hosted · ready/i }).first().waitFor();
      await pick.locator(".monaco-list-row", { hasText: /harness.*not set up/i }).first().waitFor();
    });
    await b.page.keyboard.press("Escape");
    await startCreate(b);
    await pickIde(b);
    await step("running", async () => {
      await b.outcome(b.treeRow(new RegExp(`${repoName}.*Running`)), b.notification(/failed/i), 300_000);
      await b.notification(/is running/).waitFor({ timeout: 30_000 });
    });
    [first] = await ours();
    expect(first).toBeDefined();
    await step("stop", async () => {
      await b.runCommand("Gitspaces: Stop Gitspace");
      await b.pickPlaceholder("Gitspace to stop");
      await b.filterPick(first.name);
      await b.page.keyboard.press("Enter");
      await b.outcome(b.treeRow(new RegExp(`${first.name}.*Stopped`)), b.notification(/failed/i), 180_000);
    });
    await b.clearNotifications();
    await step("walkthrough-done", async () => {
      await openWalkthrough(b);
      // Docker answered (Configure Docker Host) and a gitspace exists: the first two steps are done.
      await waitFor("the walkthrough's first two steps to be complete", async () => (await b.page.locator(".getting-started-step .codicon.complete").count()) >= 2, 15_000);
    });
    await b.runCommand("View: Close All Editors");
  });

  it("shows a broken devcontainer.json in the Problems panel, creates anyway, cancels, and deletes from the toast", async () => {
    const b = bench!;
    await startCreate(b, "broken/devcontainer.json");
    await step("broken-config-dialog", async () => {
      await b.dialog(/has 3 warnings/).waitFor({ timeout: 60_000 });
      expect(await b.dialog(/has 3 warnings/).locator(".monaco-button", { hasText: /^Create Anyway$/ }).count()).toBe(1);
    });
    await b.dialogButton("Show Problems");
    await step("problems-panel", async () => {
      const problems = b.problems();
      await problems.waitFor({ timeout: 30_000 });
      await problems.locator(".monaco-list-row", { hasText: "devcontainer.json" }).first().waitFor();
      await waitFor("three warnings in the Problems panel", async () => (await problems.locator(".monaco-list-row", { hasText: "JSON syntax" }).count()) === 3);
      expect(await problems.locator(".monaco-list-row", { hasText: /Ln 5, Col 26|\[Ln 5, Col 26\]|5:26/ }).count()).toBeGreaterThan(0);
    });

    await startCreate(b, "broken/devcontainer.json");
    await b.dialog(/has 3 warnings/).waitFor({ timeout: 60_000 });
    await b.dialogButton("Create Anyway");
    await pickIde(b);
    await step("create-slow", async () => {
      await b.notification(/Creating gitspace from/).waitFor({ timeout: 60_000 });
      await b.notification(/Running onCreateCommand/).waitFor({ timeout: 180_000 });
    });
    await b.notificationButton(/Creating gitspace from/, "Cancel").click();
    await step("cancelled-offers-delete", async () => {
      await b.notification(/was cancelled\. It is left half-made/).waitFor({ timeout: 60_000 });
      expect(await b.notificationButton(/was cancelled/, "Delete").count()).toBe(1);
    });
    const halfMade = (await ours()).find((g) => g.id !== first.id);
    expect(halfMade).toBeDefined();
    await b.notificationButton(/was cancelled/, "Delete").click();
    await step("cancelled-deleted", async () => {
      await b.treeRow(halfMade!.name).waitFor({ state: "detached", timeout: 120_000 });
      await waitFor("the half-made gitspace to be gone from the engine", async () => (await ours()).every((g) => g.id !== halfMade!.id), 60_000);
    });
  });

  it("creates a Docker Compose gitspace from the palette, groups a repository's gitspaces and filters the view", async () => {
    const b = bench!;
    await startCreate(b, "compose/devcontainer.json");
    await pickIde(b);
    await step("compose-running", async () => {
      await b.outcome(b.notification(/is running/), b.notification(/failed/i), 300_000);
    });
    await b.clearNotifications();
    await b.runCommand("View: Hide Panel");
    second = (await ours()).find((g) => g.id !== first.id)!;
    // The app and its database, one compose project per gitspace; the repository at the configured folder.
    const project = execFileSync("docker", ["ps", "--filter", `label=com.docker.compose.project=gitspace-${second.id}`, "--format", "{{.Label \"com.docker.compose.service\"}}"], { encoding: "utf8" });
    expect(project.trim().split("\n").sort()).toEqual(["app", "db"]);
    expect(second.workspaceFolder).toBe(`/workspaces/${repoName}`);
    expect(execFileSync("docker", ["exec", `gitspace-${second.id}`, "cat", `/workspaces/${repoName}/README.md`], { encoding: "utf8" })).toBe("# e2e sample\n");
    await step("tree-grouped", async () => {
      // Two gitspaces of one repository: a repository group holds them, the most recently used first.
      const group = b.view().locator(".monaco-list-row", { hasText: new RegExp(`${repoName}\\s*2`) }).first();
      await group.waitFor({ timeout: 30_000 });
      expect(await group.getAttribute("aria-level")).toBe("1");
      expect(await b.treeRow(new RegExp(`${second.name}.*Running`)).getAttribute("aria-level")).toBe("2");
    });
    await step("tree-filter", async () => {
      await b.runCommand("Gitspaces: Filter Gitspaces");
      const input = b.page.locator(".quick-input-widget .quick-input-box input");
      await input.fill("stopped");
      await input.press("Enter");
      await b.view().getByText(/Showing 1 of \d+ gitspaces matching "stopped"/).waitFor({ timeout: 15_000 });
      await b.treeRow(new RegExp(`${first.name}.*Stopped`)).waitFor();
      expect(await b.treeRow(new RegExp(`${second.name}.*Running`)).count()).toBe(0);
    });
    await step("tree-filter-cleared", async () => {
      await b.runCommand("Gitspaces: Clear Gitspaces Filter");
      await b.treeRow(new RegExp(`${second.name}.*Running`)).waitFor({ timeout: 15_000 });
    });
  });

  it("shows a port that starts listening in a running gitspace in the tree, and opens it in the browser from there", async () => {
    const b = bench!;
    await b.clearNotifications();
    // The compose gitspace is running: open it onto its ports before anything listens, so the port that appears is
    // one the sidecar detected (gitspaces/portsChanged), not one listed when the tree first asked.
    const gitspaceRow = b.treeRow(new RegExp(`${second.name}.*Running`));
    await gitspaceRow.click();
    await waitFor("the gitspace to open onto its ports", async () => (await gitspaceRow.getAttribute("aria-expanded")) === "true", 15_000);
    // Its tooltip says its idle timeout: the sidecar's default, since gitspaces.autoStopMinutes is not set here.
    await step("gitspace-tooltip-auto-stop", async () => {
      // A fresh hover: the click's pointer has not moved, and the expand re-rendered the row under it.
      await moveAway(b);
      await gitspaceRow.hover();
      await b.page.getByText("Auto-stop: after 1 h without use").first().waitFor({ timeout: 15_000 });
    });
    await moveAway(b);
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const marker = `gitspaces e2e port ${repoName} ${port}`;
    expect(await b.view().locator(".monaco-list-row", { hasText: new RegExp(`^\\s*${port}\\b`) }).count()).toBe(0);
    // A web server inside the gitspace, on its loopback only (an exec of the test's own: perl is in the image).
    execFileSync("docker", ["exec", "-d", `gitspace-${second.id}`, "perl", "-MIO::Socket::INET", "-e", perlServer, String(port), marker]);
    const portRow = b.view().locator(".monaco-list-row", { hasText: new RegExp(`^\\s*${port}\\b`) }).first();
    await step("port-detected", async () => {
      await portRow.waitFor({ timeout: 60_000 });
      await moveAway(b);
      expect(await portRow.getAttribute("aria-level")).toBe("3");
      expect(await portRow.innerText()).toMatch(/listening|→ 127\.0\.0\.1:\d+/);
    });
    // "Open in Browser", the port's inline action (it forwards first when the port is not forwarded yet).
    const opened = b.context.waitForEvent("page", { timeout: 60_000 });
    await portRow.hover();
    await portRow.locator('.action-label[aria-label="Open in Browser"]').click();
    // VS Code may ask before it opens a site it does not trust; 127.0.0.1 and code-server's own proxy it does.
    void b.dialog(/open the external website/).locator(".monaco-button", { hasText: /^Open$/ }).click({ timeout: 10_000 }).catch(() => undefined);
    const page = await opened;
    await page.waitForLoadState("domcontentloaded");
    const local = await step("port-forwarded", async () => {
      await portRow.filter({ hasText: /→ 127\.0\.0\.1:\d+/ }).waitFor({ timeout: 30_000 });
      return Number(/→ 127\.0\.0\.1:(\d+)/.exec(await portRow.innerText())![1]);
    });
    // The browser went to the forward: directly, or through code-server's proxy of this machine's ports.
    expect([`http://127.0.0.1:${local}/`, `${server.url}/proxy/${local}/`]).toContain(page.url());
    await page.locator("#marker", { hasText: marker }).waitFor({ timeout: 30_000 });
    // Numbered after the tree's shot it follows, so the record reads in order.
    await page.screenshot({ path: path.join(shotsDir, `${String(b.steps.length).padStart(2, "0")}-port-opened-page.png`) });
    await page.close();
    // And the forward itself, fetched from here: what the server inside serves, on 127.0.0.1 of this machine.
    const response = await fetch(`http://127.0.0.1:${local}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<h1 id="marker">${marker}</h1>`);
    const forwards = await withSidecar(async (client) => (await client.request("gitspaces/ports", { id: second.id })).ports);
    expect(forwards.find((p) => p.port === port)).toMatchObject({ listening: true, forward: { localPort: local } });
    await b.clearNotifications();
  });

  it("offers, instead of an error, what to do when no SSH remote extension is installed", async () => {
    const b = bench!;
    await b.clearNotifications();
    await step("open-without-ssh-extension", async () => {
      await b.runCommand("Gitspaces: Open Gitspace in Current Window");
      await b.pickPlaceholder("Gitspace to open");
      await b.filterPick(first.name);
      await b.page.keyboard.press("Enter");
      // code-server runs in a browser, where no SSH extension can run: VS Code Desktop comes first.
      const offer = /opens over SSH, which code-server in a browser cannot do/;
      await b.notification(offer).waitFor({ timeout: 30_000 });
      for (const button of ["Open in VS Code Desktop", "Copy SSH Command", "Open in JetBrains"]) {
        expect(await b.notificationButton(offer, button).count()).toBe(1);
      }
      expect(await b.notification(/Unable to write|not a registered configuration|failed/).count()).toBe(0);
    });
    // Nothing was started for an open that cannot happen.
    expect((await ours()).find((g) => g.id === first.id)?.state).toBe("stopped");
    await b.page.keyboard.press("Escape");
  });

  it("with an SSH remote extension (after a reload that leaves no orphan sidecar), a deep link starts the gitspace and hands over its folder", async () => {
    const b = bench!;
    const before = sidecarProcesses();
    expect(before).toHaveLength(1);
    server.installExtension(standInVsix());
    await b.reloadWindow();
    await step("reloaded", async () => {
      await b.openGitspacesView();
      await b.treeRow(first.name).waitFor({ timeout: 60_000 });
      // One sidecar, the new extension host's; the old one ended with its host.
      await waitFor("the old sidecar to end", () => sidecarProcesses().every((p) => p.pid !== before[0].pid), 90_000);
      const after = sidecarProcesses();
      expect(after).toHaveLength(1);
    });
    // The scheme VS Code gives its links in this build (code-server: its product's urlProtocol).
    const scheme = (JSON.parse(fs.readFileSync(path.join(path.dirname(entry), "..", "..", "lib", "vscode", "product.json"), "utf8")) as { urlProtocol: string }).urlProtocol;
    await step("deep-link", async () => {
      await b.openUrl(`${scheme}://${pkg.publisher}.${pkg.name}/open?gitspace=${encodeURIComponent(first.id)}&provider=docker&window=current`);
      await waitFor("the workbench to be handed the gitspace's folder", () => new URL(b.page.url()).searchParams.get("folder")?.startsWith("/workspaces/") === true, 180_000);
    });
    // The link started the stopped gitspace before handing it over.
    const now = (await ours()).find((g) => g.id === first.id)!;
    expect(now.state).toBe("running");
    // What the extension passed to vscode.openFolder, exactly (its log), and what the workbench did with it: a browser
    // workbench keeps only the path of a vscode-remote folder in its URL.
    const expected = `vscode-remote://ssh-remote+${now.sshHost}${now.workspaceFolder}`;
    expect(extensionLog()).toContain(`Opening ${expected} in the current window`);
    expect(new URL(b.page.url()).searchParams.get("folder")).toBe(now.workspaceFolder);
  });

  it("deletes what the run created", async () => {
    await cleanupGitspaces();
    expect(await ours()).toEqual([]);
  });
});

/** Moves the mouse off the side bar and waits for its tooltip to go, so a screenshot shows the rows under it. */
async function moveAway(b: Workbench): Promise<void> {
  await b.page.mouse.move(900, 600);
  await b.page.locator(".workbench-hover").first().waitFor({ state: "hidden", timeout: 5_000 }).catch(() => undefined);
}

/**
 * A tiny HTTP server for the port step, in perl (the only interpreter in the base image): it listens on the
 * container's 127.0.0.1 at the port given and answers every request with a page that names the marker given.
 */
const perlServer = [
  "my ($port, $marker) = @ARGV;",
  'my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $port, Listen => 16, ReuseAddr => 1) or die "listen: $!";',
  "while (my $c = $s->accept) {",
  '  while (my $l = <$c>) { last if $l =~ /^\\r?$/; }',
  '  my $body = "<!doctype html><title>$marker</title><h1 id=\\"marker\\">$marker</h1>\\n";',
  '  print $c "HTTP/1.0 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: " . length($body) . "\\r\\nConnection: close\\r\\n\\r\\n" . $body;',
  "  close $c;",
  "}",
].join("\n");

/** The Gitspaces output channel's log files of this run (every extension host's), concatenated. */
function extensionLog(): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name === "Gitspaces.log") {
        found.push(fs.readFileSync(full, "utf8"));
      }
    }
  };
  walk(path.join(runDir, "code-server"));
  return found.join("\n");
}

/** Packs the stand-in SSH remote extension (test/fixtures/ssh-remote-standin) into a VSIX. */
function standInVsix(): string {
  const source = path.join(extensionRoot, "test", "fixtures", "ssh-remote-standin");
  const out = path.join(runDir, "ssh-remote-standin.vsix");
  const vsce = path.join(extensionRoot, "node_modules", "@vscode", "vsce", "vsce");
  execFileSync(process.execPath, [vsce, "package", "--skip-license", "--allow-missing-repository", "--out", out], { cwd: source, stdio: "ignore" });
  return out;
}
