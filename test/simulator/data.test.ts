/**
 * Generated data: deterministic per seed, exact sizes, fast for 10,000 people, internally
 * consistent (managers, departments, pay arithmetic), provider field coverage that matches
 * what GET /providers declares, and sandbox edits that appear after a sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoster } from '@simulator/data/roster';
import { generateCompany } from '@simulator/data/company';
import type { TestSimulator } from './helpers/test-simulator';
import { employeesOnly, startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;

beforeAll(async () => {
  t = await startTestSimulator();
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

type Row = Record<string, any>;

async function directory(token: string): Promise<Row[]> {
  return (await t.call('GET', '/employer/directory?limit=10000', { token })).body.individuals;
}

describe('determinism and size', () => {
  it('the same seed gives the same companies; another seed does not', async () => {
    const other = await startTestSimulator({ seed: 7 });
    const different = await startTestSimulator({ seed: 8 });
    try {
      const a = await t.sandboxConnection({ employee_size: 15 });
      const b = await other.sandboxConnection({ employee_size: 15 });
      const c = await different.sandboxConnection({ employee_size: 15 });
      const companyA = (await t.call('GET', '/employer/company', { token: a.access_token })).body;
      const companyB = (await other.call('GET', '/employer/company', { token: b.access_token })).body;
      const companyC = (await different.call('GET', '/employer/company', { token: c.access_token })).body;
      expect(companyB).toEqual(companyA);
      expect(companyC.legal_name === companyA.legal_name && companyC.ein === companyA.ein).toBe(false);
      const peopleA = await directory(a.access_token);
      const peopleB = (await other.call('GET', '/employer/directory', { token: b.access_token })).body.individuals;
      expect(peopleB).toEqual(peopleA);
      expect(other.recorder.failures).toEqual([]);
      expect(different.recorder.failures).toEqual([]);
    } finally {
      await other.close();
      await different.close();
    }
  });

  it('directories have exactly employee_size people with unique ids', async () => {
    for (const size of [1, 7, 100, 101, 1234]) {
      const c = await t.sandboxConnection({ employee_size: size });
      const people = await directory(c.access_token);
      expect(people).toHaveLength(size);
      expect(new Set(people.map((p) => p.id)).size).toBe(size);
    }
  });

  it('generates a 10,000-person roster with unique ids (bench/simulator measures its speed)', () => {
    const started = performance.now();
    const company = generateCompany(99, 0, '00000000-0000-4000-8000-000000000000', 10_000);
    const roster = buildRoster(company, 10_000, Date.parse('2026-06-15T00:00:00Z'));
    const elapsed = performance.now() - started;
    expect(roster).toHaveLength(10_000);
    expect(new Set(roster.map((p) => p.id)).size).toBe(10_000);
    expect(elapsed).toBeLessThan(10_000); // only catches a runaway; the bench holds the speed goal
  });
});

describe('consistency', () => {
  it('managers and departments point at real people and departments; work emails use the company domain', async () => {
    const c = await t.sandboxConnection({ employee_size: 200 });
    const company = (await t.call('GET', '/employer/company', { token: c.access_token })).body;
    const people = await directory(c.access_token);
    const ids = new Set(people.map((p) => p.id));
    const departments = new Set(company.departments.map((d: Row) => d.name));
    expect(people.filter((p) => p.manager === null)).toHaveLength(1);
    for (const p of people) {
      if (p.manager) expect(ids.has(p.manager.id)).toBe(true);
      expect(departments.has(p.department.name)).toBe(true);
    }
    const sample = people.slice(0, 20).map((p) => ({ individual_id: p.id }));
    const individuals = (await t.call('POST', '/employer/individual', { token: c.access_token, body: { requests: sample } })).body
      .responses;
    const domain = String(company.primary_email).split('@')[1];
    for (const r of individuals) expect(r.body.emails.find((e: Row) => e.type === 'work').data.endsWith(`@${domain}`)).toBe(true);
  });

  it('pay statements add up and payments total their statements', async () => {
    const c = await t.sandboxConnection({ employee_size: 40 });
    const payments: Row[] = (await t.call('GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01', { token: c.access_token }))
      .body;
    expect(payments.length).toBeGreaterThan(20);
    const latest = payments[0] as Row;
    const oldest = payments[payments.length - 1] as Row;
    expect(Date.parse(latest.pay_date) - Date.parse(oldest.pay_date)).toBeLessThanOrEqual(366 * 86_400_000);
    const sampled = [payments[0], payments[3], payments[payments.length - 1]] as Row[];
    const batch = (
      await t.call('POST', '/employer/pay-statement', {
        token: c.access_token,
        body: { requests: sampled.map((p) => ({ payment_id: p.id, limit: 5000 })) },
      })
    ).body.responses;
    batch.forEach((response: Row, i: number) => {
      const payment = sampled[i] as Row;
      const statements: Row[] = response.body.pay_statements;
      expect(statements.map((s) => s.individual_id)).toEqual(payment.individual_ids);
      let gross = 0;
      let net = 0;
      for (const s of statements) {
        const earned = s.earnings.reduce((sum: number, e: Row) => sum + e.amount, 0);
        const employeeTaxes = s.taxes.filter((x: Row) => !x.employer).reduce((sum: number, x: Row) => sum + x.amount, 0);
        const deducted = s.employee_deductions.reduce((sum: number, x: Row) => sum + x.amount, 0);
        expect(s.gross_pay.amount).toBe(earned);
        expect(s.net_pay.amount).toBe(earned - employeeTaxes - deducted);
        gross += s.gross_pay.amount;
        net += s.net_pay.amount;
      }
      expect(payment.gross_pay.amount).toBe(gross);
      expect(payment.net_pay.amount).toBe(net);
    });
  });

  it('above 100 employees there is one pay period per pay group (as in Finch Sandbox)', async () => {
    const c = await t.sandboxConnection({ employee_size: 150 });
    const payments: Row[] = (await t.call('GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01', { token: c.access_token }))
      .body;
    const groups = payments.map((p) => p.pay_group_ids[0]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(payments.length).toBeLessThanOrEqual(3);
  });
});

describe('provider profiles', () => {
  it('null exactly the fields GET /providers declares unsupported, and 501 products a provider lacks', async () => {
    const providers: Row[] = (await t.call('GET', '/providers')).body;
    for (const id of ['gusto', 'bamboo_hr', 'adp_run', 'paychex_flex', 'rippling', 'justworks', 'finch'])
      expect(providers.map((p) => p.id)).toContain(id);
    let checkedNulls = 0;
    for (const provider of providers) {
      const method = provider.authentication_methods.find((m: Row) => m.type !== 'assisted') ?? provider.authentication_methods[0];
      // Ask for payroll products even where the provider has none: Finch answers 501 then.
      const products = [...new Set([...provider.products, 'payment', 'pay_statement'])];
      const c = await t.sandboxConnection(
        { provider_id: provider.id, employee_size: 12, authentication_type: method.type, products },
        `app-${provider.id}`,
      );
      const token = c.access_token;
      if (method.type === 'assisted') {
        await t.call('PUT', '/sandbox/connections/accounts', { token, body: { connection_status: 'connected' } });
      }
      const fields: Row = method.supported_fields;
      const records: Record<string, Row[]> = {};
      records['company'] = [(await t.call('GET', '/employer/company', { token })).body];
      const people = await directory(token);
      records['directory'] = people;
      const requests = people.map((p) => ({ individual_id: p.id }));
      records['individual'] = (await t.call('POST', '/employer/individual', { token, body: { requests } })).body.responses.map(
        (r: Row) => r.body,
      );
      records['employment'] = (await t.call('POST', '/employer/employment', { token, body: { requests } })).body.responses.map(
        (r: Row) => r.body,
      );
      const payments = await t.call('GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01', { token });
      if (!provider.products.includes('payment')) {
        expect(payments.status, provider.id).toBe(501);
        expect(payments.body.name).toBe('not_implemented_error');
        continue;
      }
      records['payment'] = payments.body;
      const first = payments.body[0] as Row;
      records['pay_statement'] = (
        await t.call('POST', '/employer/pay-statement', { token, body: { requests: [{ payment_id: first.id }] } })
      ).body.responses[0].body.pay_statements;

      const prefixes: Record<string, string[]> = {
        company: ['company'],
        directory: ['directory', 'individuals'],
        individual: ['individual'],
        employment: ['employment'],
        payment: ['payment'],
        pay_statement: ['pay_statement', 'pay_statements'],
      };
      for (const [kind, path] of Object.entries(prefixes)) {
        let flags: Row = fields;
        for (const key of path) flags = flags[key];
        for (const [field, flag] of Object.entries(flags)) {
          const unsupported = flag === false || (typeof flag === 'object' && Object.values(flag as Row).every((v) => v === false));
          const values = (records[kind] ?? []).map((r) => r[field]).filter((v) => v !== undefined);
          if (unsupported) {
            expect(
              values.every((v) => v === null),
              `${provider.id} ${kind}.${field}`,
            ).toBe(true);
            checkedNulls += values.length;
          }
        }
      }
      if (provider.id === 'finch') {
        expect(records['individual']?.some((r) => r.ethnicity !== null)).toBe(true);
        expect(records['pay_statement']?.every((s) => s.total_hours !== null)).toBe(true);
      }
      if (provider.id === 'gusto') expect(records['individual']?.every((r) => r.ethnicity === null)).toBe(true);
    }
    expect(checkedNulls).toBeGreaterThan(50);
  });
});

describe('sandbox edits', () => {
  it('appear in /employer reads after a sync job, not before', async () => {
    const c = await t.sandboxConnection({ employee_size: 6 });
    const token = c.access_token;
    const person = (await directory(token))[2] as Row;
    const edited = await t.call('PUT', `/sandbox/employment/${person.id}`, {
      token,
      body: { title: 'Chief Sandbox Officer', income: { unit: 'yearly', amount: 12_300_000 } },
    });
    expect(edited.body).toMatchObject({
      id: person.id,
      title: 'Chief Sandbox Officer',
      income: { unit: 'yearly', amount: 12_300_000, currency: null, effective_date: null },
    });
    await t.call('PUT', '/sandbox/company', { token, body: { legal_name: 'Edited Widgets LLC' } });
    const read = async (): Promise<[string, string]> => [
      (await t.call('POST', '/employer/employment', { token, body: { requests: [{ individual_id: person.id }] } })).body.responses[0].body
        .title,
      (await t.call('GET', '/employer/company', { token })).body.legal_name,
    ];
    const [titleBefore, nameBefore] = await read();
    expect(titleBefore).not.toBe('Chief Sandbox Officer');
    expect(nameBefore).not.toBe('Edited Widgets LLC');
    await t.call('POST', '/sandbox/jobs', { token, body: { type: 'data_sync_all' } });
    t.sim.clock.advance(10_000);
    expect(await read()).toEqual(['Chief Sandbox Officer', 'Edited Widgets LLC']);
  });

  it('reject invalid values with a 400 naming the field', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const person = (await directory(c.access_token))[0] as Row;
    const result = await t.call('PUT', `/sandbox/individual/${person.id}`, { token: c.access_token, body: { gender: 'robot' } });
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/gender/);
  });

  it('benefit enrollments take effect when their job completes (Finch: "near-real-time" writes, followed by a job)', async () => {
    const c = await t.sandboxConnection({ employee_size: 10 });
    const token = c.access_token;
    const people = await directory(token);
    const benefit = (
      await t.call('POST', '/employer/benefits', { token, body: { type: 'commuter', frequency: 'monthly', description: 'Transit' } })
    ).body;
    const target = (
      await employeesOnly(
        t,
        token,
        people.map((p) => String((p as Row).id)),
      )
    )[0];
    await t.call('POST', `/employer/benefits/${benefit.benefit_id}/individuals`, {
      token,
      body: [{ individual_id: target, configuration: { employee_deduction: { type: 'fixed', amount: 12_000 } } }],
    });
    expect((await t.call('GET', `/employer/benefits/${benefit.benefit_id}/enrolled`, { token })).body.individual_ids).toEqual([]);
    t.sim.clock.advance(5_000);
    expect((await t.call('GET', `/employer/benefits/${benefit.benefit_id}/enrolled`, { token })).body.individual_ids).toEqual([target]);
    const detail = (await t.call('GET', `/employer/benefits/${benefit.benefit_id}/individuals?individual_ids=${target}`, { token })).body;
    expect(detail[0]).toMatchObject({ code: 200, body: { employee_deduction: { type: 'fixed', amount: 12_000 } } });
    await t.call('DELETE', `/employer/benefits/${benefit.benefit_id}/individuals`, { token, body: { individual_ids: [target] } });
    t.sim.clock.advance(5_000);
    expect((await t.call('GET', `/employer/benefits/${benefit.benefit_id}/enrolled`, { token })).body.individual_ids).toEqual([]);
  });
});
