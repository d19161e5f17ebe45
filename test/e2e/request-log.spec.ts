/**
 * The Request log in Chromium: fills live as attempts are logged, filters and search narrow
 * it, copy puts the request ID (or a support line) on the clipboard.
 */
import type { NewRequestLogEntry } from '@main/platform/request-log/types';
import { expect, screenshot, test } from './fixtures';

function attempt(i: number, overrides: Partial<NewRequestLogEntry> = {}): NewRequestLogEntry {
  return {
    callId: `call-${i}`,
    time: Date.now() - (1000 - i) * 1000,
    environmentId: 'local',
    connectionId: i % 2 ? 'conn-odd' : 'conn-even',
    method: 'GET',
    path: i % 3 ? '/employer/company' : '/employer/directory?limit=100&offset=0',
    product: i % 3 ? 'company' : 'directory',
    status: 200,
    durationMs: 20 + (i % 50),
    attempt: 1,
    requestId: `req-${String(i).padStart(5, '0')}-ok`,
    outcome: 'ok',
    errorName: null,
    finchCode: null,
    message: null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
    ...overrides,
  };
}

test('the log fills live, filters and search narrow it, copy puts the request ID on the clipboard', async ({
  page,
  context,
  workbench,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${workbench.harness.url}/#/request-log`);
  await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
  await screenshot(page, 'request-log-empty');

  const log = workbench.harness.core.requestLog;
  for (let i = 1; i <= 300; i++) log.append(attempt(i));
  log.append(
    attempt(301, {
      callId: 'call-fail',
      status: 500,
      outcome: 'server_error',
      finchCode: 'server_error',
      errorName: 'server_error',
      requestId: 'req-failing-500',
    }),
  );
  log.append(attempt(302, { callId: 'call-fail', attempt: 2, requestId: 'req-retry-ok' }));
  log.append(
    attempt(303, {
      status: 429,
      outcome: 'rate_limited',
      finchCode: 'finch_application_rl',
      requestId: 'req-rl-429',
      retryAfterMs: 5000,
      path: '/employer/payment',
      product: 'payment',
    }),
  );

  await expect(page.getByRole('status').filter({ hasText: '303 attempts' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Logged requests' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('req-rl-429');
  // Virtualised: far fewer rows in the DOM than in the log.
  expect(await rows.count()).toBeLessThan(80);

  await page.getByLabel('Status').selectOption('5xx');
  await expect(page.getByRole('status').filter({ hasText: '1 attempt' })).toBeVisible();
  await expect(rows.nth(1)).toContainText('req-failing-500');
  await page.getByLabel('Status').selectOption('');

  await page.getByLabel('Search').fill('req-0004');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ attempts?$/ })).toHaveText('10 attempts'); // req-00040 … req-00049
  await page.getByLabel('Search').fill('finch_application_rl');
  await expect(page.getByRole('status').filter({ hasText: '1 attempt' })).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Product').selectOption('directory');
  await expect(page.getByRole('status').filter({ hasText: '100 attempts' })).toBeVisible();
  await page.getByLabel('Product').selectOption('');

  // The failing call's drawer shows both attempts and their different request IDs.
  await page.getByLabel('Search').fill('req-failing-500');
  await page.getByRole('row').filter({ hasText: 'req-failing-500' }).click();
  const drawer = page.getByRole('complementary', { name: 'Request details' });
  await expect(drawer).toContainText('Finch-Request-ID: req-failing-500');
  await expect(drawer.getByRole('listitem')).toHaveCount(2);
  await expect(drawer).toContainText('req-retry-ok');
  await screenshot(page, 'request-log-drawer');

  await drawer.getByRole('button', { name: 'Copy request ID' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied request ID req-failing-500' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('req-failing-500');
  await drawer.getByRole('button', { name: 'Copy support line' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied support line' })).toBeVisible();
  const line = await page.evaluate(() => navigator.clipboard.readText());
  expect(line).toContain('→ 500 server_error');
  expect(line).toContain('Finch-Request-ID: req-failing-500');
  expect(line).toContain('environment Local simulator');
  await drawer.getByRole('button', { name: 'Copy as cURL' }).click();
  const copiedNote = page.getByRole('status').filter({ hasText: 'Copied cURL command' });
  await expect(copiedNote).toBeVisible();
  // The note sits beside the count, never in its place, and fades after a few seconds.
  await expect(page.getByRole('status').filter({ hasText: /^\d+ attempts?$/ })).toHaveText('1 attempt');
  await expect(copiedNote).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: /^\d+ attempts?$/ })).toHaveText('1 attempt');
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain('curl -X GET "${FINCH_BASE_URL:-https://api.tryfinch.com}"');
  expect(curl).toContain('-H "Authorization: Bearer $FINCH_ACCESS_TOKEN"');
  expect(curl).toContain('Finch-Request-ID of the logged attempt: req-failing-500');

  // Live tail: a new attempt appears without a reload.
  await page.getByLabel('Search').fill('');
  await drawer.getByRole('button', { name: 'Close details' }).click();
  log.append(attempt(999, { requestId: 'req-arrived-live' }));
  await expect(rows.nth(1)).toContainText('req-arrived-live');
  await screenshot(page, 'request-log-table');
});

test('real calls through the gateway to the embedded simulator fill the log, the failing attempt flagged', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const sim = core.simulator!;
  await page.goto(`${workbench.harness.url}/#/request-log`);
  await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible();

  const { applicationTarget } = await import('@main/platform/workspace/targets');
  const app = applicationTarget(core.environments.get('local'), sim, core.vault);
  const created = await core.gateway.call(app, (client) =>
    client.sandbox.connections.create({ provider_id: 'bamboo_hr', employee_size: 10 }),
  );
  const connection = { ...app, clientSecret: undefined, accessToken: created.data.access_token, connectionId: created.data.connection_id };
  sim.admin.addFault({ kind: 'error', status: 500, path: '/employer/company', count: 1 });
  const company = await core.gateway.call(connection, (client) => client.hris.company.retrieve());
  await core.gateway.call(connection, (client) => client.hris.directory.list({ limit: 5 }));

  const rows = page.getByRole('table', { name: 'Logged requests' }).getByRole('row');
  await expect(page.getByRole('status').filter({ hasText: '4 attempts' })).toBeVisible();
  await expect(rows.filter({ hasText: '/employer/directory' })).toHaveCount(1);
  const [failed, retried] = core.requestLog.attemptsOf(company.callId);
  await expect(rows.filter({ hasText: failed!.requestId! })).toContainText('500');
  await expect(rows.filter({ hasText: retried!.requestId! })).toContainText('200');
  await page
    .getByText('No calls in the last minute')
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await expect(page.getByRole('list', { name: 'Rate limits, last 60 seconds' })).toContainText('company');
  await screenshot(page, 'request-log-real-calls');
});

test('the Source filter tells your app’s calls (through the Integration lab proxy) from the workbench’s own', async ({
  page,
  workbench,
}) => {
  const core = workbench.harness.core;
  core.simulator!.admin.setRateLimitsEnabled(false);
  const { applicationTarget } = await import('@main/platform/workspace/targets');
  const app = applicationTarget(core.environments.get('local'), core.simulator, core.vault);
  // The workbench's own call: a sandbox connection through its gateway.
  const created = await core.gateway.call(app, (client) => client.sandbox.connections.create({ provider_id: 'finch', employee_size: 3 }));
  const token = created.data.access_token;
  // Your app's call: the SDK pointed at the proxy, from a browser page.
  const proxy = await core.integrationLab.start({ upstream: 'local' });
  const answer = await fetch(`${proxy.url}/employer/directory?limit=2`, {
    headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:3000' },
  });
  expect(answer.status).toBe(200);
  const yours = core.integrationLab.calls({}).at(-1)!;

  await page.goto(`${workbench.harness.url}/#/request-log`);
  const rows = page.getByRole('table', { name: 'Logged requests' }).getByRole('row');
  const count = page.getByRole('status').filter({ hasText: /^\d+ attempts?$/ });
  await expect(count).toHaveText('2 attempts');
  await page.getByLabel('Source').selectOption({ label: 'Your app' });
  await expect(count).toHaveText('1 attempt');
  await expect(rows.nth(1)).toContainText('/employer/directory');
  await page.getByLabel('Source').selectOption({ label: 'This app' });
  await expect(count).toHaveText('1 attempt');
  await expect(rows.nth(1)).toContainText('/sandbox/connections');
  await page.getByLabel('Source').selectOption({ label: 'Your app' });
  await rows.nth(1).click();
  const drawer = page.getByRole('complementary', { name: 'Request details' });
  await expect(drawer).toContainText('Your app (through the Integration lab proxy)');
  await expect(drawer).toContainText(yours.connectionKey!);
  await expect(drawer).toContainText('Sent by a browser');
  await screenshot(page, 'request-log-source-your-app');
  // The fingerprint names the connection; the token itself never reaches the page.
  expect(await page.content()).not.toContain(token);
});
