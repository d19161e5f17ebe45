#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity over src/ and fails on any HIGH or MEDIUM finding.
 * Reviewed exceptions are annotated in the code itself (an `eng-disable CHECK` block comment with the
 * reason beside it), never excluded here. Prints one summary line for the test runner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const input = process.argv[2] ?? join(root, 'src');
const outDir = join(root, 'test', 'artifacts');
const output = join(outDir, 'electronegativity.csv');
mkdirSync(outDir, { recursive: true });
rmSync(output, { force: true });

const bin = join(root, 'node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', input, '-o', output, '-r', '-e', electronVersion, '-v', 'false'], {
  encoding: 'utf8',
  timeout: 180_000,
});
if (run.status !== 0 || !existsSync(output)) {
  console.error(run.stdout, run.stderr);
  console.error(`electronegativity: failed to run (exit ${run.status})`);
  process.exit(1);
}

// Each finding starts a line with its check name and quoted severity; samples may span lines.
const findings = [...readFileSync(output, 'utf8').matchAll(/^([A-Z0-9_]+_CHECK),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/gm)].map((m) => ({
  check: m[1],
  severity: m[2],
  confidence: m[3],
  file: m[4],
  location: m[5],
}));
const counts = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}`);
console.log(
  `electronegativity (Electron ${electronVersion}): ${counts.HIGH} high, ${counts.MEDIUM} medium, ${counts.LOW} low, ${counts.INFORMATIONAL} informational`,
);
process.exit(counts.HIGH + counts.MEDIUM === 0 ? 0 : 1);
