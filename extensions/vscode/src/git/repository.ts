import * as cp from "node:child_process";

/** Runs git without a shell and without prompting for credentials; resolves stdout, or undefined on failure. */
export function git(args: string[], cwd: string | undefined, timeoutMs = 15_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    cp.execFile(
      "git",
      args,
      {
        cwd,
        timeout: timeoutMs,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "" },
        maxBuffer: 4 * 1024 * 1024,
      },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

export interface LocalRepository {
  /** The repository's top-level folder. */
  root: string;
  /** Remote name → fetch URL, origin first. */
  remotes: { name: string; url: string }[];
  /** The checked-out branch, if any. */
  currentBranch?: string;
  /** Local branch names. */
  branches: string[];
}

/** Describes the git repository containing folder, or undefined when folder is not inside one. */
export async function inspectRepository(folder: string): Promise<LocalRepository | undefined> {
  const root = (await git(["rev-parse", "--show-toplevel"], folder))?.trim();
  if (!root) {
    return undefined;
  }
  const remotesText = (await git(["remote", "-v"], root)) ?? "";
  const remotes: { name: string; url: string }[] = [];
  for (const line of remotesText.split(/\r?\n/)) {
    const match = /^(\S+)\s+(\S+)\s+\(fetch\)$/.exec(line.trim());
    if (match && !remotes.some((r) => r.name === match[1])) {
      remotes.push({ name: match[1], url: match[2] });
    }
  }
  remotes.sort((a, b) => (a.name === "origin" ? -1 : b.name === "origin" ? 1 : a.name.localeCompare(b.name)));
  const currentBranch = (await git(["symbolic-ref", "--quiet", "--short", "HEAD"], root))?.trim() || undefined;
  const branches = ((await git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], root)) ?? "")
    .split(/\r?\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return { root, remotes, currentBranch, branches };
}

/** Branch names of a remote repository (git ls-remote --heads), or [] when it cannot be read. */
export async function remoteBranches(url: string): Promise<string[]> {
  const text = await git(["ls-remote", "--heads", "--", url], undefined, 20_000);
  if (!text) {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => /\trefs\/heads\/(.+)$/.exec(line)?.[1])
    .filter((b): b is string => b !== undefined);
}

/** Removes credentials from an https URL before it is shown or logged. */
export function redactUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^@/]+@/i, "$1");
}
