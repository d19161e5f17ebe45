/**
 * The deduction drills' faults, over the admin HTTP API and the embedded admin object:
 * an enroll job where some people fail, a deduction job that stays pending until the fault is
 * cleared, and a provider that refuses any benefit type.
 */
import type Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { employeesOnly, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let sdk: Finch;
let token: string;
let connectionId: string;
let people: string[];

beforeAll(async () => {
  t = await startTestSimulator();
  const c = await t.sandboxConnection({ employee_size: 10, products: ['company', 'directory', 'employment', 'benefits'] });
  token = c.access_token;
  connectionId = c.connection_id;
  sdk = t.sdk({ accessToken: token });
  people = await employeesOnly(
    t,
    c.access_token,
    (await sdk.hris.directory.list()).individuals.map((p) => p.id),
  );
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

const fixed = { employee_deduction: { type: 'fixed' as const, amount: 1_000 } };

async function enrollAll(benefitId: string, ids: string[]): Promise<string> {
  return (
    await sdk.hris.benefits.individuals.enrollMany(benefitId, {
      individuals: ids.map((individual_id) => ({ individual_id, configuration: fixed })),
    })
  ).job_id;
}

describe('enrollment_partial_failure', () => {
  it('fails the named people of the next enroll job with a 422 while the rest enroll (admin HTTP)', async () => {
    const { benefit_id } = await sdk.hris.benefits.create({ type: '401k', description: 'Drill 401(k)' });
    const rule = await t.admin('POST', '/_simulator/faults', {
      kind: 'enrollment_partial_failure',
      individual_ids: [people[1], people[3]],
      finch_code: 'enrollment_rejected',
      message: 'Employee is not eligible for this plan.',
    });
    expect(rule.status, rule.text).toBe(201);
    const job = await enrollAll(benefit_id, people.slice(0, 5));
    t.sim.clock.advance(5_000);
    const done = await sdk.jobs.manual.retrieve(job);
    expect((done.body as any[]).map((i) => [i.individual_id, i.code])).toEqual([
      [people[0], 200],
      [people[1], 422],
      [people[2], 200],
      [people[3], 422],
      [people[4], 200],
    ]);
    expect((done.body as any[])[1].body).toEqual({
      code: 422,
      name: 'unprocessable_entity_error',
      finch_code: 'enrollment_rejected',
      message: 'Employee is not eligible for this plan.',
    });
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefit_id)).individual_ids.sort()).toEqual(
      [people[0], people[2], people[4]].sort(),
    );

    // One job only: the next enroll succeeds for everyone.
    const next = await enrollAll(benefit_id, [people[1]!]);
    t.sim.clock.advance(5_000);
    expect((await sdk.jobs.manual.retrieve(next)).body).toEqual([{ individual_id: people[1], code: 200, body: {} }]);
  });

  it('fails the first fail_count valid people (embedded admin)', async () => {
    const { benefit_id } = await sdk.hris.benefits.create({ type: '401k', description: 'Drill 401(k) 2' });
    t.sim.admin.addFault({ kind: 'enrollment_partial_failure', fail_count: 2, connection_id: connectionId });
    const job = await enrollAll(benefit_id, ['missing-person', ...people.slice(0, 4)]);
    t.sim.clock.advance(5_000);
    const codes = ((await sdk.jobs.manual.retrieve(job)).body as any[]).map((i) => i.code);
    expect(codes).toEqual([404, 422, 422, 200, 200]);
  });
});

describe('manual_job_pending', () => {
  it('keeps the next deduction job pending until the fault is removed, then it completes on the next check', async () => {
    const { benefit_id } = await sdk.hris.benefits.create({ type: 's125_vision', description: 'Vision' });
    t.sim.clock.advance(5_000);
    const rule = await t.admin('POST', '/_simulator/faults', { kind: 'manual_job_pending' });
    expect(rule.status).toBe(201);
    const held = await enrollAll(benefit_id, [people[0]!]);
    const other = await enrollAll(benefit_id, [people[1]!]);
    t.sim.clock.advance(24 * 3_600_000);
    expect(await sdk.jobs.manual.retrieve(held)).toEqual({ job_id: held, status: 'pending', body: null });
    expect((await sdk.jobs.manual.retrieve(other)).status).toBe('complete');
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefit_id)).individual_ids).toEqual([people[1]]);
    // Still listed (holding its job) after its count is used up.
    expect((await t.admin('GET', '/_simulator/faults')).body.faults.map((f: any) => f.id)).toContain(rule.body.id);

    expect((await t.admin('DELETE', `/_simulator/faults/${rule.body.id}`)).status).toBe(200);
    const released = await sdk.jobs.manual.retrieve(held);
    expect(released.status).toBe('complete');
    expect(released.body).toEqual([{ individual_id: people[0], code: 200, body: {} }]);
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefit_id)).individual_ids.sort()).toEqual([people[0], people[1]].sort());
  });
});

describe('benefit_type_unsupported', () => {
  it('makes the next benefit create answer 422 benefit_type_not_supported for a type the provider supports', async () => {
    t.sim.admin.addFault({ kind: 'benefit_type_unsupported' });
    const refused = await t.call('POST', '/employer/benefits', { token, body: { type: '401k', description: 'Refused' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ name: 'unprocessable_entity_error', finch_code: 'benefit_type_not_supported' });
    const next = await t.call('POST', '/employer/benefits', { token, body: { type: '401k', description: 'Accepted' } });
    expect(next.status).toBe(201);
  });

  it('the admin API refuses a path on a deduction fault and an unknown kind', async () => {
    expect((await t.admin('POST', '/_simulator/faults', { kind: 'benefit_type_unsupported', path: '/employer/benefits' })).status).toBe(
      400,
    );
    const unknown = await t.admin('POST', '/_simulator/faults', { kind: 'enrollment_rejected' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/enrollment_partial_failure, manual_job_pending, benefit_type_unsupported/);
  });
});
