// Runs every benchmark side by side (each script compares against its reference in one run). Usage:
//   npm run bench            all of them
//   npm run bench -- ssh     only those whose folder name contains "ssh"
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv.slice(2);
let failed = 0;
for (const area of readdirSync(join(root, 'bench')).sort()) {
  const script = join(root, 'bench', area, 'run.sh');
  if (!existsSync(script) || (filter.length > 0 && !filter.some((f) => area.includes(f)))) continue;
  console.log(`\n=== bench/${area}`);
  const result = spawnSync('bash', [script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log('\nRecord the figures in docs/benchmarks.md (summary) and the area\'s docs/benchmarks-<area>.md.');
process.exit(failed === 0 ? 0 : 1);
