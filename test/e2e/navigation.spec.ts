/**
 * Harness-level navigation policy: a link never takes the app window off its origin. https
 * links open outside it (a new tab with no opener here; the system browser in Electron),
 * other schemes are refused. Electron's main-process half is tested in test/electron/.
 */
import { expect, test } from './fixtures';

async function plantLink(page: import('@playwright/test').Page, href: string): Promise<void> {
  await page.evaluate((url) => {
    const link = document.createElement('a');
    link.href = url;
    link.textContent = `planted ${url}`;
    link.id = 'planted';
    document.querySelector('main')!.prepend(link);
  }, href);
}

test('foreign links never navigate the app window; https opens outside without an opener, other schemes are refused', async ({
  page,
  workbench,
  context,
}) => {
  await page.goto(`${workbench.harness.url}/#/environments`);
  const appUrl = page.url();

  for (const href of [
    'http://evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'https://user:pw@evil.example/',
  ]) {
    await plantLink(page, href);
    await page.locator('#planted').click();
    await page.locator('#planted').click({ button: 'middle' });
    await page.evaluate(() => document.getElementById('planted')!.remove());
    expect(page.url()).toBe(appUrl);
  }
  expect(context.pages()).toHaveLength(1);

  await plantLink(page, 'https://docs.example.test/finch');
  const [outside] = await Promise.all([context.waitForEvent('page'), page.locator('#planted').click()]);
  expect(page.url()).toBe(appUrl);
  expect(await outside!.evaluate(() => window.opener)).toBeNull();
  await outside!.close();

  // In-app links (hash routes) still work.
  await page.getByRole('link', { name: 'Request log' }).click();
  await expect(page).toHaveURL(/#\/request-log$/);
});
