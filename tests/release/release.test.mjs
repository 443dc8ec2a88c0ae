// The release packages (npm run package:all → artifacts/release) and the tools that make and check them.
// Run by tests/release/run.mjs, which packages first; the unit tests at the top need no packages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readTarGz, readZip, tarGz, zip } from '../../scripts/release/archives.mjs';
import { checkPlatformFiles, checkRelease, versionOf } from '../../scripts/release/check.mjs';
import { executableFormat } from '../../scripts/release/executables.mjs';
import { platformOf, platforms } from '../../scripts/release/platforms.mjs';
import { unexpectedWarnings } from '../../scripts/release/publish.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const release = join(root, 'artifacts', 'release');

// Unpacks one release archive's files, flat, into a folder removed after the test.
function extract(t, archive) {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-release-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const entry of readTarGz(readFileSync(join(release, archive)))) {
    const file = join(dir, entry.name.split('/').pop());
    writeFileSync(file, entry.data);
    chmodSync(file, entry.mode);
  }
  return dir;
}

function elf(machine) {
  const bytes = Buffer.alloc(64);
  bytes.write('\u007fELF', 0, 'latin1');
  bytes[4] = 2;
  bytes[5] = 1;
  bytes.writeUInt16LE(machine, 18);
  return bytes;
}

function macho(cpu) {
  const bytes = Buffer.alloc(32);
  bytes.writeUInt32LE(0xfeedfacf, 0);
  bytes.writeUInt32LE(cpu, 4);
  return bytes;
}

function pe(machine) {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\u0000\u0000', 0x80, 'latin1');
  bytes.writeUInt16LE(machine, 0x84);
  return bytes;
}

test('executable formats are read from the first bytes', () => {
  assert.deepEqual(executableFormat(elf(0x3e)), { format: 'elf', arch: 'x64' });
  assert.deepEqual(executableFormat(elf(0xb7)), { format: 'elf', arch: 'arm64' });
  assert.deepEqual(executableFormat(macho(0x01000007)), { format: 'macho', arch: 'x64' });
  assert.deepEqual(executableFormat(macho(0x0100000c)), { format: 'macho', arch: 'arm64' });
  assert.deepEqual(executableFormat(pe(0x8664)), { format: 'pe', arch: 'x64' });
  assert.deepEqual(executableFormat(pe(0xaa64)), { format: 'pe', arch: 'arm64' });
  assert.equal(executableFormat(elf(0x28)).arch, 'unknown-40');
  assert.equal(executableFormat(Buffer.from('#!/bin/sh\necho hi\n')), undefined);
  assert.equal(executableFormat(Buffer.alloc(0)), undefined);
  assert.equal(executableFormat(Buffer.from('MZ')), undefined, 'a truncated PE is not a program');
});

test('tar.gz and zip round-trip names, contents and modes, byte for byte the same each time', () => {
  const long = `${'folder/'.repeat(20)}file.txt`;
  const entries = [
    { name: 'pkg/gitspaces', data: Buffer.from('program'), mode: 0o755 },
    { name: 'pkg/LICENSE', data: Buffer.from('MIT') },
    { name: long, data: Buffer.alloc(70000, 7) },
  ];
  const tar = readTarGz(tarGz(entries));
  assert.deepEqual(tar.map((e) => [e.name, e.data.length, e.mode]).sort(), [[long, 70000, 0o644], ['pkg/LICENSE', 3, 0o644], ['pkg/gitspaces', 7, 0o755]].sort());
  assert.ok(tarGz(entries).equals(tarGz([...entries].reverse())), 'the same files make the same archive');
  const zipped = readZip(zip(entries));
  assert.deepEqual(zipped.map((e) => [e.name, e.data.toString().slice(0, 7), e.mode]).sort(), [[long, '\u0007'.repeat(7), 0o644], ['pkg/LICENSE', 'MIT', 0o644], ['pkg/gitspaces', 'program', 0o755]].sort());
});

test('zip archives written by GNU tools read back too', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-zip-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.txt'), 'hello '.repeat(100));
  const made = spawnSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED); z.write(sys.argv[2],"x/a.txt"); z.close()', join(dir, 'a.zip'), join(dir, 'a.txt')]);
  if (made.status !== 0) {
    t.skip('python3 is not here to write a reference zip');
    return;
  }
  assert.equal(readZip(readFileSync(join(dir, 'a.zip')))[0].data.toString(), 'hello '.repeat(100));
});

test('a package with another platform\'s program, no libgit2 or a lost execute bit is refused', () => {
  const linux = platformOf('linux-x64');
  const good = [
    { name: 'p/gitspaces', data: elf(0x3e), mode: 0o755 },
    { name: 'p/libgit2-5853918.so', data: elf(0x3e), mode: 0o644 },
  ];
  assert.deepEqual(checkPlatformFiles(good, linux, 'x', 'p'), []);
  assert.match(checkPlatformFiles([good[0], { name: 'p/libgit2-5853918.so', data: elf(0xb7) }], linux, 'x', 'p').join('\n'), /elf arm64: a file of another platform/);
  assert.match(checkPlatformFiles([good[0]], linux, 'x', 'p').join('\n'), /0 libgit2 libraries/);
  assert.match(checkPlatformFiles([{ ...good[0], mode: 0o644 }, good[1]], linux, 'x', 'p').join('\n'), /not executable/);
  assert.match(checkPlatformFiles([...good, { name: 'p/git2-5853918.dll', data: pe(0x8664) }], linux, 'x', 'p').join('\n'), /pe x64: a file of another platform/);
  assert.match(checkPlatformFiles([...good, { name: 'p/gitspaces.dbg', data: Buffer.from('x') }], linux, 'x', 'p').join('\n'), /symbol or doc file/);
  assert.match(checkPlatformFiles([{ name: 'p/gitspaces', data: pe(0x8664), mode: 0o755 }, good[1]], linux, 'x', 'p').join('\n'), /is pe x64, not elf x64/);
});

test('release file names give back their version, prerelease tags and all', () => {
  for (const version of ['0.1.185-alpha', '0.1.185', '1.2.3-beta.4', '2.0.0-rc-1']) {
    for (const platform of platforms) {
      assert.equal(versionOf(`gitspaces-${version}-${platform.rid}.${platform.archive}`), version);
      assert.equal(versionOf(`gitspaces-${version}-${platform.vsceTarget}.vsix`), version);
    }
    assert.equal(versionOf(`gitspaces-jetbrains-${version}.zip`), version);
  }
  assert.equal(versionOf('SHA256SUMS'), undefined);
  assert.equal(versionOf('gitspaces-linux-x64.tar.gz'), undefined);
});

test('publish warnings: dependency summaries are allowed by name, anything of ours is not', () => {
  const log = [
    "/n/docker.dotnet.dll : warning IL2104: Assembly 'Docker.DotNet' produced trim warnings. [/r/x.csproj]",
    "/n/newtonsoft.json.dll : warning IL3053: Assembly 'Newtonsoft.Json' produced AOT analysis warnings. [/r/x.csproj]",
    "/n/other.dll : warning IL2104: Assembly 'Other.Lib' produced trim warnings. [/r/x.csproj]",
    '/r/Rpc/Notifier.cs(42): Trim analysis warning IL2026: Gitspaces.Server.Rpc.Notifier.Run: Using member X [/r/x.csproj]',
  ].join('\n');
  assert.deepEqual(unexpectedWarnings(log).map((l) => /IL\d{4}/.exec(l)[0]), ['IL2104', 'IL2026']);
});

test('the release holds every platform\'s archive and VSIX, the JetBrains archive and true checksums', { skip: !existsSync(release) && 'artifacts/release is missing: tests/release/run.mjs runs npm run package:all first' }, () => {
  const { problems, checked } = checkRelease(release);
  assert.deepEqual(problems, []);
  assert.equal(checked.length, platforms.length * 2 + 1);
});

test('the linux-x64 archive\'s program runs without a .NET runtime and reports the release version', { skip: (process.platform !== 'linux' || !existsSync(release)) && 'needs Linux and artifacts/release' }, (t) => {
  const { version } = checkRelease(release);
  const dir = extract(t, `gitspaces-${version}-linux-x64.tar.gz`);
  // DOTNET_ROOT pointing nowhere and no dotnet on PATH: a framework-dependent program would exit with 131 here.
  const run = spawnSync(join(dir, 'gitspaces'), ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', DOTNET_ROOT: join(dir, 'no-dotnet'), HOME: dir } });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim().split('+')[0], version);
});

test('the linux-arm64 archive\'s program runs under arm64 emulation', { skip: (!existsSync(release) || spawnSync('which', ['qemu-aarch64']).status !== 0) && 'needs artifacts/release and qemu-user (scripts/setup-test-machine.sh installs it)' }, (t) => {
  const { version } = checkRelease(release);
  const dir = extract(t, `gitspaces-${version}-linux-arm64.tar.gz`);
  const run = spawnSync('qemu-aarch64', ['-L', '/usr/aarch64-linux-gnu', join(dir, 'gitspaces'), '--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: dir } });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim().split('+')[0], version);
});
