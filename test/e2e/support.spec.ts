/**
 * The Support area in Chromium: one click from a failed request opens a bundle for it, the
 * preview shows the redacted ticket and attempts, the zip downloads with every failure's
 * request ID and no token; the readiness report shows pass / fail / not yet with evidence,
 * keeps a manual tick across a reload, and exports Markdown.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { scanBytes } from '../support/secret-scan';
import { expect, screenshot, test } from './fixtures';

test('a failed request opens a redacted support bundle; the readiness report shows its evidence', async ({ page, context, workbench }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const core = workbench.harness.core;
  const connection = await core.connections.createSandbox('local', { providerId: 'gusto', customerName: 'Northwind Outfitters' });
  const token = core.vault.reveal(secretRefs.accessToken('local', connection.id));
  await core.lifecycle.read('local', connection.id, (client) => client.hris.company.retrieve());
  core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3, finch_code: 'server_error' });
  await core.lifecycle.read('local', connection.id, (client) => client.hris.company.retrieve()).catch(() => null);
  // A provider message that quotes an employee and the token: the bundle must not.
  core.requestLog.append({
    callId: 'quoted',
    time: Date.now(),
    environmentId: 'local',
    connectionId: connection.id,
    method: 'POST',
    path: '/employer/individual',
    product: 'individual',
    status: 422,
    durationMs: 9,
    attempt: 1,
    requestId: 'req-quoted-422',
    outcome: 'client_error',
    errorName: 'unprocessable_entity',
    finchCode: 'invalid_request',
    message: `Record for Dana Whitfield (dana.whitfield@northwind.test, SSN 512-44-0913) rejected; Authorization: Bearer ${token}`,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  });
  const failures = core.requestLog.search({ environmentId: 'local', statusClass: '5xx', limit: 10 });
  expect(failures).toHaveLength(3);

  // One click from the failed row.
  await page.goto(`${workbench.harness.url}/#/request-log`);
  await page.getByRole('row').filter({ hasText: failures[0]!.requestId! }).click();
  const drawer = page.getByRole('complementary', { name: 'Request details' });
  await drawer.getByRole('button', { name: 'Support bundle for this failure' }).click();
  await expect(page).toHaveURL(new RegExp(`#/support\\?failure=${failures[0]!.id}$`));
  await expect(page.getByRole('heading', { name: /^Preview: finch-support-local-simulator-/ })).toBeVisible();
  const ticket = page.getByLabel('Ticket text');
  await expect(ticket).toContainText('# Finch support request: 503 server_error on GET /employer/company');
  for (const f of failures) await expect(ticket).toContainText(f.requestId!);
  await expect(page.getByRole('status').filter({ hasText: 'attempts' })).toContainText('4 attempts (4 failed)');
  await expect(page.getByLabel('Redaction')).toContainText('names');
  await expect(page.getByRole('table', { name: 'Attempts in the bundle' })).toContainText(/\[person-\d+\] \[person-\d+\]/);
  await expect(page.getByText('Dana Whitfield')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /Failed attempts only/ })).toBeChecked();
  await expect(page.getByText(/About one failure: GET \/employer\/company → 503 server_error/)).toBeVisible();
  await screenshot(page, 'support-bundle-preview');
  // The content pane scrolls on its own: look at the rest of the preview too.
  await page.getByLabel('Ticket text').scrollIntoViewIfNeeded();
  await screenshot(page, 'support-bundle-preview-ticket');
  await page.getByRole('table', { name: 'Attempts in the bundle' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'support-bundle-preview-requests');

  // The copy goes through main's export gate first: read the clipboard once the app says it copied.
  await page.getByRole('button', { name: 'Copy ticket text' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Copied the ticket text$/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(failures[0]!.requestId!);

  // Unticking "failed only" grows the preview; the zip downloads with every failure's request ID.
  await page.getByRole('checkbox', { name: /Failed attempts only/ }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'attempts' })).not.toContainText('4 attempts (4 failed)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save bundle (.zip)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^finch-support-local-simulator-\d{8}-\d{4}\.zip$/);
  const path = join(mkdtempSync(join(tmpdir(), 'bundle-dl-')), download.suggestedFilename());
  await download.saveAs(path);
  const zip = readFileSync(path);
  const files = unzipSync(zip);
  const csv = Buffer.from(Object.entries(files).find(([n]) => n.endsWith('/requests.csv'))![1]).toString('utf8');
  for (const f of failures) expect(csv).toContain(f.requestId!);
  const markers = [token, 'Dana Whitfield', 'dana.whitfield@northwind.test', '512-44-0913', 'Northwind Outfitters'];
  expect([...scanBytes('zip', zip, markers), ...Object.entries(files).flatMap(([n, b]) => scanBytes(n, Buffer.from(b), markers))]).toEqual(
    [],
  );
  await expect(page.getByRole('status').filter({ hasText: /^Downloaded finch-support-/ })).toBeVisible();

  // Readiness: drills give pass and fail, with evidence.
  const drillConnection = await core.connections.createSandbox('local', {
    providerId: 'finch',
    products: ['company', 'directory', 'individual'],
  });
  await core.drills.run('local', 'reauth', drillConnection.id);
  await core.drills.run('local', 'batch-partial-failure', drillConnection.id);
  core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3 });
  await core.drills.run('local', 'provider-outage', drillConnection.id);
  core.simulator!.admin.clearFaults();

  await page.getByRole('tab', { name: 'Go-live readiness' }).click();
  await expect(page).toHaveURL(/#\/support\?tab=readiness$/);
  const item = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(item('Reauthentication drill')).toContainText('Pass');
  await expect(item('5xx handling drill')).toContainText('Fail');
  await expect(item('5xx handling drill')).toContainText('Failed attempts during the run: 503');
  await expect(item('Finch Connect used (embedded or redirect flow)')).toContainText('Not yet');
  await expect(item('Nullable fields seen (field coverage)')).toContainText('No field coverage run yet.');
  await expect(page.getByText('PDF export needs the desktop app')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export PDF' })).toHaveCount(0);

  const forwarding = item('Email forwarding decided (enterprise)');
  await forwarding.getByRole('textbox').fill('Not needed for launch');
  await forwarding.getByRole('checkbox', { name: 'Done' }).check();
  await expect(forwarding).toContainText('Pass');
  await page.reload();
  await expect(item('Email forwarding decided (enterprise)').getByRole('checkbox', { name: 'Done' })).toBeChecked();
  await expect(item('Email forwarding decided (enterprise)').getByRole('textbox')).toHaveValue('Not needed for launch');
  await screenshot(page, 'support-readiness');
  await item('5xx handling drill').scrollIntoViewIfNeeded();
  await screenshot(page, 'support-readiness-drills');

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/^finch-readiness-\d{8}-\d{4}\.md$/);
  const mdPath = join(mkdtempSync(join(tmpdir(), 'readiness-dl-')), 'report.md');
  await markdown.saveAs(mdPath);
  const md = readFileSync(mdPath, 'utf8');
  expect(md).toContain('### ✗ Fail: 5xx handling drill');
  expect(md).toContain('Ticked');
  expect(scanBytes('md', md, [token])).toEqual([]);
});

test('the bundle tab explains an empty selection and says which environment it covers', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/support`);
  await expect(page.getByRole('tab', { name: 'Support bundle' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Environment: Local simulator')).toBeVisible();
  await expect(page.getByText('No connections in this environment')).toBeVisible();
  await expect(page.getByText('No attempt matches')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save bundle (.zip)' })).toBeDisabled();
  await screenshot(page, 'support-bundle-empty');
});

test('after drills on a connection that was then disconnected, the default bundle holds its failures, titled by the worst', async ({
  page,
  workbench,
}) => {
  test.setTimeout(60_000);
  const core = workbench.harness.core;
  const products: ('company' | 'directory' | 'individual')[] = ['company', 'directory', 'individual'];
  const drilled = await core.connections.createSandbox('local', { providerId: 'finch', products, customerName: 'Drilled Co' });
  const clean = await core.connections.createSandbox('local', { providerId: 'finch', products, customerName: 'Clean Co' });
  await core.lifecycle.read('local', clean.id, (client) => client.hris.company.retrieve());
  await core.drills.run('local', 'reauth', drilled.id);
  await core.drills.run('local', 'provider-outage', drilled.id);
  await core.drills.run('local', 'batch-partial-failure', drilled.id);
  await core.lifecycle.disconnect('local', drilled.id);
  const failures = core.requestLog
    .search({ environmentId: 'local', connectionId: drilled.id, limit: 100 })
    .filter((r) => !['ok', 'accepted'].includes(r.outcome));
  expect(failures.map((f) => f.status).sort()).toEqual([200, 401, 503, 503]); // the 200 is the batch with a per-item 404

  await page.goto(`${workbench.harness.url}/#/support`);
  const drilledBox = page.getByRole('checkbox', { name: new RegExp(drilled.id) });
  await expect(drilledBox).toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(clean.id) })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Failed attempts only/ })).toBeChecked();
  await expect(page.getByText(/disconnected · failed in this window/)).toBeVisible();
  const ticket = page.getByLabel('Ticket text');
  await expect(ticket).toContainText('# Finch support request: 503 server_error on GET /employer/company');
  for (const f of failures) await expect(ticket).toContainText(f.requestId!);
  await expect(ticket).toContainText('404 for 1 of 4 individuals on POST /employer/individual × 1');
  await screenshot(page, 'support-bundle-default-failures');

  // Only the batch's per-item error: the ticket names the item error, never the 200.
  await core.drills.run('local', 'batch-partial-failure', clean.id);
  await page.reload();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await page.getByRole('checkbox', { name: new RegExp(clean.id) }).check();
  await expect(ticket).toContainText('# Finch support request: 404 for 1 of 4 individuals on POST /employer/individual');
  await expect(ticket).not.toContainText('support request: 200');
});
