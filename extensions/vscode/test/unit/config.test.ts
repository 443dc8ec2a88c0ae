import { beforeEach, describe, expect, it } from "vitest";
import { readSettings } from "../../src/config";
import { mockState, resetVscodeMock } from "../mocks/vscode";

beforeEach(() => resetVscodeMock());

describe("readSettings", () => {
  it("reads VS Code's dotfiles.* settings, trimmed, empty when unset", () => {
    expect(readSettings().dotfiles).toEqual({ repository: "", targetPath: "", installCommand: "" });
    mockState.config.set("dotfiles.repository", " me/dotfiles ");
    mockState.config.set("dotfiles.targetPath", "~/dots");
    mockState.config.set("dotfiles.installCommand", "script/bootstrap");
    expect(readSettings().dotfiles).toEqual({ repository: "me/dotfiles", targetPath: "~/dots", installCommand: "script/bootstrap" });
  });

  it("ignores a dotfiles setting that is not text", () => {
    mockState.config.set("dotfiles.repository", 42);
    expect(readSettings().dotfiles?.repository).toBe("");
  });

  it("has gitspaces.autoStopMinutes only when the user set it, 0 included, so the sidecar's own setting applies otherwise", () => {
    mockState.configDefaults.set("gitspaces.autoStopMinutes", 60);
    expect(readSettings().autoStopMinutes).toBeUndefined();
    mockState.config.set("gitspaces.autoStopMinutes", 0);
    expect(readSettings().autoStopMinutes).toBe(0);
    mockState.config.set("gitspaces.autoStopMinutes", 90);
    expect(readSettings().autoStopMinutes).toBe(90);
  });
});
