/**
 * The app shell in Chromium over the browser harness: every area reachable, the theme
 * persisted by main and restored after a reload and after a restart, bad settings survived.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS } from '@renderer/areas';
import { expect, screenshot, test } from './fixtures';

test('walks every navigation item and each screen says what it is for', async ({ page, workbench }) => {
  await page.goto(workbench.harness.url);
  await expect(page.getByRole('banner')).toContainText('Finch Workbench');
  await expect(page.getByRole('banner')).toContainText(/v\d+\.\d+\.\d+/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const area of AREAS) {
    await nav.getByRole('link', { name: area.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${area.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(area.label);
    await expect(page.getByText(area.purpose)).toBeVisible();
    await expect(nav.getByRole('link', { name: area.label, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByTestId('about-data-folder')).toHaveText(workbench.dataFolder);
  await expect(page.getByTestId('about-secret-storage')).toContainText('Unavailable');
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+$/);
});

test('dark theme persists across a reload and a restart; screenshots of both themes', async ({ page, workbench }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${workbench.harness.url}/#/settings`);
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await screenshot(page, 'shell-settings-light');
  await page.goto(`${workbench.harness.url}/#/connections`);
  await screenshot(page, 'shell-area-light');

  await page.goto(`${workbench.harness.url}/#/settings`);
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 22, 28)');
  await screenshot(page, 'shell-settings-dark');

  const restarted = await workbench.restart();
  await page.goto(`${restarted.url}/#/explorer`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'shell-area-dark');
});

test('system theme follows the OS preference', async ({ page, workbench }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(workbench.harness.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a corrupt settings file is moved aside with a clear message and defaults load', async ({ page, workbench }) => {
  writeFileSync(join(workbench.dataFolder, 'settings.json'), '{"theme": "dark",,, oops');
  const restarted = await workbench.restart();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${restarted.url}/#/settings`);
  const alert = page.getByRole('alert').filter({ hasText: 'settings file could not be read' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('settings.corrupt-');
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
  await screenshot(page, 'shell-corrupt-settings');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  // The app still saves settings afterwards.
  await page.getByText('Light', { exact: true }).click();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
});

test('the CSP blocks an inline script injected into the page', async ({ page, workbench }) => {
  const violations: string[] = [];
  page.on('console', (message) => violations.push(message.text()));
  await page.goto(workbench.harness.url);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.appendChild(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(violations.some((line) => line.includes('Content Security Policy'))).toBe(true);
});
