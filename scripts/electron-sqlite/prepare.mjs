#!/usr/bin/env node
/**
 * `npm run prepare:electron-sqlite` (also run before `npm start`, `npm run dev` and `npm run dist`):
 * makes sure native/electron/better_sqlite3.node exists and matches the installed Electron and
 * better-sqlite3, getting it when not. Exits 1 with one clear message when it cannot, so Electron
 * never starts with a database it cannot open. `--force` rebuilds even when current.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installer, prebuiltGetter, sourceBuilder, verifyElectronAbi } from './build.mjs';
import { gatherFacts } from './facts.mjs';
import { decide, prepareAddon } from './plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const facts = gatherFacts(root, { force: process.argv.includes('--force') });
const decision = decide(facts);

if (decision.action === 'no-electron') {
  console.error(`\n${decision.reason}\n`);
  process.exit(1);
}
if (decision.action === 'ready') {
  console.log(`SQLite for Electron: ${decision.reason}.`);
  process.exit(0);
}

console.log(`SQLite for Electron: ${decision.reason}; preparing it (node_modules/better-sqlite3 for Node stays as it is).`);
const result = await prepareAddon({
  expected: facts.expected,
  getPrebuilt: prebuiltGetter(root),
  buildFromSource: sourceBuilder(root),
  verify: verifyElectronAbi(root),
  install: installer(root),
  log: (line) => console.log(line),
});
if (!result.ok) {
  console.error(`\n${result.message}\n`);
  process.exit(1);
}
console.log(`SQLite for Electron ready (${result.via === 'prebuilt' ? 'prebuilt binary' : 'built from source'}): ${result.path}`);
