// Publishes the gitspaces sidecar for one platform into artifacts/publish/<rid>/, runtime-free either way:
//  - Native AOT wherever this machine's native toolchain can link for the target (Linux here: linux-x64 natively,
//    linux-arm64 with Debian's cross toolchain; macOS and Windows on their own runners, see .github/workflows/release.yml);
//  - elsewhere self-contained single-file with ReadyToRun code, from the runtime packs on NuGet.
// Trim and AOT warnings from our own projects fail the publish; the ones dependencies raise are listed in
// docs/native-aot.md and allowed here by name only.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPlatform, platformOf } from './platforms.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const project = join(root, 'server', 'Gitspaces.Server', 'Gitspaces.Server.csproj');

// Assembly-level summaries (IL2104 "produced trim warnings", IL3053 "produced AOT analysis warnings") that
// dependencies raise; each is explained in docs/native-aot.md with the tests that exercise the code behind it.
const allowedDependencyWarnings = [
  { code: 'IL2104', assembly: 'Docker.DotNet' },
  { code: 'IL3053', assembly: 'Docker.DotNet' },
  { code: 'IL2104', assembly: 'Newtonsoft.Json' },
  { code: 'IL3053', assembly: 'Newtonsoft.Json' },
];

/** The publish properties of a self-contained single-file program (also what bench/startup/single-file.sh times). */
export const singleFileProperties = ['-p:PublishAot=false', '-p:SelfContained=true', '-p:PublishSingleFile=true', '-p:PublishTrimmed=true',
  '-p:DebuggerSupport=false', '-p:TreatWarningsAsErrors=false',
  '-p:PublishReadyToRun=true', '-p:EnableCompressionInSingleFile=true', '-p:DebugType=none'];

/**
 * Chooses how a platform is published from this machine.
 * @param {import('./platforms.mjs').Platform} platform
 * @returns {{ mode: 'aot' | 'single-file', properties: string[], why: string }}
 */
export function publishMode(platform) {
  const host = hostPlatform();
  if (host && host.os === platform.os && (host.arch === platform.arch || platform.os === 'linux')) {
    const properties = ['-p:PublishAot=true'];
    if (platform.os === 'linux') {
      const compiler = findClang();
      if (host.arch !== platform.arch) {
        // Cross-linking needs clang (it takes --target), lld and the target's libc; gcc cannot link for another arch.
        if (!compiler || !onPath('ld.lld')) {
          throw new Error(`publishing ${platform.rid} with Native AOT needs clang, lld and the ${platform.arch} C library: `
            + 'apt-get install clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross (scripts/setup-test-machine.sh installs them)');
        }
        // No --sysroot: clang --target=aarch64-linux-gnu finds Debian's cross libc in /usr/aarch64-linux-gnu by itself,
        // and that libc's linker scripts name absolute paths a sysroot would prefix twice.
        properties.push(`-p:CppCompilerAndLinker=${compiler}`, '-p:LinkerFlavor=lld',
          `-p:ObjCopyName=${onPath('llvm-objcopy') ? 'llvm-objcopy' : 'objcopy'}`);
      } else if (compiler) {
        properties.push(`-p:CppCompilerAndLinker=${compiler}`);
      } else if (onPath('gcc')) {
        properties.push('-p:CppCompilerAndLinker=gcc');
      } else {
        throw new Error(`publishing ${platform.rid} with Native AOT needs a C toolchain: apt-get install clang zlib1g-dev`);
      }
    }
    return { mode: 'aot', properties, why: host.arch === platform.arch ? 'native' : 'cross-linked' };
  }
  return {
    mode: 'single-file',
    // Trimmed like the Native AOT build (the same roots and analysis), so the program stays within the 45 MB budget:
    // untrimmed, ReadyToRun single-file was 54.7 MB for osx-x64.
    // DebuggerSupport=false drops the DebuggerDisplay members through which ILLink (unlike ILC) reports IL2026 in
    // Microsoft.VisualStudio.Threading and StreamJsonRpc; warnings stay warnings here because unexpectedWarnings()
    // below fails the publish on any that is not a listed dependency summary.
    properties: singleFileProperties,
    why: `no ${platform.label} native toolchain on this machine; the release workflow builds it with Native AOT`,
  };
}

/**
 * Publishes one platform.
 * @param {string} rid
 * @param {{ output?: string, quiet?: boolean }} [options]
 * @returns {Promise<{ dir: string, mode: string, why: string, seconds: number, warnings: string[] }>}
 */
export async function publish(rid, options = {}) {
  const platform = platformOf(rid);
  const { mode, properties, why } = publishMode(platform);
  const dir = options.output ?? join(root, 'artifacts', 'publish', rid);
  rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  const args = ['publish', project, '-c', 'Release', '-r', rid, '-o', dir, '--nologo', '-v', 'quiet', ...properties];
  const { code, output } = await run('dotnet', args);
  const warnings = unexpectedWarnings(output);
  if (code !== 0) {
    throw new Error(`dotnet publish for ${rid} (${mode}) exited with ${code}:\n${errorLines(output)}`);
  }
  if (warnings.length > 0) {
    throw new Error(`dotnet publish for ${rid} raised trim/AOT warnings that are not in docs/native-aot.md:\n${warnings.join('\n')}`);
  }
  const exe = join(dir, platform.exe);
  if (!existsSync(exe)) {
    throw new Error(`dotnet publish for ${rid} did not write ${exe}`);
  }
  return { dir, mode, why, seconds: (Date.now() - started) / 1000, warnings };
}

/**
 * The IL warnings of a publish log that are neither allowed dependency summaries nor duplicates.
 * @param {string} output
 * @returns {string[]}
 */
export function unexpectedWarnings(output) {
  const found = new Set();
  for (const line of output.split('\n')) {
    const match = /warning (IL\d{4}):/.exec(line);
    if (!match) continue;
    const allowed = allowedDependencyWarnings.some((w) => w.code === match[1] && line.includes(`Assembly '${w.assembly}'`));
    if (!allowed) found.add(line.trim().replace(/\s+\[[^\]]*\.csproj\]$/, ''));
  }
  return [...found];
}

/**
 * Files a publish folder holds that a package must not carry (symbols, XML docs).
 * @param {string} name
 * @returns {boolean}
 */
export function isShippable(name) {
  return !name.startsWith('.') && !/\.(pdb|xml|dbg|dSYM)$/i.test(name);
}

/**
 * The shippable files of a publish folder, by name.
 * @param {string} dir
 * @returns {string[]}
 */
export function shippableFiles(dir) {
  return readdirSync(dir).filter((name) => isShippable(name) && statSync(join(dir, name)).isFile()).sort();
}

function findClang() {
  for (const name of ['clang', 'clang-19', 'clang-18', 'clang-17', 'clang-16', 'clang-15', 'clang-14']) {
    if (onPath(name)) return name;
  }
  return undefined;
}

export function onPath(program) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder && existsSync(join(folder, program)));
}

function errorLines(output) {
  const lines = output.split('\n').filter((l) => /error|failed/i.test(l)).slice(0, 20);
  return (lines.length > 0 ? lines : output.split('\n').slice(-20)).join('\n');
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

// node scripts/release/publish.mjs <rid>…: publish the given platforms (this machine's when none is given).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rids = process.argv.slice(2);
  const wanted = rids.length > 0 ? rids : [hostPlatform()?.rid ?? 'linux-x64'];
  for (const rid of wanted) {
    try {
      const result = await publish(rid);
      console.log(`published ${rid} (${result.mode}: ${result.why}) to ${result.dir} in ${result.seconds.toFixed(0)} s`);
    } catch (error) {
      console.error(`publish failed: ${error.message}`);
      process.exit(1);
    }
  }
}
