// The main job: build the sidecar, make sure a Docker engine and the example's base image are there, create a
// gitspace from the bundled example repository, and say how to connect. Usage: npm run demo
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const exe = join(root, 'artifacts', 'bin', process.platform === 'win32' ? 'gitspaces.exe' : 'gitspaces');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\ndemo stopped: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    process.exit(result.status || 1);
  }
}

console.log('1/4 building the sidecar: dotnet publish of server/Gitspaces.Server to artifacts/bin/gitspaces, then the');
console.log('    NativeAOT ssh proxy (a first build restores NuGet packages and compiles everything: a few minutes, quietly)…');
run('node', [join(root, 'scripts', 'build.mjs')]);

console.log('\n2/4 checking the Docker engine…');
if (process.platform === 'win32') {
  run('docker', ['version', '--format', 'docker engine {{.Server.Version}}']);
} else {
  run('bash', [join(root, 'scripts', 'ensure-docker.sh')]);
  console.log('\n3/4 checking the base image…');
  run('bash', [join(root, 'scripts', 'ensure-base-image.sh')]);
}

console.log('\n4/4 creating a gitspace from examples/hello-gitspace…');
// The example lives inside this repository; a gitspace is made from a repository of its own.
const repo = join(mkdtempSync(join(tmpdir(), 'gitspaces-demo-')), 'hello-gitspace');
cpSync(join(root, 'examples', 'hello-gitspace'), repo, { recursive: true });
const git = (...args) => run('git', ['-c', 'user.name=gitspaces demo', '-c', 'user.email=demo@gitspaces.local', ...args], { cwd: repo, stdio: 'ignore' });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'hello-gitspace');

spawnSync(exe, ['delete', 'hello-gitspace', '--yes'], { stdio: 'ignore' });
run(exe, ['up', repo, '--name', 'hello-gitspace']);
run(exe, ['ssh', 'hello-gitspace', '--', 'sh', '-c', './hello.sh && cat /tmp/created.txt']);

// `up` prints its next commands as they can be run here: the full path, since artifacts/bin is not on PATH.
console.log(`
The gitspace runs. Next:
  ${exe} ssh hello-gitspace                  a shell inside it (through OpenSSH, no port opened)
  ${exe} open hello-gitspace --ide vscode    open it in VS Code (Remote-SSH)
  ${exe} list | stop | start | logs | delete hello-gitspace
`);
