// npm run package: bundles the extension, copies the sidecar into server/ and writes gitspaces-<version>.vsix.
// The sidecar comes from ../../artifacts/bin (the root `npm run build`), or GITSPACES_SIDECAR_DIR. Works from a fresh
// clone: it installs this folder's dependencies (npm ci) and builds the sidecar when they are missing.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(here, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
const sourceDir = process.env.GITSPACES_SIDECAR_DIR ?? path.join(repoRoot, "artifacts", "bin");
const exe = process.platform === "win32" ? "gitspaces.exe" : "gitspaces";

const node = process.execPath;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

// esbuild and vsce come from this folder's devDependencies; a fresh clone has none yet.
if (!fs.existsSync(path.join(here, "node_modules", "esbuild")) || !fs.existsSync(path.join(here, "node_modules", "@vscode", "vsce"))) {
  console.log("package: installing the extension's dependencies (npm ci)");
  execFileSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
}
if (!process.env.GITSPACES_SIDECAR_DIR && !fs.existsSync(path.join(sourceDir, exe))) {
  console.log("package: building the sidecar (the repository root's npm run build)");
  execFileSync(node, [path.join(repoRoot, "scripts", "build.mjs")], { cwd: repoRoot, stdio: "inherit" });
}
if (!fs.existsSync(path.join(sourceDir, exe))) {
  console.error(`package: the sidecar is not built (${path.join(sourceDir, exe)} is missing); run \`npm run build\` at the repository root first.`);
  process.exit(1);
}

execFileSync(node, [path.join(here, "scripts", "build.mjs"), "--minify"], { cwd: here, stdio: "inherit" });

const serverDir = path.join(here, "server");
fs.rmSync(serverDir, { recursive: true, force: true });
fs.cpSync(sourceDir, serverDir, {
  recursive: true,
  // Debug symbols and XML docs are not needed at run time.
  filter: (src) => !/\.(pdb|xml)$/i.test(src),
});
if (process.platform !== "win32") {
  fs.chmodSync(path.join(serverDir, exe), 0o755);
  // The NativeAOT SSH proxy, when this platform's build made one: without its executable bit SSH falls back to the
  // slower `gitspaces ssh-proxy`.
  const proxy = path.join(serverDir, "gitspaces-ssh-proxy");
  if (fs.existsSync(proxy)) {
    fs.chmodSync(proxy, 0o755);
  }
}

const out = path.join(here, `${pkg.name}-${pkg.version}.vsix`);
const vsce = path.join(here, "node_modules", "@vscode", "vsce", "vsce");
execFileSync(node, [vsce, "package", "--no-dependencies", "--out", out], { cwd: here, stdio: "inherit" });
console.log(`package: ${path.relative(here, out)} (${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MiB, sidecar from ${sourceDir})`);
