/**
 * The build produces what Electron needs: a CommonJS preload that requires nothing but
 * `electron` (a sandboxed preload can load nothing else), a CommonJS main, and a renderer.
 * Builds first when `out/` is missing, so this test never passes on stale assumptions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const out = join(root, 'out');

beforeAll(() => {
  if (existsSync(join(out, 'preload', 'index.js')) && existsSync(join(out, 'renderer', 'index.html'))) return;
  const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}, 120_000);

describe('electron-vite build output', () => {
  it('emits the preload as CommonJS requiring only electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.js'), 'utf8');
    expect(preload.startsWith('"use strict"')).toBe(true);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/^\s*export\s/m);
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("workbench"');
  });

  it('emits main as CommonJS with electron-store bundled in (it is ESM-only)', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main.startsWith('"use strict"')).toBe(true);
    expect(main).not.toMatch(/require\(["']electron-store["']\)/);
  });

  it('emits the renderer with its CSP meta tag and hashed assets', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    expect(readdirSync(join(out, 'renderer', 'assets')).some((f) => f.endsWith('.css'))).toBe(true);
  });
});
