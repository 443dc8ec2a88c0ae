// secrets/set|list|delete through the extension's client module against the real `gitspaces serve`: the round trip,
// the scopes as the sidecar normalizes them (a gitspace's repository URL becomes its pattern), the extension's own
// name and value checks agreeing with the sidecar's, and no value in any answer, the log or a file but the store.
// No Docker needed.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PersonalCapabilities } from "../../src/personal/personalization";
import { ErrorCodes } from "../../src/protocol";
import { validateSecretName, validateSecretValue } from "../../src/secrets/secretRules";
import type { SidecarClient } from "../../src/sidecar/client";
import { RpcError } from "../../src/sidecar/errors";
import { isolatedHome, startSidecar, type Isolated } from "./sidecar";

let isolated: Isolated;
let client: SidecarClient;
let logLines: string[];
const value = "Zq9-protocol-secret-value";
const answers: string[] = [];

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

async function set(name: string, secret: string, scope?: string) {
  const result = await client.request("secrets/set", { name, value: secret, ...(scope !== undefined ? { scope } : {}) });
  answers.push(JSON.stringify(result));
  return result.secret;
}

async function list(repository?: string) {
  const result = await client.request("secrets/list", repository ? { repository } : {});
  answers.push(JSON.stringify(result));
  return result.secrets;
}

/** Every file under a folder, with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile()) {
        found.push({ file: full, text: fs.readFileSync(full, "latin1") });
      }
    }
  };
  walk(dir);
  return found;
}

describe("secrets through the extension's client", () => {
  it("sets a global secret, one for a gitspace's repository (its URL normalized to a pattern) and one for a pattern", async () => {
    expect(await set("API_KEY", value)).toMatchObject({ name: "API_KEY" });
    expect((await set("API_KEY", value)).scope).toBeUndefined();
    // What Set Secret sends for "this gitspace's repository": the gitspace's repository URL as it is.
    expect((await set("NPM_TOKEN", value, "https://user:pw@Example.com/acme/web.git")).scope).toBe("example.com/acme/web");
    expect((await set("NPM_TOKEN", value, "git@example.com:acme/api.git")).scope).toBe("example.com/acme/api");
    expect((await set("NPM_TOKEN", `${value}-org`, "github.com/org/*")).scope).toBe("github.com/org/*");
  });

  it("lists names and scopes only, and what reaches one repository", async () => {
    const all = await list();
    expect(all.map((s) => [s.name, s.scope ?? null]).sort()).toEqual(
      [
        ["API_KEY", null],
        ["NPM_TOKEN", "example.com/acme/api"],
        ["NPM_TOKEN", "example.com/acme/web"],
        ["NPM_TOKEN", "github.com/org/*"],
      ].sort(),
    );
    for (const s of all) {
      expect(Object.keys(s).sort()).toEqual(s.scope ? ["name", "scope", "updatedAt"] : ["name", "updatedAt"]);
    }
    const reaching = await list("https://github.com/org/shop.git");
    expect(reaching.map((s) => [s.name, s.scope ?? null]).sort()).toEqual([["API_KEY", null], ["NPM_TOKEN", "github.com/org/*"]].sort());
  });

  it("setting again replaces the value of that name and scope, not another scope's", async () => {
    const before = (await list()).find((s) => s.name === "API_KEY")!;
    await new Promise((r) => setTimeout(r, 20));
    const again = await set("API_KEY", `${value}-2`);
    expect(new Date(again.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
    expect((await list()).filter((s) => s.name === "API_KEY")).toHaveLength(1);
  });

  it("refuses what the extension's checks refuse, and takes what they take", async () => {
    const names = ["GOOD_NAME", "_x1", "1BAD", "MY-TOKEN", "PATH", "SSH_AUTH_SOCK", "GITSPACES_ANY", "A".repeat(128), "A".repeat(129)];
    for (const name of names) {
      const refused = await client.request("secrets/set", { name, value: "v" }).then(
        () => false,
        (e: unknown) => e instanceof RpcError && e.code === ErrorCodes.InvalidParams,
      );
      expect([name, refused]).toEqual([name, validateSecretName(name) !== undefined]);
      if (!refused) {
        await client.request("secrets/delete", { name });
      }
    }
    const values = ["one line\twith a tab", "two\nlines", "cr\r", "ends with \\", "x".repeat(64 * 1024 - 3), "x".repeat(64 * 1024 - 2)].map((v) => `Zq9${v}`);
    for (const v of values) {
      const error = await client.request("secrets/set", { name: "VALUE_CHECK", value: v }).then(
        () => undefined,
        (e: unknown) => e as RpcError,
      );
      expect([v.slice(0, 12), error?.code === ErrorCodes.InvalidParams]).toEqual([v.slice(0, 12), validateSecretValue(v) !== undefined]);
      // The sidecar's refusal names the problem, never the value.
      expect(error?.message ?? "").not.toContain("Zq9");
    }
    await client.request("secrets/delete", { name: "VALUE_CHECK" });
  });

  it("deletes by name and scope: true once, then false", async () => {
    expect((await client.request("secrets/delete", { name: "NPM_TOKEN", scope: "https://example.com/acme/web.git" })).deleted).toBe(true);
    expect((await client.request("secrets/delete", { name: "NPM_TOKEN", scope: "example.com/acme/web" })).deleted).toBe(false);
    expect((await client.request("secrets/delete", { name: "NPM_TOKEN", scope: "github.com/org/*" })).deleted).toBe(true);
    expect((await client.request("secrets/delete", { name: "NPM_TOKEN", scope: "example.com/acme/api" })).deleted).toBe(true);
    expect((await client.request("secrets/delete", { name: "API_KEY" })).deleted).toBe(true);
    expect(await list()).toEqual([]);
  });

  it("kept the values in the owner-only store alone: no answer, log line or other file of the sidecar holds one", async () => {
    await set("LEFT_BEHIND", value);
    const files = filesUnder(isolated.home);
    const holding = files.filter((f) => f.text.includes("Zq9"));
    expect(holding.map((f) => path.relative(isolated.home, f.file))).toEqual([path.join(".gitspaces", "config", "secrets", "secrets.json")]);
    if (process.platform !== "win32") {
      expect(fs.statSync(holding[0].file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(holding[0].file)).mode & 0o777).toBe(0o700);
    }
    expect(answers.join("\n")).not.toContain("Zq9");
    expect(logLines.join("\n")).not.toContain("Zq9");
  });

  it("providers/list says which providers take dotfiles, secrets and an idle timeout (what Create Gitspace relies on)", async () => {
    const { providers } = await client.request("providers/list", { skipCheck: true });
    const docker = providers.find((p) => p.id === "docker")!;
    const harness = providers.find((p) => p.id === "harness")!;
    expect(docker.capabilities).toEqual(expect.arrayContaining(Object.values(PersonalCapabilities)));
    for (const capability of Object.values(PersonalCapabilities)) {
      expect(harness.capabilities ?? []).not.toContain(capability);
    }
  });
});
