// The platforms gitspaces ships for: one row per .NET runtime identifier, with what its package must hold.
// scripts/release/publish.mjs builds them, package.mjs packs them and check.mjs checks the packs against this table.

/**
 * @typedef {object} Platform
 * @property {string} rid            .NET runtime identifier
 * @property {'linux'|'darwin'|'win32'} os  Node's name of the OS (process.platform)
 * @property {'x64'|'arm64'} arch    Node's name of the architecture (process.arch)
 * @property {string} label          how users name the platform
 * @property {string} vsceTarget     `vsce package --target`
 * @property {'elf'|'macho'|'pe'} format  executable format of the binary
 * @property {string} exe            the sidecar's file name
 * @property {RegExp} libgit2        the libgit2 file LibGit2Sharp loads on this platform
 * @property {'tar.gz'|'zip'} archive
 */

/** @type {Platform[]} */
export const platforms = [
  { rid: 'linux-x64', os: 'linux', arch: 'x64', label: 'Linux x64', vsceTarget: 'linux-x64', format: 'elf', exe: 'gitspaces', libgit2: /^libgit2-[0-9a-f]+\.so$/, archive: 'tar.gz' },
  { rid: 'linux-arm64', os: 'linux', arch: 'arm64', label: 'Linux arm64', vsceTarget: 'linux-arm64', format: 'elf', exe: 'gitspaces', libgit2: /^libgit2-[0-9a-f]+\.so$/, archive: 'tar.gz' },
  { rid: 'osx-x64', os: 'darwin', arch: 'x64', label: 'macOS (Intel)', vsceTarget: 'darwin-x64', format: 'macho', exe: 'gitspaces', libgit2: /^libgit2-[0-9a-f]+\.dylib$/, archive: 'tar.gz' },
  { rid: 'osx-arm64', os: 'darwin', arch: 'arm64', label: 'macOS (Apple silicon)', vsceTarget: 'darwin-arm64', format: 'macho', exe: 'gitspaces', libgit2: /^libgit2-[0-9a-f]+\.dylib$/, archive: 'tar.gz' },
  { rid: 'win-x64', os: 'win32', arch: 'x64', label: 'Windows x64', vsceTarget: 'win32-x64', format: 'pe', exe: 'gitspaces.exe', libgit2: /^git2-[0-9a-f]+\.dll$/, archive: 'zip' },
  { rid: 'win-arm64', os: 'win32', arch: 'arm64', label: 'Windows arm64', vsceTarget: 'win32-arm64', format: 'pe', exe: 'gitspaces.exe', libgit2: /^git2-[0-9a-f]+\.dll$/, archive: 'zip' },
];

/**
 * The platform this Node process runs on, or undefined where gitspaces is not built for it.
 * @returns {Platform | undefined}
 */
export function hostPlatform() {
  return platforms.find((p) => p.os === process.platform && p.arch === process.arch);
}

/**
 * Looks a platform up by RID.
 * @param {string} rid
 * @returns {Platform}
 */
export function platformOf(rid) {
  const platform = platforms.find((p) => p.rid === rid);
  if (!platform) {
    throw new Error(`unknown runtime identifier ${rid}; known: ${platforms.map((p) => p.rid).join(', ')}`);
  }
  return platform;
}
