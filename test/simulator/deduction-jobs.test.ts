/**
 * Deduction writes as Finch's batch jobs: enroll refuses only a malformed request, each
 * person's problem is that person's entry in GET /jobs/manual/{job_id}, enrollments take effect
 * when the job completes, re-enrolling replaces the configuration, unenroll answers per id.
 * Every response is checked against the spec by the test simulator's fetch.
 */
import type Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { employeesOnly, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;
let sdk: Finch;
let token: string;
let people: string[];

/** Benefit jobs complete 2 s (simulated) after they are created. */
const completeJobs = (): void => {
  t.sim.clock.advance(5_000);
};

beforeAll(async () => {
  t = await startTestSimulator();
  const c = await t.sandboxConnection({
    employee_size: 30,
    products: ['company', 'directory', 'individual', 'employment', 'benefits', 'pay_statement', 'payment'],
  });
  token = c.access_token;
  sdk = t.sdk({ accessToken: token });
  const directory = await sdk.hris.directory.list({ limit: 100 });
  people = await employeesOnly(
    t,
    token,
    directory.individuals.map((p) => p.id),
  );
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

async function newRetirementBenefit(): Promise<string> {
  const created = await sdk.hris.benefits.create({
    type: '401k',
    description: 'Acme 401(k)',
    company_contribution: {
      type: 'match',
      tiers: [
        { match: 10_000, threshold: 300 },
        { match: 5_000, threshold: 500 },
      ],
    },
  });
  return created.benefit_id;
}

const jobBody = async (jobId: string) => (await t.call('GET', `/jobs/manual/${jobId}`, { token })).body;

describe('enroll: per-person results', () => {
  it('refuses a malformed request as a whole, naming the index and field', async () => {
    const benefitId = await newRetirementBenefit();
    const path = `/employer/benefits/${benefitId}/individuals`;
    const notArray = await t.call('POST', path, { token, body: { individual_id: people[0] } });
    expect(notArray.status).toBe(400);
    expect(notArray.body.message).toMatch(/array/);
    const empty = await t.call('POST', path, { token, body: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/at least one/);
    const missing = await t.call('POST', path, {
      token,
      body: [
        { individual_id: people[0] },
        { individual_id: people[1] },
        { configuration: { employee_deduction: { type: 'fixed', amount: 1 } } },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('[2].individual_id is required.');
  });

  it('enrolls the valid people and reports each refused one in the job body; nothing takes effect before the job completes', async () => {
    const benefitId = await newRetirementBenefit();
    const percent = (amount: number) => ({ type: 'percent' as const, amount });
    const { job_id } = await sdk.hris.benefits.individuals.enrollMany(benefitId, {
      individuals: [
        {
          individual_id: people[0],
          configuration: {
            employee_deduction: percent(600),
            company_contribution: { type: 'tiered', tiers: [{ match: 10_000, threshold: 300 }] },
          },
        },
        { individual_id: people[1], configuration: { employee_deduction: { type: 'fixed', amount: 15_000 } } },
        { individual_id: 'no-such-person', configuration: { employee_deduction: percent(500) } },
        { individual_id: people[2], configuration: { employee_deduction: { type: 'fixed', amount: -5 } } },
        { individual_id: people[3], configuration: { employee_deduction: percent(12_000) } },
        { individual_id: people[4], configuration: { employee_deduction: { type: 'fixed', amount: 10.5 } } },
        { individual_id: people[5], configuration: { company_contribution: { type: 'tiered', tiers: [{ match: 0, threshold: 300 }] } } },
        { individual_id: people[6], configuration: { employee_deduction: percent(300), annual_contribution_limit: 'family' } },
      ],
    });
    const pending = await sdk.jobs.manual.retrieve(job_id);
    expect(pending.status).toBe('pending');
    expect(pending.body).toBeNull();
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids).toEqual([]);

    completeJobs();
    const done = await jobBody(job_id);
    expect(done.status).toBe('complete');
    const byId = new Map((done.body as Array<{ individual_id: string; code: number; body: any }>).map((i) => [i.individual_id, i]));
    expect(done.body).toHaveLength(8);
    expect(byId.get(people[0]!)).toEqual({ individual_id: people[0], code: 200, body: {} });
    expect(byId.get(people[1]!)?.code).toBe(200);
    expect(byId.get('no-such-person')).toMatchObject({
      code: 404,
      body: { code: 404, name: 'not_found_error', finch_code: 'individual_not_found' },
    });
    expect(byId.get(people[2]!)).toMatchObject({
      code: 422,
      body: { message: 'configuration.employee_deduction.amount must not be negative.' },
    });
    expect(byId.get(people[3]!)).toMatchObject({ code: 422, body: { message: expect.stringMatching(/at most 10000/) } });
    expect(byId.get(people[4]!)).toMatchObject({
      code: 400,
      body: { message: 'configuration.employee_deduction.amount must be an integer.' },
    });
    expect(byId.get(people[5]!)).toMatchObject({
      code: 422,
      body: { message: expect.stringMatching(/tiers\[0\]\.match must be between 1 and 10000/) },
    });
    expect(byId.get(people[6]!)).toMatchObject({
      code: 422,
      body: { message: expect.stringMatching(/annual_contribution_limit applies to HSA/) },
    });

    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids.sort()).toEqual([people[0], people[1]].sort());
    const detail = (await t.call('GET', `/employer/benefits/${benefitId}/individuals?individual_ids=${people[0]}`, { token })).body;
    expect(detail[0].body).toMatchObject({
      employee_deduction: { type: 'percent', amount: 600 },
      company_contribution: { type: 'tiered', tiers: [{ match: 10_000, threshold: 300 }] },
      catch_up: false,
    });
  });

  it('catch_up on a benefit that is not a retirement plan is that person’s 422', async () => {
    const { benefit_id } = await sdk.hris.benefits.create({ type: 's125_medical', description: 'Medical' });
    const { job_id } = await sdk.hris.benefits.individuals.enrollMany(benefit_id, {
      individuals: [{ individual_id: people[0], configuration: { employee_deduction: { type: 'fixed', amount: 5_000 }, catch_up: true } }],
    });
    completeJobs();
    expect((await jobBody(job_id)).body[0]).toMatchObject({
      code: 422,
      body: { message: expect.stringMatching(/catch_up applies to retirement/) },
    });
  });

  it('enrolling someone already enrolled replaces their configuration', async () => {
    const benefitId = await newRetirementBenefit();
    const enrollAt = (amount: number) =>
      sdk.hris.benefits.individuals.enrollMany(benefitId, {
        individuals: [{ individual_id: people[7], configuration: { employee_deduction: { type: 'percent', amount } } }],
      });
    await enrollAt(400);
    completeJobs();
    await enrollAt(900);
    completeJobs();
    const detail = (await t.call('GET', `/employer/benefits/${benefitId}/individuals?individual_ids=${people[7]}`, { token })).body;
    expect(detail).toHaveLength(1);
    expect(detail[0].body.employee_deduction).toEqual({ type: 'percent', amount: 900 });
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids).toEqual([people[7]]);
  });
});

describe('unenroll', () => {
  it('answers per id (200, or 404 when not enrolled) once the job completes', async () => {
    const benefitId = await newRetirementBenefit();
    await sdk.hris.benefits.individuals.enrollMany(benefitId, {
      individuals: [{ individual_id: people[8], configuration: { employee_deduction: { type: 'fixed', amount: 2_000 } } }],
    });
    completeJobs();
    const { job_id } = await sdk.hris.benefits.individuals.unenrollMany(benefitId, { individual_ids: [people[8]!, people[9]!] });
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids).toEqual([people[8]]);
    completeJobs();
    const done = await jobBody(job_id);
    expect(done.body).toEqual([
      { individual_id: people[8], code: 200, body: {} },
      expect.objectContaining({
        individual_id: people[9],
        code: 404,
        body: expect.objectContaining({ finch_code: 'individual_not_enrolled' }),
      }),
    ]);
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids).toEqual([]);
  });

  it('without individual_ids (allowed by the spec) unenrolls nobody', async () => {
    const benefitId = await newRetirementBenefit();
    await sdk.hris.benefits.individuals.enrollMany(benefitId, {
      individuals: [{ individual_id: people[10], configuration: { employee_deduction: { type: 'fixed', amount: 2_000 } } }],
    });
    completeJobs();
    const { job_id } = await sdk.hris.benefits.individuals.unenrollMany(benefitId);
    completeJobs();
    expect((await jobBody(job_id)).body).toEqual([]);
    expect((await sdk.hris.benefits.individuals.enrolledIDs(benefitId)).individual_ids).toEqual([people[10]]);
  });
});

describe('benefit jobs', () => {
  it('create, update and register answer a manual job that completes with an empty body', async () => {
    const created = await sdk.hris.benefits.create({ type: '401k', description: 'Plan' });
    const updated = await sdk.hris.benefits.update(created.benefit_id, { description: 'Plan renamed' });
    const registered = await sdk.hris.benefits.register({ type: 's125_dental', description: 'Dental' });
    completeJobs();
    for (const job of [created.job_id, updated.job_id, registered.job_id]) {
      expect(await sdk.jobs.manual.retrieve(job)).toEqual({ job_id: job, status: 'complete', body: [] });
    }
  });
});
