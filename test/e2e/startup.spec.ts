/**
 * The first screen does not wait for React before asking main for its data: the environments,
 * settings, app info and notices are requested while the page's script starts, before the shell
 * is rendered, so the environment switcher is usable as soon as the shell is (bench/startup
 * times it). Checked by order, not by clock: at each call the bridge sends, is the shell there yet?
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

/** Runs before the page's scripts: notes, for each IPC call the harness bridge sends, whether #root had rendered. */
const RECORD_CALLS = `
(() => {
  const calls = (window.__calls = []);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      const root = document.getElementById('root');
      calls.push({ channel: JSON.parse(data).channel, shellRendered: !!root && root.childElementCount > 0 });
    } catch {}
    return send.call(this, data);
  };
})();
`;

test('the first screen asks main for its data before the shell renders, and shows it', async ({ page, workbench }) => {
  await page.addInitScript({ content: RECORD_CALLS });
  await page.goto(`${workbench.harness.url}/#/environments`);
  await expectFirstScreen(page);

  const calls = (await page.evaluate('window.__calls')) as { channel: string; shellRendered: boolean }[];
  const first = (channel: string) => calls.find((call) => call.channel === channel);
  for (const channel of FIRST_READS) {
    expect(first(channel), channel).toEqual({ channel, shellRendered: false });
  }
  // Each was asked once: the hooks took the early answers instead of asking again.
  expect(calls.filter((call) => call.channel === 'environments:getState')).toHaveLength(1);
  expect(calls.filter((call) => call.channel === 'settings:get')).toHaveLength(1);
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
