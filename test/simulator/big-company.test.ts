/**
 * A 100,000-person company on the Local simulator: it can be created (the cap is 100,000) and
 * every product a full pull reads answers for it — the directory's last page, individuals and
 * employments of its last people, payments, and the last page of the biggest pay run's
 * statements. Not timed; the payroll part used to be quadratic in the head count (each
 * statement copied the whole year-to-date ledger), which left the payments call running for
 * minutes at this size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;

beforeAll(async () => {
  t = await startTestSimulator();
});

afterAll(async () => {
  await t.close();
});

/** Plain fetch: these answers are tens of MB, too big to check against the spec one by one. */
async function get(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Finch-API-Version': '2020-09-17', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

describe('a 100,000-person company', () => {
  it('is refused above 100,000 people, with the limit in the message', async () => {
    const result = await t.call('POST', '/sandbox/connections', {
      basic: ['c0ffee00-0000-4000-8000-000000000001', 'sim-secret-for-tests'],
      body: { provider_id: 'gusto', employee_size: 100_001 },
    });
    expect(result.status).toBe(400);
    expect(result.body.message).toContain('100000');
  });

  it('answers every product a full pull reads', { timeout: 180_000 }, async () => {
    const c = await t.sandboxConnection({ employee_size: 100_000 });
    const token = c.access_token as string;
    // Everyone once: ids drawn through 32-bit mixes used to repeat a few times per 100,000 people.
    const everyone = new Set<string>();
    for (let offset = 0; offset < 100_000; offset += 10_000) {
      const page = await get(token, 'GET', `/employer/directory?limit=10000&offset=${offset}`);
      for (const p of page.body.individuals as { id: string }[]) everyone.add(p.id);
    }
    expect(everyone.size).toBe(100_000);
    const last = await get(token, 'GET', '/employer/directory?limit=10000&offset=90000');
    expect(last.status).toBe(200);
    expect(last.body.paging.count).toBe(100_000);
    expect(last.body.individuals).toHaveLength(10_000);
    const ids = (last.body.individuals as { id: string }[]).slice(-3).map((p) => ({ individual_id: p.id }));
    for (const path of ['/employer/individual', '/employer/employment']) {
      const batch = await get(token, 'POST', path, { requests: ids });
      expect(batch.body.responses.map((r: { code: number }) => r.code)).toEqual([200, 200, 200]);
    }

    const payments = await get(token, 'GET', '/employer/payment?start_date=2025-06-01&end_date=2026-06-15');
    expect(payments.status).toBe(200);
    expect(payments.body.length).toBeGreaterThan(0);
    const biggest = (payments.body as { id: string; individual_ids: string[] }[]).reduce((a, b) =>
      b.individual_ids.length > a.individual_ids.length ? b : a,
    );
    expect(biggest.individual_ids.length).toBeGreaterThan(10_000);
    const offset = biggest.individual_ids.length - 10;
    const statements = await get(token, 'POST', '/employer/pay-statement', { requests: [{ payment_id: biggest.id, offset, limit: 100 }] });
    const item = statements.body.responses[0];
    expect(item.code).toBe(200);
    expect(item.body.paging.count).toBe(biggest.individual_ids.length);
    expect(item.body.pay_statements).toHaveLength(10);
  });
});
