/** The Sandbox area: create a connection without Connect, edit a person, see it in the explorer, run the reauth drill. */
import { expect, screenshot, test } from './fixtures';

test('create a 50-person sandbox connection, edit one person, see it in the explorer, run the reauth drill to a green summary', async ({
  page,
  workbench,
}) => {
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const form = page.getByRole('form', { name: 'Create a sandbox connection' });
  await form.getByRole('combobox', { name: 'Provider', exact: true }).selectOption('finch');
  await form.getByLabel('Employees').fill('50');
  await form.getByLabel('Customer name').fill('Drill Co');
  await form.getByRole('button', { name: 'Create connection' }).click();
  await expect(form.getByRole('status')).toContainText('Created connection');

  // Edit one person's individual record; the write runs a sync job so reads show it.
  const mock = page.getByRole('region', { name: 'Mock data' });
  const person = mock.getByRole('combobox', { name: 'Person', exact: true });
  await expect(person.locator('option')).toHaveCount(50);
  const personName = (await person.locator('option:checked').innerText()).trim();
  const editForm = mock.getByRole('form', { name: 'Mock data: Edit a person (individual)' });
  await expect(editForm.getByLabel('first_name', { exact: true })).not.toHaveValue('');
  await editForm.getByLabel('preferred_name', { exact: true }).fill('Zed Sandboxer');
  await screenshot(page, 'sandbox-mock-data-form');
  await editForm.getByRole('button', { name: /^Save edit a person/ }).click();
  await expect(mock.getByRole('status').filter({ hasText: 'Saved' })).toContainText('→ complete', { timeout: 20_000 });
  await expect(mock.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Finch-Request-ID:');
  await screenshot(page, 'sandbox-mock-data-saved');

  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('50 of 50 people', { timeout: 15_000 });
  await directory.getByLabel('Filter people').fill(personName.split(' ')[0]!);
  await directory
    .getByRole('row')
    .filter({ hasText: personName.split(' ').at(-1)! })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Person' })).toContainText('Zed Sandboxer');
  await screenshot(page, 'sandbox-edit-seen-in-explorer');

  await page.goto(`${workbench.harness.url}/#/sandbox`);
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
  await expect(page.getByRole('status').filter({ hasText: 'Sandbox acts need a Sandbox environment' })).toContainText(
    '“Acme Production” is production',
  );
  const refused = await page.evaluate(() => window.workbench.sandbox.createConnection({ providerId: 'gusto' }));
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(/can be created only in a Sandbox environment/);
});

test('a mock-data change outside Finch’s schema is refused next to the field, nothing sent', async ({ page, workbench }) => {
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 5, customerName: 'Schema Co' });
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const mock = page.getByRole('region', { name: 'Mock data' });
  await mock.getByRole('combobox', { name: 'Change', exact: true }).selectOption('payment');
  const form = mock.getByRole('form', { name: 'Mock data: New payment' });
  await form.getByLabel('pay_statements').fill('[{"gross_pay": -5}]');
  await form.getByLabel('start_date').focus(); // blur the JSON field so it is parsed
  await form.getByRole('button', { name: 'Save new payment' }).click();
  await expect(mock.getByRole('alert').filter({ hasText: 'does not match Finch’s schema' })).toBeVisible();
  await expect(form.locator('.field-error').filter({ hasText: 'pay_statements.0.individual_id: is required' })).toBeVisible();
  await expect(form.locator('.field-error').filter({ hasText: 'pay_statements.0.gross_pay: must be greater than 0' })).toBeVisible();
  await screenshot(page, 'sandbox-mock-data-field-errors');
});

test('force a status and a failing sync job, watched to its end', async ({ page, workbench }) => {
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Jobs Co' });
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const panel = page.getByRole('region', { name: 'Status and sync jobs' });
  await panel.getByRole('combobox', { name: 'Next sync job ends', exact: true }).selectOption('error');
  await panel.getByRole('button', { name: 'Save job outcome' }).click();
  await expect(panel.getByRole('status')).toContainText('will end “error”');
  await panel.getByRole('button', { name: 'Run sync job' }).click();
  // The job's progress line is a status too, and may still be on screen as the result arrives.
  await expect(panel.getByRole('status').filter({ hasText: 'Sync job ended “error”' })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByRole('definition').filter({ hasText: '→ error' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Force status', exact: true }).selectOption('reauth');
  await panel.getByRole('button', { name: 'Force status' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Connection is now reauth' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Working on', exact: true }).locator('option:checked')).toContainText('reauth');
  await screenshot(page, 'sandbox-status-jobs');
});

test('a sync-job outcome picked while Finch’s setting is still being read is the one saved', async ({ page, workbench }) => {
  const { core } = workbench.harness;
  const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Slow Read Co' });
  await core.mockData.setJobConfiguration('local', c.id, 'reauth_error');
  // Finch's answer to the panel's first read waits until the user has picked.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const read = core.mockData.jobConfiguration.bind(core.mockData);
  core.mockData.jobConfiguration = async (...args) => {
    await held;
    return read(...args);
  };
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const panel = page.getByRole('region', { name: 'Status and sync jobs' });
  await expect(panel.getByText('Reading how Finch will end the next job…')).toBeVisible();
  const outcome = panel.getByRole('combobox', { name: 'Next sync job ends', exact: true });
  await outcome.selectOption('error');
  answer();
  // The answer is in (reauth_error); the pick stays, and the panel says Finch still has the other.
  await expect(panel.getByText('Finch has “reauth_error” until you save.')).toBeVisible();
  await expect(outcome).toHaveValue('error');
  await panel.getByRole('button', { name: 'Save job outcome' }).click();
  await expect(panel.getByRole('status')).toContainText('will end “error”');
  await expect(panel.getByText(/until you save/)).toHaveCount(0);
});
