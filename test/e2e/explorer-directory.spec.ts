/**
 * A large directory on the Local simulator when the application's directory budget (Finch's
 * 20 calls a minute, shared by every screen) is nearly spent — the state a new user reaches
 * after a few visits. The first rows must show after the first page, with progress and Cancel,
 * and a read nobody is waiting for must stop spending the budget.
 */
import { readFileSync } from 'node:fs';
import type { WorkbenchCore } from '@main/core';
import { rawBody } from '@main/platform/reads/finch-read';
import { cellText, parseCsv } from '@shared/export/table-export';
import { expect, screenshot, test } from './fixtures';

const directoryCalls = (core: WorkbenchCore, connectionId: string) =>
  core.requestLog.search({ environmentId: 'local', connectionId, limit: 500 }).filter((e) => e.path.startsWith('/employer/directory'))
    .length;
const queuedDirectoryCalls = (core: WorkbenchCore) => core.limiter.readings().find((r) => r.product === 'directory')?.queued ?? 0;

/** Leaves one directory call of the minute's 20: the next page after that must wait ~60 s. */
async function spendAllButOne(core: WorkbenchCore, connectionId: string): Promise<void> {
  const target = core.connections.target('local', connectionId);
  for (let i = 0; i < 19; i++) await core.gateway.call(target, (client) => client.hris.directory.list({ limit: 1 }));
}

test('10,000 people: the first rows show while later pages wait, with progress; leaving the Explorer stops the read', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 10_000, customerName: 'Huge Co' });
  await spendAllButOne(core, c.id);
  const before = directoryCalls(core, c.id);

  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  // The first page (100 people) is on screen while page 2 waits for a rate-limit slot.
  await expect(directory.getByRole('row').nth(1)).toBeVisible({ timeout: 10_000 });
  await expect(directory.getByRole('status')).toHaveText('100 of 100 people');
  const progress = page.getByRole('status').filter({ hasText: 'Directory: 100 of 10,000 people, page 2…' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(directory).toContainText('Partial: 100 of 10,000 people (still loading)');
  await expect.poll(() => queuedDirectoryCalls(core)).toBe(1);
  await expect(progress).toContainText('waiting for a rate-limit slot');
  await screenshot(page, 'explorer-directory-streaming');

  // Leaving the Explorer cancels the read: the waiting call is withdrawn, never sent.
  await page.getByRole('link', { name: 'Request log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request log');
  await expect.poll(() => queuedDirectoryCalls(core)).toBe(0);
  await page.waitForTimeout(500);
  expect(directoryCalls(core, c.id) - before).toBe(1);
});

test('Cancel keeps the rows that arrived, says the directory is partial, and exports say so', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 1_000, customerName: 'Cancel Co' });
  await spendAllButOne(core, c.id);
  const before = directoryCalls(core, c.id);

  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('row').nth(1)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('status').filter({ hasText: 'Directory: 100 of 1,000 people' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Directory: cancelled after 100 records' })).toBeVisible();
  await expect(directory).toContainText('Partial: 100 of 1,000 people (the read was cancelled)');
  await expect(directory.getByRole('status')).toHaveText('100 of 100 people');
  await expect.poll(() => queuedDirectoryCalls(core)).toBe(0);
  expect(directoryCalls(core, c.id) - before).toBe(1);

  await directory.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV (partial)' });
  await expect(dialog).toContainText('100 rows × 6 columns — Partial: 100 of 1,000 people (the read was cancelled)');
  await screenshot(page, 'explorer-directory-cancelled');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export redacted' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^directory-gusto-[0-9a-f]{8}-partial-.*\.csv$/);
});

test('the Sandbox person picker reads the first 100 people, and more only on demand', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 10_000, customerName: 'Picker Co' });
  await page.goto(`${workbench.harness.url}/#/sandbox`);
  const mock = page.getByRole('region', { name: 'Mock data' });
  const person = mock.getByRole('combobox', { name: 'Person', exact: true });
  await expect(person.locator('option')).toHaveCount(100);
  await expect(mock).toContainText('100 of 10,000 people');
  await expect(
    mock.getByRole('form', { name: 'Mock data: Edit a person (individual)' }).getByLabel('first_name', { exact: true }),
  ).not.toHaveValue('');
  expect(directoryCalls(core, c.id)).toBe(1);

  await mock.getByRole('button', { name: 'Load 100 more' }).click();
  await expect(person.locator('option')).toHaveCount(200);
  await expect(mock).toContainText('200 of 10,000 people');
  expect(directoryCalls(core, c.id)).toBe(2);
  await screenshot(page, 'sandbox-person-picker');
});

/** Everyone in the directory, straight from Finch (the simulator) in 10,000-person pages: the truth the table is checked against. */
async function wholeDirectory(core: WorkbenchCore, connectionId: string, total: number): Promise<Record<string, unknown>[]> {
  const target = core.connections.target('local', connectionId);
  const people: Record<string, unknown>[] = [];
  for (let offset = 0; offset < total; offset += 10_000) {
    const page = await core.gateway.call(target, (client) => client.hris.directory.list({ limit: 10_000, offset }));
    people.push(...((rawBody(page.data) as { individuals: Record<string, unknown>[] }).individuals ?? []));
  }
  return people;
}

test('60,000 people: every row arrives; sort and filter show the right first rows; the export holds exactly the filtered, sorted rows', async ({
  page,
  workbench,
}) => {
  test.setTimeout(240_000);
  const core = workbench.harness.core;
  const people = 60_000;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: people, customerName: 'Enterprise Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  const table = directory.getByRole('table', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('60,000 of 60,000 people', { timeout: 180_000 });
  expect(await table.getByRole('row').count()).toBeLessThan(80);

  // What the table must show: the directory's people whose shown cells (null reads "null")
  // contain the text, by last name descending (missing names first), ties in directory order.
  const everyone = await wholeDirectory(core, c.id, people);
  expect(everyone).toHaveLength(people);
  const cells = (p: Record<string, unknown>) => [
    p['first_name'],
    p['last_name'],
    (p['department'] as { name?: unknown } | null)?.name ?? p['department'],
    p['is_active'],
    p['id'],
  ];
  const needle = 'ann';
  const missing = (v: unknown) => v === null || v === undefined || v === '';
  const expected = everyone
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => cells(p).some((v) => (v === null ? 'null' : cellText(v)).toLowerCase().includes(needle)))
    .sort((a, b) => {
      const [x, y] = [a.p['last_name'], b.p['last_name']];
      const asc =
        missing(x) || missing(y)
          ? Number(missing(x)) - Number(missing(y))
          : cellText(x).localeCompare(cellText(y), undefined, { numeric: true, sensitivity: 'base' });
      return -asc || a.i - b.i;
    })
    .map(({ p }) => cells(p).map((v) => cellText(v)));
  expect(expected.length).toBeGreaterThan(100);
  expect(expected.length).toBeLessThan(people);

  // Shape the view the way a user does, quickly: hide Manager id, type the filter a letter at a
  // time (earlier answers are superseded), sort by last name twice (ascending, then descending).
  await directory.getByText(/^Columns \(/).click();
  await directory.getByRole('group', { name: 'Columns shown' }).getByLabel('Manager id').uncheck();
  await directory.getByText(/^Columns \(/).click();
  const filter = directory.getByLabel('Filter people');
  for (const typed of ['a', 'an', 'ann']) await filter.fill(typed);
  const lastName = table.getByRole('columnheader', { name: 'Last name' });
  await lastName.getByRole('button').click();
  await expect(lastName).toHaveAttribute('aria-sort', 'ascending');
  await lastName.getByRole('button').click();
  await expect(lastName).toHaveAttribute('aria-sort', 'descending');
  await expect(directory.getByRole('status')).toHaveText(`${expected.length.toLocaleString('en-US')} of 60,000 people`);
  await expect(table).not.toHaveAttribute('aria-busy', 'true');

  const shown = async () => {
    const rows = table.getByRole('row');
    const out: string[][] = [];
    for (let i = 1; i <= 8; i++) out.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((t) => t.trim()));
    return out;
  };
  const asShown = (row: string[]) => row.map((v) => (v === '' ? 'null' : v));
  expect(await shown()).toEqual(expected.slice(0, 8).map(asShown));
  await screenshot(page, 'explorer-directory-60k-sorted-filtered');

  // Clear the filter (everyone, still sorted), then filter again: the same rows come back.
  await filter.fill('');
  await expect(directory.getByRole('status')).toHaveText('60,000 of 60,000 people');
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await filter.fill(needle);
  await expect(directory.getByRole('status')).toHaveText(`${expected.length.toLocaleString('en-US')} of 60,000 people`);
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  expect(await shown()).toEqual(expected.slice(0, 8).map(asShown));

  // The export: every matching row (not just those on screen), in the order shown, the shown columns.
  await directory.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog).toContainText(`${expected.length.toLocaleString('en-US')} rows × 5 columns`);
  await dialog.getByRole('checkbox', { name: /^Raw for this export/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export raw' }).click()]);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(csv.header).toEqual(['First name', 'Last name', 'Department', 'Active', 'Individual id']);
  expect(csv.rows).toEqual(expected);
});

test('when the table worker cannot run, the directory still sorts and filters (on the page), never stuck busy', async ({
  page,
  workbench,
}) => {
  // As if the worker script were refused (a stricter CSP, a packaging fault): its load fails.
  await page.context().route(/row-order\.worker/, (route) => route.abort());
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 300, customerName: 'Fallback Co' });
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  const table = directory.getByRole('table', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('300 of 300 people', { timeout: 60_000 });

  const lastName = table.getByRole('columnheader', { name: 'Last name' });
  await lastName.getByRole('button').click();
  await expect(lastName).toHaveAttribute('aria-sort', 'ascending');
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  const column = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1, 11).map((r) => (r.querySelectorAll('[role="cell"]')[1]?.textContent ?? '').trim()));
  const named = column.filter((n) => n !== '');
  expect(named.length).toBeGreaterThan(5);
  expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));

  await directory.getByLabel('Filter people').fill(named[0]!);
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await expect(directory.getByRole('status')).not.toHaveText('300 of 300 people');
  await expect(table.getByRole('row').nth(1)).toContainText(named[0]!);
});
