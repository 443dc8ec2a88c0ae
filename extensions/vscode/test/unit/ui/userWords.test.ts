import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../../src/protocol";
import { configureActionOf, editorHint, inUserWords } from "../../../src/ui/userWords";

describe("inUserWords", () => {
  it("drops the sentences that tell a CLI user what to type", () => {
    expect(
      inUserWords("Start the engine at tcp://10.0.0.9:2375, or change the Docker host with `providers/configure {provider:\"docker\", endpoint}` or DOCKER_HOST."),
    ).toBe("");
    expect(inUserWords("Wait for the other operation to finish, then try again.")).toBe("Wait for the other operation to finish, then try again.");
    expect(inUserWords("Check the endpoint and your network connection. List gitspaces with `gitspaces list` or gitspaces/list.")).toBe(
      "Check the endpoint and your network connection.",
    );
  });

  it("keeps what is wrong before the colon of an instruction", () => {
    expect(inUserWords("Not logged in to Harness: run `gitspaces login harness --endpoint <url> --account <id>` with the token on stdin (or providers/configure).")).toBe(
      "Not logged in to Harness.",
    );
  });

  it("finds the instruction the sidecar appended to a message without a full stop", () => {
    expect(
      inUserWords(
        "The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused Start the engine at tcp://10.0.0.9:2375, or change the Docker host with `providers/configure` or DOCKER_HOST.",
      ),
    ).toBe("The Docker engine at tcp://10.0.0.9:2375 (configured) does not answer: Connection refused");
  });

  it("leaves ordinary messages alone", () => {
    expect(inUserWords("The Docker engine at unix:///var/run/docker.sock (default) does not answer: Connection refused")).toBe(
      "The Docker engine at unix:///var/run/docker.sock (default) does not answer: Connection refused",
    );
    expect(inUserWords(undefined)).toBe("");
  });
});

describe("editor hints and actions", () => {
  it("names the provider's configure button", () => {
    expect(configureActionOf("docker")).toBe("Configure Docker Host");
    expect(configureActionOf("harness")).toBe("Configure Harness");
    expect(configureActionOf(undefined)).toBe("Configure");
  });

  it("says what to do per code and provider, in editor terms", () => {
    expect(editorHint(ErrorCodes.ProviderUnavailable, "docker")).toBe("Start Docker, or choose another Docker host.");
    expect(editorHint(ErrorCodes.ProviderNotConfigured, "harness")).toContain("API token");
    expect(editorHint(ErrorCodes.ProviderUnavailable, "harness")).toBeUndefined();
    expect(editorHint(ErrorCodes.OperationFailed, "docker")).toBeUndefined();
  });
});
