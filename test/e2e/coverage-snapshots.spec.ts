/**
 * Field coverage and snapshots in the browser: the coverage matrix of two providers and its
 * CSV parsed back; two snapshots around sandbox edits, their diff and its CSV parsed back;
 * Cancel during a snapshot keeps what was read, marked cancelled; empty states; deleting all of a connection, confirmed.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '@shared/export/table-export';
import { expect, screenshot, test } from './fixtures';

/** Every export opens the redaction preview first; `raw` ticks the per-export raw choice. */
async function downloadText(page: Page, click: () => Promise<void>, raw = false): Promise<{ name: string; text: string }> {
  await click();
  const dialog = page.getByRole('dialog');
  if (raw) await dialog.getByRole('checkbox', { name: /^Raw for this export/ }).check();
  const button = dialog.getByRole('button', { name: raw ? 'Export raw' : 'Export redacted' });
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await expect(dialog).toHaveCount(0);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('empty states say what to do', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/coverage`);
  await expect(page.getByRole('heading', { name: 'No connection to measure in Local simulator' })).toBeVisible();
  await screenshot(page, 'coverage-empty');
  await page.goto(`${workbench.harness.url}/#/snapshots`);
  await expect(page.getByRole('heading', { name: 'No connection to snapshot in Local simulator' })).toBeVisible();
  await workbench.harness.core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 5, customerName: 'Tiny Co' });
  await expect(page.getByRole('heading', { name: 'No snapshots yet' })).toBeVisible();
  await screenshot(page, 'snapshots-empty');
});

test('coverage matrix of two providers, exported as CSV that parses back to the same rows and columns', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const adp = await core.connections.createSandbox('local', { providerId: 'adp_run', employeeSize: 40, customerName: 'Acme on ADP' });
  const gusto = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 30, customerName: 'Beta on Gusto' });
  await page.goto(`${workbench.harness.url}/#/coverage`);
  await expect(page.getByRole('heading', { name: 'No coverage measured yet' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Measure coverage' });
  for (const c of [adp, gusto]) {
    await form.getByRole('combobox', { name: 'Connection', exact: true }).selectOption(c.id);
    await form.getByRole('button', { name: 'Measure coverage' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Measured' })).toContainText(c.customerName!, { timeout: 20_000 });
  }
  const matrix = page.getByRole('table', { name: 'Coverage matrix' });
  await expect(matrix.getByRole('columnheader')).toHaveCount(4);
  await expect(matrix.getByRole('columnheader').nth(2)).toContainText('gusto · Beta on Gusto');
  // ADP RUN declares preferred_name unsupported and sends null for everyone; Gusto says it supports it.
  const preferred = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'preferred_name', exact: true }) });
  await expect(preferred.getByRole('cell').nth(2)).toContainText('0%');
  await expect(preferred.getByRole('cell').nth(2)).toContainText('40 null');
  await expect(preferred.getByRole('cell').nth(2)).toHaveAttribute('title', /provider: unsupported/);
  await expect(preferred.getByRole('cell').nth(1)).toHaveAttribute('title', /provider: supported/);
  const gustoRun = core.coverage.runs('local').find((r) => r.connectionId === gusto.id)!;
  const gustoPreferred = gustoRun.products.find((p) => p.product === 'individual')!.fields.find((f) => f.path === 'preferred_name')!;
  await expect(preferred.getByRole('cell').nth(1)).toContainText(`${gustoPreferred.nulls} null`);
  await page.getByRole('region', { name: 'Coverage matrix card' }).evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'coverage-matrix');

  const { name, text } = await downloadText(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(name).toMatch(/^field-coverage-.*\.csv$/);
  const csv = parseCsv(text);
  const headers = await matrix.getByRole('columnheader').allInnerTexts();
  expect(csv.header.slice(0, 3)).toEqual(['Product', 'Field', 'Nullable in spec']);
  // The default export is redacted: the customers' names in the column headers are placeholders.
  expect(csv.header.join('|')).not.toMatch(/Acme on ADP|Beta on Gusto/);
  expect(csv.header[3]).toMatch(/\[known-\d+\]/);
  expect(csv.header).toHaveLength(3 + 6 * (headers.length - 2));
  const fieldRows = await matrix.locator('th[scope="row"]').allInnerTexts();
  expect(csv.rows.map((r) => r[1])).toEqual(fieldRows.map((t) => t.trim()));
  const exported = csv.rows.find((r) => r[0] === 'individual' && r[1] === 'preferred_name')!;
  const adpShare = csv.header.findIndex((h) => h.includes(adp.id) && h.endsWith('non-null share'));
  expect(exported[adpShare]).toBe('0%');
  expect(exported[adpShare + 3]).toBe('40');

  // Filters narrow the matrix, and the export follows what is shown.
  await page.getByLabel('Only where the provider’s claim and the data disagree').check();
  await page.getByRole('combobox', { name: 'Product', exact: true }).selectOption('individual');
  const narrowed = await matrix.locator('th[scope="row"]').count();
  expect(narrowed).toBeLessThan(fieldRows.length);
  const json = JSON.parse((await downloadText(page, () => page.getByRole('button', { name: 'Export JSON' }).click())).text) as Record<
    string,
    unknown
  >[];
  expect(json).toHaveLength(narrowed);
});

test('snapshot, sandbox edits, snapshot, diff with exactly those changes; diff CSV parses back; delete all, confirmed', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 30, customerName: 'Diff Co' });
  await page.goto(`${workbench.harness.url}/#/snapshots`);
  const form = page.getByRole('form', { name: 'Take a snapshot' });
  await form.getByLabel('Label (optional)').fill('before');
  await form.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('30 people', { timeout: 20_000 });
  await expect(page.getByText('Take a second snapshot to compare it with the first.')).toBeVisible();

  const people = (await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list())).data.individuals;
  await core.lifecycle.read('local', c.id, (client) =>
    client.sandbox.individual.update(people[0]!.id!, { preferred_name: 'Zed the Tester' }),
  );
  await core.lifecycle.read('local', c.id, (client) => client.sandbox.employment.update(people[1]!.id!, { title: 'Chief Diff Officer' }));
  await core.lifecycle.read('local', c.id, (client) =>
    client.sandbox.directory.create({ body: [{ first_name: 'Ada', last_name: 'Lovelace', dob: '1990-12-10' }] }),
  );
  await core.lifecycle.read('local', c.id, (client) => client.sandbox.jobs.create({ type: 'data_sync_all' }));
  core.simulator!.clock.advance(10_000);

  await form.getByLabel('Label (optional)').fill('after edits');
  await form.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('31 people', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: 'Snapshot diff' });
  await expect(diff.getByRole('status').filter({ hasText: 'added' })).toContainText(
    '1 added · 0 removed · 2 changed (2 fields) · 28 unchanged · 0 company changes',
  );
  await expect(diff.getByRole('list', { name: 'People added' })).toContainText('Ada Lovelace');
  const changed = diff.getByRole('table', { name: 'Fields changed' });
  await expect(changed.getByRole('row')).toHaveCount(3);
  await expect(changed).toContainText('individual.preferred_name');
  await expect(changed).toContainText('Zed the Tester');
  await expect(changed).toContainText('employment.title');
  await expect(changed).toContainText('Chief Diff Officer');
  await expect(diff).toContainText('Same connection: people matched by Finch individual id');
  await diff.evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'snapshot-diff');

  // By default the names and new values are placeholders; the rows still line up with the raw export.
  const redacted = parseCsv((await downloadText(page, () => diff.getByRole('button', { name: 'Export CSV' }).click())).text);
  expect(redacted.rows.map((r) => [r[0], r[1], r[5], r[7]])).toEqual([
    ['person added', expect.stringMatching(/^\[person-\d+\] \[person-\d+\]$/), '', ''],
    [
      'person changed',
      expect.stringMatching(/^\[person-\d+\] \[person-\d+\]$/),
      'individual.preferred_name',
      expect.stringMatching(/^\[person-\d+\]$/),
    ],
    ['person changed', expect.any(String), 'employment.title', expect.any(String)],
  ]);
  expect(JSON.stringify(redacted)).not.toMatch(/Ada|Lovelace|Zed the Tester/);
  const csv = parseCsv((await downloadText(page, () => diff.getByRole('button', { name: 'Export CSV' }).click(), true)).text);
  expect(redacted.rows.map((r) => [r[0], r[2], r[3], r[5]])).toEqual(csv.rows.map((r) => [r[0], r[2], r[3], r[5]]));
  expect(csv.header).toEqual([
    'Change',
    'Person or payment',
    'Id in older snapshot',
    'Id in newer snapshot',
    'Matched by',
    'Field',
    'Before',
    'After',
  ]);
  // Added people first, then changes in directory order (the two edited people are the first two).
  expect(csv.rows.map((r) => [r[0], r[1], r[5], r[7]])).toEqual([
    ['person added', 'Ada Lovelace', '', ''],
    ['person changed', expect.any(String), 'individual.preferred_name', 'Zed the Tester'],
    ['person changed', expect.any(String), 'employment.title', 'Chief Diff Officer'],
  ]);
  const viewRows = await changed.getByRole('row').count();
  expect(csv.rows.filter((r) => r[0] === 'person changed')).toHaveLength(viewRows - 1);

  await page
    .getByRole('button', { name: /^Delete all snapshots of connection/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete all 2 snapshot(s) of Diff Co?' });
  await expect(dialog).toContainText('personal data');
  await screenshot(page, 'snapshots-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 2 snapshot(s).' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No snapshots yet' })).toBeVisible();
});

test('a pull shows progress; Cancel keeps what was read, as a snapshot marked cancelled', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 20, customerName: 'Slow Co' });
  core.simulator!.admin.addFault({ kind: 'latency', path: '/employer/payment', latency_ms: 4_000, count: null });
  await page.goto(`${workbench.harness.url}/#/snapshots`);
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  const progress = page.locator('.operation-progress');
  await expect(progress).toContainText('Snapshot of Slow Co');
  await screenshot(page, 'snapshot-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: what was read so far is kept' })).toBeVisible({ timeout: 10_000 });
  core.simulator!.admin.clearFaults();
  expect(core.snapshots.list('local').map((s) => s.state)).toEqual(['cancelled']);
  await expect(page.getByText('Cancelled — partial')).toBeVisible();
});
