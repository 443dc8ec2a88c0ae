// npm test: runs the three layers one after another and reports each on its own line:
//   unit: N passed, N failed[, N skipped]
//   protocol: N passed, N failed[, N skipped]
//   e2e: N passed, N failed[, N skipped]
//   total: N passed, N failed      (the last line, which the root runner reads)
// and writes .test-output/<layer>.json (vitest's JSON report) and .test-output/summary.json. Exit code 1 when
// any layer failed or could not run (a layer that cannot run counts as 1 failed, with the reason).
// `node scripts/run-tests.mjs unit protocol` runs only the named layers.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(here, "../..");
const outDir = path.join(here, ".test-output");
const exe = process.platform === "win32" ? "gitspaces.exe" : "gitspaces";
const sidecar = path.join(repoRoot, "artifacts", "bin", exe);
const requested = process.argv.slice(2);
const layers = requested.length > 0 ? requested : ["unit", "protocol", "e2e"];
fs.mkdirSync(outDir, { recursive: true });

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}${options.cwd && options.cwd !== here ? `   (in ${path.relative(here, options.cwd) || "."})` : ""}`);
  const result = spawnSync(command, args, { cwd: here, stdio: "inherit", ...options });
  return result.status ?? 1;
}

/** Builds artifacts/bin/gitspaces when it is missing: the root `npm run build` if there is one, else dotnet publish. */
function ensureSidecar() {
  if (fs.existsSync(sidecar)) {
    return undefined;
  }
  const rootPackage = path.join(repoRoot, "package.json");
  const scripts = fs.existsSync(rootPackage) ? (JSON.parse(fs.readFileSync(rootPackage, "utf8")).scripts ?? {}) : {};
  const status = scripts.build
    ? run("npm", ["run", "build"], { cwd: repoRoot })
    : run("dotnet", ["publish", path.join("server", "Gitspaces.Server", "Gitspaces.Server.csproj"), "-c", "Release", "-o", path.join("artifacts", "bin")], { cwd: repoRoot });
  if (status !== 0 || !fs.existsSync(sidecar)) {
    return `the sidecar could not be built (${sidecar} is missing after the build, exit ${status})`;
  }
  return undefined;
}

function vitest(layer) {
  const report = path.join(outDir, `${layer}.json`);
  fs.rmSync(report, { force: true });
  const vitestBin = path.join(here, "node_modules", "vitest", "vitest.mjs");
  const status = run(process.execPath, [vitestBin, "run", "--project", layer, "--reporter=default", "--reporter=json", `--outputFile=${report}`,
    // The protocol and e2e layers start sidecars, containers and code-server: one file at a time.
    ...(layer === "unit" ? [] : ["--no-file-parallelism"])]);
  if (!fs.existsSync(report)) {
    return { passed: 0, failed: 1, skipped: 0, reason: `vitest wrote no report (exit ${status})` };
  }
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  const counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + (json.numTodoTests ?? 0) };
  if (status !== 0 && counts.failed === 0) {
    // A suite that failed before its tests ran (beforeAll, import error) reports its tests as skipped.
    const failedSuites = json.testResults.filter((r) => r.status === "failed");
    return { ...counts, failed: Math.max(1, failedSuites.length), reason: failedSuites.map((r) => r.message).filter(Boolean).join("; ") || `vitest exit ${status}` };
  }
  return counts;
}

const results = {};
for (const layer of layers) {
  const started = Date.now();
  let result;
  if (layer === "unit") {
    result = vitest("unit");
  } else if (layer === "protocol") {
    const problem = ensureSidecar();
    result = problem ? { passed: 0, failed: 1, skipped: 0, reason: problem } : vitest("protocol");
  } else if (layer === "e2e") {
    let problem = ensureSidecar();
    if (!problem && run("bash", [path.join("scripts", "setup-e2e.sh")]) !== 0) {
      problem = "scripts/setup-e2e.sh failed (code-server, chromium)";
    }
    if (!problem && run(process.execPath, [path.join("scripts", "package.mjs")]) !== 0) {
      problem = "npm run package failed";
    }
    result = problem ? { passed: 0, failed: 1, skipped: 0, reason: problem } : vitest("e2e");
  } else {
    console.error(`unknown layer ${layer} (unit, protocol, e2e)`);
    process.exit(2);
  }
  results[layer] = { ...result, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

fs.writeFileSync(path.join(outDir, "summary.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("");
let failed = false;
for (const [layer, r] of Object.entries(results)) {
  if (r.reason) {
    console.log(`${layer} could not complete: ${r.reason}`);
  }
}
for (const [layer, r] of Object.entries(results)) {
  failed ||= r.failed > 0;
  console.log(`${layer}: ${r.passed} passed, ${r.failed} failed${r.skipped > 0 ? `, ${r.skipped} skipped` : ""}`);
}
const total = Object.values(results).reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), { passed: 0, failed: 0 });
console.log(`total: ${total.passed} passed, ${total.failed} failed`);
process.exit(failed ? 1 : 0);
