/**
 * The facts plan.mjs decides on, read from this checkout: is Electron's binary installed, which
 * versions are installed, and what the addon in native/electron/ was built for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expectedStamp } from './plan.mjs';

export function addonPaths(root) {
  const folder = join(root, 'native', 'electron');
  return { folder, addon: join(folder, 'better_sqlite3.node'), stamp: join(folder, 'stamp.json') };
}

/** 'present', or 'skipped'/'missing' when `require('electron')` would have no binary to run. */
export function electronBinaryState(root, env = process.env) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()))) return 'present';
  return env.ELECTRON_SKIP_BINARY_DOWNLOAD ? 'skipped' : 'missing';
}

export function gatherFacts(root, { env = process.env, force = false } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const expected = expectedStamp({
    electronVersion: require('electron/package.json').version,
    sqliteVersion: require('better-sqlite3/package.json').version,
    platform: process.platform,
    arch: process.arch,
  });
  const paths = addonPaths(root);
  let stamp = null;
  try {
    stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
  } catch {
    stamp = null; // missing or unreadable: treated as stale
  }
  return { electron: electronBinaryState(root, env), addonExists: existsSync(paths.addon), stamp, expected, force };
}
