/**
 * Finch's per-application, per-product rolling 60-second limits: the published number of
 * calls succeed, the next answers 429 finch_application_rl with Retry-After; budgets are per
 * client_id (shared by its connections); the window rolls with the simulator clock.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { CLIENT_ID, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let token: string;
let paymentId: string;

const ENDPOINTS: ReadonlyArray<{ product: string; limit: number; method: string; path: string; body?: () => unknown }> = [
  { product: 'company', limit: 20, method: 'GET', path: '/employer/company' },
  { product: 'directory', limit: 20, method: 'GET', path: '/employer/directory?limit=5' },
  { product: 'individual', limit: 20, method: 'POST', path: '/employer/individual', body: () => ({ requests: [] }) },
  { product: 'employment', limit: 20, method: 'POST', path: '/employer/employment', body: () => ({ requests: [] }) },
  { product: 'pay_statement_item', limit: 20, method: 'GET', path: '/employer/pay-statement-item?categories=taxes' },
  { product: 'payment', limit: 12, method: 'GET', path: '/employer/payment?start_date=2026-05-01&end_date=2026-06-30' },
  { product: 'pay_groups', limit: 12, method: 'GET', path: '/employer/pay-groups' },
  {
    product: 'pay_statement',
    limit: 12,
    method: 'POST',
    path: '/employer/pay-statement',
    body: () => ({ requests: [{ payment_id: paymentId, limit: 1 }] }),
  },
];

beforeAll(async () => {
  t = await startTestSimulator();
  const c = await t.sandboxConnection({ employee_size: 6 }, 'rate-app');
  token = c.access_token;
  await t.admin('PUT', '/_simulator/rate-limits', { enabled: false });
  paymentId = (await t.call('GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01', { token })).body[0].id;
  await t.admin('DELETE', '/_simulator/rate-limits');
  await t.admin('PUT', '/_simulator/rate-limits', { enabled: true });
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

describe('per-product limits', () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.product}: ${endpoint.limit} calls per minute, then 429 with Retry-After`, async () => {
      for (let i = 0; i < endpoint.limit; i++) {
        const ok = await t.call(endpoint.method, endpoint.path, { token, body: endpoint.body?.() });
        expect(ok.status, `call ${i + 1}`).toBe(200);
      }
      const limited = await t.call(endpoint.method, endpoint.path, { token, body: endpoint.body?.() });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 429, name: 'rate_limit_exceeded_error', finch_code: 'finch_application_rl' });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });
  }
});

/** Calls until the budget is spent (at most `max` calls); returns how many succeeded. */
async function exhaust(path: string, max = 25): Promise<number> {
  for (let i = 0; i < max; i++) {
    if ((await t.call('GET', path, { token })).status === 429) return i;
  }
  throw new Error(`${path} never answered 429`);
}

describe('windows and budgets', () => {
  it('are shared by the connections of one application and separate between applications', async () => {
    const sameApp = await t.sandboxConnection({ employee_size: 2 }, 'rate-app');
    expect((await t.call('GET', '/employer/company', { token: sameApp.access_token })).status).toBe(429);
    const otherApp = await t.sandboxConnection({ employee_size: 2 }, CLIENT_ID);
    expect((await t.call('GET', '/employer/company', { token: otherApp.access_token })).status).toBe(200);
  });

  it('roll: after Retry-After seconds the next call succeeds, and refused calls did not count', async () => {
    const limited = await t.call('GET', '/employer/pay-groups', { token });
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(10);
    t.sim.clock.advance((wait - 10) * 1000);
    expect((await t.call('GET', '/employer/pay-groups', { token })).status).toBe(429);
    t.sim.clock.advance(61_000);
    for (let i = 0; i < 12; i++) expect((await t.call('GET', '/employer/pay-groups', { token })).status).toBe(200);
    expect((await t.call('GET', '/employer/pay-groups', { token })).status).toBe(429);
  });

  it('reach the SDK as RateLimitError carrying Retry-After', async () => {
    await exhaust('/employer/company');
    const error = await t
      .sdk({ accessToken: token })
      .hris.company.retrieve()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Finch.RateLimitError);
    expect((error as InstanceType<typeof Finch.RateLimitError>).headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('can be switched off through the admin API (for benchmarks)', async () => {
    await exhaust('/employer/company');
    await t.admin('PUT', '/_simulator/rate-limits', { enabled: false });
    for (let i = 0; i < 30; i++) expect((await t.call('GET', '/employer/company', { token })).status).toBe(200);
    await t.admin('PUT', '/_simulator/rate-limits', { enabled: true });
    expect((await t.call('GET', '/employer/company', { token })).status).toBe(429);
  });
});
