import { describe, expect, it, vi } from "vitest";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { askToTrust, TrustAction, trustDetail, trustQuestion, withTrustConsent } from "../../../src/trust/consent";

const untrusted = new RpcError(ErrorCodes.RepositoryUntrusted, "not trusted", {
  kind: "RepositoryUntrusted",
  repository: "https://example.com/org/app.git",
  hostAccess: [
    { kind: "hostMount", property: "$.mounts[0]", detail: "this machine's /home/me/.aws mounted at /aws" },
    { kind: "privilege", property: "$.runArgs[0]", detail: "--pid=host: this machine's processes" },
  ],
});

describe("trust consent", () => {
  it("reads the question from a RepositoryUntrusted error only", () => {
    expect(trustQuestion(untrusted)?.repository).toBe("https://example.com/org/app.git");
    expect(trustQuestion(new RpcError(ErrorCodes.OperationFailed, "x"))).toBeUndefined();
    expect(trustQuestion(new Error("x"))).toBeUndefined();
  });

  it("lists every property in the modal's detail", () => {
    const detail = trustDetail(trustQuestion(untrusted)!);
    expect(detail).toContain("$.mounts[0]: this machine's /home/me/.aws mounted at /aws");
    expect(detail).toContain("$.runArgs[0]: --pid=host");
  });

  it("asks in a modal and trusts only on the consent button", async () => {
    const window = { showWarningMessage: vi.fn(async () => TrustAction as string | undefined) };
    expect(await askToTrust(trustQuestion(untrusted)!, window as never)).toBe(true);
    expect(window.showWarningMessage).toHaveBeenCalledWith(expect.stringContaining("example.com/org/app.git"), expect.objectContaining({ modal: true }), TrustAction);
    window.showWarningMessage.mockResolvedValueOnce(undefined);
    expect(await askToTrust(trustQuestion(untrusted)!, window as never)).toBe(false);
  });

  it("retries trusting the repository once the user agrees", async () => {
    const run = vi.fn(async (trust: boolean) => {
      if (!trust) {
        throw untrusted;
      }
      return "created";
    });
    expect(await withTrustConsent(run, async () => true)).toBe("created");
    expect(run.mock.calls).toEqual([[false], [true]]);
  });

  it("gives the server's error back when the user declines, and never retries other errors", async () => {
    await expect(withTrustConsent(async () => Promise.reject(untrusted), async () => false)).rejects.toBe(untrusted);
    const other = new RpcError(ErrorCodes.OperationFailed, "boom");
    const ask = vi.fn(async () => true);
    await expect(withTrustConsent(async () => Promise.reject(other), ask)).rejects.toBe(other);
    expect(ask).not.toHaveBeenCalled();
  });
});
