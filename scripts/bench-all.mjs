#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/<name>/run.ts in turn (pass `--quick` for the short CI
 * mode). Each bench prints its own numbers and ratios to its goals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresOf, formatTable, lastJson } from './bench-summary.mjs';

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
const rows = [];
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(benchDir, name, 'run.ts'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) failed += 1;
  rows.push(...figuresOf(name, lastJson(result.stdout ?? '')).map((r) => ({ bench: name, ...r })));
}
console.log(
  `\n== summary${process.argv.includes('--quick') ? ' (quick mode: smaller runs, goals checked only in full mode)' : ''}\n${formatTable(rows)}`,
);
writeFileSync(
  join(benchDir, 'results.json'),
  `${JSON.stringify({ time: new Date().toISOString(), quick: process.argv.includes('--quick'), rows }, null, 2)}\n`,
);
process.exit(failed === 0 ? 0 : 1);
