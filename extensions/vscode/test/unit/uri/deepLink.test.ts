import { describe, expect, it } from "vitest";
import { openLink, parseDeepLink } from "../../../src/uri/deepLink";

describe("parseDeepLink", () => {
  it("reads the gitspace, the provider and the window", () => {
    expect(parseDeepLink({ path: "/open", query: "gitspace=web-1&provider=docker" })).toEqual({
      ok: true,
      link: { action: "open", gitspace: "web-1", provider: "docker", window: undefined },
    });
    expect(parseDeepLink({ path: "open/", query: "gitspace=My%20Space&window=new" })).toEqual({
      ok: true,
      link: { action: "open", gitspace: "My Space", provider: undefined, window: "new" },
    });
  });

  it("says what is wrong with a link it cannot follow", () => {
    expect(parseDeepLink({ path: "/delete", query: "gitspace=x" })).toEqual({ ok: false, error: expect.stringContaining('asks for "delete"') });
    expect(parseDeepLink({ path: "", query: "" })).toEqual({ ok: false, error: expect.stringContaining('asks for "nothing"') });
    expect(parseDeepLink({ path: "/open", query: "provider=docker" })).toEqual({ ok: false, error: expect.stringContaining("names no gitspace") });
    expect(parseDeepLink({ path: "/open", query: "gitspace=x&provider=Dock%20er" }).ok).toBe(false);
    expect(parseDeepLink({ path: "/open", query: "gitspace=x&window=tab" }).ok).toBe(false);
  });

  it("round-trips the links it hands out", () => {
    const link = openLink("vscode", "gitspaces.gitspaces", "web 1/ü", "harness");
    expect(link).toBe("vscode://gitspaces.gitspaces/open?gitspace=web+1%2F%C3%BC&provider=harness");
    const url = new URL(link);
    expect(parseDeepLink({ path: url.pathname, query: url.search.slice(1) })).toMatchObject({ ok: true, link: { gitspace: "web 1/ü", provider: "harness" } });
  });
});
