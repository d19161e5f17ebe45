/**
 * Every explorer endpoint view on a 2,500-person simulator company, as a user sees it: data
 * tables with request ids, a batch 404 shown on its row, a 202 shown as pending with Retry and
 * what to watch, Finch's once-an-hour sync rule, the forward console, empty and error states,
 * and a CSV export that parses back to exactly the rows and columns the view shows.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parseCsv } from '@shared/export/table-export';
import { expect, screenshot, test } from './fixtures';

/** Screenshots of a region: scroll it into view on a tall window, so the whole card shows. */
async function shoot(page: Page, region: Locator, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1500 });
  await region.scrollIntoViewIfNeeded();
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The cells of the rendered (virtualised) rows, as text; the header row is skipped. */
async function renderedRows(table: Locator, limit: number): Promise<string[][]> {
  const rows = table.getByRole('row');
  const count = Math.min(await rows.count(), limit + 1);
  const out: string[][] = [];
  for (let i = 1; i < count; i++) out.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((t) => t.trim()));
  return out;
}

/** How a cell reads in CSV: null, absent (—) and "" are all empty; everything else as shown. */
const asCsvCell = (shown: string) => (shown === 'null' || shown === '—' || shown === '""' ? '' : shown);

async function openView(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Endpoints' })
    .getByRole('button', { name: new RegExp(`^${label}`) })
    .click();
}

test('every endpoint view of a 2,500-person company, with an export that matches the view', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', {
    providerId: 'finch',
    authenticationType: 'api_token',
    employeeSize: 2500,
    customerName: 'Big Co',
  });
  await page.goto(`${workbench.harness.url}/#/explorer`);

  // Company and directory.
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('2,500 of 2,500 people', { timeout: 20_000 });
  const company = page.getByRole('region', { name: 'Company' });
  await expect(company).toContainText('Finch-Request-ID:');
  await expect(company).toContainText('GET /employer/company');
  await shoot(page, company, 'endpoints-company');

  // Shape the view: filter, sort by last name, hide a column; then export and parse back.
  const table = directory.getByRole('table', { name: 'Directory' });
  await directory.getByLabel('Filter people').fill('an');
  await table.getByRole('columnheader', { name: 'Last name' }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: 'Last name' })).toHaveAttribute('aria-sort', 'ascending');
  await directory.getByText(/^Columns \(/).click();
  await directory.getByRole('group', { name: 'Columns shown' }).getByLabel('Manager id').uncheck();
  await directory.getByText(/^Columns \(/).click();
  const status = (await directory.getByRole('status').innerText()).trim();
  const shownCount = Number(status.split(' of ')[0]!.replace(/,/g, ''));
  expect(shownCount).toBeGreaterThan(100);
  expect(shownCount).toBeLessThan(2_500);
  await shoot(page, directory, 'endpoints-directory');

  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/[▲▼]/g, '').trim());
  expect(headers).toEqual(['First name', 'Last name', 'Department', 'Active', 'Individual id']);
  // By default the export is redacted in main, with a preview of what was hidden.
  await directory.getByRole('button', { name: 'Export CSV' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog.getByRole('list', { name: 'Hidden values by kind' })).toContainText('names');
  await expect(dialog.getByLabel('Preview of what leaves')).toContainText('[person-');
  const [redactedDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export redacted' }).click(),
  ]);
  const redacted = parseCsv(readFileSync((await redactedDownload.path())!, 'utf8'));
  await expect(directory.getByText(/^Downloaded [\d,]+ rows × 5 columns, redacted/)).toBeVisible();

  // Raw is a per-export choice; then the file holds exactly what the view shows.
  await directory.getByRole('button', { name: 'Export CSV' }).click();
  dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByRole('checkbox', { name: /^Raw for this export/ }).check();
  await expect(dialog.getByRole('note')).toContainText('Raw:');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export raw' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^directory-finch-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}T[\d-]+\.csv$/);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(csv.header).toEqual(headers);
  // The redacted file has the same rows in the same order: names are placeholders, the same
  // name always the same one, ids and flags untouched.
  expect(redacted.header).toEqual(headers);
  expect(redacted.rows.map((r) => [r[3], r[4]])).toEqual(csv.rows.map((r) => [r[3], r[4]]));
  const placeholderOf = new Map<string, string>();
  redacted.rows.forEach((r, i) => {
    for (const col of [0, 1]) {
      expect(r[col]).toMatch(/^\[person-\d+\]$/);
      const raw = csv.rows[i]![col]!.toLowerCase();
      expect(placeholderOf.get(raw) ?? r[col]).toBe(r[col]);
      placeholderOf.set(raw, r[col]!);
    }
  });
  expect(new Set(placeholderOf.values()).size).toBe(placeholderOf.size);
  expect(csv.rows).toHaveLength(shownCount);
  const visible = await renderedRows(table, 15);
  expect(visible.length).toBeGreaterThan(5);
  expect(csv.rows.slice(0, visible.length)).toEqual(visible.map((cells) => cells.map(asCsvCell)));
  // Sorted as shown, and filtered as shown.
  const lastNames = csv.rows.map((r) => r[1]!);
  expect([...lastNames].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))).toEqual(lastNames);
  expect(csv.rows.every((r) => r.some((cell) => cell.toLowerCase().includes('an')))).toBe(true);

  // Person page: directory + individual + employment + their pay statements.
  const firstId = visible[0]![4]!;
  await table.getByRole('row').nth(1).click();
  const person = page.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('Directory entry');
  await expect(person).toContainText('Individual');
  await expect(person).toContainText(firstId);
  await expect(person.locator('.value-masked').first()).toBeVisible();
  const statements = person.getByRole('table', { name: 'Person pay statements' });
  await expect(statements.getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
  await shoot(page, person, 'endpoints-person');
  await statements.getByRole('row').nth(1).click();
  const payStatement = page.getByRole('region', { name: 'Pay statement' });
  await expect(payStatement).toContainText('Earnings');
  await expect(payStatement).toContainText('Taxes');
  await expect(payStatement.locator('.value-masked').first()).toBeVisible();
  await person.getByRole('button', { name: 'Reveal sensitive values' }).click();
  await expect(payStatement.locator('.value-masked')).toHaveCount(0);
  await shoot(page, payStatement, 'endpoints-pay-statement');

  // Individuals: a batch with an unknown id shows that row's 404, the other row 200.
  await openView(page, 'Individuals');
  const individuals = page.getByRole('region', { name: 'Individuals' });
  await individuals.getByLabel('Or read these individual ids').fill(`${firstId}\nno-such-person`);
  await individuals.getByRole('button', { name: 'Read 2 ids' }).click();
  const batch = individuals.getByRole('table', { name: 'Individuals table' });
  const missing = batch.getByRole('row').filter({ hasText: 'no-such-person' });
  await expect(missing).toContainText('404');
  await expect(missing).toContainText('individual_not_found');
  await expect(missing).toHaveClass(/row-error/);
  await expect(batch.getByRole('row').filter({ hasText: firstId })).toContainText('200');
  await expect(individuals).toContainText('1 × 200, 1 × 404');
  await shoot(page, individuals, 'endpoints-batch-404');
  // Everyone, in chunks of 1,000: three calls, three request ids.
  await individuals.getByRole('button', { name: 'Read everyone (2,500 people)' }).click();
  await expect(individuals.getByRole('status').filter({ hasText: 'of 2,500 people' })).toHaveText('2,500 of 2,500 people', {
    timeout: 20_000,
  });
  await expect(individuals).toContainText('3 call(s) · 2,500 × 200');

  await openView(page, 'Employments');
  const employments = page.getByRole('region', { name: 'Employments' });
  await employments.getByRole('button', { name: 'Read everyone (2,500 people)' }).click();
  await expect(employments.getByRole('status').filter({ hasText: 'of 2,500 people' })).toHaveText('2,500 of 2,500 people', {
    timeout: 20_000,
  });

  // Payments, then the statements of all of them.
  await openView(page, 'Payments');
  const payments = page.getByRole('region', { name: 'Payments', exact: true });
  await payments.getByRole('button', { name: 'Read payments' }).click();
  const paymentsTable = payments.getByRole('table', { name: 'Payments table' });
  await expect(paymentsTable.getByRole('row').nth(1)).toBeVisible();
  await expect(payments).toContainText('GET /employer/payment?start_date=');
  await paymentsTable.getByRole('checkbox', { name: /^Choose all/ }).check();
  const payStatements = page.getByRole('region', { name: 'Pay statements' });
  await payStatements.getByRole('button', { name: /^Read pay statements for \d+ chosen payment/ }).click();
  await expect(payStatements.getByRole('table', { name: 'Pay statements table' }).getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 });
  await expect(payStatements).toContainText(/\d,\d{3} statements from \d+ payment/);

  await openView(page, 'Pay groups');
  const groups = page.getByRole('region', { name: 'Pay groups' });
  await groups.getByRole('table', { name: 'Pay groups table' }).getByRole('row').nth(1).click();
  await expect(page.getByRole('region', { name: 'Pay group', exact: true })).toContainText(/people in this group/);

  await openView(page, 'Pay-statement items');
  await expect(page.getByRole('region', { name: 'Pay-statement items' }).getByRole('table').getByRole('row').nth(1)).toBeVisible();

  await openView(page, 'Benefits');
  const benefits = page.getByRole('region', { name: 'Benefits' });
  await benefits.getByRole('table', { name: 'Benefits table' }).getByRole('row').nth(1).click();
  const benefit = page.getByRole('region', { name: 'Benefit', exact: true });
  await expect(benefit).toContainText(/Enrolled: [\d,]+ (person|people)/);
  await expect(benefit).toContainText('Finch-Request-IDs:');

  await openView(page, 'Documents');
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('table', { name: 'Documents table' }).getByRole('row').nth(1).click();
  await expect(page.getByRole('region', { name: 'W-4 details' })).toContainText('Finch-Request-ID:');

  // Jobs: one forced sync an hour, and the refusal says when the next is allowed.
  await openView(page, 'Jobs');
  const sync = page.getByRole('region', { name: 'Data sync' });
  await expect(sync).toContainText('one forced data_sync_all per hour');
  await expect(sync.getByRole('note', { name: 'Refresh quota' })).toContainText('1 of 1 forced refresh left');
  await sync.getByRole('button', { name: 'Start data_sync_all' }).click();
  await expect(sync.getByRole('status')).toContainText('Sync started');
  await expect(page.getByRole('region', { name: /^Automated job / })).toContainText('data_sync_all');
  await sync.getByRole('button', { name: 'Start data_sync_all' }).click();
  await expect(sync.getByRole('alert')).toContainText('allows 1 forced data_sync_all per hour');
  await expect(sync.getByRole('alert')).toContainText('Finch-Request-ID:');
  await shoot(page, sync, 'endpoints-jobs');

  await openView(page, 'Providers');
  await expect(page.getByRole('region', { name: 'Providers' }).getByRole('status')).toHaveText(/^\d+ of \d+ providers$/);

  await openView(page, 'Introspect');
  await expect(page.getByRole('region', { name: 'Introspect' })).toContainText(c.id);

  await openView(page, 'Request forwarding');
  const forward = page.getByRole('region', { name: 'Request forwarding' });
  await expect(forward.getByRole('note', { name: 'Forwarding support' })).toContainText('Supported.');
  await forward.getByLabel('Route (on the provider’s API)').fill('/v1/employees');
  await forward.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = forward.getByRole('region', { name: 'Provider answer' });
  await expect(answer).toContainText('Provider answered 200');
  await expect(answer).toContainText('/v1/employees');
  await shoot(page, forward, 'endpoints-forward');
});

test('a 202 shows as pending with Retry and what to watch, in every view that reads data', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'finch', authenticationType: 'assisted', customerName: 'Assisted Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const pending = page.getByRole('status').filter({ hasText: 'Finch has no directory yet' });
  await expect(pending).toContainText('not “no people”');
  await expect(pending).toContainText('Connection status: pending');
  await expect(pending.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Finch has no company data yet' })).toBeVisible();
  await screenshot(page, 'endpoints-202-overview');

  await openView(page, 'Individuals');
  await page.getByRole('button', { name: 'Read everyone in the directory' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finch has no individual data yet' })).toContainText('pending');

  await openView(page, 'Payments');
  await page.getByRole('button', { name: 'Read payments' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Finch has no payments yet' })).toContainText('Retry');

  await openView(page, 'Request forwarding');
  const forward = page.getByRole('region', { name: 'Request forwarding' });
  await expect(forward.getByRole('note', { name: 'Forwarding support' })).toContainText('assisted connection');
  await expect(forward.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await screenshot(page, 'endpoints-202-forward-refused');
});

test('empty and error states say what happened and what to do', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const hris = await core.connections.createSandbox('local', { providerId: 'bamboo_hr', employeeSize: 30, customerName: 'HRIS Only Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(hris.id);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('30 of 30 people');

  // A filter that matches nobody says so and offers to clear it.
  await directory.getByLabel('Filter people').fill('zzzz-nobody');
  await expect(directory).toContainText('No people match “zzzz-nobody”');
  await directory.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(directory.getByRole('status')).toHaveText('30 of 30 people');

  // BambooHR has no payroll, so the connection was not granted it: Finch's 403, with its
  // request id and an explanation of what to do.
  await openView(page, 'Payments');
  await page.getByRole('button', { name: 'Read payments' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Reading payments failed' });
  await expect(error).toContainText('403 product_not_authorized');
  await expect(error).toContainText('Finch-Request-ID:');
  await expect(page.getByRole('note', { name: /^Explanation:/ })).toBeVisible();
  await screenshot(page, 'endpoints-error');

  // Finch's rate limit, past the SDK's retries: said as such, with the request id to quote.
  workbench.harness.core.simulator!.admin.addFault({ kind: 'rate_limit', path: '/employer/pay-groups', count: 3, retry_after_seconds: 0 });
  await openView(page, 'Pay groups');
  const limited = page.getByRole('alert').filter({ hasText: 'Reading pay groups failed' });
  await expect(limited).toContainText('rate limit reached (finch_application_rl)');
  await expect(limited).toContainText('Finch-Request-ID:');
  await expect(page.getByRole('region', { name: 'Pay groups' })).toContainText('Wait a minute and retry');
  await screenshot(page, 'endpoints-rate-limited');

  // A payroll provider with no payments in the range: an empty state that says to widen it.
  const payroll = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 10, customerName: 'Payroll Co' });
  await page.reload();
  await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(payroll.id);
  await openView(page, 'Payments');
  await page.getByLabel('Start date').fill('1990-01-01');
  await page.getByLabel('End date').fill('1990-12-31');
  await page.getByRole('button', { name: 'Read payments' }).click();
  await expect(page.getByRole('region', { name: 'Payments', exact: true })).toContainText(
    'No payments were paid between 1990-01-01 and 1990-12-31. Widen the range',
  );
  await screenshot(page, 'endpoints-empty');
});

test('10,000 people: a few dozen rows in the DOM, also after scrolling to the end', async ({ page, workbench }) => {
  test.setTimeout(90_000);
  await workbench.harness.core.connections.createSandbox('local', {
    providerId: 'bamboo_hr',
    employeeSize: 10_000,
    customerName: 'Huge Co',
  });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('10,000 of 10,000 people', { timeout: 60_000 });
  const table = directory.getByRole('table', { name: 'Directory' });
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  // Scroll to the end in 60 steps, one per frame: the table keeps up (rows are swapped, not
  // added). How smooth it is, in frame times, is measured by bench/explorer, not asserted here.
  await table.locator('.log-scroller').evaluate(async (scroller) => {
    for (let i = 1; i <= 60; i++) {
      scroller.scrollTop = (scroller.scrollHeight * i) / 60;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
  await expect(table.getByRole('row').last()).toHaveAttribute('aria-rowindex', '10001');
  expect(await table.getByRole('row').count()).toBeLessThan(80);

  // The export of all 10,000 rows is larger than one harness message (1 MB): it reaches main's
  // redaction in parts and comes back whole.
  const started = Date.now();
  await page.getByRole('region', { name: 'Directory' }).getByRole('button', { name: 'Export JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export JSON' });
  await expect(dialog).toContainText('10,000 rows');
  await expect(dialog.getByRole('button', { name: 'Export redacted' })).toBeEnabled({ timeout: 30_000 });
  console.log(`10,000-row export redacted and previewed in ${Date.now() - started} ms`);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export redacted' }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.byteLength).toBeGreaterThan(1024 * 1024);
  expect(JSON.parse(bytes.toString('utf8'))).toHaveLength(10_000);
});
