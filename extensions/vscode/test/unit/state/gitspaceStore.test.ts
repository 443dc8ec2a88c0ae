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

describe("GitspaceStore.during", () => {
  it("shows one transition per real change while a rebuild runs, whatever the engine watcher reports meanwhile", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({ gitspaces: [makeGitspace({ state: "running", readiness: "ready" })] }));
    const store = new GitspaceStore(async () => fake);
    await store.refresh();
    const shown: string[] = [];
    store.onDidChange(() => shown.push(`${store.get("web-1")?.state}${store.get("web-1")?.readiness ? `/${store.get("web-1")?.readiness}` : ""}`));
    // What the sidecar sent during a real rebuild (measured): starting, running, starting, running/setting_up, running/ready.
    const reports = [
      makeGitspace({ state: "starting", readiness: undefined }),
      makeGitspace({ state: "running", readiness: "ready" }),
      makeGitspace({ state: "starting", readiness: undefined }),
      makeGitspace({ state: "running", readiness: "setting_up" }),
      makeGitspace({ state: "running", readiness: "ready" }),
    ];
    const final = makeGitspace({ state: "running", readiness: "ready", updatedAt: "2026-01-01T11:00:00Z" });
    await store.during(
      "web-1",
      "starting",
      async () => {
        reports.forEach((r) => store.apply(r));
        await store.refresh();
        return { gitspace: final };
      },
      (r) => r.gitspace,
    );
    expect(shown).toEqual(["starting", "running/ready"]);
    expect(store.get("web-1")).toEqual(final);
  });

  it("shows the last reported state when the held work fails", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({ gitspaces: [makeGitspace({ state: "stopped", readiness: undefined })] }));
    const store = new GitspaceStore(async () => fake);
    await store.refresh();
    const failed = store.during(
      "web-1",
      "starting",
      async () => {
        store.apply(makeGitspace({ state: "error", errorMessage: "image missing" }));
        expect(store.get("web-1")?.state).toBe("starting");
        throw new Error("start failed");
      },
      () => undefined,
    );
    await expect(failed).rejects.toThrow("start failed");
    expect(store.get("web-1")).toMatchObject({ state: "error", errorMessage: "image missing" });
  });

  it("fires nothing for a report that changes nothing", async () => {
    const fake = new FakeSidecar().on("gitspaces/list", () => ({ gitspaces: [makeGitspace()] }));
    const store = new GitspaceStore(async () => fake);
    await store.refresh();
    const changed = vi.fn();
    store.onDidChange(changed);
    store.apply(makeGitspace());
    expect(changed).not.toHaveBeenCalled();
  });
});
