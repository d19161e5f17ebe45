/**
 * The next pay run on demand (POST /_simulator/pay-runs and admin.runPayroll), and enrollments
 * made through the API flowing into its pay statements by Finch's rules: percent of gross,
 * fixed cents, tiered match, annual maximum reached, catch-up, bonus (off-cycle) runs,
 * effective dates and unenrollment. Payments and statements are read through the SDK (spec-checked).
 */
import type Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

beforeAll(async () => {
  t = await startTestSimulator();
});

interface Company {
  connectionId: string;
  sdk: Finch;
  token: string;
  employees: string[];
}

async function company(size = 12): Promise<Company> {
  const c = await t.sandboxConnection({
    employee_size: size,
    products: ['company', 'directory', 'individual', 'employment', 'benefits', 'payment', 'pay_statement'],
  });
  const sdk = t.sdk({ accessToken: c.access_token });
  const ids = (await sdk.hris.directory.list({ limit: 100 })).individuals.map((p) => p.id);
  const employment = await sdk.hris.employments.retrieveMany({ requests: ids.map((individual_id) => ({ individual_id })) });
  const employees = employment.responses
    .filter((r) => r.code === 200 && (r.body as any).employment?.type === 'employee' && (r.body as any).is_active)
    .map((r) => r.individual_id);
  return { connectionId: c.connection_id, sdk, token: c.access_token, employees };
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const settle = (): void => {
  t.sim.clock.advance(5_000);
};

async function statementsOf(c: Company, paymentId: string): Promise<Map<string, any>> {
  const page = await c.sdk.hris.payStatements.retrieveMany({ requests: [{ payment_id: paymentId }] });
  const statements = (page.responses[0]?.body as any)?.pay_statements ?? [];
  return new Map(statements.map((s: any) => [s.individual_id, s]));
}

const grossOf = (s: any): number => s.earnings.reduce((sum: number, e: any) => sum + e.amount, 0);

async function payRun(
  c: Company,
  type?: string,
): Promise<{ payment_id: string; pay_date: string; type: string; individual_ids: string[] }> {
  const result = await t.admin('POST', '/_simulator/pay-runs', { connection_id: c.connectionId, ...(type ? { type } : {}) });
  expect(result.status, result.text).toBe(201);
  return result.body;
}

describe('POST /_simulator/pay-runs', () => {
  it('is listed by GET /_simulator and refuses a bad request', async () => {
    const list = await t.admin('GET', '/_simulator');
    expect(list.body.endpoints.some((e: string) => e.startsWith('POST   /_simulator/pay-runs'))).toBe(true);
    expect((await t.admin('POST', '/_simulator/pay-runs', {})).status).toBe(400);
    expect((await t.admin('POST', '/_simulator/pay-runs', { connection_id: 'nope' })).status).toBe(404);
    const c = await company(3);
    const wrongType = await t.admin('POST', '/_simulator/pay-runs', { connection_id: c.connectionId, type: 'weekly' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/regular_payroll, off_cycle_payroll/);
  });

  it('pays everyone employed on the next regular pay date after the latest payment, moving the clock there', async () => {
    const c = await company();
    const groups = await all(c.sdk.payroll.payGroups.list());
    expect(groups.length).toBeGreaterThan(0);
    const history = await all(c.sdk.hris.payments.list({ start_date: '2020-01-01', end_date: '2030-12-31' }));
    const latest = history
      .map((p) => p.pay_date!)
      .sort()
      .pop()!;
    const run = await payRun(c);
    expect(run.type).toBe('regular_payroll');
    expect(run.pay_date > latest).toBe(true);
    expect(new Date(t.sim.clock.now()).toISOString().slice(0, 10) >= run.pay_date).toBe(true);
    const payments = await all(c.sdk.hris.payments.list({ start_date: run.pay_date, end_date: run.pay_date }));
    const payment = payments.find((p) => p.id === run.payment_id);
    expect(payment?.individual_ids?.sort()).toEqual([...run.individual_ids].sort());
    for (const id of c.employees) expect(run.individual_ids).toContain(id);

    // The next run comes after this one.
    const second = t.sim.admin.runPayroll(c.connectionId);
    expect(second.payDate > run.pay_date).toBe(true);
    expect(second.type).toBe('regular_payroll');
    expect(second.individualIds.length).toBe(run.individual_ids.length);
  });
});

describe('enrollments on the pay run’s statements', () => {
  it('percent of gross, fixed cents and a tiered match, named after the benefit’s current description', async () => {
    const c = await company();
    const [a, b] = c.employees;
    const { benefit_id, job_id } = await c.sdk.hris.benefits.create({ type: '401k', description: 'Acme 401(k)' });
    await c.sdk.hris.benefits.individuals.enrollMany(benefit_id, {
      individuals: [
        {
          individual_id: a,
          configuration: {
            employee_deduction: { type: 'percent', amount: 600 },
            company_contribution: {
              type: 'tiered',
              tiers: [
                { match: 10_000, threshold: 300 },
                { match: 5_000, threshold: 500 },
              ],
            },
          },
        },
        {
          individual_id: b,
          configuration: { employee_deduction: { type: 'fixed', amount: 12_345 }, company_contribution: { type: 'percent', amount: 250 } },
        },
      ],
    });
    expect(job_id).toBeTruthy();
    settle();
    await c.sdk.hris.benefits.update(benefit_id, { description: 'Acme Retirement Plan' });
    const run = await payRun(c);
    const statements = await statementsOf(c, run.payment_id);
    const sa = statements.get(a!);
    const gross = grossOf(sa);
    expect(sa.employee_deductions).toContainEqual({
      name: 'Acme Retirement Plan',
      amount: Math.round((gross * 600) / 10_000),
      currency: 'usd',
      pre_tax: true,
      type: '401k',
    });
    // 100% of the first 3% + 50% of the next 2% of a 6% deferral = 4% of gross.
    expect(sa.employer_contributions).toContainEqual({
      name: 'Acme Retirement Plan',
      amount: Math.round((gross * 400) / 10_000),
      currency: 'usd',
      type: '401k',
    });
    const sb = statements.get(b!);
    expect(sb.employee_deductions).toContainEqual(expect.objectContaining({ name: 'Acme Retirement Plan', amount: 12_345, pre_tax: true }));
    expect(sb.employer_contributions).toContainEqual(
      expect.objectContaining({ name: 'Acme Retirement Plan', amount: Math.round((grossOf(sb) * 250) / 10_000) }),
    );
  });

  it('an enrollment counts only once its job completed and from its effective date; unenrolled people stop appearing', async () => {
    const c = await company();
    const [a, b, d] = c.employees;
    const { benefit_id } = await c.sdk.hris.benefits.create({ type: 's125_dental', description: 'Dental Plus' });
    const fixed = { employee_deduction: { type: 'fixed' as const, amount: 2_500 } };
    await c.sdk.hris.benefits.individuals.enrollMany(benefit_id, {
      individuals: [
        { individual_id: a, configuration: fixed },
        { individual_id: b, configuration: { ...fixed, effective_date: '2099-01-01' } },
      ],
    });
    settle();
    const first = await statementsOf(c, (await payRun(c)).payment_id);
    const dental = (id: string | undefined, s: Map<string, any>) =>
      s.get(id!).employee_deductions.filter((l: any) => l.name === 'Dental Plus');
    expect(dental(a, first)).toEqual([{ name: 'Dental Plus', amount: 2_500, currency: 'usd', pre_tax: true, type: 's125_dental' }]);
    expect(dental(b, first)).toEqual([]);

    // A job still pending when the run is made does not count; an unenroll job that completed does.
    await c.sdk.hris.benefits.individuals.unenrollMany(benefit_id, { individual_ids: [a!] });
    settle();
    await t.admin('POST', '/_simulator/faults', { kind: 'manual_job_pending', connection_id: c.connectionId });
    await c.sdk.hris.benefits.individuals.enrollMany(benefit_id, { individuals: [{ individual_id: d, configuration: fixed }] });
    const second = await statementsOf(c, (await payRun(c)).payment_id);
    expect(dental(a, second)).toEqual([]);
    expect(dental(d, second)).toEqual([]);
    await t.admin('DELETE', '/_simulator/faults');
  });

  it('stops the deduction at the annual maximum (the line is left off once reached); catch-up adds 7,500 USD at 50+', async () => {
    const c = await company(40);
    const dobs = await c.sdk.hris.individuals.retrieveMany({ requests: c.employees.map((individual_id) => ({ individual_id })) });
    const year = new Date(t.sim.clock.now()).getUTCFullYear();
    const ageOf = (id: string) =>
      year - Number(((dobs.responses.find((r) => r.individual_id === id)?.body as any)?.dob ?? '3000').slice(0, 4));
    const young = c.employees.find((id) => ageOf(id) < 50)!;
    const older = c.employees.find((id) => ageOf(id) >= 50)!;
    expect(young && older).toBeTruthy();
    const { benefit_id } = await c.sdk.hris.benefits.create({ type: '403b', description: 'Capped 403(b)' });
    const config = { employee_deduction: { type: 'fixed' as const, amount: 10_000 }, annual_maximum: 15_000, catch_up: true };
    await c.sdk.hris.benefits.individuals.enrollMany(benefit_id, {
      individuals: [
        { individual_id: young, configuration: config },
        { individual_id: older, configuration: config },
      ],
    });
    settle();
    const amounts: Array<[number | undefined, number | undefined]> = [];
    for (let i = 0; i < 3; i++) {
      const run = await payRun(c);
      // Stay in one calendar year: the cap is per year of the pay date.
      if (run.pay_date.slice(0, 4) !== String(year)) break;
      const s = await statementsOf(c, run.payment_id);
      const line = (id: string) => s.get(id).employee_deductions.find((l: any) => l.name === 'Capped 403(b)')?.amount;
      amounts.push([line(young), line(older)]);
    }
    expect(amounts.slice(0, 3)).toEqual([
      [10_000, 10_000],
      [5_000, 10_000],
      [undefined, 10_000],
    ]);
  });

  it('an off-cycle run deducts only retirement benefits with a percent deduction', async () => {
    const c = await company();
    const [a] = c.employees;
    const retirement = await c.sdk.hris.benefits.create({ type: '401k', description: 'Bonus 401(k)' });
    const fixedRetirement = await c.sdk.hris.benefits.create({ type: '401k_roth', description: 'Fixed Roth' });
    const medical = await c.sdk.hris.benefits.create({ type: 'hsa_pre', description: 'Bonus HSA' });
    const enroll = (id: string, deduction: { type: 'fixed' | 'percent'; amount: number }) =>
      c.sdk.hris.benefits.individuals.enrollMany(id, {
        individuals: [
          { individual_id: a, configuration: { employee_deduction: deduction, company_contribution: { type: 'fixed', amount: 1_000 } } },
        ],
      });
    await enroll(retirement.benefit_id, { type: 'percent', amount: 1_000 });
    await enroll(fixedRetirement.benefit_id, { type: 'fixed', amount: 3_000 });
    await enroll(medical.benefit_id, { type: 'fixed', amount: 4_000 });
    settle();
    const run = await payRun(c, 'off_cycle_payroll');
    expect(run.type).toBe('off_cycle_payroll');
    const s = (await statementsOf(c, run.payment_id)).get(a!);
    expect(s.type).toBe('off_cycle_payroll');
    const names = (lines: any[]) => lines.map((l) => l.name).filter((n) => ['Bonus 401(k)', 'Fixed Roth', 'Bonus HSA'].includes(n));
    expect(names(s.employee_deductions)).toEqual(['Bonus 401(k)']);
    expect(names(s.employer_contributions)).toEqual(['Bonus 401(k)']);
    expect(s.employee_deductions.find((l: any) => l.name === 'Bonus 401(k)').amount).toBe(Math.round((grossOf(s) * 1_000) / 10_000));
  });
});
