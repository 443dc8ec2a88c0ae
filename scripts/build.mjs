// npm run build: publishes the gitspaces sidecar for this machine into artifacts/bin/, the way users get it: a Native
// AOT program (no .NET runtime needed to run it) with libgit2 next to it. `gitspaces ssh-proxy` in the same program
// is every gitspace's SSH ProxyCommand. Packages for every platform: npm run package:all (scripts/release/).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hostPlatform } from './release/platforms.mjs';
import { publishIfChanged } from './release/stamp.mjs';
import { root, shippableFiles } from './release/publish.mjs';

const platform = hostPlatform();
if (!platform) {
  console.error(`build failed: gitspaces is not built for ${process.platform}-${process.arch}`);
  process.exit(1);
}
const output = join(root, 'artifacts', 'bin');
const started = Date.now();
console.log(`building gitspaces for ${platform.label} (${platform.rid}); a first Native AOT build takes a few minutes…`);
try {
  const { dir, mode, why, reused } = await publishIfChanged(platform.rid);
  rmSync(output, { recursive: true, force: true });
  mkdirSync(output, { recursive: true });
  for (const name of shippableFiles(dir)) {
    cpSync(join(dir, name), join(output, name), { preserveTimestamps: true });
  }
  console.log(`built ${relative(root, join(output, platform.exe))} (${mode}: ${why}${reused ? '; unchanged sources, reused' : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
