/**
 * Connect sessions and authorization codes over HTTP (the browser flow itself is covered by
 * test/e2e/connect-page.spec.ts): single-use expiring codes, the redirect_uri rule, customer
 * data on the connection, reauthentication, and the failure paths the page can produce.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { CLIENT_ID, CLIENT_SECRET, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let app: Finch;
const HOST = 'http://127.0.0.1:5999';

beforeAll(async () => {
  t = await startTestSimulator();
  app = t.sdk();
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

async function session(body: Record<string, unknown> = {}): Promise<{ session_id: string; connect_url: string }> {
  return app.connect.sessions.new({
    customer_id: 'cust-42',
    customer_name: 'Lakeside Dental',
    customer_email: 'ops@lakeside.example',
    products: ['company', 'directory', 'individual'],
    ...body,
  } as never);
}

describe('POST /connect/sessions', () => {
  it('returns a connect_url on the simulator that serves the Connect page', async () => {
    const s = await session();
    const url = new URL(s.connect_url);
    expect(url.origin).toBe(t.baseUrl);
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.get('session')).toBe(s.session_id);
    const page = await fetch(s.connect_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toMatch(/<script src="\/connect\/assets\/connect\.js" defer><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    const script = await fetch(`${t.baseUrl}/connect/assets/connect.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('finch-auth-message-v2');
  });

  it('validates the request with a 400 carrying context', async () => {
    const result = await t.call('POST', '/connect/sessions', {
      basic: [CLIENT_ID, CLIENT_SECRET],
      body: { customer_id: 'c1', customer_name: 'C' },
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ finch_code: 'invalid_request', context: { customer_id: 'c1' } });
    const badProduct = await t.call('POST', '/connect/sessions', {
      basic: [CLIENT_ID, CLIENT_SECRET],
      body: { customer_id: 'c1', customer_name: 'C', products: ['payroll'] },
    });
    expect(badProduct.status).toBe(400);
  });
});

describe('authorization codes', () => {
  it('exchange once (embedded flow, no redirect_uri) and carry the customer onto the connection', async () => {
    const s = await session();
    const done = await t.completeConnect(s.session_id, { state: 'xyz', sdk_host_url: HOST });
    expect(done.status).toBe(200);
    const token = await app.accessTokens.create({ code: done.body.code });
    expect(token).toMatchObject({
      token_type: 'bearer',
      customer_id: 'cust-42',
      customer_name: 'Lakeside Dental',
      provider_id: 'finch',
      client_type: 'sandbox',
    });
    const introspection = await t.sdk({ accessToken: token.access_token }).account.introspect();
    expect(introspection).toMatchObject({
      connection_id: token.connection_id,
      customer_id: 'cust-42',
      customer_name: 'Lakeside Dental',
      customer_email: 'ops@lakeside.example',
      client_id: CLIENT_ID,
    });

    const again = await t.call('POST', '/auth/token', {
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: done.body.code },
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ name: 'invalid_grant_error', message: expect.stringMatching(/already been used/) });
    await expect(app.accessTokens.create({ code: done.body.code })).rejects.toBeInstanceOf(Finch.BadRequestError);
  });

  it('expire after 10 minutes on the simulator clock', async () => {
    const s = await session();
    const done = await t.completeConnect(s.session_id, { sdk_host_url: HOST });
    t.sim.clock.advance(10 * 60_000 + 1);
    const late = await t.call('POST', '/auth/token', {
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: done.body.code },
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ name: 'invalid_grant_error', message: expect.stringMatching(/expired/) });
  });

  it('belong to the client_id whose session issued them', async () => {
    const s = await session();
    const done = await t.completeConnect(s.session_id, { sdk_host_url: HOST });
    const other = await t.call('POST', '/auth/token', { body: { client_id: 'other-client', client_secret: 'x', code: done.body.code } });
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(/different client_id/);
  });

  it('in the redirect flow redirect to redirect_uri?code&state and need the same redirect_uri at exchange', async () => {
    const s = await session({ redirect_uri: 'https://app.example/finch/callback', customer_id: 'cust-redirect' });
    const done = await t.completeConnect(s.session_id, { state: 'st-1' });
    const target = new URL(done.body.redirect_to);
    expect(`${target.origin}${target.pathname}`).toBe('https://app.example/finch/callback');
    expect(target.searchParams.get('state')).toBe('st-1');
    const code = target.searchParams.get('code') ?? '';
    expect(code).toBe(done.body.code);
    const missing = await t.call('POST', '/auth/token', { body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/redirect_uri is required/);
    const wrong = await t.call('POST', '/auth/token', {
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code, redirect_uri: 'https://app.example/other' },
    });
    expect(wrong.status).toBe(400);
    const right = await app.accessTokens.create({ code, redirect_uri: 'https://app.example/finch/callback' });
    expect(right.customer_id).toBe('cust-redirect');
  });
});

describe('sessions', () => {
  it('expire after minutes_to_expire and are single-use', async () => {
    const short = await session({ minutes_to_expire: 1 });
    t.sim.clock.advance(61_000);
    const expired = await t.completeConnect(short.session_id, { sdk_host_url: HOST });
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ type: 'validation_error', shouldClose: true });

    const s = await session();
    expect((await t.completeConnect(s.session_id, { sdk_host_url: HOST })).status).toBe(200);
    const reused = await t.completeConnect(s.session_id, { sdk_host_url: HOST });
    expect(reused.status).toBe(409);
  });

  it('refuse a second connection for the same customer and provider', async () => {
    const s = await session({ customer_id: 'cust-dup', integration: { provider: 'gusto', auth_method: 'oauth' } });
    expect((await t.completeConnect(s.session_id, { provider_id: 'gusto', auth_method: 'oauth', sdk_host_url: HOST })).status).toBe(200);
    const dup = await t.call('POST', '/connect/sessions', {
      basic: [CLIENT_ID, CLIENT_SECRET],
      body: { customer_id: 'cust-dup', customer_name: 'Dup', products: ['company'], integration: { provider: 'gusto' } },
    });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({
      finch_code: 'connection_already_exists',
      context: { customer_id: 'cust-dup', connection_id: expect.any(String) },
    });
  });
});

describe('failure paths of the Connect page', () => {
  it('wrong password keeps the session usable; provider-error fails without closing', async () => {
    const s = await session();
    const wrong = await t.completeConnect(s.session_id, { password: 'wrong-password', sdk_host_url: HOST });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ type: 'invalid_credentials', shouldClose: false });
    const providerError = await t.completeConnect(s.session_id, { username: 'provider-error', sdk_host_url: HOST });
    expect(providerError.status).toBe(502);
    expect(providerError.body.error).toMatchObject({ type: 'employer_connection_error', shouldClose: false });
    expect((await t.completeConnect(s.session_id, { sdk_host_url: HOST })).status).toBe(200);
  });

  it('asks for an MFA code on providers that require one', async () => {
    const s = await session();
    const first = await t.completeConnect(s.session_id, { provider_id: 'adp_run', sdk_host_url: HOST });
    expect(first.body).toEqual({ mfa_required: true });
    const bad = await t.completeConnect(s.session_id, { provider_id: 'adp_run', mfa_code: '000000', sdk_host_url: HOST });
    expect(bad.status).toBe(401);
    const good = await t.completeConnect(s.session_id, { provider_id: 'adp_run', mfa_code: '123456', sdk_host_url: HOST });
    expect(good.body.code).toEqual(expect.any(String));
  });

  it('limits Provider Sandbox to 5 active connections per application', async () => {
    const limited = await startTestSimulator();
    try {
      const sdk = limited.sdk({ clientID: 'provider-app' });
      for (let i = 0; i < 6; i++) {
        const s = await sdk.connect.sessions.new({
          customer_id: `p${i}`,
          customer_name: `P${i}`,
          products: ['company'],
          sandbox: 'provider',
        } as never);
        const done = await limited.completeConnect(s.session_id, { provider_id: 'gusto', auth_method: 'oauth', sdk_host_url: HOST });
        if (i < 5) expect(done.status, `connection ${i + 1}`).toBe(200);
        else expect(done.body.error).toMatchObject({ type: 'employer_connection_error', message: expect.stringMatching(/at most 5/) });
      }
      expect(limited.recorder.failures).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('reauthentication', () => {
  it('reconnects the same connection and issues a new code for it', async () => {
    const created = await t.sandboxConnection({ employee_size: 4 });
    await t.call('PUT', '/sandbox/connections/accounts', { token: created.access_token, body: { connection_status: 'reauth' } });
    expect((await t.call('GET', '/employer/company', { token: created.access_token })).status).toBe(401);

    const reauth = await app.connect.sessions.reauthenticate({ connection_id: created.connection_id });
    const done = await t.completeConnect(reauth.session_id, { sdk_host_url: HOST });
    expect(done.status).toBe(200);
    const token = await app.accessTokens.create({ code: done.body.code });
    expect(token.connection_id).toBe(created.connection_id);
    expect((await t.call('GET', '/employer/company', { token: token.access_token })).status).toBe(200);
    expect((await t.call('GET', '/employer/company', { token: created.access_token })).status).toBe(200);
  });

  it('refuses an unknown connection with 400 connection_not_found', async () => {
    const result = await t.call('POST', '/connect/sessions/reauthenticate', {
      basic: [CLIENT_ID, CLIENT_SECRET],
      body: { connection_id: 'nope' },
    });
    expect(result.status).toBe(400);
    expect(result.body.finch_code).toBe('connection_not_found');
  });
});
