/**
 * The redirect flow's window in the real shell: main opens Connect in its own window,
 * cancels the navigation to the redirect URI, exchanges the code, and closes the window.
 * Runs only where an Electron binary exists.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from './binary';

const binary = electronBinaryPath();
test.skip(binary === null, 'no Electron binary');

test('redirect flow in its own window ends in a stored connection', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'workbench-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve(__dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
  });
  const page = await app.firstWindow();
  await page.goto('app://workbench/index.html#/connections');
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Window Co');
  await form.getByRole('combobox', { name: 'Connect flow' }).selectOption('redirect');
  const [connect] = await Promise.all([app.waitForEvent('window'), form.getByRole('button', { name: 'Open Finch Connect' }).click()]);
  await connect.getByTestId('continue').click();
  await connect.getByTestId('provider-finch').click();
  await connect.getByLabel('Username').fill('payroll.admin@acme.example');
  await connect.getByLabel('Password').fill('correct horse battery staple');
  await connect.getByTestId('submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected finch for Window Co' })).toBeVisible();
  await expect.poll(() => app.windows().length).toBe(1);
  await app.close();
});
