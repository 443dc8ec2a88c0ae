import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { clearGitspacesFilter, filterGitspaces, type FilterableView } from "../../../src/commands/filter";
import { resetVscodeMock } from "../../mocks/vscode";

beforeEach(() => resetVscodeMock());

function view(initial?: string): FilterableView & { seen: (string | undefined)[] } {
  const v = {
    filter: initial,
    seen: [] as (string | undefined)[],
    setFilter(text: string | undefined) {
      v.filter = text?.trim() || undefined;
      v.seen.push(v.filter);
    },
  };
  return v;
}

describe("Filter Gitspaces", () => {
  it("filters as the user types and keeps the text on Enter", async () => {
    const v = view();
    vi.mocked(vscode.window.showInputBox).mockImplementationOnce(async (options?: vscode.InputBoxOptions) => {
      options?.validateInput?.("w");
      options?.validateInput?.("we");
      return "web";
    });
    expect(await filterGitspaces(v)).toBe("web");
    expect(v.seen).toEqual(["w", "we", "web"]);
  });

  it("puts the previous filter back on Escape, and Clear shows everything", async () => {
    const v = view("api");
    vi.mocked(vscode.window.showInputBox).mockImplementationOnce(async (options?: vscode.InputBoxOptions) => {
      expect(options?.value).toBe("api");
      options?.validateInput?.("zzz");
      return undefined;
    });
    expect(await filterGitspaces(v)).toBe("api");
    expect(v.filter).toBe("api");
    clearGitspacesFilter(v);
    expect(v.filter).toBeUndefined();
  });
});
