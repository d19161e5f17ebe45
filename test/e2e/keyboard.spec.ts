/**
 * Keyboard only: connect a sandbox company, open the explorer and export a support bundle
 * without the mouse — the command palette (Ctrl+K) to move, Tab to reach controls, Enter and
 * Space to act. Every act is reached by keyboard focus, never by a click.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/** Presses Tab until the focused element's accessible name starts with `name` (fails after 80). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
        el.closest('label')?.textContent;
      return (labelled ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused.startsWith(name) : name.test(focused)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

async function palette(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Command' });
  await expect(input).toBeFocused();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
}

test('keyboard only: create a sandbox company, read it in the explorer, export a support bundle', async ({ page, workbench }) => {
  await page.goto(workbench.harness.url);
  await expect(page.getByRole('banner')).toBeVisible();

  // The palette's act opens the Sandbox screen with the form's first field focused.
  await palette(page, 'create sandbox');
  await expect(page).toHaveURL(/#\/sandbox$/);
  await expect(page.getByRole('combobox', { name: 'Provider', exact: true })).toBeFocused();
  await tabTo(page, 'Create connection');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Created connection' })).toBeVisible();

  await palette(page, 'go to explorer');
  await expect(page).toHaveURL(/#\/explorer$/);
  await expect(page.getByText('GET /employer/company · Finch-Request-ID:')).toBeVisible();
  await tabTo(page, 'Filter people');
  await page.keyboard.type('a');
  const status = page.getByRole('region', { name: 'Directory' }).getByRole('status');
  await expect(status).toContainText('of 20 people');
  // Rows: Tab into the table, End to the last row, Enter to open that person.
  const count = Number(/^(\d+) of/.exec((await status.innerText()).trim())![1]);
  for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'row'; i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', String(count + 1));
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', String(count));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Person' })).toBeVisible();

  await palette(page, 'support bundle');
  await expect(page).toHaveURL(/#\/support/);
  const save = page.getByRole('button', { name: 'Save bundle (.zip)' });
  await expect(save).toBeEnabled({ timeout: 10_000 });
  await expect(save).toBeFocused();
  await screenshot(page, 'keyboard-support-bundle');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
});

test('the palette traps focus, closes on Escape and gives focus back', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Request log' });
  await nav.focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.type('theme dark');
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option')).toHaveText(['Theme: dark']);
  await screenshot(page, 'command-palette');
  await page.keyboard.press('Tab');
  await expect(page.locator('dialog[open]')).toHaveCount(1);
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expect(nav).toBeFocused();
});
