/**
 * The admin API under /_simulator: faults for the next N requests on a path or a connection
 * (latency, 5xx, timeout, dropped connection, malformed JSON, 202, 429, reauth), reset, the
 * clock, and the guards that keep it loopback- and same-origin-only.
 */
import { request } from 'node:http';
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '@simulator/http/io';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let token: string;

beforeAll(async () => {
  t = await startTestSimulator();
  token = (await t.sandboxConnection({ employee_size: 5 })).access_token;
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

async function fault(rule: Record<string, unknown>): Promise<{ id: string }> {
  const result = await t.admin('POST', '/_simulator/faults', rule);
  expect(result.status, result.text).toBe(201);
  return result.body;
}

describe('faults', () => {
  it('latency delays the next request only', async () => {
    await fault({ kind: 'latency', path: '/employer/company', latency_ms: 1_000 });
    let started = Date.now();
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    started = Date.now();
    await t.call('GET', '/employer/company', { token });
    expect(Date.now() - started).toBeLessThan(700);
  });

  it('5xx answers a Finch error for N requests; the SDK retries through it', async () => {
    await fault({ kind: 'error', status: 502, path: '/employer/directory', count: 2 });
    for (let i = 0; i < 2; i++) {
      const failed = await t.call('GET', '/employer/directory', { token });
      expect(failed.status).toBe(502);
      expect(failed.body).toMatchObject({ name: 'bad_gateway_error', finch_code: 'upstream_provider_error' });
    }
    expect((await t.call('GET', '/employer/directory', { token })).status).toBe(200);

    await fault({ kind: 'error', status: 500, path: '/employer/directory' });
    const attempts: number[] = [];
    const sdk = new Finch({
      baseURL: t.baseUrl,
      accessToken: token,
      maxRetries: 1,
      fetch: async (input, init) => {
        const response = await t.fetch(input, init);
        attempts.push(response.status);
        return response;
      },
    });
    const page = await sdk.hris.directory.list();
    expect(page.individuals.length).toBe(5);
    expect(attempts).toEqual([500, 200]);
  });

  it('timeout never answers; dropped connections fail at once', async () => {
    await fault({ kind: 'timeout', path: '/introspect', latency_ms: 5_000 });
    const sdk = new Finch({ baseURL: t.baseUrl, accessToken: token, maxRetries: 0, timeout: 300, fetch: t.fetch });
    await expect(sdk.account.introspect()).rejects.toBeInstanceOf(Finch.APIConnectionTimeoutError);
    await fault({ kind: 'drop', path: '/introspect' });
    await expect(fetch(`${t.baseUrl}/introspect`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow();
    expect((await t.call('GET', '/introspect', { token })).status).toBe(200);
  });

  it('malformed JSON is a 200 whose body does not parse', async () => {
    await fault({ kind: 'malformed_json', path: '/employer/individual' });
    // Deliberately outside the spec-checking fetch: this body is broken on purpose.
    const raw = await fetch(`${t.baseUrl}/employer/individual`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"requests":[]}',
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/application\/json/);
    expect(raw.headers.get('finch-request-id')).toBeTruthy();
    const text = await raw.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('202 and 429 (with Retry-After and a chosen finch_code) on request', async () => {
    await fault({ kind: 'accepted', path: '/employer/company' });
    const accepted = await t.call('GET', '/employer/company', { token });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ code: 202, finch_code: 'data_sync_in_progress' });
    await fault({ kind: 'rate_limit', path: '/employer/company', retry_after_seconds: 7, finch_code: 'finch_api_ip_rl' });
    const limited = await t.call('GET', '/employer/company', { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.finch_code).toBe('finch_api_ip_rl');
  });

  it('targets one connection, path prefixes, and stays until removed when count is null', async () => {
    const other = (await t.sandboxConnection({ employee_size: 2 })).access_token;
    const otherId = (await t.call('GET', '/introspect', { token: other })).body.connection_id;
    const rule = await fault({ kind: 'reauth', connection_id: otherId, path: '/employer/*', count: null });
    for (const path of ['/employer/company', '/employer/directory']) {
      const result = await t.call('GET', path, { token: other });
      expect(result.status).toBe(401);
      expect(result.body.finch_code).toBe('reauthenticate_user');
    }
    expect((await t.call('GET', '/introspect', { token: other })).status).toBe(200);
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
    expect((await t.admin('GET', '/_simulator/faults')).body.faults).toHaveLength(1);
    expect((await t.admin('DELETE', `/_simulator/faults/${rule.id}`)).status).toBe(200);
    expect((await t.call('GET', '/employer/company', { token: other })).status).toBe(200);
  });

  it('refuses invalid rules', async () => {
    for (const rule of [
      { kind: 'explode', path: '/x' },
      { kind: 'error' },
      { kind: 'error', path: '/_simulator/reset' },
      { kind: 'error', path: '/x', count: 0 },
    ]) {
      expect((await t.admin('POST', '/_simulator/faults', rule)).status, JSON.stringify(rule)).toBe(400);
    }
  });
});

describe('admin API', () => {
  it('lists its endpoints and moves the clock', async () => {
    expect((await t.admin('GET', '/_simulator')).body.endpoints.length).toBeGreaterThan(5);
    const before = (await t.admin('GET', '/_simulator/clock')).body.now;
    const after = (await t.admin('POST', '/_simulator/clock', { advance_ms: 90_000 })).body.now;
    expect(after - before).toBeGreaterThanOrEqual(90_000);
    expect((await t.admin('POST', '/_simulator/clock', { advance_ms: -5 })).status).toBe(400);
  });

  it('refuses other origins and non-loopback Host headers', async () => {
    const foreign = await fetch(`${t.baseUrl}/_simulator/reset`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    // fetch() cannot set Host; a DNS-rebinding page would reach us with its own host name.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.baseUrl}/_simulator/state`, { headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(403);
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.20')).toBe(false);
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
  });

  it('reset forgets every connection and token', async () => {
    expect((await t.admin('GET', '/_simulator/state')).body.connections.length).toBeGreaterThan(0);
    expect((await t.admin('POST', '/_simulator/reset')).status).toBe(200);
    expect((await t.admin('GET', '/_simulator/state')).body.connections).toEqual([]);
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(401);
  });
});
