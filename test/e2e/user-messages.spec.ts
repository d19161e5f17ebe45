/**
 * What the user reads when their input is wrong: one message, beside the field, in words. No
 * internal channel name (`area:verb`) and no second, generic alert saying the same thing.
 */
import { expect, screenshot, test } from './fixtures';

/** The shape of every IPC channel name (`explorer:payments`): plumbing the user must never see. */
const CHANNEL_NAME = /\b[a-z][A-Za-z]*:[a-z][A-Za-z]*\b/;

test('a backwards date range in the explorer shows one inline error and no channel name', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Payroll Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  await page
    .getByRole('navigation', { name: 'Endpoints' })
    .getByRole('button', { name: /^Payments/ })
    .click();
  const payments = page.getByRole('region', { name: 'Payments', exact: true });
  await payments.getByLabel('Start date').fill('2025-06-30');
  await payments.getByLabel('End date').fill('2025-01-01');
  await payments.getByRole('button', { name: 'Read payments' }).click();

  await expect(payments.getByRole('alert')).toHaveText('The end date is before the start date.');
  // Give a stray answer from main time to arrive, then check it did not add a second alert.
  await page.waitForTimeout(500);
  await expect(payments.getByRole('alert')).toHaveCount(1);
  await expect(page.getByText(/Reading payments failed/)).toHaveCount(0);
  expect(await page.locator('main').innerText()).not.toMatch(CHANNEL_NAME);
  expect(core.requestLog.search({ environmentId: 'local', limit: 50 }).filter((r) => r.path.startsWith('/employer/payment'))).toEqual([]);
  await screenshot(page, 'explorer-date-range-backwards');

  // Put right, the same form reads.
  await payments.getByLabel('End date').fill('2025-12-31');
  await expect(payments.getByRole('alert')).toHaveCount(0);
  await payments.getByRole('button', { name: 'Read payments' }).click();
  await expect(payments).toContainText('GET /employer/payment?start_date=2025-06-30&end_date=2025-12-31');
});
