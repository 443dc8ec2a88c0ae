// Checks a release folder (artifacts/release) against what each package must hold: for every platform its archive
// and its VSIX carry the sidecar in the right executable format and architecture, libgit2 for that platform, and no
// file of another platform; the JetBrains archive carries every platform's; sizes stay in budget; SHA256SUMS is true.
// Usage: node scripts/release/check.mjs [dir] [--platforms linux-x64,linux-arm64]; prints one line per problem.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTarGz, readZip } from './archives.mjs';
import { executableFormat } from './executables.mjs';
import { platforms as allPlatforms } from './platforms.mjs';

// The budgets, in decimal megabytes as download sizes are quoted.
export const budgets = { binaryBytes: 45_000_000, vsixBytes: 20_000_000 };

/**
 * Checks the files of one platform's package: the sidecar and libgit2 for the platform, nothing native of another.
 * @param {import('./archives.mjs').Entry[]} entries   the entries under the package's sidecar folder
 * @param {import('./platforms.mjs').Platform} platform
 * @param {string} where  how problems name the package
 * @param {string} folder the folder inside the package that holds the sidecar ('' for the archive's root)
 * @returns {string[]} problems
 */
export function checkPlatformFiles(entries, platform, where, folder) {
  const problems = [];
  const inFolder = entries.filter((e) => posix.dirname(e.name) === (folder || '.'));
  const exe = inFolder.find((e) => posix.basename(e.name) === platform.exe);
  if (!exe) {
    problems.push(`${where}: no ${platform.exe} in ${folder || 'its root'}`);
  } else {
    const found = executableFormat(exe.data);
    if (!found || found.format !== platform.format || found.arch !== platform.arch) {
      problems.push(`${where}: ${exe.name} is ${describe(found)}, not ${platform.format} ${platform.arch}`);
    }
    if (platform.os !== 'win32' && exe.mode !== undefined && (exe.mode & 0o111) === 0) {
      problems.push(`${where}: ${exe.name} is not executable (mode ${exe.mode.toString(8)})`);
    }
    if (exe.data.length > budgets.binaryBytes) {
      problems.push(`${where}: ${exe.name} is ${(exe.data.length / 1e6).toFixed(1)} MB, over the ${budgets.binaryBytes / 1e6} MB budget`);
    }
  }
  const libgit2 = inFolder.filter((e) => platform.libgit2.test(posix.basename(e.name)));
  if (libgit2.length !== 1) {
    problems.push(`${where}: ${libgit2.length} libgit2 libraries for ${platform.rid} (expected one matching ${platform.libgit2})`);
  }
  for (const entry of entries) {
    const found = executableFormat(entry.data);
    if (found && (found.format !== platform.format || found.arch !== platform.arch)) {
      problems.push(`${where}: ${entry.name} is ${describe(found)}: a file of another platform`);
    }
    if (/\.(pdb|dbg|xml)$/i.test(entry.name) && entry.name.startsWith(folder)) {
      problems.push(`${where}: ${entry.name} is a symbol or doc file, not something that runs`);
    }
  }
  return problems;
}

/**
 * The version a release file's name carries, read by cutting the known platform suffixes off rather than by guessing
 * where a version ends: prerelease tags (0.1.185-alpha) hold dashes just as the platform names do.
 * @param {string} name
 * @returns {string | undefined}
 */
export function versionOf(name) {
  const jetbrains = /^gitspaces-jetbrains-(.+)\.zip$/.exec(name);
  if (jetbrains) return jetbrains[1];
  for (const platform of allPlatforms) {
    for (const suffix of [`-${platform.rid}.${platform.archive}`, `-${platform.vsceTarget}.vsix`]) {
      if (name.startsWith('gitspaces-') && name.endsWith(suffix) && name.length > 'gitspaces-'.length + suffix.length) {
        return name.slice('gitspaces-'.length, -suffix.length);
      }
    }
  }
  return undefined;
}

/**
 * Checks a release folder.
 * @param {string} dir
 * @param {{ rids?: string[] }} [options]  the platforms that must be there (all by default)
 * @returns {{ problems: string[], checked: string[], version: string | undefined }}
 */
export function checkRelease(dir, options = {}) {
  const wanted = allPlatforms.filter((p) => !options.rids || options.rids.includes(p.rid));
  const problems = [];
  const checked = [];
  if (!existsSync(dir)) {
    return { problems: [`${dir} does not exist: run npm run package:all`], checked, version: undefined };
  }
  const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
  const versions = new Set(files.map(versionOf).filter(Boolean));
  if (versions.size !== 1) {
    problems.push(`expected one version across the packages, found ${versions.size}: ${[...versions].join(', ')}`);
  }
  const version = [...versions][0];

  for (const platform of wanted) {
    const archiveName = `gitspaces-${version}-${platform.rid}.${platform.archive}`;
    const archivePath = join(dir, archiveName);
    if (!existsSync(archivePath)) {
      problems.push(`${archiveName} is missing`);
    } else {
      const bytes = readFileSync(archivePath);
      const entries = platform.archive === 'zip' ? readZip(bytes) : readTarGz(bytes);
      const folder = `gitspaces-${version}-${platform.rid}`;
      problems.push(...checkPlatformFiles(entries, platform, archiveName, folder));
      problems.push(...strays(entries, folder, platform, archiveName));
      checked.push(archiveName);
    }

    const vsixName = `gitspaces-${version}-${platform.vsceTarget}.vsix`;
    const vsixPath = join(dir, vsixName);
    if (!existsSync(vsixPath)) {
      problems.push(`${vsixName} is missing`);
    } else {
      const bytes = readFileSync(vsixPath);
      if (bytes.length > budgets.vsixBytes) {
        problems.push(`${vsixName} is ${(bytes.length / 1e6).toFixed(1)} MB, over the ${budgets.vsixBytes / 1e6} MB budget`);
      }
      const entries = readZip(bytes);
      problems.push(...checkPlatformFiles(entries, platform, vsixName, 'extension/server'));
      const manifest = entries.find((e) => e.name === 'extension.vsixmanifest')?.data.toString('utf8') ?? '';
      if (!manifest.includes(`TargetPlatform="${platform.vsceTarget}"`)) {
        problems.push(`${vsixName}: its manifest does not name TargetPlatform="${platform.vsceTarget}"`);
      }
      const stamp = entries.find((e) => e.name === 'extension/server/platform.json');
      if (!stamp || JSON.parse(stamp.data.toString('utf8')).rid !== platform.rid) {
        problems.push(`${vsixName}: extension/server/platform.json does not name ${platform.rid}`);
      }
      checked.push(vsixName);
    }
  }

  const jetbrainsName = `gitspaces-jetbrains-${version}.zip`;
  const jetbrainsPath = join(dir, jetbrainsName);
  if (!existsSync(jetbrainsPath)) {
    problems.push(`${jetbrainsName} is missing`);
  } else {
    const entries = readZip(readFileSync(jetbrainsPath));
    for (const platform of wanted) {
      const folder = `gitspaces-jetbrains/bin/${platform.rid}`;
      problems.push(...checkPlatformFiles(entries.filter((e) => e.name.startsWith(`${folder}/`)), platform, `${jetbrainsName} (${platform.rid})`, folder));
    }
    if (!entries.some((e) => /^gitspaces-jetbrains\/lib\/.+\.jar$/.test(e.name))) {
      problems.push(`${jetbrainsName}: no client core jar under gitspaces-jetbrains/lib/`);
    }
    checked.push(jetbrainsName);
  }

  const sumsPath = join(dir, 'SHA256SUMS');
  if (!existsSync(sumsPath)) {
    problems.push('SHA256SUMS is missing');
  } else {
    const listed = new Map(readFileSync(sumsPath, 'utf8').trim().split('\n').map((line) => {
      const [hash, name] = line.split(/\s+\*?/);
      return [name, hash];
    }));
    for (const file of files.filter((f) => f !== 'SHA256SUMS')) {
      const hash = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
      if (listed.get(file) !== hash) {
        problems.push(`SHA256SUMS: ${file} ${listed.has(file) ? 'has another hash' : 'is not listed'}`);
      }
    }
    for (const name of listed.keys()) {
      if (!files.includes(name)) problems.push(`SHA256SUMS lists ${name}, which is not in the release`);
    }
  }
  return { problems, checked, version };
}

function strays(entries, folder, platform, where) {
  const allowed = new Set([platform.exe, 'LICENSE', 'README.md']);
  return entries
    .filter((e) => !(posix.dirname(e.name) === folder && (allowed.has(posix.basename(e.name)) || platform.libgit2.test(posix.basename(e.name)))))
    .map((e) => `${where}: unexpected file ${e.name}`);
}

function describe(found) {
  return found ? `${found.format} ${found.arch}` : 'not a program';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const ridsAt = args.indexOf('--platforms');
  const rids = ridsAt >= 0 ? args[ridsAt + 1].split(',') : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && i !== ridsAt + 1) ?? join(fileURLToPath(new URL('../..', import.meta.url)), 'artifacts', 'release');
  const { problems, checked } = checkRelease(dir, { rids });
  for (const name of checked) console.log(`checked ${name}`);
  for (const problem of problems) console.log(`problem: ${problem}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
