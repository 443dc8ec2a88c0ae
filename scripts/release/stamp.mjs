// Publishing with Native AOT takes minutes, so a platform is published once per state of the sources: the publish
// folder keeps a stamp of what it was built from (commit, uncommitted changes and untracked files under the inputs),
// and `npm run package` reuses the folder `npm run build` wrote when the stamp still matches.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish, root } from './publish.mjs';

const inputs = ['server', 'Directory.Build.props', 'Directory.Packages.props', 'global.json', 'version.json', 'scripts/release'];
const stampName = '.publish-stamp';

/**
 * A hash of everything a publish depends on, or undefined outside a git checkout (then nothing is reused).
 * @param {string} rid
 * @returns {string | undefined}
 */
export function sourceStamp(rid) {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const head = git('rev-parse', 'HEAD');
  if (head.status !== 0) return undefined;
  const diff = git('diff', 'HEAD', '--', ...inputs);
  const untracked = git('ls-files', '--others', '--exclude-standard', '--', ...inputs);
  const hash = createHash('sha256').update(rid).update(head.stdout).update(diff.stdout);
  for (const file of untracked.stdout.split('\n').filter(Boolean)) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/**
 * Publishes a platform unless its publish folder was built from the same sources.
 * @param {string} rid
 * @returns {Promise<{ dir: string, mode: string, why: string, reused: boolean }>}
 */
export async function publishIfChanged(rid) {
  const dir = join(root, 'artifacts', 'publish', rid);
  const stamp = sourceStamp(rid);
  const stampFile = join(dir, stampName);
  const previous = readStamp(stampFile);
  if (stamp && previous?.stamp === stamp) {
    // The folder may come from another machine (the release workflow's native runners): its own record says how.
    return { dir, mode: previous.mode, why: previous.why, reused: true };
  }
  const result = await publish(rid, { output: dir });
  if (stamp) writeFileSync(stampFile, JSON.stringify({ stamp, mode: result.mode, why: result.why }));
  return { dir: result.dir, mode: result.mode, why: result.why, reused: false };
}

function readStamp(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
