import { describe, expect, it } from "vitest";
import { parseSidecarLine } from "../../../src/sidecar/stderrLog";

describe("parseSidecarLine", () => {
  it.each([
    ["2026-12-07T15:20:01.1234567Z [4242] info  listening on stdio", "info", "listening on stdio"],
    ["2026-12-07T15:20:01.1234567Z [4242] warn  watching providers stopped: x", "warn", "watching providers stopped: x"],
    ["2026-12-07T15:20:01.1234567Z [4242] error gitspaces/create failed unexpectedly: boom", "error", "gitspaces/create failed unexpectedly: boom"],
    ["2026-12-07T15:20:01.1234567Z [7] debug  two spaces kept", "debug", " two spaces kept"],
    ["2026-12-07T15:20:01Z [7] trace t", "trace", "t"],
    ["2026-12-07T15:20:01.1Z [7] warn  ", "warn", ""],
    ["2026-12-07T15:20:01.5+01:00 [7] info  offset", "info", "offset"],
  ])("takes time, pid and level off %j", (line, level, message) => {
    expect(parseSidecarLine(line)).toEqual({ level, message });
  });

  it("keeps a line from the .NET host whole, as a warning", () => {
    expect(parseSidecarLine("You must install .NET to run this application.")).toEqual({ level: "warn", message: "You must install .NET to run this application." });
    expect(parseSidecarLine("info  no timestamp")).toEqual({ level: "warn", message: "info  no timestamp" });
  });
});
