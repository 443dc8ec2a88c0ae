import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError, SidecarUnavailableError } from "../../../src/sidecar/errors";
import { describeError } from "../../../src/ui/errors";

const context = { operation: "Do it", retry: () => undefined };

describe("describeError", () => {
  it.each([
    [ErrorCodes.GitspaceNotFound, "warning", ["Show Logs"]],
    [ErrorCodes.GitspaceBusy, "error", ["Retry", "Show Logs"]],
    [ErrorCodes.ProviderUnavailable, "error", ["Retry", "Show Logs"]],
    [ErrorCodes.Unauthorized, "error", ["Configure", "Retry", "Show Logs"]],
    [ErrorCodes.DevcontainerInvalid, "error", ["Show Logs", "Retry"]],
    [ErrorCodes.RepositoryUnavailable, "error", ["Retry", "Show Logs"]],
    [ErrorCodes.OperationFailed, "error", ["Show Logs", "Retry"]],
    [ErrorCodes.ProviderNotConfigured, "error", ["Configure", "Retry", "Show Logs"]],
    [ErrorCodes.InvalidState, "warning", ["Show Logs"]],
    [ErrorCodes.NotSupported, "warning", ["Show Logs"]],
    [ErrorCodes.InvalidParams, "error", ["Show Logs", "Retry"]],
    [ErrorCodes.InternalError, "error", ["Show Logs", "Retry"]],
    [ErrorCodes.RequestCancelled, "info", []],
  ])("code %i → %s with %j", (code, severity, actions) => {
    const result = describeError(new RpcError(code, "boom"), context);
    expect(result.severity).toBe(severity);
    expect(result.actions).toEqual(actions);
  });

  it("leaves Retry out when the operation cannot be retried", () => {
    expect(describeError(new RpcError(ErrorCodes.GitspaceBusy, "busy"), { operation: "x" }).actions).toEqual(["Show Logs"]);
  });

  it("appends the server's hint", () => {
    expect(describeError(new RpcError(ErrorCodes.ProviderUnavailable, "Docker is down.", { kind: "ProviderUnavailable", hint: "Start Docker." }), context).message).toBe(
      "Do it failed: Docker is down. Start Docker.",
    );
  });

  it("offers Restart for a sidecar that is not running", () => {
    expect(describeError(new SidecarUnavailableError("gone"), context)).toEqual({ severity: "error", message: "Do it failed: gone", actions: ["Show Logs", "Restart"] });
  });

  it("shows other errors' messages", () => {
    expect(describeError(new Error("disk full"), context)).toEqual({ severity: "error", message: "Do it failed: disk full", actions: ["Show Logs"] });
  });
});
