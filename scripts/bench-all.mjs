#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/<name>/run.ts in turn (pass `--quick` for the short CI
 * mode). Each bench prints its own numbers and ratios to its goals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const benches = existsSync(benchDir)
  ? readdirSync(benchDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(benchDir, d.name, 'run.ts')))
      .map((d) => d.name)
  : [];
if (benches.length === 0) {
  console.error('No benches found under bench/*/run.ts');
  process.exit(1);
}
let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(benchDir, name, 'run.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
