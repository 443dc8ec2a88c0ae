import { describe, expect, it } from "vitest";
import { GitspaceUsage } from "../../../src/state/usage";
import { MemoryMemento } from "../helpers";

describe("GitspaceUsage", () => {
  it("remembers the last use and which gitspaces were created here, across instances (globalState)", async () => {
    const memento = new MemoryMemento();
    let now = 1000;
    const usage = new GitspaceUsage(memento, () => now);
    expect(usage.lastUsed("a")).toBeUndefined();
    await usage.created("a");
    now = 2000;
    await usage.used("b");
    const again = new GitspaceUsage(memento);
    expect([again.lastUsed("a"), again.lastUsed("b")]).toEqual([1000, 2000]);
    expect([again.createdHere("a"), again.createdHere("b")]).toEqual([true, false]);
  });

  it("keeps a bounded record, dropping the least recently used", async () => {
    const memento = new MemoryMemento();
    let now = 0;
    const usage = new GitspaceUsage(memento, () => ++now);
    for (let i = 0; i < 510; i++) {
      await usage.used(`g${i}`);
    }
    expect(usage.lastUsed("g0")).toBeUndefined();
    expect(usage.lastUsed("g509")).toBe(510);
    expect(Object.keys(memento.get<Record<string, number>>("gitspaces.lastUsed", {})!)).toHaveLength(500);
  });
});
