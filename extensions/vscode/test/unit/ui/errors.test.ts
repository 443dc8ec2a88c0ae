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

  it("names the provider's configure button", () => {
    const docker = new RpcError(ErrorCodes.ProviderUnavailable, "The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused", {
      kind: "ProviderUnavailable",
      provider: "docker",
      hint: "Start the engine at tcp://10.0.0.9:2375, or change the Docker host with `providers/configure {provider:\"docker\", endpoint}` or DOCKER_HOST.",
    });
    expect(describeError(docker, context)).toEqual({
      severity: "error",
      message: "Do it failed: The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused Start Docker, or choose another Docker host.",
      actions: ["Configure Docker Host", "Retry", "Show Logs"],
    });
    const harness = new RpcError(ErrorCodes.ProviderNotConfigured, "Not logged in to Harness: run `gitspaces login harness --endpoint <url>` with the token on stdin (or providers/configure).", {
      kind: "ProviderNotConfigured",
      provider: "harness",
      hint: "Log in with `gitspaces login harness`.",
    });
    const said = describeError(harness, context);
    expect(said.message).toBe("Do it failed: Not logged in to Harness. Set up Harness with its URL, your account and an API token.");
    expect(said.actions).toEqual(["Configure Harness", "Retry", "Show Logs"]);
    expect(said.message).not.toMatch(/gitspaces login|providers\/configure|`/);
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
