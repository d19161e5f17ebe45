/**
 * Acceptance 2 of issue 13 in the browser: an access token, the local client secret and one
 * simulated employee's personal data (name, SSN, date of birth, email, salary) are planted, then
 * every output a user can trigger is driven through the UI — explorer CSV/JSON exports, coverage
 * export, snapshot diff export, clipboard copies (request-ID line, JSON of a view, ticket text),
 * the Connect trace export, the support bundle and the readiness report — and every download and
 * every clipboard content is scanned in each encoding of test/support/secret-scan.ts: 0 hits by
 * default; with raw chosen the personal data is there, but never a vault secret.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { WorkbenchCore } from '@main/core';
import { LOCAL_CLIENT_SECRET } from '@main/platform/workspace/targets';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { scanBytes } from '../support/secret-scan';
import { expect, screenshot, test } from './fixtures';

const CUSTOMER = 'Quennell Abara Holdings';
const PERSON = {
  first: 'Marisol',
  last: 'Quennell-Abara',
  ssn: '587-21-9043',
  dob: '1979-03-14',
  email: 'marisol.qa@planted-payroll.test',
  salary: 9137700,
};
const NAME = `${PERSON.first} ${PERSON.last}`;

interface Planted {
  token: string;
  connectionId: string;
  secrets: string[];
  personal: string[];
}

async function plant(core: WorkbenchCore): Promise<Planted> {
  const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 12, customerName: CUSTOMER });
  const token = core.vault.reveal(secretRefs.accessToken('local', c.id));
  const people = (await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list())).data.individuals;
  const id = people[0]!.id!;
  // A first snapshot before the planting, so the diff shows the planted values.
  await core.snapshots.take('local', {
    connectionId: c.id,
    operationId: 'snap-before',
    startDate: '2024-01-01',
    endDate: '2024-01-31',
    label: 'before',
  });
  await core.lifecycle.read('local', c.id, (client) =>
    client.sandbox.individual.update(id, {
      first_name: PERSON.first,
      last_name: PERSON.last,
      ssn: PERSON.ssn,
      dob: PERSON.dob,
      emails: [{ data: PERSON.email, type: 'work' }],
    }),
  );
  // The token itself planted in provider data (a title): even raw output must lose it.
  await core.lifecycle.read('local', c.id, (client) =>
    client.sandbox.employment.update(id, {
      title: `Payroll ${token}`,
      income: { amount: PERSON.salary, currency: 'usd', unit: 'yearly', effective_date: '2024-01-01' },
    }),
  );
  await core.lifecycle.read('local', c.id, (client) => client.sandbox.jobs.create({ type: 'data_sync_all' }));
  core.simulator!.clock.advance(10_000);
  await core.snapshots.take('local', {
    connectionId: c.id,
    operationId: 'snap-after',
    startDate: '2024-01-01',
    endDate: '2024-01-31',
    label: 'after',
  });
  // A failure whose path and message quote the token, the secret and the employee.
  core.requestLog.append({
    callId: 'planted',
    time: Date.now(),
    environmentId: 'local',
    connectionId: c.id,
    method: 'POST',
    path: `/employer/individual?access_token=${token}&email=${PERSON.email}`,
    product: 'individual',
    status: 422,
    durationMs: 9,
    attempt: 1,
    requestId: 'req-planted-422',
    outcome: 'client_error',
    errorName: 'unprocessable_entity',
    finchCode: 'invalid_request',
    message: `Record for ${NAME} (${PERSON.email}, SSN ${PERSON.ssn}, born ${PERSON.dob}) salary ${PERSON.salary}; Authorization: Bearer ${token}; client_secret=${LOCAL_CLIENT_SECRET}`,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  });
  // A Connect attempt for the person's own company, failing with a message that quotes them.
  const session = await core.connect.start('local', {
    customerName: NAME,
    customerEmail: PERSON.email,
    products: ['company'],
    sandboxMode: 'finch',
  });
  core.connect.report(
    'local',
    session.state,
    'error',
    `Login failed for ${NAME} (${PERSON.email}) token=${token}`,
    'employer_connection_error',
  );
  return {
    token,
    connectionId: c.id,
    secrets: [token, LOCAL_CLIENT_SECRET],
    personal: [NAME, PERSON.last, PERSON.ssn, PERSON.dob, PERSON.email, String(PERSON.salary), CUSTOMER],
  };
}

/** Collects what left: each download's and each clipboard copy's bytes, by name. */
class Outputs {
  readonly redacted: [string, Buffer][] = [];
  readonly raw: [string, Buffer][] = [];
  constructor(private readonly page: Page) {}

  /** Opens the preview with `click`, optionally ticks raw, confirms, and keeps the download. */
  async download(where: string, click: () => Promise<void>, raw = false, title?: string): Promise<Buffer> {
    await click();
    const dialog = this.page.getByRole('dialog', title ? { name: title } : {});
    if (raw) await dialog.getByRole('checkbox', { name: /^Raw for this export/ }).check();
    const button = dialog.getByRole('button', { name: raw ? 'Export raw' : 'Export redacted' });
    await expect(button).toBeEnabled();
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return this.keep(where, await bytesOf(download), raw);
  }

  /** A copy: when something was hidden the preview opens first (raw is ticked there). */
  async copy(where: string, click: () => Promise<void>, raw = false): Promise<Buffer> {
    await this.page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
    await click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Copy' })).toBeEnabled();
    if (raw) {
      await dialog.getByRole('checkbox', { name: /^Raw for this copy/ }).check();
      await expect(dialog.getByRole('note')).toContainText('Raw:');
    }
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog).toHaveCount(0);
    // The write lands after the dialog closes (an IPC round trip): wait for it, do not race it.
    await expect.poll(() => this.page.evaluate(() => navigator.clipboard.readText())).not.toBe('(nothing copied yet)');
    const text = await this.page.evaluate(() => navigator.clipboard.readText());
    return this.keep(where, Buffer.from(text, 'utf8'), raw);
  }

  keep(where: string, bytes: Buffer, raw = false): Buffer {
    (raw ? this.raw : this.redacted).push([where, bytes]);
    return bytes;
  }
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

function expectClean(outputs: Outputs, planted: Planted): void {
  const everything = [...planted.secrets, ...planted.personal];
  expect(outputs.redacted.flatMap(([where, bytes]) => scanBytes(where, bytes, everything))).toEqual([]);
  expect(outputs.raw.flatMap(([where, bytes]) => scanBytes(where, bytes, planted.secrets))).toEqual([]);
  // Raw is really raw: each raw output carries some of the personal data.
  for (const [where, bytes] of outputs.raw)
    expect(scanBytes(where, bytes, planted.personal).length, `${where} (raw) keeps personal data`).toBeGreaterThan(0);
}

test('explorer, coverage and snapshot exports leave redacted; raw keeps personal data but never a vault secret', async ({
  page,
  workbench,
}) => {
  test.setTimeout(120_000);
  const core = workbench.harness.core;
  const planted = await plant(core);
  const outputs = new Outputs(page);

  // Explorer: the directory as CSV and JSON, redacted and raw.
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('12 of 12 people', { timeout: 20_000 });
  await directory.getByRole('button', { name: 'Export CSV' }).click();
  const preview = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(preview.getByRole('list', { name: 'Hidden values by kind' })).toContainText('names');
  await expect(preview).toContainText(/12 rows × \d+ columns/);
  await screenshot(page, 'output-preview-explorer-csv');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  const csv = await outputs.download('directory.csv', () => directory.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.toString('utf8')).toMatch(/\[person-\d+\],\[person-\d+\]/);
  await outputs.download('directory.json', () => directory.getByRole('button', { name: 'Export JSON' }).click());
  await directory.getByRole('button', { name: 'Export JSON' }).click();
  await page
    .getByRole('dialog')
    .getByRole('checkbox', { name: /^Raw for this export/ })
    .check();
  await expect(page.getByRole('dialog').getByRole('note')).toContainText('Raw:');
  await screenshot(page, 'output-preview-raw');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await outputs.download('directory.json', () => directory.getByRole('button', { name: 'Export JSON' }).click(), true);

  // Coverage: the matrix names the customer in its headers.
  await core.coverage.run('local', {
    connectionId: planted.connectionId,
    operationId: 'cov',
    startDate: '2024-01-01',
    endDate: '2024-03-31',
  });
  await page.goto(`${workbench.harness.url}/#/coverage`);
  await expect(page.getByRole('region', { name: 'Coverage matrix card' })).toBeVisible();
  await outputs.download('coverage.csv', () => page.getByRole('button', { name: 'Export CSV' }).click());
  await outputs.download('coverage.json', () => page.getByRole('button', { name: 'Export JSON' }).click(), true);

  // Snapshot diff: names, date of birth, salary and the token-bearing title changed.
  await page.goto(`${workbench.harness.url}/#/snapshots`);
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: 'Snapshot diff' });
  await expect(diff.getByRole('table', { name: 'Fields changed' })).toBeVisible();
  await diff.getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByRole('dialog').getByLabel('Preview of what leaves')).toContainText('[person-');
  await screenshot(page, 'output-preview-snapshot-diff');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  const diffCsv = await outputs.download('snapshot-diff.csv', () => diff.getByRole('button', { name: 'Export CSV' }).click());
  expect(diffCsv.toString('utf8')).toMatch(/employment\.title,[^\r\n]*\[secret-1\]/);
  await outputs.download('snapshot-diff.json', () => diff.getByRole('button', { name: 'Export JSON' }).click(), true);

  expect(outputs.redacted).toHaveLength(4);
  expect(outputs.raw).toHaveLength(3);
  expectClean(outputs, planted);
});

test('clipboard copies, the Connect trace export, the support bundle and the readiness report leave redacted', async ({
  page,
  context,
  workbench,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const core = workbench.harness.core;
  const planted = await plant(core);
  const outputs = new Outputs(page);

  // Request log: the support line of the planted failure, redacted then raw.
  await page.goto(`${workbench.harness.url}/#/request-log`);
  await page.getByRole('row').filter({ hasText: 'req-planted-422' }).click();
  const drawer = page.getByRole('complementary', { name: 'Request details' });
  await drawer.getByRole('button', { name: 'Copy support line' }).click();
  const copyDialog = page.getByRole('dialog', { name: 'Copy support line?' });
  // The log stored the token already scrubbed (secret-scrubber.ts); the gate still hides the email.
  await expect(drawer).toContainText('access_token=[secret-removed]');
  await expect(copyDialog.getByRole('list', { name: 'Hidden values by kind' })).toContainText('emails');
  await screenshot(page, 'output-preview-copy');
  await copyDialog.getByRole('button', { name: 'Cancel' }).click();
  const line = await outputs.copy('support line', () => drawer.getByRole('button', { name: 'Copy support line' }).click());
  expect(line.toString('utf8')).toContain('Finch-Request-ID: req-planted-422');
  await outputs.copy('support line', () => drawer.getByRole('button', { name: 'Copy support line' }).click(), true);
  // A bare request ID hides nothing: copied at once, no dialog.
  await drawer.getByRole('button', { name: 'Copy request ID' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied request ID req-planted-422' })).toBeVisible();
  outputs.keep('request id', Buffer.from(await page.evaluate(() => navigator.clipboard.readText())));

  // JSON of a view: the explorer's company JSON names the customer; a person's JSON everything.
  await page.goto(`${workbench.harness.url}/#/explorer`);
  const directory = page.getByRole('region', { name: 'Directory' });
  await expect(directory.getByRole('status')).toHaveText('12 of 12 people', { timeout: 20_000 });
  await directory.getByRole('row').filter({ hasText: PERSON.last }).click();
  const person = page.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('Individual');
  const copyJson = person.getByRole('button', { name: /^Copy JSON/ }).first();
  const json = await outputs.copy('person JSON', () => copyJson.click());
  expect(json.toString('utf8')).toMatch(/"first_name": ?"\[person-\d+\]"/);
  await outputs.copy('person JSON', () => copyJson.click(), true);

  // Connect traces (Connections screen).
  await page.goto(`${workbench.harness.url}/#/connections`);
  await outputs.download(
    'finch-connect-traces.json',
    () => page.getByRole('button', { name: 'Download traces (JSON)' }).click(),
    false,
    'Download Connect traces',
  );
  await outputs.download(
    'finch-connect-traces.json',
    () => page.getByRole('button', { name: 'Download traces (JSON)' }).click(),
    true,
    'Download Connect traces',
  );

  // Support bundle of the planted failure: the zip, each file in it, and the ticket copied.
  await page.goto(`${workbench.harness.url}/#/request-log`);
  await page.getByRole('row').filter({ hasText: 'req-planted-422' }).click();
  await page
    .getByRole('complementary', { name: 'Request details' })
    .getByRole('button', { name: 'Support bundle for this failure' })
    .click();
  await expect(page.getByRole('heading', { name: /^Preview: finch-support-local-simulator-/ })).toBeVisible();
  // The ticket is redacted already: the gate finds nothing more to hide and copies at once.
  await page.getByRole('button', { name: 'Copy ticket text' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Copied the ticket text$/ })).toBeVisible();
  outputs.keep('ticket', Buffer.from(await page.evaluate(() => navigator.clipboard.readText())));
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save bundle (.zip)' }).click()]);
  const zip = await bytesOf(bundle);
  outputs.keep('bundle.zip', zip);
  for (const [name, bytes] of Object.entries(unzipSync(zip))) outputs.keep(name, Buffer.from(bytes));

  // Readiness report, Markdown and HTML.
  await page.getByRole('tab', { name: 'Go-live readiness' }).click();
  for (const format of ['Markdown', 'HTML']) {
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format}` }).click()]);
    outputs.keep(report.suggestedFilename(), await bytesOf(report));
  }

  expect(outputs.raw).toHaveLength(3);
  expectClean(outputs, planted);
});
