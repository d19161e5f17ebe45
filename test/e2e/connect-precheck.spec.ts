/**
 * "Before you connect" counts the application's active Provider Sandbox connections: Finch
 * allows 5, so at 4 the next one is allowed (the last), and at 5 it is refused with the reason,
 * before any Connect session is made, instead of "Allowed" followed by Finch's refusal.
 */
import type { WorkbenchCore } from '@main/core';
import { expect, screenshot, test } from './fixtures';

/** A Provider Sandbox connection made through the simulator's Connect page, as a browser would. */
async function connectProviderSandbox(core: WorkbenchCore, n: number): Promise<void> {
  const session = await core.connect.start('local', {
    customerName: `Demo ${n}`,
    products: ['company', 'directory'],
    sandboxMode: 'provider',
  });
  const response = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${session.sessionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider_id: 'bamboo_hr',
      auth_method: 'api_token',
      api_token: 'demo-account-token',
      state: session.state,
      sdk_host_url: 'http://127.0.0.1:1',
    }),
  });
  const { code } = (await response.json()) as { code: string };
  await core.connect.complete('local', code, session.state);
}

test('Provider Sandbox: allowed at 4 of 5 active connections, refused with the reason at 5 of 5', async ({ page, workbench }) => {
  test.setTimeout(60_000);
  const core = workbench.harness.core;
  for (let n = 1; n <= 4; n++) await connectProviderSandbox(core, n);

  await page.goto(`${workbench.harness.url}/#/environments`);
  const rules = page.getByRole('region', { name: 'Before you connect in Local simulator' });
  await rules.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('bamboo_hr');
  await rules.getByRole('combobox', { name: 'Authentication' }).selectOption('api_token');
  await rules.getByRole('combobox', { name: 'Sandbox', exact: true }).selectOption('provider');
  const verdict = rules.getByTestId('connection-verdict');
  await expect(verdict).toContainText('Allowed');
  await expect(verdict).toContainText('4 of 5');
  await screenshot(page, 'connect-precheck-provider-4-of-5');

  await connectProviderSandbox(core, 5);
  await page.reload();
  await rules.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('bamboo_hr');
  await rules.getByRole('combobox', { name: 'Authentication' }).selectOption('api_token');
  await rules.getByRole('combobox', { name: 'Sandbox', exact: true }).selectOption('provider');
  await expect(verdict).toContainText('Blocked');
  await expect(verdict).toContainText('at most 5 active Provider Sandbox connections');
  await expect(verdict).toContainText('Disconnect one');
  await screenshot(page, 'connect-precheck-provider-5-of-5');

  // The Connect flow applies the same verdict: no session is made for a 6th.
  await expect(core.connect.start('local', { customerName: 'Demo 6', products: ['company'], sandboxMode: 'provider' })).rejects.toThrow(
    /at most 5 active Provider Sandbox connections/,
  );
  // The Finch Sandbox has no such limit.
  await rules.getByRole('combobox', { name: 'Sandbox', exact: true }).selectOption('finch');
  await expect(verdict).toContainText('Allowed');
});
