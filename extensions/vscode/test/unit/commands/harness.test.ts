import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { HarnessTokenKey } from "../../../src/config";
import { applyStoredHarnessConfig, configureHarness } from "../../../src/commands/harness";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { mockState, resetVscodeMock } from "../../mocks/vscode";
import { FakeSidecar, makeDeps, MemorySecrets, testSettings } from "../helpers";

beforeEach(() => resetVscodeMock());

function answerInputs(...answers: (string | undefined)[]): void {
  for (const a of answers) {
    vi.mocked(vscode.window.showInputBox).mockResolvedValueOnce(a);
  }
}

describe("Configure Harness", () => {
  it("saves the settings, keeps the token in SecretStorage only, and sends providers/configure", async () => {
    const deps = makeDeps();
    deps.fake.on("providers/configure", (p) => ({
      provider: { id: "harness", displayName: "Harness CDE", kind: "hosted", configured: true, reachable: true, endpoint: p.endpoint, version: "v1" },
    }));
    answerInputs("https://app.harness.io", "acct", "org1", "proj1", "pat.secret");
    const provider = await configureHarness(deps);

    expect(provider?.configured).toBe(true);
    expect(deps.secretsStore.values.get(HarnessTokenKey)).toBe("pat.secret");
    expect(mockState.configUpdates.map((u) => [u.key, u.value])).toEqual([
      ["gitspaces.harness.endpoint", "https://app.harness.io"],
      ["gitspaces.harness.account", "acct"],
      ["gitspaces.harness.org", "org1"],
      ["gitspaces.harness.project", "proj1"],
    ]);
    expect(JSON.stringify(mockState.configUpdates)).not.toContain("pat.secret");
    expect(deps.fake.callsTo("providers/configure")[0].params).toEqual({
      provider: "harness",
      endpoint: "https://app.harness.io",
      accountIdentifier: "acct",
      orgIdentifier: "org1",
      projectIdentifier: "proj1",
      token: "pat.secret",
    });
    const tokenPrompt = vi.mocked(vscode.window.showInputBox).mock.calls[4][0]!;
    expect(tokenPrompt.password).toBe(true);
    expect(deps.output.lines.join("\n")).not.toContain("pat.secret");
    expect(vscode.window.showInformationMessage).toHaveBeenCalledWith("Harness is configured (https://app.harness.io, v1).");
  });

  it("keeps the saved token when the token answer is empty", async () => {
    const deps = makeDeps();
    await deps.secretsStore.store(HarnessTokenKey, "old-token");
    deps.fake.on("providers/configure", () => ({
      provider: { id: "harness", displayName: "Harness CDE", kind: "hosted", configured: true, reachable: false, message: "timeout" },
    }));
    answerInputs("https://h.example", "acct", "", "", "");
    await configureHarness(deps);
    expect(deps.fake.callsTo("providers/configure")[0].params).toMatchObject({ token: "old-token", orgIdentifier: undefined });
    expect(deps.secretsStore.values.get(HarnessTokenKey)).toBe("old-token");
    expect(vscode.window.showWarningMessage).toHaveBeenCalledWith("Harness is configured but not reachable: timeout.");
  });

  it("requires a token when none is saved", async () => {
    const deps = makeDeps();
    answerInputs("https://h.example", "acct", "", "", undefined);
    await configureHarness(deps);
    const validate = vi.mocked(vscode.window.showInputBox).mock.calls[4][0]!.validateInput!;
    expect(validate("")).toBe("Required.");
    expect(deps.fake.callsTo("providers/configure")).toHaveLength(0);
  });

  it("stops at any dismissed question without saving", async () => {
    const deps = makeDeps();
    answerInputs("https://h.example", undefined);
    await configureHarness(deps);
    expect(mockState.configUpdates).toEqual([]);
    expect(deps.fake.callsTo("providers/configure")).toHaveLength(0);
  });

  it("shows Unauthorized with Configure", async () => {
    const deps = makeDeps();
    deps.fake.on("providers/configure", () => {
      throw new RpcError(ErrorCodes.Unauthorized, "The token was refused.", { kind: "Unauthorized", provider: "harness" });
    });
    answerInputs("https://h.example", "acct", "", "", "bad");
    await configureHarness(deps);
    expect(vscode.window.showErrorMessage).toHaveBeenCalledWith(
      "Configure Harness failed: The token was refused. Enter a new API token: it may have expired, been revoked or lack the gitspace permissions.",
      "Configure Harness",
      "Retry",
      "Show Logs",
    );
  });
});

describe("applyStoredHarnessConfig", () => {
  it("sends nothing when Harness was never configured", async () => {
    const fake = new FakeSidecar();
    expect(await applyStoredHarnessConfig(fake, testSettings(), new MemorySecrets() as unknown as vscode.SecretStorage)).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });

  it("sends the saved settings and token to a new sidecar", async () => {
    const fake = new FakeSidecar().on("providers/configure", () => ({
      provider: { id: "harness", displayName: "Harness CDE", kind: "hosted", configured: true, reachable: true },
    }));
    const secrets = new MemorySecrets();
    await secrets.store(HarnessTokenKey, "t0k");
    await applyStoredHarnessConfig(fake, testSettings({ harness: { endpoint: "https://h", account: "a", org: "", project: "p" } }), secrets as unknown as vscode.SecretStorage);
    expect(fake.calls[0].params).toEqual({ provider: "harness", endpoint: "https://h", accountIdentifier: "a", projectIdentifier: "p", token: "t0k" });
  });
});
