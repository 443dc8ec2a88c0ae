// The release suite: makes every platform's packages once (npm run package:all), then runs the tests of
// tests/release against them and ends with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
let packagingFailed = 0;
if (!process.argv.includes('--no-package')) {
  const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'release', 'package.mjs'), '--all'], { cwd: root, stdio: 'inherit' });
  if (packaged.status !== 0) {
    console.error('npm run package:all failed');
    packagingFailed = 1;
  }
}
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).map((f) => join(here, f));
const tests = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { cwd: root, encoding: 'utf8' });
process.stdout.write(tests.stdout);
process.stderr.write(tests.stderr);
const count = (name) => Number(new RegExp(`^\\S*\\s*${name} (\\d+)`, 'm').exec(tests.stdout)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + packagingFailed + (tests.status !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
