// npm run package      : this machine's platform only
// npm run package:all  : every platform gitspaces ships for (linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64, win-arm64)
// Writes artifacts/release/: gitspaces-<version>-<rid>.tar.gz (.zip for Windows), one VSIX per VS Code target carrying
// only its platform's sidecar, the JetBrains plugin archive with every platform's sidecar, and SHA256SUMS; then checks
// the folder with check.mjs. Each platform is published once (scripts/release/publish.mjs); a platform that
// `npm run build` already published from the same sources is reused, not published again.
// --publish-only: publishes the platforms into artifacts/publish/<rid>/ and stops (npm test runs this in the background
// so that the release suite later finds them published; it writes nothing the other suites read).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tarGz, zip } from './archives.mjs';
import { checkRelease } from './check.mjs';
import { hostPlatform, platforms } from './platforms.mjs';
import { publishIfChanged } from './stamp.mjs';
import { root, shippableFiles } from './publish.mjs';

const release = join(root, 'artifacts', 'release');

/** The product version from Nerdbank.GitVersioning (e.g. 0.1.160-alpha), as the binaries carry it. */
export function productVersion() {
  const result = spawnSync('dotnet', ['msbuild', join(root, 'server', 'Gitspaces.Protocol', 'Gitspaces.Protocol.csproj'),
    '-nologo', '-t:GetBuildVersion', '-getProperty:NuGetPackageVersion', '-getProperty:MajorMinorVersion', '-getProperty:BuildNumber'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`cannot read the version from Nerdbank.GitVersioning: ${result.stdout}${result.stderr}`);
  }
  const properties = JSON.parse(result.stdout).Properties;
  return { full: properties.NuGetPackageVersion, numeric: `${properties.MajorMinorVersion}.${properties.BuildNumber}` };
}

async function main() {
  const all = process.argv.includes('--all');
  const host = hostPlatform();
  const wanted = all ? platforms : host ? [host] : [];
  if (wanted.length === 0) {
    throw new Error(`gitspaces is not built for ${process.platform}-${process.arch}`);
  }
  if (process.argv.includes('--publish-only')) {
    for (const platform of wanted) {
      const started = Date.now();
      const { mode, why } = await publishIfChanged(platform.rid);
      console.log(`${platform.rid}: ${mode} (${why}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    return;
  }
  const version = productVersion();
  rmSync(release, { recursive: true, force: true });
  mkdirSync(release, { recursive: true });
  const license = readFileSync(join(root, 'LICENSE'));
  const published = new Map();

  for (const platform of wanted) {
    const started = Date.now();
    const { dir, mode, why, reused } = await publishIfChanged(platform.rid);
    published.set(platform.rid, dir);
    const files = shippableFiles(dir);
    const folder = `gitspaces-${version.full}-${platform.rid}`;
    const entries = [
      ...files.map((name) => ({ name: `${folder}/${name}`, data: readFileSync(join(dir, name)), mode: name === platform.exe ? 0o755 : 0o644 })),
      { name: `${folder}/LICENSE`, data: license },
    ];
    const archive = join(release, `${folder}.${platform.archive}`);
    writeFileSync(archive, platform.archive === 'zip' ? zip(entries) : tarGz(entries));
    console.log(`${platform.rid}: ${mode} (${why})${reused ? ', reused from npm run build' : ''}; ${relative(root, archive)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const vsix = join(release, `gitspaces-${version.full}-${platform.vsceTarget}.vsix`);
    const packaged = spawnSync(process.execPath, [join(root, 'extensions', 'vscode', 'scripts', 'package.mjs'),
      '--target', platform.vsceTarget, '--rid', platform.rid, '--sidecar-dir', dir, '--version', version.numeric, '--out', vsix],
    { cwd: join(root, 'extensions', 'vscode'), stdio: 'inherit' });
    if (packaged.status !== 0) {
      throw new Error(`packaging the VS Code extension for ${platform.vsceTarget} failed`);
    }
  }

  writeJetBrainsArchive(version, wanted, published, license);
  writeChecksums();
  const { problems, checked } = checkRelease(release, { rids: wanted.map((p) => p.rid) });
  for (const problem of problems) console.error(`problem: ${problem}`);
  if (problems.length > 0) {
    throw new Error(`${problems.length} problem(s) in ${relative(root, release)}`);
  }
  console.log(`release ${version.full}: ${checked.length} packages in ${relative(root, release)}, checked`);
}

function writeJetBrainsArchive(version, wanted, published, license) {
  const build = mkdtempSync(join(tmpdir(), 'gitspaces-jetbrains-'));
  try {
    const core = join(root, 'extensions', 'jetbrains', 'core', 'src', 'main', 'java');
    const sources = listFiles(core).filter((f) => f.endsWith('.java'));
    const classes = join(build, 'classes');
    const javac = spawnSync('javac', ['--release', '17', '-encoding', 'UTF-8', '-cp', '/usr/share/java/gson.jar', '-d', classes, ...sources], { stdio: 'inherit' });
    if (javac.status !== 0) throw new Error('javac failed on the JetBrains client core (apt-get install openjdk-17-jdk-headless libgoogle-gson-java)');
    const jar = join(build, `gitspaces-jetbrains-core-${version.full}.jar`);
    const jarred = spawnSync('jar', ['--create', '--file', jar, '-C', classes, '.'], { stdio: 'inherit' });
    if (jarred.status !== 0) throw new Error('jar failed on the JetBrains client core');
    // The IntelliJ plugin layout: <plugin>/lib/*.jar; the sidecars under bin/<rid>/, where SidecarLocator looks.
    const entries = [
      { name: `gitspaces-jetbrains/lib/gitspaces-jetbrains-core-${version.full}.jar`, data: readFileSync(jar) },
      { name: 'gitspaces-jetbrains/LICENSE', data: license },
    ];
    for (const platform of wanted) {
      const dir = published.get(platform.rid);
      for (const name of shippableFiles(dir)) {
        entries.push({ name: `gitspaces-jetbrains/bin/${platform.rid}/${name}`, data: readFileSync(join(dir, name)), mode: name === platform.exe ? 0o755 : 0o644 });
      }
    }
    writeFileSync(join(release, `gitspaces-jetbrains-${version.full}.zip`), zip(entries));
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

function writeChecksums() {
  const lines = readdirSync(release).filter((f) => f !== 'SHA256SUMS').sort()
    .map((f) => `${createHash('sha256').update(readFileSync(join(release, f))).digest('hex')}  ${f}`);
  writeFileSync(join(release, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

try {
  await main();
} catch (error) {
  console.error(`package failed: ${error.message}`);
  process.exit(1);
}
