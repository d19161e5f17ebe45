/**
 * The packaged shell: window locked down, renderer on app://workbench, preload bridge
 * present and contract-shaped, foreign navigation and pop-ups refused. Runs only where an
 * Electron binary exists (scripts/test-all.mjs says "skipped: no Electron binary" otherwise).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { contract } from '@shared/contract';
import { electronBinaryPath } from './binary';

const binary = electronBinaryPath();
test.skip(binary === null, 'no Electron binary');

test('the app window is locked down and speaks the contract', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'workbench-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve(__dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('banner')).toContainText('Finch Workbench');
  expect(new URL(page.url()).protocol).toBe('app:');

  // No Node in the page: context isolation on, node integration off.
  const shape = await page.evaluate(() => ({
    node: [typeof (globalThis as Record<string, unknown>)['require'], typeof (globalThis as Record<string, unknown>)['process']],
    features: Object.keys(window.workbench).sort(),
  }));
  expect(shape.node).toEqual(['undefined', 'undefined']);
  expect(shape.features).toEqual(Object.keys(contract).sort());

  await page.evaluate(() => window.open('https://evil.example/'));
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(new URL(page.url()).protocol).toBe('app:');
  await app.close();
});
