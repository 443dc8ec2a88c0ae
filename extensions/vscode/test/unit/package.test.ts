import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json";
import { CommandIds, registerCommands } from "../../src/commands";
import { mockState, resetVscodeMock } from "../mocks/vscode";
import { makeDeps } from "./helpers";

describe("package.json", () => {
  it("targets VS Code 1.100 and runs on the UI side, else (code-server) in the workspace's extension host", () => {
    expect(pkg.engines.vscode).toBe("^1.100.0");
    expect(pkg.extensionKind).toEqual(["ui", "workspace"]);
    expect(pkg.main).toBe("./dist/extension.js");
    // Remote - SSH comes along where the marketplace has it; a hard dependency would disable us where it has not.
    expect(pkg.extensionPack).toEqual(["ms-vscode-remote.remote-ssh"]);
    expect((pkg as { extensionDependencies?: unknown }).extensionDependencies).toBeUndefined();
  });

  it("is ready for the Marketplace: icon, MIT license as the root, repository, banner, changelog, a README for users", () => {
    const root = path.join(__dirname, "../..");
    const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "../../package.json"), "utf8")) as { license: string };
    expect(pkg.license).toBe(rootPackage.license);
    expect(fs.readFileSync(path.join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    const icon = fs.readFileSync(path.join(root, pkg.icon));
    expect(icon.subarray(1, 4).toString()).toBe("PNG");
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
    expect(pkg.repository.url).toMatch(/^https:\/\/github\.com\/.+\.git$/);
    expect(pkg.galleryBanner.theme).toMatch(/^(dark|light)$/);
    expect(pkg.categories.length).toBeGreaterThan(0);
    expect(pkg.keywords.length).toBeGreaterThan(5);
    expect(pkg.keywords.length).toBeLessThanOrEqual(30);
    expect(fs.existsSync(path.join(root, "CHANGELOG.md"))).toBe(true);
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).not.toMatch(/npm (ci|run|test)|npm install/);
  });

  it("ships only what runs or what the Marketplace shows", () => {
    const ignore = fs.readFileSync(path.join(__dirname, "../../.vscodeignore"), "utf8").split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
    expect(ignore[0]).toBe("**");
    expect(ignore.filter((l) => l.startsWith("!")).sort()).toEqual(
      ["!CHANGELOG.md", "!LICENSE", "!README.md", "!dist/extension.js", "!media/**", "!package.json", "!resources/**", "!server/**"].sort(),
    );
  });

  it("contributes exactly the commands the extension registers, all in the Gitspaces category", () => {
    resetVscodeMock();
    registerCommands(makeDeps(), { showSidecarLog: () => undefined, restartSidecar: async () => undefined, view: { filter: undefined, setFilter: () => undefined } });
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    expect([...mockState.commands.keys()].sort()).toEqual(contributed);
    expect(Object.values(CommandIds).sort()).toEqual(contributed);
    expect(new Set(pkg.contributes.commands.map((c) => c.category))).toEqual(new Set(["Gitspaces"]));
    const titles = pkg.contributes.commands.map((c) => c.title);
    for (const title of ["Create Gitspace", "Open Gitspace", "Start Gitspace", "Stop Gitspace", "Rebuild Gitspace", "Delete Gitspace", "Show Logs", "Show Events", "Copy SSH Command", "Open in JetBrains IDE", "Configure Harness", "Refresh"]) {
      expect(titles).toContain(title);
    }
  });

  it("menus only name contributed commands", () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const entries of Object.values(pkg.contributes.menus)) {
      for (const entry of entries as { command: string }[]) {
        expect(contributed.has(entry.command)).toBe(true);
      }
    }
  });

  it("declares every setting the extension reads, and reads every setting it declares", () => {
    const props = Object.keys(pkg.contributes.configuration.properties).sort();
    expect(props).toEqual([
      "gitspaces.autoStopMinutes",
      "gitspaces.defaultProvider",
      "gitspaces.docker.forwardSshAgent",
      "gitspaces.docker.host",
      "gitspaces.harness.account",
      "gitspaces.harness.endpoint",
      "gitspaces.harness.org",
      "gitspaces.harness.project",
      "gitspaces.logLevel",
      "gitspaces.offerReopenInGitspace",
      "gitspaces.ports.autoForward",
      "gitspaces.serverPath",
    ]);
    const sources = ["src/config.ts", "src/workspace/reopenPrompt.ts"].map((f) => fs.readFileSync(path.join(__dirname, "../..", f), "utf8")).join("\n");
    for (const key of props) {
      expect(sources).toContain(`"${key.replace("gitspaces.", "")}"`);
    }
  });

  it("reads VS Code's dotfiles.* settings without declaring them (Dev Containers declares them; a second declaration would clash)", () => {
    expect(Object.keys(pkg.contributes.configuration.properties).filter((k) => k.startsWith("dotfiles."))).toEqual([]);
    const config = fs.readFileSync(path.join(__dirname, "../..", "src/config.ts"), "utf8");
    expect(config).toContain('getConfiguration("dotfiles")');
    for (const key of ["repository", "targetPath", "installCommand"]) {
      expect(config).toContain(`"${key}"`);
    }
  });

  it("has the view in its own activity-bar container with an icon that exists", () => {
    expect(pkg.contributes.viewsContainers.activitybar[0].id).toBe("gitspaces");
    expect(pkg.contributes.views.gitspaces[0]).toMatchObject({ id: "gitspaces.list", name: "Gitspaces" });
    expect(fs.existsSync(path.join(__dirname, "../..", pkg.contributes.viewsContainers.activitybar[0].icon))).toBe(true);
  });

  it("has a walkthrough whose steps link contributed commands and show media that ships", () => {
    const root = path.join(__dirname, "../..");
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    const [walkthrough] = pkg.contributes.walkthroughs;
    expect(walkthrough.steps.map((s) => s.title)).toEqual(["Connect Docker or Harness", "Create your first gitspace", "Open it"]);
    for (const step of walkthrough.steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        expect(contributed.has(command)).toBe(true);
      }
      expect(fs.existsSync(path.join(root, step.media.markdown))).toBe(true);
      expect(step.media.markdown.startsWith("media/")).toBe(true);
      expect(step.completionEvents.length).toBeGreaterThan(0);
    }
  });
});
