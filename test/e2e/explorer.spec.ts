/** The Explorer (first slice) on a 2,500-person simulator company. */
import { expect, screenshot, test } from './fixtures';

test('company, all 2,500 people, and a person with nulls visible and sensitive values masked', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'bamboo_hr', employeeSize: 2500, customerName: 'Big Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('2,500 of 2,500 people', { timeout: 15_000 });
  await expect(directory).toContainText('2 page(s)'); // 100 at once, then the other 2,400 in one call
  await expect(page.getByRole('region', { name: 'Company' })).toContainText('Finch-Request-ID:');
  expect(await directory.getByRole('row').count()).toBeLessThan(80);
  await screenshot(page, 'explorer-directory');

  const first = directory.getByRole('row').nth(1);
  const name = (await first.getByRole('cell').first().innerText()).trim();
  await directory.getByLabel('Filter people').fill(name);
  await expect(directory.getByRole('status')).not.toHaveText('2,500 of 2,500 people');
  await directory.getByRole('row').nth(1).click();
  const person = page.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('Individual');
  await expect(person).toContainText('Employment');
  await expect(person.locator('.value-masked').first()).toBeVisible();
  await person.getByRole('button', { name: 'Reveal sensitive values' }).click();
  await expect(person.locator('.value-masked')).toHaveCount(0);
  await screenshot(page, 'explorer-person');
});

test('a 202 on an assisted connection says the data is not there yet, not that there are no people', async ({ page, workbench }) => {
  await workbench.harness.core.connections.createSandbox('local', {
    providerId: 'finch',
    authenticationType: 'assisted',
    customerName: 'Assisted Co',
  });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  await expect(page.getByRole('status').filter({ hasText: 'Finch has no directory yet' })).toContainText('not “no people”');
  await screenshot(page, 'explorer-202');
});

test('an explorer read that fails explains itself', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', customerName: 'Revoked Co' });
  await core.gateway.call(core.connections.target('local', c.id), (client) =>
    client.sandbox.connections.accounts.update({ connection_status: 'reauth' }),
  );
  await page.goto(`${workbench.harness.url}/#/explorer`);
  await expect(page.getByRole('alert').filter({ hasText: 're-authenticated' })).toContainText('Finch-Request-ID:');
  await expect(page.getByRole('note', { name: 'Explanation: The employer must reconnect' })).toBeVisible();
});

test('on the person page no field name overlaps its value, however long the name', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5, customerName: 'Labels Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('5 of 5 people', { timeout: 15_000 });
  await directory.getByRole('row').nth(1).click();
  const person = page.getByRole('region', { name: 'Person' });
  const longest = person.locator('.fact dt', { hasText: 'highly_compensated_employee' });
  await expect(longest).toBeVisible();
  await longest.scrollIntoViewIfNeeded();
  await screenshot(page, 'explorer-person-labels');
  // The text as drawn (a long name overflows its own box), label against value, for every fact.
  const overlaps = await person.locator('.fact').evaluateAll((facts) => {
    const drawn = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()];
    };
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    return facts.flatMap((fact) => {
      const [dt, dd] = [fact.querySelector('dt')!, fact.querySelector('dd')!];
      return drawn(dt).some((a) => drawn(dd).some((b) => meet(a, b))) ? [dt.textContent] : [];
    });
  });
  expect(overlaps).toEqual([]);
});

test('a person page on a connection without payroll says so, and reads Finch’s 403 only when asked', async ({ page, workbench }) => {
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'bamboo_hr', employeeSize: 5, customerName: 'HRIS Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('5 of 5 people', { timeout: 15_000 });
  await directory.getByRole('row').nth(1).click();
  const person = page.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('Employment');
  await expect(person.getByRole('note', { name: 'Pay products not granted' })).toContainText('not granted payment and pay_statement');
  await expect(person.getByText('Reading pay statements failed')).toHaveCount(0);
  await person.getByRole('button', { name: 'Read anyway' }).click();
  await expect(person.getByRole('alert').filter({ hasText: 'Reading pay statements failed' })).toContainText('403 product_not_authorized');
});
