import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inspectRepository, redactUrl, remoteBranches } from "../../../src/git/repository";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitspaces-git-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", args, { cwd, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
}

describe("inspectRepository", () => {
  it("reads remotes (origin first), the current branch and local branches, from a subfolder", async () => {
    const repo = path.join(dir, "repo");
    fs.mkdirSync(path.join(repo, "sub"), { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    fs.writeFileSync(path.join(repo, "sub", "f.txt"), "x");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "init");
    git(repo, "branch", "feature");
    git(repo, "remote", "add", "upstream", "https://example.com/up.git");
    git(repo, "remote", "add", "origin", "git@example.com:me/repo.git");
    const info = await inspectRepository(path.join(repo, "sub"));
    expect(info).toEqual({
      root: fs.realpathSync(repo),
      remotes: [
        { name: "origin", url: "git@example.com:me/repo.git" },
        { name: "upstream", url: "https://example.com/up.git" },
      ],
      currentBranch: "main",
      branches: ["feature", "main"],
    });
    expect(await remoteBranches(repo)).toEqual(["feature", "main"]);
  });

  it("is undefined outside a repository", async () => {
    const plain = path.join(dir, "plain");
    fs.mkdirSync(plain);
    expect(await inspectRepository(plain)).toBeUndefined();
    expect(await remoteBranches(path.join(dir, "missing"))).toEqual([]);
  });
});

describe("redactUrl", () => {
  it("removes credentials from https URLs only", () => {
    expect(redactUrl("https://user:tok@example.com/a.git")).toBe("https://example.com/a.git");
    expect(redactUrl("git@example.com:a/b.git")).toBe("git@example.com:a/b.git");
  });
});
