/**
 * Every operation in Finch's OpenAPI spec is routed by the simulator, answers with a success
 * status the spec declares, and its body validates against that status's schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINCH_ROUTES } from '@simulator/routes/index';
import { SPEC_OPERATIONS, findOperation, validateResponse } from './helpers/spec-validator';
import type { TestSimulator } from './helpers/test-simulator';
import { CLIENT_ID, CLIENT_SECRET, startTestSimulator } from './helpers/test-simulator';

const BASIC = [CLIENT_ID, CLIENT_SECRET] as const;
const ALL_PRODUCTS = [
  'company',
  'directory',
  'individual',
  'ssn',
  'employment',
  'payment',
  'pay_statement',
  'benefits',
  'documents',
  'plans',
  'plans_enrollments',
  'plans_dependents',
];

interface Step {
  operationId: string;
  method: string;
  path: string;
  auth?: 'bearer' | 'basic' | 'none';
  token?: string;
  body?: unknown;
}

let t: TestSimulator;
const covered = new Map<string, number>();

beforeAll(async () => {
  t = await startTestSimulator();
});

afterAll(async () => {
  await t.close();
});

describe('route table', () => {
  it('implements exactly the spec operations, at the spec paths and methods', () => {
    const spec = SPEC_OPERATIONS.map((o) => `${o.operationId} ${o.method} ${o.path}`).sort();
    const routes = FINCH_ROUTES.map((r) => `${r.operationId} ${r.method} ${r.path}`).sort();
    expect(spec).toHaveLength(55);
    expect(routes).toEqual(spec);
  });

  it('requires the auth each operation declares', () => {
    for (const route of FINCH_ROUTES) {
      const op = SPEC_OPERATIONS.find((o) => o.operationId === route.operationId);
      expect(route.auth, route.operationId).toBe(op?.security);
    }
  });
});

describe('every operation answers with a valid success response', () => {
  async function run(step: Step): Promise<any> {
    const op = findOperation(step.method, step.path.split('?')[0] ?? '');
    expect(op?.operationId, `${step.method} ${step.path}`).toBe(step.operationId);
    const result = await t.call(step.method, step.path, {
      token: step.auth === 'basic' || step.auth === 'none' ? undefined : step.token,
      basic: step.auth === 'basic' ? BASIC : undefined,
      body: step.body,
    });
    const declared = Object.keys(op?.responses ?? {});
    expect(result.status, `${step.operationId}: ${result.text}`).toBeGreaterThanOrEqual(200);
    expect(result.status, `${step.operationId}: ${result.text}`).toBeLessThan(300);
    expect(declared, step.operationId).toContain(String(result.status));
    const outcome = validateResponse(step.method, step.path.split('?')[0] ?? '', result.status, result.body);
    expect(outcome.errors, step.operationId).toBe('');
    covered.set(step.operationId, (covered.get(step.operationId) ?? 0) + 1);
    return result.body;
  }

  it('covers all 55 operations', async () => {
    const a = await run({
      operationId: 'post-sandbox-connections',
      method: 'POST',
      path: '/sandbox/connections',
      auth: 'basic',
      body: { provider_id: 'finch', employee_size: 40, products: ALL_PRODUCTS, authentication_type: 'credential' },
    });
    const token: string = a.access_token;
    const bearer = (operationId: string, method: string, path: string, body?: unknown): Promise<any> =>
      run({ operationId, method, path, token, body });

    await run({ operationId: 'get-providers', method: 'GET', path: '/providers', auth: 'none' });
    const session = await run({
      operationId: 'post-connect-sessions',
      method: 'POST',
      path: '/connect/sessions',
      auth: 'basic',
      body: { customer_id: 'cust-ops', customer_name: 'Ops Test Co', products: ['company', 'directory'] },
    });
    const completed = await t.completeConnect(session.session_id);
    expect(completed.status).toBe(200);
    await run({
      operationId: 'create-access-token',
      method: 'POST',
      path: '/auth/token',
      auth: 'none',
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: completed.body.code },
    });
    await run({
      operationId: 'post-connect-sessions-reauthenticate',
      method: 'POST',
      path: '/connect/sessions/reauthenticate',
      auth: 'basic',
      body: { connection_id: a.connection_id },
    });
    await bearer('get-introspect', 'GET', '/introspect');
    await bearer('get-company', 'GET', '/employer/company');
    const directory = await bearer('get-directory', 'GET', '/employer/directory?limit=10');
    const person: string = directory.individuals[1].id;
    await bearer('get-individual', 'POST', '/employer/individual', { requests: [{ individual_id: person }] });
    await bearer('get-employment', 'POST', '/employer/employment', { requests: [{ individual_id: person }] });
    const payments = await bearer('get-payment', 'GET', '/employer/payment?start_date=2000-01-01&end_date=2100-01-01');
    const paymentId: string = payments[0].id;
    await bearer('get-pay-statement', 'POST', '/employer/pay-statement', { requests: [{ payment_id: paymentId }] });
    await bearer('get-pay-statement-item', 'GET', '/employer/pay-statement-item?categories=earnings,taxes');
    const rule = await bearer('create-rule', 'POST', '/employer/pay-statement-item/rule', {
      conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }],
      attributes: { metadata: { gl_code: '6000' } },
      entity_type: 'pay_statement_item',
    });
    await bearer('get-rules', 'GET', '/employer/pay-statement-item/rule');
    await bearer('update-rule', 'PUT', `/employer/pay-statement-item/rule/${rule.id}`, { attributes: { metadata: { gl_code: '6001' } } });
    await bearer('delete-rule', 'DELETE', `/employer/pay-statement-item/rule/${rule.id}`);
    const groups = await bearer('get-all-pay-groups', 'GET', '/employer/pay-groups');
    await bearer('get-pay-group', 'GET', `/employer/pay-groups/${groups[0].id}`);
    const benefits = await bearer('get-company-benefits', 'GET', '/employer/benefits');
    const benefitId: string = benefits[0].benefit_id;
    const created = await bearer('create-company-benefits', 'POST', '/employer/benefits', {
      type: 'hsa_pre',
      frequency: 'every_paycheck',
      description: 'HSA (new)',
    });
    await bearer('register-company-benefits', 'POST', '/employer/benefits/register', { type: 'commuter', frequency: 'monthly' });
    await bearer('get-company-benefits-meta', 'GET', '/employer/benefits/meta');
    await bearer('get-company-benefit', 'GET', `/employer/benefits/${benefitId}`);
    await bearer('update-company-benefits', 'POST', `/employer/benefits/${benefitId}`, { description: 'Renamed benefit' });
    await bearer('get-company-benefits-enrolled', 'GET', `/employer/benefits/${benefitId}/enrolled`);
    await bearer('get-individual-benefits', 'GET', `/employer/benefits/${benefitId}/individuals?individual_ids=${person}`);
    await bearer('post-employer-individual-benefits-benefit_id', 'POST', `/employer/benefits/${benefitId}/individuals`, [
      { individual_id: person, configuration: { employee_deduction: { type: 'fixed', amount: 5_000 }, annual_maximum: null } },
    ]);
    await bearer('delete-individual-benefits', 'DELETE', `/employer/benefits/${benefitId}/individuals`, { individual_ids: [person] });
    const documents = await bearer('list-documents', 'GET', '/employer/documents?limit=5');
    await bearer('get-document', 'GET', `/employer/documents/${documents.documents[0].id}`);
    await bearer('get-ledger-items', 'POST', '/employer/ledger-items', { requests: [{ payment_id: paymentId }] });
    const plans = await bearer('list-plans', 'GET', '/employer/plans');
    await bearer('get-plan', 'GET', `/employer/plans/${plans.plans[0].id}`);
    const enrollments = await bearer('list-plan-enrollments', 'GET', '/employer/plans-enrollments');
    await bearer('get-plan-enrollments', 'POST', '/employer/plans-enrollments', {
      requests: [{ enrollment_id: enrollments.enrollments[0].id }],
    });
    const dependents = await bearer('list-plan-dependents', 'GET', '/employer/plans-dependents');
    await bearer('get-plan-dependents', 'POST', '/employer/plans-dependents', {
      requests: [{ dependent_id: dependents.dependents[0].dependent_id }],
    });
    const job = await bearer('post-jobs-automated', 'POST', '/jobs/automated', { type: 'data_sync_all' });
    await bearer('get-jobs-automated', 'GET', '/jobs/automated');
    await bearer('get-jobs-job_id', 'GET', `/jobs/automated/${job.job_id}`);
    await bearer('get-jobs-manual-job_id', 'GET', `/jobs/manual/${created.job_id}`);
    await bearer('post-forward', 'POST', '/forward', {
      method: 'GET',
      route: '/v1/employees',
      params: { active: true },
      data: null,
      request_headers: { 'x-custom': '1' },
    });

    const account = await run({
      operationId: 'post-sandbox-connections-accounts',
      method: 'POST',
      path: '/sandbox/connections/accounts',
      auth: 'basic',
      body: { company_id: a.company_id, provider_id: 'gusto', authentication_type: 'oauth' },
    });
    await run({
      operationId: 'put-sandbox-connections-accounts',
      method: 'PUT',
      path: '/sandbox/connections/accounts',
      token: account.access_token,
      body: { connection_status: 'connected' },
    });
    await bearer('put-sandbox-company', 'PUT', '/sandbox/company', { legal_name: 'Renamed Holdings Inc.' });
    const added = await bearer('post-sandbox-directory', 'POST', '/sandbox/directory', [
      { first_name: 'Nadia', last_name: 'Okafor', employment: { type: 'employee', subtype: 'full_time' }, is_active: true },
    ]);
    expect(added[0].id).toMatch(/^[0-9a-f-]{36}$/);
    await bearer('put-sandbox-individual-individual_id', 'PUT', `/sandbox/individual/${person}`, { preferred_name: 'Sam' });
    await bearer('put-sandbox-employment-individual_id', 'PUT', `/sandbox/employment/${person}`, { title: 'Head of Everything' });
    await bearer('post-sandbox-payment', 'POST', '/sandbox/payment', {
      start_date: '2026-01-01',
      end_date: '2026-01-15',
      pay_statements: [{ individual_id: person, earnings: [{ type: 'salary', name: 'Salary', amount: 250_000, hours: 80 }] }],
    });
    await bearer('post-sandbox-job', 'POST', '/sandbox/jobs', { type: 'data_sync_all' });
    await bearer('get-sandbox-jobs-configuration', 'GET', '/sandbox/jobs/configuration');
    await bearer('put-sandbox-jobs-configuration', 'PUT', '/sandbox/jobs/configuration', {
      type: 'data_sync_all',
      completion_status: 'complete',
    });

    const multiEntity = await t.sandboxConnection({ employee_size: 300 });
    const entities = (await t.call('GET', '/introspect', { token: multiEntity.access_token })).body.entities;
    expect(entities.length).toBe(2);
    await run({
      operationId: 'post-disconnect-entity',
      method: 'POST',
      path: '/disconnect-entity',
      token: multiEntity.access_token,
      body: { entity_ids: [entities[1].id] },
    });
    await run({ operationId: 'post-disconnect', method: 'POST', path: '/disconnect', token: multiEntity.access_token });

    expect([...covered.keys()].sort()).toEqual(SPEC_OPERATIONS.map((o) => o.operationId).sort());
  });

  it('saw only spec-valid responses, each with a Finch-Request-ID', () => {
    expect(t.recorder.validated).toBeGreaterThanOrEqual(55);
    expect(t.recorder.failures).toEqual([]);
  });
});
