// Publishes the sidecar to artifacts/bin/gitspaces: framework-dependent, with ReadyToRun code for this
// machine's platform so that it starts fast. Next to it, gitspaces-ssh-proxy: the SSH ProxyCommand published
// NativeAOT (every SSH connection starts it, and a .NET runtime start alone would cost more than the whole budget);
// without a native toolchain it is left out and ProxyCommand runs `gitspaces ssh-proxy` instead. Usage: npm run build
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const os = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
const output = join(root, 'artifacts', 'bin');

const args = ['publish', join(root, 'server', 'Gitspaces.Server', 'Gitspaces.Server.csproj'),
  '-c', 'Release', '-o', output, '--nologo', '-v', 'quiet'];
if (os && arch) {
  args.push('-r', `${os}-${arch}`, '--self-contained', 'false', '-p:PublishReadyToRun=true');
}
const started = Date.now();
const result = spawnSync('dotnet', args, { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('build failed: dotnet publish exited with ' + result.status);
  process.exit(result.status ?? 1);
}
const exe = join(output, process.platform === 'win32' ? 'gitspaces.exe' : 'gitspaces');
if (!existsSync(exe)) {
  console.error(`build failed: ${exe} is missing`);
  process.exit(1);
}
console.log(`built ${exe} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The NativeAOT proxy, published apart (its folder also gets the libraries' pdb/xml and the native .dbg symbols) and
// only the program copied next to the sidecar. A stale one from an earlier build is removed first, so that a failed
// publish falls back to `gitspaces ssh-proxy` rather than leaving an older proxy in place.
const proxyName = process.platform === 'win32' ? 'gitspaces-ssh-proxy.exe' : 'gitspaces-ssh-proxy';
const proxyTarget = join(output, proxyName);
rmSync(proxyTarget, { force: true });
if (os && arch) {
  const proxyOutput = join(root, 'artifacts', 'build', 'ssh-proxy', `${os}-${arch}`);
  const proxyArgs = ['publish', join(root, 'server', 'Gitspaces.SshProxy', 'Gitspaces.SshProxy.csproj'),
    '-c', 'Release', '-r', `${os}-${arch}`, '-o', proxyOutput, '--nologo', '-v', 'quiet'];
  // The .NET ILCompiler links with clang by default; Debian's gcc links as well when clang is not installed.
  if (process.platform === 'linux' && !onPath('clang') && onPath('gcc')) {
    proxyArgs.push('-p:CppCompilerAndLinker=gcc');
  }
  const proxyStarted = Date.now();
  const proxy = spawnSync('dotnet', proxyArgs, { cwd: root, encoding: 'utf8' });
  const built = join(proxyOutput, proxyName);
  if (proxy.status === 0 && existsSync(built)) {
    copyFileSync(built, proxyTarget);
    console.log(`built ${proxyTarget} (NativeAOT) in ${((Date.now() - proxyStarted) / 1000).toFixed(1)} s`);
  } else {
    const why = `${proxy.stdout ?? ''}\n${proxy.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim()
      ?? `dotnet publish exited with ${proxy.status}`;
    console.log(`gitspaces-ssh-proxy not built (NativeAOT needs a C toolchain: clang or gcc, and zlib): ssh uses \`gitspaces ssh-proxy\` instead. ${why}`);
  }
} else {
  console.log(`gitspaces-ssh-proxy not built: no NativeAOT target for ${process.platform}-${process.arch}; ssh uses \`gitspaces ssh-proxy\` instead.`);
}

function onPath(program) {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder && existsSync(join(folder, program)));
}
