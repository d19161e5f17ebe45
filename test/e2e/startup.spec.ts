/**
 * The first screen does not wait for React before asking main for its data: the environments,
 * settings, app info and notices are requested while the page's script starts, before the shell
 * is rendered, so the environment switcher is usable as soon as the shell is (bench/startup
 * times it). Checked by order, not by clock: at each call the bridge sends, is the shell there yet?
 */
import { expect, test } from './fixtures';

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
  await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible();
  const switcher = page.getByRole('combobox', { name: /Active environment/ });
  await expect(switcher).toBeEnabled();
  await expect(switcher.locator('option')).toHaveText(['Local simulator']);
  await expect(page.getByRole('banner')).toContainText(/v\d+\.\d+\.\d+/);

  const calls = (await page.evaluate('window.__calls')) as { channel: string; shellRendered: boolean }[];
  const first = (channel: string) => calls.find((call) => call.channel === channel);
  for (const channel of ['environments:getState', 'settings:get', 'app:getInfo', 'app:listNotices']) {
    expect(first(channel), channel).toEqual({ channel, shellRendered: false });
  }
  // Each was asked once: the hooks took the early answers instead of asking again.
  expect(calls.filter((call) => call.channel === 'environments:getState')).toHaveLength(1);
  expect(calls.filter((call) => call.channel === 'settings:get')).toHaveLength(1);
});
