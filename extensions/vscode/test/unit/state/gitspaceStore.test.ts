import { describe, expect, it, vi } from "vitest";
import { GitspaceStore } from "../../../src/state/gitspaceStore";
import { FakeSidecar, makeGitspace } from "../helpers";

describe("GitspaceStore", () => {
  it("finds a gitspace by its SSH alias, case-insensitively", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({ gitspaces: [makeGitspace({ sshHost: "Web-1.Gitspaces" }), makeGitspace({ id: "b", sshHost: undefined })] }));
    const store = new GitspaceStore(async () => fake);
    await store.refresh();
    expect(store.bySshHost("web-1.gitspaces")?.id).toBe("web-1");
    expect(store.bySshHost("nope")).toBeUndefined();
  });

  it("ignores the deletion of an unknown gitspace without firing", () => {
    const store = new GitspaceStore(async () => new FakeSidecar());
    const changed = vi.fn();
    store.onDidChange(changed);
    store.apply(makeGitspace({ state: "deleted" }));
    expect(changed).not.toHaveBeenCalled();
    expect(store.loaded).toBe(false);
  });

  it("keeps the list when a refresh fails", async () => {
    let fail = false;
    const fake = new FakeSidecar().on("gitspaces/list", () => {
      if (fail) throw new Error("down");
      return { gitspaces: [makeGitspace()] };
    });
    const store = new GitspaceStore(async () => fake);
    await store.refresh();
    fail = true;
    await expect(store.refresh()).rejects.toThrow("down");
    expect(store.all).toHaveLength(1);
  });
});

describe("GitspaceStore.lastError", () => {
  it("keeps why the last refresh failed until one succeeds", async () => {
    let fail = true;
    const fake = new FakeSidecar().on("gitspaces/list", () => {
      if (fail) throw new Error("No provider is configured.");
      return { gitspaces: [] };
    });
    const store = new GitspaceStore(async () => fake);
    const changed = vi.fn();
    store.onDidChange(changed);
    await expect(store.refresh()).rejects.toThrow();
    expect(store.lastError).toBe("No provider is configured.");
    fail = false;
    await store.refresh();
    expect(store.lastError).toBeUndefined();
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
