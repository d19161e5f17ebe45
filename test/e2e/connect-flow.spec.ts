/**
 * Embedded Connect end to end, in Chromium with the real renderer and the real react-connect:
 * main creates the session, the simulator's Connect page runs in react-connect's iframe, main
 * exchanges the code. The renderer never sees a token; a replayed code fails cleanly.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { scanBytes } from '../support/secret-scan';
import { expect, screenshot, test } from './fixtures';

async function connectThroughFinch(page: Page, provider: string, providerName: string): Promise<void> {
  const frame: FrameLocator = page.frameLocator('#finch-connect-iframe');
  await expect(frame.getByRole('heading', { name: 'Connect your HR & payroll system' })).toBeVisible();
  await frame.getByTestId('continue').click();
  await frame.getByTestId(`provider-${provider}`).click();
  await expect(frame.getByRole('heading', { name: `Sign in to ${providerName}` })).toBeVisible();
  const username = frame.getByLabel('Username');
  if (await username.count()) {
    await username.fill('payroll.admin@acme.example');
    await frame.getByLabel('Password').fill('correct horse battery staple');
  }
  await frame.getByTestId('submit').click();
}

test('connect a customer twice, to two providers, through the embedded Connect page', async ({ page, workbench }) => {
  test.setTimeout(60_000);
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page.addInitScript(() => {
    (window as unknown as { __finch: unknown[] }).__finch = [];
    window.addEventListener('message', (e) => {
      if ((e.data as { name?: string })?.name === 'finch-auth-message-v2')
        (window as unknown as { __finch: unknown[] }).__finch.push(e.data);
    });
  });
  await page.goto(`${workbench.harness.url}/#/connections`);
  await expect(page.getByRole('heading', { name: 'No connections in Local simulator yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Acme Corp');
  await form.getByLabel('Customer email (optional)').fill('hr@acme.example');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  await expect(page.locator('#finch-connect-iframe')).toBeVisible();
  await screenshot(page, 'connect-flow-open');
  await connectThroughFinch(page, 'finch', 'Finch Sandbox');
  await expect(page.getByRole('status').filter({ hasText: 'Connected finch for Acme Corp' })).toBeVisible();
  const acme = page.getByRole('listitem', { name: 'Acme Corp' });
  await expect(acme.getByRole('list', { name: 'Connections of Acme Corp' }).getByRole('listitem')).toHaveCount(1);
  await expect(acme).toContainText('company, directory, individual, employment, payment, pay_statement');

  // The same customer connects a second provider account.
  await form.getByRole('combobox', { name: 'Customer', exact: true }).selectOption({ label: 'Acme Corp' });
  await form.getByLabel('Provider (optional)').selectOption('bamboo_hr');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  const frame = page.frameLocator('#finch-connect-iframe');
  await expect(frame.getByRole('heading', { name: 'Connect your HR & payroll system' })).toBeVisible();
  await frame.getByTestId('continue').click();
  await expect(frame.getByRole('heading', { name: 'Sign in to BambooHR' })).toBeVisible();
  const token = frame.getByLabel(/API (token|key)/i);
  if (await token.count()) await token.fill('bamboo-api-token-123');
  else {
    await frame.getByLabel('Username').fill('payroll.admin@acme.example');
    await frame.getByLabel('Password').fill('correct horse battery staple');
  }
  await frame.getByTestId('submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected bamboo_hr for Acme Corp' })).toBeVisible();
  await expect(acme.getByRole('list', { name: 'Connections of Acme Corp' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('listitem', { name: 'Acme Corp' })).toHaveCount(1);
  await screenshot(page, 'connect-flow-two-connections');

  // The code was exchanged in main only: no token ever reached the renderer.
  const core = workbench.harness.core;
  const stored = core.connections.list('local');
  expect(stored).toHaveLength(2);

  // Each connection's timeline holds its own Connect attempt, not the customer's other one.
  for (const c of stored) {
    const row = page.getByTestId(`connection-${c.id}`);
    await row.getByRole('button', { name: `Timeline of ${c.id}` }).click();
    const timeline = row.getByRole('list', { name: `Events of ${c.id}` });
    await expect(timeline).toContainText('connect succeeded');
    await expect(timeline.getByRole('listitem').filter({ hasText: 'connect started' })).toHaveCount(1);
    await row.getByRole('button', { name: `Timeline of ${c.id}` }).click();
  }
  const tokens = stored.map((c) => core.vault.reveal(secretRefs.accessToken('local', c.id)));
  expect(scanBytes('IPC replies and events', frames.join('\n'), tokens)).toEqual([]);
  expect(scanBytes('DOM', await page.content(), tokens)).toEqual([]);

  // A replayed success message with the same code: Finch refuses it, nothing is stored twice.
  const messages = await page.evaluate(() => (window as unknown as { __finch: { kind: string; code?: string; state?: string }[] }).__finch);
  const success = messages.find((m) => m.kind === 'success')!;
  const replay = await page.evaluate(({ code, state }) => window.workbench.connect.complete({ code: code!, state: state! }), {
    code: success.code,
    state: success.state,
  });
  expect(replay.ok).toBe(false);
  if (!replay.ok) {
    expect(replay.error.finchCode).toBe('invalid_grant');
    expect(replay.error.message).toMatch(/already been used/);
    expect(replay.error.requestId).toBeTruthy();
  }
  expect(core.connections.list('local')).toHaveLength(2);
  const forged = await page.evaluate(() => window.workbench.connect.complete({ code: 'anything', state: 'not-a-state-main-issued' }));
  expect(forged.ok).toBe(false);
  if (!forged.ok) expect(forged.error.message).toMatch(/unknown state/);
});

test('a closed Connect frame and a Connect error leave a clear message and store nothing', async ({ page, workbench }) => {
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Closing Co');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  const frame = page.frameLocator('#finch-connect-iframe');
  await expect(frame.getByRole('heading', { name: 'Connect your HR & payroll system' })).toBeVisible();
  await frame.getByRole('button', { name: /close/i }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Connect was closed before the employer finished' })).toBeVisible();

  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-finch').click();
  await frame.getByLabel('Username').fill('provider-error');
  await frame.getByLabel('Password').fill('whatever-password');
  await frame.getByTestId('submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Connect says:' })).toBeVisible();
  await screenshot(page, 'connect-flow-provider-error');
  expect(workbench.harness.core.connections.list('local')).toHaveLength(0);
  const events = workbench.harness.core.db.prepare("SELECT type FROM events WHERE environment_id = 'local' ORDER BY id").all() as {
    type: string;
  }[];
  expect(events.map((e) => e.type)).toEqual(['connect_started', 'connect_closed', 'connect_started', 'connect_failed']);
});

test('redirect flow: Connect in its own window comes back to the redirect URI and main exchanges with it', async ({
  page,
  context,
  workbench,
}) => {
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Redirect LLC');
  await form.getByRole('combobox', { name: 'Connect flow' }).selectOption('redirect');
  const [popup] = await Promise.all([context.waitForEvent('page'), form.getByRole('button', { name: 'Open Finch Connect' }).click()]);
  await popup.waitForLoadState();
  expect(new URL(popup.url()).origin).toBe(workbench.harness.core.simulator!.baseUrl);
  expect(new URL(popup.url()).searchParams.get('state')).toBeTruthy();
  await popup.getByTestId('continue').click();
  await popup.getByTestId('provider-finch').click();
  await popup.getByLabel('Username').fill('payroll.admin@acme.example');
  await popup.getByLabel('Password').fill('correct horse battery staple');
  await popup.getByTestId('submit').click();
  await expect(popup.locator('#outcome')).toContainText('Connected finch for Redirect LLC');
  expect(new URL(popup.url()).pathname).toBe('/__workbench/connect/callback');
  await expect(page.getByRole('status').filter({ hasText: 'Connected finch for Redirect LLC' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Redirect LLC' })).toBeVisible();
  // The exchange sent the session's redirect_uri (the simulator refuses a redirect-flow code without it).
  const exchange = workbench.harness.core.requestLog.search({ text: 'auth token' }).find((e) => e.path === '/auth/token');
  expect(exchange?.status).toBe(200);
  await popup.close();
});

test('an expired Connect session ends the attempt with a clear message and stores nothing', async ({ page, workbench }) => {
  const sim = workbench.harness.core.simulator!;
  // Age the session between its creation in main and the moment Connect loads it.
  await page.route(`${sim.baseUrl}/authorize**`, async (route) => {
    sim.clock.advance(31 * 24 * 60 * 60 * 1000);
    await route.continue();
  });
  await page.goto(`${workbench.harness.url}/#/connections`);
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('form', { name: 'New connection' });
  await form.getByLabel('Customer name').fill('Late Ltd');
  await form.getByRole('button', { name: 'Open Finch Connect' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Connect reported an error' })).toContainText(/expired/i);
  await expect(page.locator('#finch-connect-iframe')).toHaveCount(0);
  await screenshot(page, 'connect-flow-expired-session');
  expect(workbench.harness.core.connections.list('local')).toHaveLength(0);
});
