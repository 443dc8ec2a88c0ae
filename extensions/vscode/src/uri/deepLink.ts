/** What a link asks for: open a gitspace (starting it if needed), in the current window or a new one. */
export interface OpenLink {
  action: "open";
  /** The gitspace's id or name. */
  gitspace: string;
  provider?: string;
  /** Which window; undefined lets the handler choose (a new one when this one has a folder open). */
  window?: "current" | "new";
}

export type DeepLinkResult = { ok: true; link: OpenLink } | { ok: false; error: string };

/**
 * Reads a link handed to the extension: `<scheme>://<publisher>.<name>/open?gitspace=<id or name>&provider=<id>
 * [&window=new|current]`. Pure: takes the URI's path and query as VS Code passes them.
 */
export function parseDeepLink(uri: { path: string; query: string }): DeepLinkResult {
  const action = uri.path.replace(/^\/+|\/+$/g, "");
  if (action !== "open") {
    return { ok: false, error: `This link asks for "${action || "nothing"}"; Gitspaces links open a gitspace (/open?gitspace=…).` };
  }
  const params = new URLSearchParams(uri.query);
  const gitspace = params.get("gitspace")?.trim();
  if (!gitspace) {
    return { ok: false, error: "This Gitspaces link names no gitspace (gitspace=<name or id>)." };
  }
  const provider = params.get("provider")?.trim() || undefined;
  if (provider !== undefined && !/^[a-z][a-z0-9-]*$/.test(provider)) {
    return { ok: false, error: `This Gitspaces link names an unknown kind of provider ("${provider}").` };
  }
  const window = params.get("window")?.trim();
  if (window !== undefined && window !== "current" && window !== "new") {
    return { ok: false, error: `This Gitspaces link asks for window "${window}"; use current or new.` };
  }
  return { ok: true, link: { action: "open", gitspace, provider, window: window as OpenLink["window"] } };
}

/** The link that opens a gitspace, for a web page or a control plane to hand out. */
export function openLink(scheme: string, extensionId: string, gitspace: string, provider?: string): string {
  const query = new URLSearchParams({ gitspace, ...(provider ? { provider } : {}) });
  return `${scheme}://${extensionId}/open?${query.toString()}`;
}
