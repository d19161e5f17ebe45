/** The Sandbox area: create a connection without Connect, then run the reauth drill to its summary. */
import { expect, screenshot, test } from './fixtures';

test('create a 50-person sandbox connection and run the reauth drill to a green summary', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const form = page.getByRole('form', { name: 'Create a sandbox connection' });
  await form.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('finch');
  await form.getByLabel('Employees').fill('50');
  await form.getByLabel('Customer name').fill('Drill Co');
  await form.getByRole('button', { name: 'Create connection' }).click();
  await expect(form.getByRole('status')).toContainText('Created connection');
  const drills = page.getByRole('region', { name: 'Scenario drills' });
  await drills.getByRole('button', { name: 'Run drill reauth' }).click();
  const result = drills.getByRole('listitem', { name: 'Drill reauth passed' });
  await expect(result).toBeVisible();
  await expect(result).toContainText('✓ A read answers 401 reauthenticate_user');
  await expect(result).toContainText('✓ The read works again');
  await screenshot(page, 'sandbox-reauth-drill');
});

test('Sandbox acts are refused outside Sandbox environments, with the reason', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  core.environments.create({ name: 'Acme Production', kind: 'production', clientId: 'prod-client-0001', clientSecret: 'prod-secret-0001' });
  core.environments.setActive(core.environments.state().environments.find((e) => e.kind === 'production')!.id);
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  await expect(page.getByRole('status').filter({ hasText: 'Sandbox acts need a Sandbox environment' })).toContainText('“Acme Production” is production');
  const refused = await page.evaluate(() => window.workbench.sandbox.createConnection({ providerId: 'gusto' }));
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(/can be created only in a Sandbox environment/);
});
