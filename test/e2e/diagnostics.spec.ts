/**
 * Diagnostics in Chromium: a Connect attempt that fails at the code exchange shows its trace
 * and the explanation; a health check and a failed request explain themselves too.
 */
import { expect, screenshot, test } from './fixtures';

test('a Connect attempt failing at the exchange shows its trace and the explanation', async ({ page, workbench }) => {
  const sim = workbench.harness.core.simulator!;
  // Finch refuses the code at the exchange, as it does for a code already used.
  sim.admin.addFault({ kind: 'error', status: 400, path: '/auth/token', count: 1, finch_code: 'invalid_grant' });
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Exchange Fails Inc');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  const frame = page.frameLocator('#finch-connect-iframe');
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-finch').click();
  await frame.getByLabel('Username').fill('payroll.admin@acme.example');
  await frame.getByLabel('Password').fill('correct horse battery staple');
  await frame.getByTestId('submit').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Finch answered 400' })).toBeVisible();

  const attempt = page.getByRole('listitem', { name: /Connect attempt/ }).first();
  await expect(attempt).toContainText('Exchange Fails Inc');
  await expect(attempt).toContainText('failed');
  await expect(attempt).toContainText('Session created: products company, directory');
  await expect(attempt).toContainText(/finch-auth-message-v2 “success” from http:\/\/127\.0\.0\.1:\d+ \(code .{4}….{2}, state matches\)/);
  await expect(attempt).toContainText('Exchanging the code in main without redirect_uri');
  await expect(attempt).toContainText('Exchange failed');
  const steps = await attempt.getByRole('listitem').allInnerTexts();
  expect(steps.findIndex((t) => t.includes('“success”'))).toBeLessThan(steps.findIndex((t) => t.includes('Exchanging the code')));
  const explanation = attempt.getByRole('note', { name: 'Explanation: Finch refused the authorization code' });
  await expect(explanation).toContainText('Exchange each code exactly once');
  await expect(page.getByRole('list', { name: 'Connect host conditions' })).toContainText('✓ Connect hosts mounted: 1');
  // The code itself never reaches the trace.
  expect(await attempt.innerText()).not.toMatch(/code [0-9a-f]{8}-[0-9a-f]{4}-/);
  // The export passes the redaction preview: the customer's name leaves as a placeholder.
  await page.getByRole('button', { name: 'Download traces (JSON)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download Connect traces' });
  await expect(dialog.getByRole('list', { name: 'Hidden values by kind' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export redacted' }).click()]);
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')) as {
    traces: { customerName: string; items: { summary: string }[] }[];
  };
  expect(exported.traces[0]?.customerName).toMatch(/^\[(person|known)-\d+\]$/);
  expect(JSON.stringify(exported)).not.toContain('Exchange Fails Inc');
  expect(exported.traces[0]?.items.length).toBeGreaterThan(3);
  expect(JSON.stringify(exported)).not.toMatch(/code [0-9a-f]{8}-[0-9a-f]{4}-/);
  await attempt.scrollIntoViewIfNeeded();
  await screenshot(page, 'diagnostics-connect-trace');
  expect(workbench.harness.core.connections.list('local')).toHaveLength(0);
});

test('a provider failure inside Connect is traced as a Connect provider error and explained', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Provider Down Co');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  const frame = page.frameLocator('#finch-connect-iframe');
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-finch').click();
  await frame.getByLabel('Username').fill('provider-error');
  await frame.getByLabel('Password').fill('whatever-password');
  await frame.getByTestId('submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Connect says:' })).toBeVisible();

  // Connect keeps its frame open for a retry; the trace already says what happened and why.
  const attempt = page.getByRole('listitem', { name: /Connect attempt/ }).first();
  await expect(attempt).toContainText('Provider Down Co');
  await expect(attempt).toContainText('failed');
  await expect(attempt).toContainText(
    /Connect reported a provider error \(employer_connection_error\): .*returned an error while Finch was signing in/,
  );
  const explanation = attempt.getByRole('note', { name: 'Explanation: The payroll provider failed during Connect' });
  await expect(explanation).toContainText('Let the employer try again');
  await expect(attempt).not.toContainText('No explanation on file');

  // The employer gives up and closes Connect: still explained by the provider's failure.
  await frame.getByTestId('close-after-error').click();
  await expect(attempt).toContainText('The employer closed Connect');
  await expect(attempt.getByRole('note', { name: 'Explanation: The payroll provider failed during Connect' })).toBeVisible();
  await attempt.scrollIntoViewIfNeeded();
  await screenshot(page, 'diagnostics-connect-provider-error');
});

test('a health check and a failed request explain themselves', async ({ page, workbench }) => {
  const core = workbench.harness.core;
  const c = await core.connections.createSandbox('local', { providerId: 'finch', customerName: 'Health Co' });
  await core.gateway.call(core.connections.target('local', c.id), (client) =>
    client.sandbox.connections.accounts.update({ connection_status: 'reauth' }),
  );
  await page.goto(`${workbench.harness.url}/#/connections`);
  const row = page.getByTestId(`connection-${c.id}`);
  await row.getByRole('button', { name: `Health check of ${c.id}` }).click();
  const health = row.getByRole('region', { name: `Health of ${c.id}` });
  await expect(health).toContainText('Needs attention');
  await expect(health.getByRole('note', { name: 'Explanation: The employer must reconnect' })).toBeVisible();
  await expect(row).toContainText('needs reauth');
  await screenshot(page, 'diagnostics-health-check');

  // Introspect still answers (status reauth); a data read is what fails with 401.
  await row.getByRole('button', { name: `Read company of ${c.id}` }).click();
  await expect(row.getByRole('alert')).toContainText('re-authenticated');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Request log' }).click();
  await page.getByLabel('Status').selectOption('4xx');
  await page.getByRole('row').filter({ hasText: '/employer/company' }).first().click();
  const drawer = page.getByRole('complementary', { name: 'Request details' });
  await expect(drawer.getByRole('note', { name: 'Explanation: The employer must reconnect' })).toContainText('reauthentication session');
  await screenshot(page, 'diagnostics-request-explained');
});
