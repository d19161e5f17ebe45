/**
 * Batch endpoints: per-item 200/404/202 inside a 200, up to 10,000 items, 422 above; sandbox
 * additions answer 202 (data_sync_in_progress) until a sync job completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let token: string;
let people: string[];
const UNKNOWN = '11111111-2222-4333-8444-555555555555';

beforeAll(async () => {
  t = await startTestSimulator();
  token = (await t.sandboxConnection({ employee_size: 30 })).access_token;
  people = (await t.call('GET', '/employer/directory', { token })).body.individuals.map((i: { id: string }) => i.id);
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

describe('individual and employment batches', () => {
  it('answer each item: 200 with the record, 404 for an unknown id', async () => {
    for (const path of ['/employer/individual', '/employer/employment']) {
      const result = await t.call('POST', path, {
        token,
        body: { requests: [{ individual_id: people[0] }, { individual_id: UNKNOWN }, { individual_id: people[1] }] },
      });
      expect(result.status).toBe(200);
      const [first, missing, third] = result.body.responses;
      expect(first).toMatchObject({ individual_id: people[0], code: 200, body: { id: people[0] } });
      expect(third).toMatchObject({ individual_id: people[1], code: 200 });
      expect(missing).toEqual({
        individual_id: UNKNOWN,
        code: 404,
        body: { code: 404, name: 'not_found_error', finch_code: 'individual_not_found', message: expect.stringContaining(UNKNOWN) },
      });
    }
  });

  it('returns per-item 404s through the SDK without throwing', async () => {
    const page = await t.sdk({ accessToken: token }).hris.individuals.retrieveMany({ requests: [{ individual_id: UNKNOWN }] });
    expect(page.responses[0]?.code).toBe(404);
  });

  it('accepts 10,000 items and refuses 10,001 with 422 batch_limit_exceeded', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => people[i % people.length] ?? UNKNOWN);
    const ok = await t.call('POST', '/employer/individual', { token, body: { requests: ids.map((individual_id) => ({ individual_id })) } });
    expect(ok.status).toBe(200);
    expect(ok.body.responses).toHaveLength(10_000);
    for (const path of ['/employer/individual', '/employer/employment']) {
      const over = await t.call('POST', path, { token, body: { requests: [...ids, UNKNOWN].map((individual_id) => ({ individual_id })) } });
      expect(over.status, path).toBe(422);
      expect(over.body).toMatchObject({ code: 422, finch_code: 'batch_limit_exceeded' });
      expect(over.body.message).toMatch(/10000/);
    }
    const statements = await t.call('POST', '/employer/pay-statement', {
      token,
      body: { requests: Array.from({ length: 10_001 }, () => ({ payment_id: UNKNOWN })) },
    });
    expect(statements.status).toBe(422);
    expect(statements.body.finch_code).toBe('batch_limit_exceeded');
  });
});

describe('pay statement batches', () => {
  it('page statements per payment and 404 an unknown payment', async () => {
    const payments = (await t.call('GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01', { token })).body;
    const payment = payments[0];
    const result = await t.call('POST', '/employer/pay-statement', {
      token,
      body: { requests: [{ payment_id: payment.id, limit: 2, offset: 1 }, { payment_id: UNKNOWN }] },
    });
    const [page, missing] = result.body.responses;
    expect(page.code).toBe(200);
    expect(page.body.paging).toEqual({ count: payment.individual_ids.length, offset: 1 });
    expect(page.body.pay_statements).toHaveLength(Math.min(2, payment.individual_ids.length - 1));
    expect(page.body.pay_statements[0].individual_id).toBe(payment.individual_ids[1]);
    expect(missing).toMatchObject({ payment_id: UNKNOWN, code: 404, body: { finch_code: 'payment_not_found' } });
  });
});

describe('sandbox additions before and after a sync', () => {
  it('answer 202 per item until the sync job completes, then 200', async () => {
    const added = await t.call('POST', '/sandbox/directory', { token, body: [{ first_name: 'Ada', last_name: 'Byron', is_active: true }] });
    const newId: string = added.body[0].id;
    const before = await t.call('POST', '/employer/individual', { token, body: { requests: [{ individual_id: newId }] } });
    expect(before.body.responses[0]).toMatchObject({ code: 202, body: { code: 202, finch_code: 'data_sync_in_progress' } });
    const directoryBefore = await t.call('GET', '/employer/directory?limit=200', { token });
    expect(directoryBefore.body.individuals.map((i: { id: string }) => i.id)).not.toContain(newId);

    const payment = await t.call('POST', '/sandbox/payment', {
      token,
      body: {
        start_date: '2026-03-01',
        end_date: '2026-03-15',
        pay_statements: [{ individual_id: people[2], gross_pay: 300_000, earnings: [{ type: 'salary', name: 'Salary', amount: 300_000 }] }],
      },
    });
    const paymentId: string = payment.body.payment_id;
    const statementsBefore = await t.call('POST', '/employer/pay-statement', { token, body: { requests: [{ payment_id: paymentId }] } });
    expect(statementsBefore.body.responses[0]).toMatchObject({
      code: 202,
      body: { name: 'accepted', finch_code: 'data_sync_in_progress' },
    });

    const job = await t.call('POST', '/sandbox/jobs', { token, body: { type: 'data_sync_all' } });
    expect(job.status).toBe(200);
    const stillSyncing = await t.call('POST', '/employer/individual', { token, body: { requests: [{ individual_id: newId }] } });
    expect(stillSyncing.body.responses[0].code).toBe(202);

    t.sim.clock.advance(10_000);
    const after = await t.call('POST', '/employer/individual', { token, body: { requests: [{ individual_id: newId }] } });
    expect(after.body.responses[0]).toMatchObject({ code: 200, body: { id: newId, first_name: 'Ada', last_name: 'Byron' } });
    const directoryAfter = await t.call('GET', '/employer/directory?limit=200', { token });
    expect(directoryAfter.body.paging.count).toBe(31);
    const statementsAfter = await t.call('POST', '/employer/pay-statement', { token, body: { requests: [{ payment_id: paymentId }] } });
    expect(statementsAfter.body.responses[0]).toMatchObject({
      code: 200,
      body: { pay_statements: [{ individual_id: people[2], gross_pay: { amount: 300_000 } }] },
    });
  });
});
