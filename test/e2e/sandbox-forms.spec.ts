/**
 * The Sandbox mock-data forms as a newcomer meets them (issue #22): bank details masked like
 * the Explorer masks them, bad values refused next to their field before anything is sent,
 * templates that belong to the connection being worked on, and a JSON box that keeps its size.
 */
import type { Locator, Page } from '@playwright/test';
import type { WorkbenchCore } from '@main/core';
import { expect, screenshot, test } from './fixtures';

/** Every mock-data write that reached the simulator. */
const sandboxWrites = (core: WorkbenchCore) =>
  core.requestLog
    .search({ environmentId: 'local', limit: 1000 })
    .filter((e) => /^\/sandbox\/(company|directory|individual|employment|payment)/.test(e.path))
    .map((e) => `${e.method} ${e.path}`);

/** What the form shows: its text and every input's value (a textarea's value is not text). */
async function shownIn(form: Locator): Promise<string> {
  const values = await form.locator('input, textarea, select').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  return `${await form.innerText()}\n${values.join('\n')}`;
}

async function openMockData(page: Page, url: string, change: string): Promise<Locator> {
  await page.goto(`${url}/#/sandbox`);
  const mock = page.getByRole('region', { name: 'Mock data' });
  await mock.getByRole('combobox', { name: 'Change', exact: true }).selectOption(change);
  return mock;
}

test('the company editor masks bank account and routing numbers until revealed, and still edits the accounts', async ({
  page,
  workbench,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Bank Co' });
  const company = (await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve())).data;
  const account = company.accounts![0]!;
  expect(account.account_number).toMatch(/^\d{10,12}$/);

  const mock = await openMockData(page, workbench.harness.url, 'company');
  const form = mock.getByRole('form', { name: 'Mock data: Company' });
  const accounts = form.getByRole('textbox', { name: /^accounts/ });
  await expect(form.getByRole('textbox', { name: /^legal_name/ })).toHaveValue(company.legal_name!);
  await accounts.scrollIntoViewIfNeeded();
  await screenshot(page, 'sandbox-company-masked');
  await expect(accounts).toHaveValue(/•••• \(hidden/);
  const shown = await shownIn(form);
  expect(shown).not.toContain(account.account_number!);
  expect(shown).not.toContain(account.routing_number!);

  // Edit the accounts while masked: the hidden numbers are kept as they were.
  const masked = await accounts.inputValue();
  await accounts.fill(masked.replace(JSON.stringify(account.account_name), '"Payroll (renamed)"'));
  await form.getByRole('textbox', { name: /^legal_name/ }).focus();
  await form.getByRole('button', { name: 'Save company' }).click();
  await expect(mock.getByRole('status').filter({ hasText: 'Saved' })).toContainText('→ complete', { timeout: 20_000 });
  const after = (await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve())).data.accounts![0]!;
  expect(after).toMatchObject({
    account_name: 'Payroll (renamed)',
    account_number: account.account_number,
    routing_number: account.routing_number,
  });

  await form.getByLabel(/Reveal sensitive values/).check();
  await expect(accounts).toHaveValue(new RegExp(account.account_number!));
});

test('a dob that is no calendar date is refused beside the field and focused, nothing sent', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3, customerName: 'Dates Co' });
  const mock = await openMockData(page, workbench.harness.url, 'individual');
  const form = mock.getByRole('form', { name: 'Mock data: Edit a person (individual)' });
  await expect(form.getByLabel('first_name', { exact: true })).not.toHaveValue('');
  await form.getByLabel('dob', { exact: true }).fill('31/02/1990');
  await form.getByRole('button', { name: /^Save edit a person/ }).click();
  await expect(form.locator('.field-error').filter({ hasText: 'dob: must be a valid date (YYYY-MM-DD)' })).toBeVisible();
  await expect(form.getByLabel('dob', { exact: true })).toBeFocused();
  await expect(form.getByLabel('dob', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(mock.getByRole('alert')).toContainText('Nothing was sent');
  expect(sandboxWrites(core)).toEqual([]);
});

test('a payment that ends before it starts, or pays "lots", is refused beside the field, nothing sent', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3, customerName: 'Pay Co' });
  const mock = await openMockData(page, workbench.harness.url, 'payment');
  const form = mock.getByRole('form', { name: 'Mock data: New payment' });
  const statements = form.getByLabel('pay_statements');
  await expect(statements).toHaveValue(/individual_id/);

  await form.getByLabel('start_date', { exact: true }).fill('2026-03-10');
  await form.getByLabel('end_date', { exact: true }).fill('2026-03-01');
  await form.getByRole('button', { name: 'Save new payment' }).click();
  await expect(form.locator('.field-error').filter({ hasText: 'end_date: must be on or after start_date (2026-03-10)' })).toBeVisible();
  await expect(form.getByLabel('end_date', { exact: true })).toBeFocused();

  await form.getByLabel('end_date', { exact: true }).fill('2026-03-24');
  await statements.fill((await statements.inputValue()).replace(/"gross_pay": \d+/, '"gross_pay": "lots"'));
  await form.getByLabel('start_date', { exact: true }).focus(); // leave the JSON box so it is read
  await form.getByRole('button', { name: 'Save new payment' }).click();
  await expect(form.locator('.field-error').filter({ hasText: 'pay_statements.0.gross_pay: must be integer' })).toBeVisible();
  await expect(form.locator('.field-error').filter({ hasText: 'end_date' })).toHaveCount(0);
  await expect(statements).toBeFocused();
  await expect(mock.getByRole('alert')).toContainText('Nothing was sent');
  await screenshot(page, 'sandbox-payment-refused');
  expect(sandboxWrites(core)).toEqual([]);
});

test('after switching connections mid-load, the payment template is the chosen company’s and a late reply is ignored', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  const first = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3, customerName: 'First Co' });
  const slow = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3, customerName: 'Slow Co' });
  const idsOf = async (id: string) =>
    (await core.lifecycle.read('local', id, (client) => client.hris.directory.list())).data.individuals.map((p) => p.id!);
  const [firstIds, slowIds] = [await idsOf(first.id), await idsOf(slow.id)];
  // The newest connection (Slow Co) is chosen on arrival; its directory answers late.
  core.simulator!.admin.addFault({ kind: 'latency', path: '/employer/directory', connection_id: slow.id, latency_ms: 2_500, count: 1 });

  const mock = await openMockData(page, workbench.harness.url, 'payment');
  await page.getByRole('combobox', { name: 'Working on', exact: true }).selectOption(first.id);
  const statements = mock.getByRole('form', { name: 'Mock data: New payment' }).getByLabel('pay_statements');
  await expect(statements).toHaveValue(new RegExp(firstIds[0]!));

  // The switch cancels Slow Co's read (the picker's operation); whether its reply still lands
  // or not, once its 2.5 s latency has passed it must have changed nothing.
  await page.waitForTimeout(3_000);
  await expect(statements).toHaveValue(new RegExp(firstIds[0]!));
  for (const id of slowIds) await expect(statements).not.toHaveValue(new RegExp(id));
  const people = mock.getByRole('combobox', { name: 'Person', exact: true }).locator('option');
  await expect(people).toHaveCount(firstIds.length);
});

test('the departments JSON box keeps its size when its error shows', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Layout Co' });
  const mock = await openMockData(page, workbench.harness.url, 'company');
  const form = mock.getByRole('form', { name: 'Mock data: Company' });
  const departments = form.getByRole('textbox', { name: /^departments/ });
  await expect(departments).not.toHaveValue('');
  await departments.scrollIntoViewIfNeeded();
  const normal = (await departments.boundingBox())!;
  await screenshot(page, 'sandbox-departments-normal');

  // Break the JSON without changing its number of lines (the box grows with its lines).
  await departments.fill((await departments.inputValue()).replace(/\]\s*$/, ''));
  await form.getByRole('textbox', { name: /^legal_name/ }).focus();
  const error = form.locator('.field-error').filter({ hasText: 'not valid JSON' });
  await expect(error).toBeVisible();
  await screenshot(page, 'sandbox-departments-error');
  const withError = (await departments.boundingBox())!;
  expect(withError.width).toBeGreaterThanOrEqual(normal.width - 1);
  expect(withError.height).toBeGreaterThanOrEqual(normal.height - 1);
  // The error sits under the box, not beside it.
  const line = (await error.boundingBox())!;
  expect(line.y).toBeGreaterThanOrEqual(withError.y + withError.height - 1);

  // And a save is refused while the JSON does not parse: the old departments would go out.
  await form.getByRole('button', { name: 'Save company' }).click();
  await expect(mock.getByRole('alert')).toContainText('Nothing was sent');
  await expect(departments).toBeFocused();
  expect(sandboxWrites(workbench.harness.core)).toEqual([]);
});
