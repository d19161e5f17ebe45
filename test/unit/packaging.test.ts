/**
 * Packaging (electron-builder.config.js): packs a real `out/` build with electron-builder's own
 * code, into a throwaway project folder, and reads back the asar it wrote. The Electron zip
 * cannot be downloaded here, so a stand-in Electron folder (`electronDist`) is packed instead and
 * fuses are checked as configuration (flipping them needs the real binary). What is asserted is
 * what a user's installer would hold: the built app and production dependencies, the
 * Electron-ABI SQLite addon unpacked, and no sources, tests, benches or source maps.
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(root, 'electron-builder.config.js')) as Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const asar = require('@electron/asar') as {
  listPackage(path: string, options?: object): string[];
  statFile(archive: string, file: string): { unpacked?: boolean };
};

let work: string;
let resources: string;
let packed: string[];

beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'main', 'index.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
  }
  work = mkdtempSync(join(tmpdir(), 'workbench-pack-'));
  const project = join(work, 'project');
  mkdirSync(project);
  // The real build and dependencies; sources, tests and benches planted beside them must stay out.
  for (const entry of ['package.json', 'package-lock.json']) cpSync(join(root, entry), join(project, entry));
  // Copies, not links: electron-builder packs a symlinked folder as a link, not its files.
  for (const entry of ['out', 'build', 'src', 'test', 'bench', 'scripts']) {
    cpSync(join(root, entry), join(project, entry), { recursive: true, filter: (path) => !path.includes('artifacts') });
  }
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  writeFileSync(join(project, 'out-of-place.map'), '{}');
  // A stand-in for the prepared Electron-ABI addon (its contents do not matter to packing).
  mkdirSync(join(project, 'native', 'electron'), { recursive: true });
  writeFileSync(join(project, 'native', 'electron', 'better_sqlite3.node'), 'addon');
  writeFileSync(join(project, 'native', 'electron', 'stamp.json'), '{}');
  // A stand-in Electron distribution: electron-builder copies it and renames the executable.
  const electronDist = join(work, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), readJson(join(root, 'node_modules/electron/package.json')).version);

  const { build, Platform } = await import('electron-builder');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      electronVersion: readJson(join(root, 'node_modules/electron/package.json')).version,
      electronFuses: null, // needs the real binary; checked below as configuration
      directories: { ...config['directories'], output: join(work, 'dist') },
    },
  });
  resources = join(work, 'dist', 'linux-unpacked', 'resources');
  packed = asar.listPackage(join(resources, 'app.asar')).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function readJson(path: string): Record<string, any> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
}

describe('the packaged app (electron-builder over a real out/ build)', () => {
  it('packs the built main, preload and renderer and the package manifest', () => {
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'])
      expect(packed).toContain(file);
    expect(packed.some((f) => /^out\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('packs no sources, tests, benches, scripts or source maps', () => {
    const strays = packed.filter(
      (f) =>
        /^(src|test|bench|scripts|build)\//.test(f) ||
        f.endsWith('.map') ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('node_modules/')),
    );
    expect(strays).toEqual([]);
  });

  it('unpacks the Electron-ABI SQLite addon beside the archive, and packs no Node-ABI build of it', () => {
    const addon = 'native/electron/better_sqlite3.node';
    expect(existsSync(join(resources, 'app.asar.unpacked', addon))).toBe(true);
    expect(asar.statFile(join(resources, 'app.asar'), addon).unpacked).toBe(true);
    expect(packed.filter((f) => f.startsWith('node_modules/better-sqlite3/build/'))).toEqual([]);
    expect(packed).toContain('node_modules/better-sqlite3/lib/index.js');
  });

  it('packs every module the built main process requires', () => {
    const main = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');
    const required = new Set([...main.matchAll(/require\(["']([^"'./][^"']*)["']\)/g)].map((m) => m[1]!));
    const external = [...required].filter((name) => name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name));
    expect(external.length).toBeGreaterThan(3);
    const missing = external.filter((name) => {
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      return !packed.includes(`node_modules/${pkg}/package.json`);
    });
    expect(missing).toEqual([]);
  });

  it('leaves the renderer-only dependencies out (the renderer bundles them)', () => {
    for (const pkg of ['react', 'react-dom', '@tanstack/react-table', '@tryfinch/react-connect']) {
      expect(packed.some((f) => f.startsWith(`node_modules/${pkg}/`))).toBe(false);
    }
  });
});

describe('packaging configuration', () => {
  it('sets the Electron fuses the security baseline asks for', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config['asar']).toBe(true);
    // electron-builder's own rebuild would turn node_modules/better-sqlite3 into Electron's ABI and break the tests.
    expect(config['npmRebuild']).toBe(false);
  });

  it('targets AppImage and deb, a hardened dmg and NSIS, with an app id, product name and icon', () => {
    expect(config['appId']).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config['productName']).toBe('Finch Workbench');
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['mac'].target).toBe('dmg');
    expect(config['mac'].hardenedRuntime).toBe(true);
    expect(existsSync(join(root, config['mac'].entitlements))).toBe(true);
    expect(config['win'].target).toBe('nsis');
    const icon = readFileSync(join(root, 'build', 'icon.png'));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    // electron-builder derives .icns and .ico from a PNG of at least 512×512.
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
