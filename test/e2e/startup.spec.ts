/**
 * The first screen does not wait for its components before asking main for its data: the
 * environments, settings, app info and notices are requested by the page's script as it starts
 * (src/renderer/src/components/startup/first-reads.ts), ahead of any call a screen makes, once
 * each. In Electron they leave at once; on the browser harness they leave when the socket opens,
 * which (the first render being synchronous) can be after the shell is drawn — from the answers
 * the page carried in (the second test), so nothing the user sees waits for them.
 * Checked by order, not by clock.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The first screen's reads (src/shared/ipc/first-reads.ts). */
const FIRST_READS = ['environments:getState', 'settings:get', 'app:getInfo', 'app:listNotices'];

/** The first screen as a user sees it ready: the heading, a usable switcher with its environment, the version. */
async function expectFirstScreen(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible();
  const switcher = page.getByRole('combobox', { name: /Active environment/ });
  await expect(switcher).toBeEnabled();
  await expect(switcher.locator('option')).toHaveText(['Local simulator']);
  await expect(page.getByRole('banner')).toContainText(/v\d+\.\d+\.\d+/);
}

/** Runs before the page's scripts: notes each IPC call the harness bridge sends, in order. */
const RECORD_CALLS = `
(() => {
  const calls = (window.__calls = []);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      calls.push(JSON.parse(data).channel);
    } catch {}
    return send.call(this, data);
  };
})();
`;

test('the first screen asks main for its data before anything else, once each, and shows it', async ({ page, workbench }) => {
  await page.addInitScript({ content: RECORD_CALLS });
  await page.goto(`${workbench.harness.url}/#/environments`);
  await expectFirstScreen(page);

  const calls = (await page.evaluate('window.__calls')) as string[];
  // The first four calls are the first screen's reads: no screen or hook asked before them.
  expect([...calls.slice(0, FIRST_READS.length)].sort()).toEqual([...FIRST_READS].sort());
  // Each was asked once: the hooks took the early answers instead of asking again.
  for (const channel of FIRST_READS)
    expect(
      calls.filter((call) => call === channel),
      channel,
    ).toHaveLength(1);
});

/** Runs before the page's scripts: the first screen's reads never reach main over the socket. */
const HOLD_FIRST_READS = `
(() => {
  const held = new Set(${JSON.stringify(FIRST_READS)});
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      if (held.has(JSON.parse(data).channel)) return;
    } catch {}
    return send.call(this, data);
  };
})();
`;

test('the first screen is complete from the page itself, without waiting for the socket', async ({ page, workbench }) => {
  // The page carries main's answers in (src/shared/ipc/first-reads.ts): with the socket's
  // answers held back, the switcher, the version and the notices still show.
  await page.addInitScript({ content: HOLD_FIRST_READS });
  await page.goto(`${workbench.harness.url}/#/environments`);
  await expectFirstScreen(page);
  await expect(page.getByRole('alert').filter({ hasText: 'OS secret storage is unavailable' })).toBeVisible();
  // The data block was read once and removed: nothing of it stays in the document.
  await expect(page.locator('#workbench-first-reads')).toHaveCount(0);
});
