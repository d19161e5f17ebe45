/**
 * The simulator's Connect page inside react-connect's iframe on another origin (the host page
 * runs react-connect 5's own FinchConnect code): click through it, receive the success message
 * with the state, exchange the code. Also the error and close paths, the redirect flow, and
 * that the page runs under its strict CSP without violations. Screenshots go to
 * test/artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningSimulator } from '@simulator/index';
import { startSimulator } from '@simulator/index';
import type { HostServer } from './connect/host-server';
import { startHostServer } from './connect/host-server';

const SCREENSHOTS = resolve(__dirname, '../artifacts/screenshots');
const CLIENT = { id: 'e2e-app', secret: 'e2e-secret' };

let sim: RunningSimulator;
let host: HostServer;

test.beforeAll(async () => {
  sim = await startSimulator({ seed: 3, log: () => undefined });
  host = await startHostServer();
});

test.afterAll(async () => {
  await host?.close();
  await sim?.close();
});

async function api(method: string, path: string, body?: unknown, basic = true): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (basic) headers['Authorization'] = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;
  const response = await fetch(`${sim.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function newSession(extra: Record<string, unknown> = {}): Promise<string> {
  const created = await api('POST', '/connect/sessions', {
    customer_id: 'acme-001',
    customer_name: 'Acme Benefits Client',
    products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'],
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.body.session_id as string;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function events(page: Page): Promise<Array<{ kind: string; detail?: any }>> {
  return page.evaluate(() => (window as unknown as { __connectEvents: Array<{ kind: string; detail?: unknown }> }).__connectEvents);
}

test('embedded in react-connect on another origin: success with state, then a code exchange', async ({ page }) => {
  const problems = watchCsp(page);
  const sessionId = await newSession();
  await page.goto(`${host.origin}/?session=${sessionId}&connect=${encodeURIComponent(sim.connectUrl)}&state=st-8675309`);
  await page.click('#open');

  const iframe = page.locator('#finch-connect-iframe');
  await expect(iframe).toBeVisible();
  const src = new URL((await iframe.getAttribute('src')) ?? '');
  expect(src.origin).toBe(sim.connectUrl);
  expect(src.pathname).toBe('/authorize');
  expect(Object.fromEntries(src.searchParams)).toEqual({
    session: sessionId,
    state: 'st-8675309',
    app_type: 'spa',
    sdk_host_url: host.origin,
    mode: 'employer',
    sdk_version: 'unified-5.0.0',
  });

  const frame = page.frameLocator('#finch-connect-iframe');
  await expect(frame.getByRole('heading', { name: 'Connect your HR & payroll system' })).toBeVisible();
  await expect(frame.getByText('Pay statements')).toBeVisible();
  await shot(page, 'connect-1-consent');
  await frame.getByTestId('continue').click();

  await expect(frame.getByRole('heading', { name: 'Select your provider' })).toBeVisible();
  await frame.getByPlaceholder('Search providers').fill('sand');
  await expect(frame.getByTestId('provider-gusto')).toHaveCount(0);
  await frame.getByPlaceholder('Search providers').fill('');
  await shot(page, 'connect-2-providers');
  await frame.getByTestId('provider-finch').click();

  await expect(frame.getByRole('heading', { name: 'Sign in to Finch Sandbox' })).toBeVisible();
  await frame.getByLabel('Username').fill('payroll.admin@acme.example');
  await frame.getByLabel('Password').fill('wrong-password');
  await frame.getByTestId('submit').click();
  await expect(frame.getByTestId('form-error')).toHaveText('The username or password is incorrect.');
  await shot(page, 'connect-3-sign-in-error');
  expect(await events(page)).toEqual([]);

  await frame.getByLabel('Password').fill('correct horse battery staple');
  await frame.getByTestId('submit').click();

  await expect.poll(async () => (await events(page)).length).toBe(1);
  const [success] = await events(page);
  expect(success?.kind).toBe('success');
  expect(success?.detail.state).toBe('st-8675309');
  expect(success?.detail.code).toMatch(/^[0-9a-f-]{36}$/);
  // react-connect removes its iframe when the success message arrives.
  await expect(page.locator('#finch-connect-iframe')).toHaveCount(0);

  const token = await api('POST', '/auth/token', { client_id: CLIENT.id, client_secret: CLIENT.secret, code: success?.detail.code }, false);
  expect(token.status).toBe(200);
  expect(token.body).toMatchObject({ customer_id: 'acme-001', customer_name: 'Acme Benefits Client', provider_id: 'finch' });
  const reuse = await api('POST', '/auth/token', { client_id: CLIENT.id, client_secret: CLIENT.secret, code: success?.detail.code }, false);
  expect(reuse.body.name).toBe('invalid_grant_error');
  const company = await fetch(`${sim.baseUrl}/employer/company`, { headers: { Authorization: `Bearer ${token.body.access_token}` } });
  expect(company.status).toBe(200);
  expect(problems).toEqual([]);
});

test('provider errors reach onError with the frame left open; closing reaches onClose', async ({ page }) => {
  const problems = watchCsp(page);
  const sessionId = await newSession({ customer_id: 'acme-002' });
  await page.goto(`${host.origin}/?session=${sessionId}&connect=${encodeURIComponent(sim.connectUrl)}&autoopen=1`);
  const frame = page.frameLocator('#finch-connect-iframe');
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-paychex_flex').click();
  await frame.getByLabel('Username').fill('provider-error');
  await frame.getByLabel('Password').fill('anything');
  await frame.getByTestId('submit').click();
  await expect(frame.getByTestId('error-message')).toContainText('Paychex Flex returned an error');
  await expect.poll(async () => (await events(page)).map((e) => e.kind)).toEqual(['error']);
  const [error] = await events(page);
  expect(error?.detail).toEqual({
    errorMessage: expect.stringContaining('Paychex Flex returned an error'),
    errorType: 'employer_connection_error',
  });
  await expect(page.locator('#finch-connect-iframe')).toBeVisible();
  await shot(page, 'connect-4-provider-error');

  await frame.getByTestId('close-after-error').click();
  await expect.poll(async () => (await events(page)).map((e) => e.kind)).toEqual(['error', 'closed']);
  await expect(page.locator('#finch-connect-iframe')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an expired session posts a validation error that closes the frame', async ({ page }) => {
  const sessionId = await newSession({ customer_id: 'acme-003', minutes_to_expire: 1 });
  sim.clock.advance(2 * 60_000);
  await page.goto(`${host.origin}/?session=${sessionId}&connect=${encodeURIComponent(sim.connectUrl)}&autoopen=1`);
  await expect.poll(async () => (await events(page)).map((e) => e.kind)).toEqual(['error']);
  const [error] = await events(page);
  expect(error?.detail).toEqual({ errorMessage: expect.stringContaining('expired'), errorType: 'validation_error' });
  await expect(page.locator('#finch-connect-iframe')).toHaveCount(0);
});

test('redirect flow: without sdk_host_url the page redirects to redirect_uri with code and state', async ({ page }) => {
  const problems = watchCsp(page);
  const redirectUri = `${host.origin}/callback`;
  const sessionId = await newSession({
    customer_id: 'acme-004',
    redirect_uri: redirectUri,
    integration: { provider: 'gusto', auth_method: 'oauth' },
  });
  await page.goto(`${sim.connectUrl}/authorize?session=${sessionId}&state=redirect-state`);
  await page.getByTestId('continue').click();
  await expect(page.getByRole('heading', { name: 'Sign in to Gusto' })).toBeVisible();
  await page.getByTestId('submit').click();
  await expect(page.getByRole('heading', { name: 'Gusto · Authorize Finch' })).toBeVisible();
  await shot(page, 'connect-5-oauth-consent');
  await page.getByTestId('oauth-allow').click();
  await page.waitForURL(`${redirectUri}?**`);
  const landed = new URL(page.url());
  expect(landed.searchParams.get('state')).toBe('redirect-state');
  const code = landed.searchParams.get('code');
  const withoutRedirect = await api('POST', '/auth/token', { client_id: CLIENT.id, client_secret: CLIENT.secret, code }, false);
  expect(withoutRedirect.status).toBe(400);
  const exchanged = await api(
    'POST',
    '/auth/token',
    { client_id: CLIENT.id, client_secret: CLIENT.secret, code, redirect_uri: redirectUri },
    false,
  );
  expect(exchanged.status).toBe(200);
  expect(exchanged.body.provider_id).toBe('gusto');
  expect(problems).toEqual([]);
});

test('MFA providers ask for a code; assisted providers connect as pending', async ({ page }) => {
  const problems = watchCsp(page);
  const sessionId = await newSession({ customer_id: 'acme-005' });
  await page.goto(`${host.origin}/?session=${sessionId}&connect=${encodeURIComponent(sim.connectUrl)}&autoopen=1&state=mfa`);
  const frame = page.frameLocator('#finch-connect-iframe');
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-adp_run').click();
  await frame.getByLabel('User ID').fill('runadmin');
  await frame.getByLabel('Password').fill('secret');
  await frame.getByTestId('submit').click();
  await expect(frame.getByRole('heading', { name: 'Enter your verification code' })).toBeVisible();
  await frame.getByLabel('Verification code').fill('000000');
  await frame.getByTestId('submit').click();
  await expect(frame.getByTestId('form-error')).toHaveText('That verification code is not valid.');
  await shot(page, 'connect-6-mfa');
  await frame.getByLabel('Verification code').fill('424242');
  await frame.getByTestId('submit').click();
  await expect.poll(async () => (await events(page)).map((e) => e.kind)).toEqual(['success']);

  const assistedSession = await newSession({ customer_id: 'acme-006' });
  await page.goto(`${host.origin}/?session=${assistedSession}&connect=${encodeURIComponent(sim.connectUrl)}&autoopen=1`);
  await frame.getByTestId('continue').click();
  await frame.getByTestId('provider-adp_workforce_now').click();
  await expect(frame.getByRole('heading', { name: 'Give Finch access to ADP Workforce Now' })).toBeVisible();
  await shot(page, 'connect-7-assisted');
  await frame.getByTestId('submit').click();
  await expect.poll(async () => (await events(page)).map((e) => e.kind)).toEqual(['success']);
  const [success] = await events(page);
  const token = await api('POST', '/auth/token', { client_id: CLIENT.id, client_secret: CLIENT.secret, code: success?.detail.code }, false);
  const pending = await fetch(`${sim.baseUrl}/employer/directory`, { headers: { Authorization: `Bearer ${token.body.access_token}` } });
  expect(pending.status).toBe(202);
  expect(problems).toEqual([]);
});
