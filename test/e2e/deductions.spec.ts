/**
 * The Deductions lab, as an implementation engineer walks it on the Local simulator: create a
 * 401(k) with a company match, enroll 25 people (two with amounts the provider refuses), follow
 * the job to its end with the refusals on their rows, run the simulator's next pay run, and see
 * the paycheck check name 23 matching people and the 2 never enrolled.
 */
import { expect, screenshot, test } from './fixtures';

test('create a 401(k) with a match, enroll 25 (2 refused), follow the job, prove it on the next pay run', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const core = workbench.harness.core;
  const connection = await core.connections.createSandbox('local', {
    providerId: 'gusto',
    employeeSize: 30,
    customerName: 'Harbor Payroll Co',
  });
  // 25 employees (contractors are paid without payroll deductions, and the provider refuses them).
  const read = <T>(fn: Parameters<typeof core.lifecycle.read<T>>[2]) => core.lifecycle.read('local', connection.id, fn).then((r) => r.data);
  const directory = (await read((c) => c.hris.directory.list())).individuals;
  const employments = (await read((c) => c.hris.employments.retrieveMany({ requests: directory.map((p) => ({ individual_id: p.id! })) })))
    .responses;
  const contractors = new Set(
    employments.filter((e) => (e.body as { employment?: { type?: string } }).employment?.type === 'contractor').map((e) => e.individual_id),
  );
  const employees = directory
    .filter((p) => !contractors.has(p.id!))
    .slice(0, 25)
    .map((p) => [p.first_name, p.middle_name, p.last_name].filter(Boolean).join(' '));
  expect(employees).toHaveLength(25);
  await page.goto(`${workbench.harness.url}/#/deductions`);
  await expect(page.getByRole('heading', { level: 1, name: 'Deductions' })).toBeVisible();

  // What the provider supports is there before anything is sent.
  const support = page.getByRole('table', { name: 'Benefit support' });
  await expect(support.getByRole('row', { name: /^401k / })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Provider support' })).toContainText('Finch-Request-IDs');

  // Create the benefit with a 100% match up to 3% of pay.
  const form = page.getByRole('form', { name: 'New benefit' });
  await form.getByLabel('Type').selectOption('401k');
  await form.getByLabel('Description (as on pay statements)').fill('Harbor 401(k)');
  await form.getByRole('button', { name: 'Add a match tier' }).click();
  await expect(form).toContainText('= 100% match up to 3% of pay');
  await form.getByRole('button', { name: 'Create benefit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Create the benefit: Finch accepted it' })).toBeVisible();
  const jobs = page.getByRole('region', { name: 'Deduction jobs' });
  await expect(jobs.getByRole('listitem').filter({ hasText: 'Create “Harbor 401(k)”' })).toContainText('complete', { timeout: 20_000 });

  // The new benefit is chosen for enrollment.
  const benefits = page.getByRole('table', { name: 'Benefits' });
  const row = benefits.getByRole('row', { name: /Harbor 401\(k\)/ });
  await expect(row).toContainText('100% up to 3%');
  await expect(row.getByRole('button', { name: 'Chosen' })).toBeVisible();

  // Pick 25 of the 30 people; two of them get amounts the provider refuses.
  const enroll = page.getByRole('region', { name: 'Enroll people' });
  await expect(enroll.getByRole('status')).toHaveText('30 of 30 people');
  const pickList = enroll.getByRole('list', { name: 'People to pick' });
  for (const name of employees) await pickList.getByRole('checkbox', { name: new RegExp(`^${name}( |$)`) }).check();
  await expect(enroll.getByRole('heading', { name: '25 selected' })).toBeVisible();
  const selected = enroll.getByRole('table', { name: 'Selected people' });
  const amounts = selected.getByRole('spinbutton');
  await amounts.nth(3).fill('15000'); // 150% of pay
  await amounts.nth(7).fill('-200');
  const refusedNames = [
    (await selected.getByRole('row').nth(4).getByRole('rowheader').innerText()).trim(),
    (await selected.getByRole('row').nth(8).getByRole('rowheader').innerText()).trim(),
  ];
  await enroll.getByRole('button', { name: 'Enroll 25 people' }).click();

  // The job ends; the two refusals sit on their rows, with the provider's reason.
  const enrollJob = jobs.getByRole('listitem').filter({ hasText: 'Enroll 25 people' });
  await expect(enrollJob).toContainText('complete', { timeout: 20_000 });
  await expect(enrollJob).toContainText('23 done, 2 refused');
  for (const name of refusedNames) await expect(selected.getByRole('row', { name: new RegExp(name) })).toContainText(/4\d\d/);
  await expect(enrollJob).toContainText(/status checks · Finch-Request-IDs?: [0-9a-f-]{36}/);
  await expect(page.getByRole('region', { name: 'Enrolled now' }).getByRole('heading')).toHaveText('Enrolled now (23)', {
    timeout: 10_000,
  });

  // The simulator runs the next payroll; the paycheck check reads it.
  const check = page.getByRole('region', { name: 'Paycheck check' });
  await check.getByRole('button', { name: 'Run the simulator’s next pay run and check it' }).click();
  const summary = check.getByRole('status').filter({ hasText: 'matching' });
  await expect(summary).toContainText('23 matching, 0 differing, 0 missing, 2 never enrolled', { timeout: 30_000 });
  for (const name of refusedNames) await expect(check).toContainText(name);
  await screenshot(page, 'deductions-reconciled');
});
