#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, leaving
 * node_modules/better-sqlite3 (Node's ABI, used by the tests and the harness) untouched.
 * The app passes that file as `nativeBinding` when it exists (src/main/storage/database.ts).
 * Needs Electron's headers (downloaded by node-gyp from electronjs.org) and a C++ toolchain.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqlite = require('better-sqlite3/package.json');

const work = join(root, 'native', '.build');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'electron-sqlite-build', private: true, allowScripts: { 'better-sqlite3': true } }));
cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (src) => !src.includes(`${'better-sqlite3'}/build`),
});

console.log(`Building better-sqlite3 ${sqlite.version} for Electron ${electronVersion}…`);
const result = spawnSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], {
  cwd: work,
  stdio: 'inherit',
  env: {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: 'true',
  },
});
if (result.status !== 0) {
  console.error('The Electron build of better-sqlite3 failed (see above). The Node build in node_modules is unchanged.');
  process.exit(1);
}
const target = join(root, 'native', 'electron');
mkdirSync(target, { recursive: true });
copyFileSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(target, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${join(target, 'better_sqlite3.node')}`);
