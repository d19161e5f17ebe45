/**
 * Requests Finch's spec allows, made as Finch's own SDK makes them with only the required
 * parameters, are accepted; a missing required field is named as missing ("is required"),
 * a wrong value as wrong ("must be …"). Pay-statement item rules and disconnect-entity answer
 * the spec's shapes. Every response is checked against the spec's schemas.
 */
import type Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let sdk: Finch;
let token: string;

beforeAll(async () => {
  t = await startTestSimulator();
  const c = await t.sandboxConnection({
    employee_size: 5,
    products: ['company', 'directory', 'individual', 'employment', 'benefits', 'payment', 'pay_statement'],
  });
  token = c.access_token;
  sdk = t.sdk({ accessToken: token });
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

describe('SDK calls with only their required parameters', () => {
  it('hris.benefits.create() and register() without a type: accepted, stored with type null', async () => {
    const created = await sdk.hris.benefits.create();
    const registered = await sdk.hris.benefits.register({ description: 'Registered, untyped' });
    for (const id of [created.benefit_id, registered.benefit_id]) {
      const benefit = await sdk.hris.benefits.retrieve(id);
      expect(benefit.type).toBeNull();
    }
    expect((await sdk.hris.benefits.retrieve(registered.benefit_id)).description).toBe('Registered, untyped');
    const listed = [];
    for await (const b of sdk.hris.benefits.list()) listed.push(b.benefit_id);
    expect(listed).toEqual(expect.arrayContaining([created.benefit_id, registered.benefit_id]));
  });

  it('sandbox.directory.create() without a body creates nobody and answers an empty list', async () => {
    const before = (await sdk.hris.directory.list()).paging.count;
    expect(await sdk.sandbox.directory.create()).toEqual([]);
    await sdk.sandbox.jobs.create({ type: 'data_sync_all' });
    t.sim.clock.advance(10_000);
    expect((await sdk.hris.directory.list()).paging.count).toBe(before);
  });

  it('sandbox.connections.accounts.update() without connection_status keeps the status and answers the account', async () => {
    const account = await sdk.sandbox.connections.accounts.update();
    expect(account).toMatchObject({ provider_id: 'finch', products: expect.any(Array) });
    expect((await sdk.account.introspect()).connection_status?.status).toBe('connected');
    const wrong = await t.call('PUT', '/sandbox/connections/accounts', { token, body: { connection_status: 'sleepy' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/^"connection_status" must be one of /);
  });

  it('the other optional-body writes accept the SDK’s bare calls', async () => {
    const person = (await sdk.hris.directory.list()).individuals[0]!.id;
    await expect(sdk.sandbox.individual.update(person)).resolves.toBeTruthy();
    await expect(sdk.sandbox.employment.update(person)).resolves.toBeTruthy();
    await expect(sdk.sandbox.payment.create()).resolves.toMatchObject({ payment_id: expect.any(String) });
    const { benefit_id } = await sdk.hris.benefits.create({ type: '401k' });
    await expect(sdk.hris.benefits.update(benefit_id)).resolves.toMatchObject({ benefit_id });
    await expect(sdk.hris.benefits.individuals.unenrollMany(benefit_id)).resolves.toMatchObject({ job_id: expect.any(String) });
    const rule = await sdk.hris.payStatementItem.rules.create();
    await expect(sdk.hris.payStatementItem.rules.update(rule.id!)).resolves.toMatchObject({ id: rule.id });
    // Other clients send no body at all when the spec's body is optional.
    for (const [method, path] of [
      ['PUT', `/sandbox/individual/${person}`],
      ['POST', '/sandbox/payment'],
      ['POST', `/employer/benefits/${benefit_id}`],
      ['POST', '/employer/pay-statement-item/rule'],
      ['PUT', `/employer/pay-statement-item/rule/${rule.id}`],
    ] as const) {
      const bare = await t.call(method, path, { token });
      expect(bare.status, `${method} ${path}: ${bare.text}`).toBeLessThan(300);
    }
  });
});

describe('missing is not invalid', () => {
  const cases: Array<[string, string, unknown, RegExp]> = [
    ['POST', '/sandbox/jobs', {}, /^"type" is required/],
    ['PUT', '/sandbox/jobs/configuration', { type: 'data_sync_all' }, /^"completion_status" is required/],
    ['POST', '/jobs/automated', {}, /^"type" is required/],
    ['POST', '/employer/individual', {}, /^"requests" is required/],
    ['POST', '/employer/plans-enrollments', {}, /^"requests" is required/],
    ['POST', '/forward', { route: '/x' }, /^"method" is required/],
    ['POST', '/disconnect-entity', {}, /^"entity_ids" is required/],
  ];
  it.each(cases)('%s %s names the missing field', async (method, path, body, message) => {
    const result = await t.call(method, path, { token, body });
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(message);
  });

  it('a missing Connect session field says "is required", a wrong one "must be"', async () => {
    const basic = ['c0ffee00-0000-4000-8000-000000000001', 'sim-secret-for-tests'] as const;
    const missing = await t.call('POST', '/connect/sessions', { basic, body: { customer_name: 'x', products: ['company'] } });
    expect(missing.body.message).toMatch(/^"customer_id" is required/);
    const wrong = await t.call('POST', '/connect/sessions', {
      basic,
      body: { customer_id: '', customer_name: 'x', products: ['company'] },
    });
    expect(wrong.body.message).toMatch(/^"customer_id" must be a string/);
  });
});

describe('pay-statement item rules and disconnect-entity', () => {
  it('rules: create 201 with id, priority, dates; list; update; delete answers the rule with deleted_at', async () => {
    const rule = await sdk.hris.payStatementItem.rules.create({
      conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
      attributes: { metadata: { ledger: '5000' } },
      entity_type: 'pay_statement_item',
    });
    expect(rule).toMatchObject({
      id: expect.any(String),
      priority: expect.any(Number),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const listed = [];
    for await (const r of sdk.hris.payStatementItem.rules.list()) listed.push(r.id);
    expect(listed).toContain(rule.id);
    const updated = await sdk.hris.payStatementItem.rules.update(rule.id!, { attributes: { metadata: { ledger: '5100' } } } as never);
    expect(updated.attributes?.metadata).toEqual({ ledger: '5100' });
    const deleted = await sdk.hris.payStatementItem.rules.delete(rule.id!);
    expect(deleted).toMatchObject({ id: rule.id, deleted_at: expect.any(String) });
    const again = await t.call('DELETE', `/employer/pay-statement-item/rule/${rule.id}`, { token });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(`Rule ${rule.id} not found`);
    const empty = await t.call('POST', '/employer/pay-statement-item/rule', { token, body: { conditions: [] } });
    expect(empty.status).toBe(400);
  });

  it('disconnect-entity: an empty list is refused naming the field; unknown ids answer NOT_FOUND per id', async () => {
    const empty = await t.call('POST', '/disconnect-entity', { token, body: { entity_ids: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/"entity_ids" must list at least one/);
    const unknown = await t.call('POST', '/disconnect-entity', { token, body: { entity_ids: ['3c90c3cc-0d44-4b50-8888-8dd25736052a'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ errors: [{ entityId: '3c90c3cc-0d44-4b50-8888-8dd25736052a', error: 'NOT_FOUND' }] });
  });
});
