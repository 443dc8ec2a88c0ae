import { describe, expect, it } from "vitest";
import { createPersonalization, formatAutoStop, MaxAutoStopSeconds, parseAutoStop } from "../../../src/personal/personalization";
import { testSettings } from "../helpers";

const all = ["dotfiles", "secrets", "autoStop"];
const dotfiles = { repository: "https://example.com/me/dotfiles.git", targetPath: "", installCommand: "install.sh" };

describe("createPersonalization", () => {
  it("adds the dotfiles (without empty fields) and the timeout in seconds for a provider that takes them", () => {
    expect(createPersonalization(testSettings({ dotfiles, autoStopMinutes: 45 }), all)).toEqual({
      dotfiles: { repository: "https://example.com/me/dotfiles.git", installCommand: "install.sh" },
      autoStopSeconds: 2700,
    });
  });

  it("sends 0 (never) when the user chose it", () => {
    expect(createPersonalization(testSettings({ autoStopMinutes: 0 }), all)).toEqual({ autoStopSeconds: 0 });
  });

  it("leaves out what the user did not set, so the sidecar's settings apply", () => {
    expect(createPersonalization(testSettings({ dotfiles: { repository: "", targetPath: "~/x", installCommand: "" } }), all)).toEqual({});
    expect(createPersonalization(testSettings(), all)).toEqual({});
  });

  it("leaves out what the provider cannot take (Harness: neither)", () => {
    const settings = testSettings({ dotfiles, autoStopMinutes: 30 });
    expect(createPersonalization(settings, [])).toEqual({});
    expect(createPersonalization(settings, ["autoStop"])).toEqual({ autoStopSeconds: 1800 });
    expect(createPersonalization(settings, ["dotfiles"])).toEqual({ dotfiles: { repository: dotfiles.repository, installCommand: "install.sh" } });
  });

  it("keeps a timeout within the sidecar's 30 days and ignores a negative one", () => {
    expect(createPersonalization(testSettings({ autoStopMinutes: 10_000_000 }), all)).toEqual({ autoStopSeconds: MaxAutoStopSeconds });
    expect(createPersonalization(testSettings({ autoStopMinutes: -5 }), all)).toEqual({});
  });
});

describe("auto-stop text", () => {
  it("formats seconds in words", () => {
    expect(formatAutoStop(0)).toBe("never");
    expect(formatAutoStop(1800)).toBe("30 min");
    expect(formatAutoStop(3600)).toBe("1 h");
    expect(formatAutoStop(5400)).toBe("1 h 30 min");
    expect(formatAutoStop(90)).toBe("1 min 30 s");
  });

  it("parses what `gitspaces up --auto-stop` takes", () => {
    expect(parseAutoStop("30m")).toBe(1800);
    expect(parseAutoStop("2h")).toBe(7200);
    expect(parseAutoStop("1h30m")).toBe(5400);
    expect(parseAutoStop(" 90s ")).toBe(90);
    expect(parseAutoStop("45")).toBe(2700);
    expect(parseAutoStop("0")).toBe(0);
    expect(parseAutoStop("never")).toBe(0);
    expect(parseAutoStop("OFF")).toBe(0);
  });

  it("rejects what is not a timeout, or more than 30 days", () => {
    for (const text of ["", "soon", "m", "1.5h", "-5", "30x", `${30 * 24 + 1}h`, String(30 * 24 * 60 + 1)]) {
      expect(parseAutoStop(text)).toBeUndefined();
    }
    expect(parseAutoStop(`${30 * 24}h`)).toBe(MaxAutoStopSeconds);
  });
});
