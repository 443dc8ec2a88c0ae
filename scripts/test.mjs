// Runs every test suite of the repository and ends with one line "N passed, N failed".
// It installs and starts what the tests need first (Docker engine, base image, reference CLI, JDK jars,
// browser), so that it works on a fresh machine: see scripts/setup-test-machine.sh.
// Usage: npm test            (everything)
//        npm test -- dotnet   (only suites whose name contains "dotnet"; also: vscode, jetbrains, Docker, Ssh…)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv.slice(2);
const started = Date.now();

function step(title) {
  console.log(`\n=== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function runSync(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

// Runs a command, echoing its output, and returns {code, output}.
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const take = (chunk, stream) => { output += chunk; stream.write(chunk); };
    child.stdout.on('data', (c) => take(c, process.stdout));
    child.stderr.on('data', (c) => take(c, process.stderr));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

// Reads a suite's counts from its own summary lines.
function counts(output) {
  let passed = 0;
  let failed = 0;
  let found = false;
  for (const match of output.matchAll(/(Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+)/g)) {
    failed += Number(match[2]);
    passed += Number(match[3]);
    found = true;
  }
  if (!found) {
    const lines = [...output.matchAll(/^(?:\w+:\s*)?(\d+) passed, (\d+) failed/gm)];
    if (lines.length > 0) {
      const last = lines[lines.length - 1];
      passed = Number(last[1]);
      failed = Number(last[2]);
      found = true;
    }
  }
  return { passed, failed, found };
}

// Names the failed tests in a suite's output, each with the first lines of its error, so that the summary at the end
// of a long CI log (often all that is kept of it) says which ones failed and why.
function failedTests(output) {
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/);
  const patterns = [
    /^\s*Failed (\S.*?) \[[^\]]*\]\s*$/, // dotnet test
    /^\[xUnit\.net [^\]]*\]\s+(\S.*?) \[FAIL\]\s*$/, // dotnet test -v q
    /^\s*FAIL\s+(\S.*?)\s*$/, // vitest
    /^[\s|'+-]*-- (.+?) \[X\]/, // JUnit console launcher
  ];
  const found = new Map();
  lines.forEach((line, index) => {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (!match) continue;
      const detail = lines.slice(index + 1, index + 12)
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !/^(Error Message:|Stack Trace:|⎯+)$/.test(l) && !patterns.some((p) => p.test(l)))
        .slice(0, 3)
        .map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l));
      // The first report of a test keeps its place; a later one with an error message (vitest repeats the name) wins.
      if (!found.has(match[1]) || (found.get(match[1]).length === 0 && detail.length > 0)) found.set(match[1], detail);
    }
  });
  return [...found].map(([name, detail]) => (detail.length > 0 ? `${name}\n      ${detail.join('\n      ')}` : name));
}

const wanted = (name) => filter.length === 0 || filter.some((f) => name.toLowerCase().includes(f.toLowerCase()));

const suites = [];
for (const dir of readdirSync(join(root, 'tests')).sort()) {
  const project = join(root, 'tests', dir, `${dir}.csproj`);
  if (dir.endsWith('.Tests') && existsSync(project)) {
    suites.push({ name: `dotnet ${dir}`, command: 'dotnet', args: ['test', project, '--no-build', '--nologo', '-v', 'q'] });
  }
}
if (existsSync(join(root, 'extensions', 'vscode', 'package.json'))) {
  const cwd = join(root, 'extensions', 'vscode');
  suites.push(withoutDotnet({
    name: 'vscode extension',
    prepare: () => runSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd }),
    command: 'npm',
    args: ['test', '--silent'],
    options: { cwd },
  }));
}
if (existsSync(join(root, 'extensions', 'jetbrains', 'test.sh'))) {
  suites.push(withoutDotnet({ name: 'jetbrains core', command: 'bash', args: [join(root, 'extensions', 'jetbrains', 'test.sh')] }));
}
// Every platform's package, made once (npm run package:all) and checked: formats, libgit2, no stray files, sizes.
suites.push({ name: 'release packages', command: 'node', args: [join(root, 'tests', 'release', 'run.mjs')] });

// The editors' suites run as users run the extensions: with the published program and no .NET runtime reachable.
// On Linux, as root, the .NET installation is hidden behind an empty tmpfs in a private mount namespace.
function withoutDotnet(suite) {
  const dotnet = spawnSync('sh', ['-c', 'readlink -f "$(command -v dotnet)"'], { encoding: 'utf8' }).stdout.trim();
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !dotnet || spawnSync('sh', ['-c', 'command -v unshare'], { stdio: 'ignore' }).status !== 0) {
    return suite;
  }
  const hide = 'mount -t tmpfs -o size=1m gitspaces-no-dotnet "$0" && '
    + 'if dotnet --list-runtimes >/dev/null 2>&1; then echo "a .NET runtime is still reachable" >&2; exit 1; fi && exec "$@"';
  return {
    ...suite,
    name: `${suite.name} (no .NET runtime)`,
    command: 'unshare',
    args: ['--mount', '--propagation', 'private', 'sh', '-c', hide, dirname(dotnet), suite.command, ...suite.args],
    options: { ...suite.options, env: { ...process.env, DOTNET_ROOT: '' } },
  };
}

let totalPassed = 0;
let totalFailed = 0;
try {
  if (process.platform === 'linux') {
    step('machine setup');
    runSync('bash', [join(root, 'scripts', 'setup-test-machine.sh')]);
  }
  step('build the sidecar (npm run build)');
  runSync('node', [join(root, 'scripts', 'build.mjs')]);
  step('build the test projects');
  runSync('dotnet', ['build', join(root, 'Gitspaces.Ide.sln'), '--nologo', '-v', 'q']);
} catch (error) {
  console.error(`\nsetup failed: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Publishing the other platforms' programs is most of the release suite's time (about 15 minutes on 2 cores) and
// needs none of the tests' attention: it runs in the background, at the lowest priority, while the other suites run,
// and the release suite then reuses what it published. It writes only artifacts/publish/<rid>/, which no other suite
// reads; the release suite alone writes the VSIXs, after the editors' suites are done.
const chosen = suites.filter((s) => wanted(s.name));
let prepublish = null;
if (chosen.length > 1 && chosen.some((s) => s.name === 'release packages')) {
  step('publishing every platform in the background (scripts/release/package.mjs --publish-only --all)');
  const log = join(root, 'artifacts', 'logs', 'prepublish.log');
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const command = process.platform === 'win32' ? [process.execPath] : ['nice', '-n', '19', process.execPath];
  const child = spawn(command[0], [...command.slice(1), join(root, 'scripts', 'release', 'package.mjs'), '--publish-only', '--all'], { cwd: root, stdio: ['ignore', out, out] });
  prepublish = new Promise((resolve) => child.on('close', (code) => resolve({ code, log })));
}

const summary = [];
const failures = [];
for (const suite of chosen) {
  if (suite.name === 'release packages' && prepublish) {
    step('waiting for the background publishing');
    const { code, log } = await prepublish;
    // A failure here is not the verdict: the release suite publishes again what is missing and reports for itself.
    console.log(`background publishing ended with ${code}; its log: ${log}`);
    console.log(readFileSync(log, 'utf8').split('\n').slice(-12).join('\n'));
  }
  step(suite.name);
  const suiteStarted = Date.now();
  let code = 1;
  let output = '';
  try {
    suite.prepare?.();
    ({ code, output } = await run(suite.command, suite.args, suite.options));
  } catch (error) {
    console.error(`${suite.name}: ${error.message}`);
  }
  let { passed, failed, found } = counts(output);
  if (!found || (code !== 0 && failed === 0)) {
    // A suite that crashed or printed no counts is a failure, never a silent pass.
    failed += 1;
  }
  totalPassed += passed;
  totalFailed += failed;
  failures.push(...failedTests(output).map((name) => `${suite.name}: ${name}`));
  summary.push(`${suite.name.padEnd(44)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed  ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s`);
}

console.log('\n=== summary');
for (const line of summary) console.log(line);
if (failures.length > 0) {
  console.log('failed tests:');
  for (const failure of failures) console.log(`  ${failure}`);
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exit(totalFailed === 0 ? 0 : 1);
