// Publishes the sidecar to artifacts/bin/gitspaces: framework-dependent, with ReadyToRun code for this
// machine's platform so that it starts fast. Usage: npm run build
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
