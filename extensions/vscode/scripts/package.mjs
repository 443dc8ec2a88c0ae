// npm run package: bundles the extension, copies one platform's sidecar into server/ and writes a platform-specific
// VSIX (`vsce package --target`), so each user downloads only their own platform's native program.
//   node scripts/package.mjs                      this machine's platform, sidecar from ../../artifacts/bin (npm run build)
//   node scripts/package.mjs --target linux-arm64 --rid linux-arm64 --sidecar-dir DIR [--version 0.1.2] [--out FILE]
// The root `npm run package:all` calls it once per platform (scripts/release/package.mjs). Works from a fresh clone:
// it installs this folder's dependencies (npm ci) and builds the sidecar when they are missing.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { platforms } from "../../../scripts/release/platforms.mjs";
import { shippableFiles } from "../../../scripts/release/publish.mjs";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(here, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));

const option = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const target = option("target") ?? `${process.platform}-${process.arch}`;
// The platforms table and the rule for what ships are the release's own (scripts/release/), not copies of them.
const rid = option("rid") ?? platforms.find((p) => p.vsceTarget === target)?.rid;
if (!rid) {
  console.error(`package: no gitspaces build for the VS Code target ${target}; targets: ${platforms.map((p) => p.vsceTarget).join(", ")}`);
  process.exit(1);
}
const sourceDir = option("sidecar-dir") ?? process.env.GITSPACES_SIDECAR_DIR ?? path.join(repoRoot, "artifacts", "bin");
const windows = target.startsWith("win32-");
const exe = windows ? "gitspaces.exe" : "gitspaces";
const node = process.execPath;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

// esbuild and vsce come from this folder's devDependencies; a fresh clone has none yet.
if (!fs.existsSync(path.join(here, "node_modules", "esbuild")) || !fs.existsSync(path.join(here, "node_modules", "@vscode", "vsce"))) {
  console.log("package: installing the extension's dependencies (npm ci)");
  execFileSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
}
if (!option("sidecar-dir") && !process.env.GITSPACES_SIDECAR_DIR && !fs.existsSync(path.join(sourceDir, exe))) {
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
fs.mkdirSync(serverDir, { recursive: true });
// Only what runs: the program and its native libraries; no symbols, docs or build stamps.
for (const name of shippableFiles(sourceDir)) {
  fs.copyFileSync(path.join(sourceDir, name), path.join(serverDir, name));
}
if (!windows) {
  fs.chmodSync(path.join(serverDir, exe), 0o755);
}
// What the extension checks at start before it runs the program (src/sidecar/platform.ts).
fs.writeFileSync(path.join(serverDir, "platform.json"), `${JSON.stringify({ rid, target }, null, 2)}\n`);

const version = option("version") ?? pkg.version;
const out = option("out") ?? path.join(here, `${pkg.name}-${version}-${target}.vsix`);
const vsce = path.join(here, "node_modules", "@vscode", "vsce", "vsce");
const args = ["package", "--target", target, "--no-dependencies", "--out", out];
if (option("version")) {
  args.splice(1, 0, version, "--no-update-package-json", "--no-git-tag-version");
}
execFileSync(node, [vsce, ...args], { cwd: here, stdio: "inherit" });
console.log(`package: ${path.relative(process.cwd(), out)} for ${target} (${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MiB, sidecar from ${sourceDir})`);
