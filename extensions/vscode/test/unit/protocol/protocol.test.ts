import { describe, expect, it } from "vitest";
import { errorCodeName, isFailureEvent, jetBrainsProductCode, MethodCatalog, Methods } from "../../../src/protocol";

describe("protocol module", () => {
  it("names error codes", () => {
    expect(errorCodeName(1002)).toBe("GitspaceBusy");
    expect(errorCodeName(-32800)).toBe("RequestCancelled");
    expect(errorCodeName(42)).toBe("Unknown");
  });

  it("knows failure events", () => {
    expect(isFailureEvent("image_pull_failed")).toBe(true);
    expect(isFailureEvent("agent_gitspace_state_report_error")).toBe(true);
    expect(isFailureEvent("image_pull_completed")).toBe(false);
  });

  it("maps JetBrains IDEs to product codes", () => {
    expect(jetBrainsProductCode("rider")).toBe("RD");
    expect(jetBrainsProductCode("vs_code")).toBeUndefined();
  });

  it("catalogs every method but $/cancelRequest", () => {
    expect(Object.keys(MethodCatalog).sort()).toEqual(Object.values(Methods).filter((m) => m !== "$/cancelRequest").sort());
  });
});
