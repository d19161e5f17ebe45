/**
 * Field coverage on the simulator: the shares the service reports are the shares of non-null
 * values in the raw JSON the simulator actually sent, computed here independently (plain
 * fetch, a plain path walk), and the provider's `supported_fields` sit beside them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { FIELD_CATALOG } from '@shared/domain/field-catalog';
import type { CatalogProduct } from '@shared/domain/coverage';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('coverage');
});
afterAll(() => core.close());

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Raw JSON straight from the simulator, not through the SDK or the app. */
async function raw(connectionId: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const target = core.connections.target('local', connectionId);
  const response = await fetch(`${target.baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.accessToken}`, 'finch-api-version': '2020-09-17', 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Every value a record holds at a catalog path (`a[].b` fans out over items); missing → nothing. */
function valuesAt(value: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) return [value];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const [head, ...rest] = parts as [string, ...string[]];
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  if (!(key in (value as Record<string, unknown>))) return [];
  const child = (value as Record<string, unknown>)[key];
  if (!isArray) return valuesAt(child, rest);
  return Array.isArray(child) ? child.flatMap((item) => valuesAt(item, rest)) : [];
}

const expectedShare = (records: unknown[], path: string) =>
  records.filter((r) => valuesAt(r, path.split('.')).some((v) => v !== null && v !== undefined)).length / records.length;

describe('field coverage', () => {
  it('reports, per field, exactly the share of non-null values the simulator sent, beside /providers', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'adp_run', employeeSize: 40, customerName: 'Coverage Co' });
    const now = core.simulator!.clock.now();
    const range = { startDate: day(now - 60 * 86_400_000), endDate: day(now) };
    const run = await core.coverage.run('local', { connectionId: c.id, operationId: 'cov-1', ...range });

    // The same reads, raw.
    const company = await raw(c.id, 'GET', '/employer/company');
    const directory = ((await raw(c.id, 'GET', '/employer/directory?limit=10000')) as { individuals: { id: string }[] }).individuals;
    const requests = directory.map((p) => ({ individual_id: p.id }));
    const bodies = async (path: string, extra: object = {}) =>
      ((await raw(c.id, 'POST', path, { requests, ...extra })) as { responses: { code: number; body: unknown }[] }).responses
        .filter((r) => r.code === 200)
        .map((r) => r.body);
    const individuals = await bodies('/employer/individual', { options: { include: ['ssn'] } });
    const employments = await bodies('/employer/employment');
    const payments = (await raw(c.id, 'GET', `/employer/payment?start_date=${range.startDate}&end_date=${range.endDate}`)) as {
      id: string;
    }[];
    expect(payments.length).toBeGreaterThan(0);
    const statements: unknown[] = [];
    for (let i = 0; i < payments.length; i += 10) {
      const requests = payments.slice(i, i + 10).map((p) => ({ payment_id: p.id, limit: 5000 }));
      const answer = (await raw(c.id, 'POST', '/employer/pay-statement', { requests })) as {
        responses: { body: { pay_statements: unknown[] } }[];
      };
      statements.push(...answer.responses.flatMap((r) => r.body.pay_statements));
    }
    const rawRecords: Record<CatalogProduct, unknown[]> = {
      company: [company],
      directory,
      individual: individuals,
      employment: employments,
      payment: payments,
      pay_statement: statements,
    };

    let fieldsChecked = 0;
    let partlyNull = 0;
    for (const product of run.products) {
      expect(product.status, product.product).toBe('ok');
      const records = rawRecords[product.product];
      expect(product.records, product.product).toBe(records.length);
      expect(product.fields.map((f) => f.path)).toEqual(FIELD_CATALOG[product.product].map((f) => f.path));
      for (const field of product.fields) {
        expect(field.share, `${product.product}.${field.path}`).toBeCloseTo(expectedShare(records, field.path), 10);
        expect(field.values + field.empty + field.nulls + field.absent).toBe(records.length);
        fieldsChecked += 1;
        if (field.share !== null && field.share > 0 && field.share < 1) partlyNull += 1;
      }
    }
    expect(fieldsChecked).toBeGreaterThan(150);
    // Real data is ragged: some fields are null for some people only (middle names, end dates…).
    expect(partlyNull).toBeGreaterThan(3);

    // ADP RUN declares these unsupported in GET /providers, and the simulator nulls them.
    const field = (product: CatalogProduct, path: string) =>
      run.products.find((p) => p.product === product)!.fields.find((f) => f.path === path)!;
    expect(run.providerClaims).toBe('found');
    for (const [product, path] of [
      ['individual', 'preferred_name'],
      ['individual', 'ethnicity'],
      ['employment', 'manager'],
      ['directory', 'manager'],
      ['payment', 'pay_group_ids'],
    ] as const) {
      expect(field(product, path)).toMatchObject({ supported: false, share: 0, nulls: rawRecords[product].length });
    }
    expect(field('company', 'accounts').supported).toBe(false);
    expect(field('individual', 'first_name')).toMatchObject({ supported: true, share: 1 });

    // Stored, with the request ids the readiness report cites.
    const evidence = core.coverage.coverageRuns('local');
    expect(evidence[0]).toMatchObject({ connectionId: c.id, providerId: 'adp_run' });
    expect(evidence[0]!.requestIds.length).toBeGreaterThanOrEqual(7);
    expect(evidence[0]!.nullFieldsSeen).toEqual(expect.arrayContaining(['individual.preferred_name', 'payment.pay_group_ids']));
    for (const id of evidence[0]!.requestIds) expect(core.requestLog.findByRequestId(id).length).toBe(1);
    expect(core.coverage.runs('local')[0]!.id).toBe(run.id);
  }, 30_000);

  it('a provider without payroll: payment and pay statements say not implemented (501), the rest is measured', async () => {
    const c = await core.connections.createSandbox('local', {
      providerId: 'bamboo_hr',
      employeeSize: 5,
      products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'],
    });
    const now = core.simulator!.clock.now();
    const run = await core.coverage.run('local', {
      connectionId: c.id,
      operationId: 'cov-2',
      startDate: day(now - 30 * 86_400_000),
      endDate: day(now),
    });
    const status = Object.fromEntries(run.products.map((p) => [p.product, p.status]));
    expect(status).toMatchObject({ company: 'ok', directory: 'ok', individual: 'ok', employment: 'ok', payment: 'not_implemented' });
    expect(status['pay_statement']).not.toBe('ok');
    expect(run.products.find((p) => p.product === 'payment')).toMatchObject({ providerOffers: false, records: 0 });
    expect(run.products.find((p) => p.product === 'payment')!.fields[0]!.share).toBeNull();
  }, 30_000);
});
