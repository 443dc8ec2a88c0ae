import { beforeEach, describe, expect, it } from "vitest";
import * as vscode from "vscode";
import { changeAutoStop, pickAutoStop } from "../../../src/commands/autoStop";
import { ErrorCodes } from "../../../src/protocol";
import { RpcError } from "../../../src/sidecar/errors";
import { resetVscodeMock, window } from "../../mocks/vscode";
import { makeDeps, makeGitspace, pickByLabel } from "../helpers";

beforeEach(() => resetVscodeMock());

describe("Change Auto-Stop", () => {
  it("offers the usual timeouts with the current one marked, sends gitspaces/update and shows the gitspace's new timeout", async () => {
    const g = makeGitspace({ id: "web", name: "web", autoStopSeconds: 3600 });
    const deps = makeDeps({ gitspaces: [g] });
    await deps.store.refresh();
    deps.fake.on("gitspaces/update", (p) => ({ gitspace: { ...g, autoStopSeconds: p.autoStopSeconds } }));
    pickByLabel("2 h");

    const updated = await changeAutoStop(deps, g);

    const items = (await window.showQuickPick.mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items.map((i) => i.label)).toEqual([
      "After 30 min without use",
      "After 1 h without use",
      "After 2 h without use",
      "After 4 h without use",
      "After 8 h without use",
      "Never",
      "$(edit) Other…",
    ]);
    expect(items.find((i) => i.description === "current")?.label).toBe("After 1 h without use");
    expect(deps.fake.callsTo("gitspaces/update")[0]).toMatchObject({ long: true, params: { id: "web", autoStopSeconds: 7200 } });
    expect(updated?.autoStopSeconds).toBe(7200);
    expect(deps.store.get("web")?.autoStopSeconds).toBe(7200);
    expect(window.showInformationMessage).toHaveBeenCalledWith("Gitspace web now stops after 2 h without use.");
  });

  it("takes a typed timeout, checked as the CLI reads it, and Never as 0", async () => {
    const g = makeGitspace({ id: "web", name: "web", autoStopSeconds: 5400 });
    pickByLabel("Other");
    window.showInputBox.mockResolvedValueOnce("1h45m");
    expect(await pickAutoStop(g)).toBe(6300);
    const box = window.showInputBox.mock.calls[0][0] as vscode.InputBoxOptions;
    expect(box.value).toBe("90");
    expect(box.validateInput?.("soon")).toMatch(/30m, 2h or 1h30m/);
    expect(box.validateInput?.("0")).toBeUndefined();
    // A current timeout that is not a preset is offered first, marked current.
    const items = (await window.showQuickPick.mock.calls[0][0]) as vscode.QuickPickItem[];
    expect(items[0]).toMatchObject({ label: "After 1 h 30 min without use", description: "current" });

    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/update", (p) => ({ gitspace: { ...g, autoStopSeconds: p.autoStopSeconds } }));
    pickByLabel("Never");
    await changeAutoStop(deps, g);
    expect(deps.fake.callsTo("gitspaces/update")[0].params).toMatchObject({ autoStopSeconds: 0 });
    expect(window.showInformationMessage).toHaveBeenCalledWith("Gitspace web no longer stops by itself.");
  });

  it("sends nothing when the user backs out, and shows the provider's refusal", async () => {
    const g = makeGitspace({ id: "h", name: "hosted", provider: "harness" });
    const deps = makeDeps({ gitspaces: [g] });
    deps.fake.on("gitspaces/update", () => {
      throw new RpcError(ErrorCodes.NotSupported, "autoStopSeconds is not supported by harness.");
    });
    pickByLabel(undefined);
    expect(await changeAutoStop(deps, g)).toBeUndefined();
    expect(deps.fake.callsTo("gitspaces/update")).toHaveLength(0);

    pickByLabel("Never");
    expect(await changeAutoStop(deps, g)).toBeUndefined();
    // NotSupported reads as a warning, with the provider's words.
    expect(String(window.showWarningMessage.mock.calls[0][0])).toContain("not supported");
  });
});
