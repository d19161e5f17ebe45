/**
 * The explorer's main-side reads against the embedded simulator: raw JSON with request ids,
 * 202 reported as accepted (assisted connection), per-item batch codes, payments by date
 * range, pay statements past Finch's default page, jobs with the once-an-hour rule, and the
 * forward console on a provider it can reach vs an assisted connection it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { WorkbenchError } from '@main/platform/errors';
import { DateRangeSchema, ForwardInputSchema } from '@shared/domain/explorer';

let core: WorkbenchCore;
const ENV = 'local';
beforeAll(async () => {
  core = await startTestCore('explorer-reads');
});
afterAll(() => core.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as WorkbenchError,
  );
const attemptsTo = (connectionId: string, path: string) =>
  core.requestLog.search({ environmentId: ENV, connectionId, limit: 200 }).filter((e) => e.path.startsWith(path));

describe('202 from an assisted connection', () => {
  it('reports accepted with Finch’s code on every kind of read, and what to watch', async () => {
    const c = await core.connections.createSandbox(ENV, {
      providerId: 'finch',
      authenticationType: 'assisted',
      customerName: 'Assisted Co',
    });
    const company = await core.explorer.company(ENV, c.id);
    expect(company.status).toBe(202);
    expect(company.accepted).toMatchObject({ code: 'pending' });
    expect(company.accepted!.message).toMatch(/assisted connection/);
    expect(company.requestIds).toHaveLength(1);

    const directory = await core.explorer.directory(ENV, c.id);
    expect(directory).toMatchObject({ people: [], accepted: { code: 'pending' }, pages: 1 });

    const people = await core.explorer.people(ENV, c.id, 'individual', undefined);
    expect(people.accepted).toMatchObject({ code: 'pending' });
    expect(people.rows).toEqual([]);

    const batch = await core.explorer.people(ENV, c.id, 'employment', ['a', 'b']);
    expect(batch.rows.map((r) => r.code)).toEqual([202, 202]);
    expect(batch.accepted).toMatchObject({ code: 'pending' });

    const payments = await core.explorer.payments(ENV, c.id, '2020-01-01', '2030-01-01');
    expect(payments.accepted).toMatchObject({ code: 'pending' });

    const context = await core.explorer.pendingContext(ENV, c.id);
    expect(context.connectionStatus).toBe('pending');
    expect(context.requestIds.length).toBeGreaterThanOrEqual(1);
  });
});

describe('organisation reads', () => {
  it('company and directory come with their request ids; the directory reads every page', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'bamboo_hr', employeeSize: 1_200 });
    const company = await core.explorer.company(ENV, c.id);
    expect(company.status).toBe(200);
    expect(company.accepted).toBeNull();
    // BambooHR does not supply an EIN: Finch's null is kept, not dropped or turned into "".
    expect(company.data).toHaveProperty('ein', null);
    // Streamed (someone waits for rows): a small first page, then the rest in one large page.
    const directory = await core.explorer.directory(ENV, c.id, undefined, { onRows: () => {} });
    expect(directory.people).toHaveLength(1_200);
    expect(directory.pages).toBe(2);
    expect(new Set(directory.requestIds).size).toBe(2);
    // Read whole (no one paints it): one call, since Finch counts calls, not people.
    expect((await core.explorer.directory(ENV, c.id)).pages).toBe(1);
  });

  it('the directory runs as an operation: progress per page, and Cancel stops it between pages', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 2_000 });
    const seen: { operationId: string; pages: number; state: string }[] = [];
    core.events.addSink((channel, payload) => {
      if (channel !== 'explorer:progress') return;
      const p = payload as { operationId: string; pages: number; state: string };
      seen.push(p);
    });
    const streamed = { onRows: () => {} };
    const done = await core.operations.start('Directory', (op) => core.explorer.directory(ENV, c.id, op, streamed), 'dir-full');
    expect(done.people).toHaveLength(2_000);
    await new Promise((r) => setTimeout(r, 150)); // progress events are batched
    expect(seen.filter((p) => p.operationId === 'dir-full').at(-1)).toMatchObject({ state: 'done', pages: 2 });

    // Cancelled as the first page arrives: the pull stops there instead of reading the rest.
    const cancelled = await failure(
      core.operations.start(
        'Directory',
        async (op) => {
          const original = op.advance.bind(op);
          op.advance = (update) => (original(update), update.pages ? void core.operations.cancel('dir-cancel') : undefined);
          return core.explorer.directory(ENV, c.id, op, streamed);
        },
        'dir-cancel',
      ),
    );
    expect(cancelled!.kind).toBe('cancelled');
    expect(cancelled!.message).toMatch(/after 100 records/);
  });

  it('a batch with an unknown id answers that row 404 and the others 200', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 30 });
    const everyone = await core.explorer.people(ENV, c.id, 'individual', undefined);
    expect(everyone.rows).toHaveLength(30);
    expect(everyone.rows.every((r) => r.code === 200)).toBe(true);
    // One directory page and one batch call, each with its request id.
    expect(everyone.calls).toBe(2);
    expect(everyone.requestIds).toHaveLength(2);

    const known = everyone.rows[0]!.id;
    const mixed = await core.explorer.people(ENV, c.id, 'employment', [known, 'no-such-person']);
    expect(mixed.accepted).toBeNull();
    expect(mixed.rows.map((r) => [r.id, r.code])).toEqual([
      [known, 200],
      ['no-such-person', 404],
    ]);
    expect(mixed.rows[1]!.body).toMatchObject({ code: 404, finch_code: 'individual_not_found' });
  });
});

describe('payroll reads', () => {
  it('payments are those paid within the date range, and a narrower range gives a subset', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'gusto', employeeSize: 20 });
    const year = await core.explorer.payments(ENV, c.id, '2000-01-01', '2100-01-01');
    const all = year.data as { id: string; pay_date: string }[];
    expect(all.length).toBeGreaterThan(20);
    const dates = all.map((p) => p.pay_date).sort();
    const middle = dates[Math.floor(dates.length / 2)]!;
    const half = await core.explorer.payments(ENV, c.id, '2000-01-01', middle);
    const some = half.data as { pay_date: string }[];
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
    expect(some.every((p) => p.pay_date <= middle)).toBe(true);
    expect(some.length).toBe(dates.filter((d) => d <= middle).length);
    const empty = await core.explorer.payments(ENV, c.id, '1990-01-01', '1990-12-31');
    expect(empty.data).toEqual([]);
    expect(DateRangeSchema.safeParse({ connectionId: c.id, startDate: '2024-05-01', endDate: '2024-04-01' }).success).toBe(false);
    expect(DateRangeSchema.safeParse({ connectionId: c.id, startDate: '2024-02-30', endDate: '2024-04-01' }).success).toBe(false);

    // Pay statements: 10 payments per call (Finch's limit), an unknown payment answers 404 per row.
    const ids = all.slice(0, 11).map((p) => p.id);
    const statements = await core.explorer.payStatements(ENV, c.id, [...ids, 'no-such-payment']);
    expect(statements.calls).toBe(2);
    expect(statements.rows.filter((r) => r.code === 200)).toHaveLength(11);
    expect(statements.rows.at(-1)).toMatchObject({ id: 'no-such-payment', code: 404 });

    // One person's statements across the year.
    const person = (statements.rows[0]!.body as { pay_statements: { individual_id: string }[] }).pay_statements[0]!.individual_id;
    const mine = await core.explorer.personPay(ENV, c.id, person, '2000-01-01', '2100-01-01');
    expect(mine.payments).toBe(all.length);
    expect(mine.statements.length).toBeGreaterThan(0);
    expect(mine.statements.every((s) => s['individual_id'] === person && typeof s['payment_id'] === 'string')).toBe(true);
  });

  it('the payments of 2,500 people come back whole, past Finch’s default of 100 statements', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 2_500 });
    const payments = (await core.explorer.payments(ENV, c.id, '2000-01-01', '2100-01-01')).data as { id: string }[];
    const result = await core.explorer.payStatements(
      ENV,
      c.id,
      payments.map((p) => p.id),
    );
    const bodies = result.rows.map((r) => r.body as { paging: { count: number }; pay_statements: unknown[] });
    expect(bodies.every((b) => b.pay_statements.length === b.paging.count)).toBe(true);
    expect(Math.max(...bodies.map((b) => b.paging.count))).toBeGreaterThan(100);
    expect(bodies.reduce((n, b) => n + b.pay_statements.length, 0)).toBeGreaterThan(2_000);
  });

  it('pay groups (list and detail) and pay-statement items', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 40 });
    const groups = await core.explorer.payGroups(ENV, c.id);
    const list = groups.data as { id: string }[];
    expect(list.length).toBeGreaterThan(0);
    const group = await core.explorer.payGroup(ENV, c.id, list[0]!.id);
    expect((group.data as { individual_ids: string[] }).individual_ids.length).toBeGreaterThan(0);
    const items = await core.explorer.payStatementItems(ENV, c.id, { categories: ['taxes'] });
    const rows = (items.data as { responses: { category: string }[] }).responses;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.category === 'taxes')).toBe(true);
  });
});

describe('benefits, documents, providers, introspect', () => {
  it('a benefit with its enrolled people, a W-4, the providers list and introspection', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 40 });
    const benefits = (await core.explorer.benefits(ENV, c.id)).data as { benefit_id: string }[];
    expect(benefits.length).toBeGreaterThan(0);
    const detail = await core.explorer.benefit(ENV, c.id, benefits[0]!.benefit_id);
    const enrolled = (detail.enrolled.data as { individual_ids: string[] }).individual_ids;
    expect(detail.individuals.map((r) => r.id).sort()).toEqual([...enrolled].sort());
    expect(detail.requestIds).toHaveLength(3);

    const documents = await core.explorer.documents(ENV, c.id);
    const docs = (documents.data as { documents: { id: string }[] }).documents;
    expect(docs.length).toBeGreaterThan(0);
    const w4 = await core.explorer.document(ENV, c.id, docs[0]!.id);
    expect(String((w4.data as { type?: string }).type)).toMatch(/^w4_/);

    const providers = (await core.explorer.providers(ENV, c.id)).data as { id: string }[];
    expect(providers.map((p) => p.id)).toContain('bamboo_hr');
    const introspection = (await core.explorer.introspect(ENV, c.id)).data as { connection_id: string };
    expect(introspection.connection_id).toBe(c.id);
  });
});

describe('jobs and Finch’s once-an-hour refresh', () => {
  it('starts one data_sync_all, refuses the second with when the next is allowed, lists and details jobs', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 10 });
    const first = await core.explorer.startSync(ENV, c.id);
    expect(first).toMatchObject({ status: 201, alreadyQueued: false, allowedRefreshes: 1, remainingRefreshes: 0 });
    expect(first.jobId).toBeTruthy();
    expect(first.requestIds).toHaveLength(1);

    const refused = await failure(core.explorer.startSync(ENV, c.id));
    expect(refused).toBeInstanceOf(WorkbenchError);
    expect(refused!.kind).toBe('rate_limited');
    expect(refused!.message).toMatch(/allows 1 forced data_sync_all per hour/);
    expect(refused!.message).toMatch(/next one is allowed at \d{4}-\d{2}-\d{2}T/);
    expect(refused!.details.requestId).toBeTruthy();
    // Not retried: a refused refresh frees up in an hour, not in seconds.
    expect(attemptsTo(c.id, '/jobs/automated').filter((a) => a.method === 'POST')).toHaveLength(2);

    const jobs = await core.explorer.jobs(ENV, c.id);
    expect(jobs.data).toMatchObject({ meta: { quotas: { data_sync_all: { allowed_refreshes: 1, remaining_refreshes: 0 } } } });
    const job = await core.explorer.job(ENV, c.id, 'automated', first.jobId!);
    expect(job.data).toMatchObject({ job_id: first.jobId, type: 'data_sync_all' });

    // A manual job: benefit writes return one.
    const created = await core.lifecycle.read(ENV, c.id, (client) =>
      client.hris.benefits.create({ type: '401k', description: 'Explorer test plan' }),
    );
    const manualId = (created.data as { job_id: string }).job_id;
    const manual = await core.explorer.job(ENV, c.id, 'manual', manualId);
    expect(manual.data).toMatchObject({ job_id: manualId });
    const missing = await failure(core.explorer.job(ENV, c.id, 'manual', 'no-such-job'));
    expect(missing!.kind).toBe('finch_error');
    expect(missing!.message).toMatch(/404/);

    // An hour later (simulator clock), one refresh is allowed again.
    core.simulator!.clock.advance(60 * 60 * 1000 + 1_000);
    const again = await core.explorer.startSync(ENV, c.id);
    expect(again.status).toBe(201);
  });
});

describe('request forwarding', () => {
  const request = {
    method: 'GET' as const,
    route: '/v1/employees',
    params: { page: '1' },
    headers: { Authorization: 'Bearer provider-secret' },
  };

  it('forwards to an API provider and shows the provider’s answer', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'bamboo_hr', employeeSize: 5 });
    const support = await core.explorer.forwardSupport(ENV, c.id, 'local-simulator');
    expect(support).toMatchObject({ verdict: 'supported', authenticationTypes: ['api_token'], production: false });
    const result = await core.explorer.forward(ENV, c.id, 'local-simulator', request);
    expect(result.status).toBe(200);
    expect(result.providerStatus).toBe(200);
    // The simulator has no provider behind it: it echoes the request it would have sent.
    const echoed = JSON.parse(result.providerBody!) as { provider_id: string; request: { route: string; headers: Record<string, string> } };
    expect(echoed.provider_id).toBe('bamboo_hr');
    expect(echoed.request.route).toBe('/v1/employees');
    expect(echoed.request.headers['Authorization']).toBe('[redacted]');
    expect(result.requestIds.length).toBe(2);
  });

  it('refuses an assisted connection without calling /forward, and says why', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', authenticationType: 'assisted' });
    const support = await core.explorer.forwardSupport(ENV, c.id, 'local-simulator');
    expect(support.verdict).toBe('unsupported');
    expect(support.reason).toMatch(/assisted connection/);
    const refused = await failure(core.explorer.forward(ENV, c.id, 'local-simulator', request));
    expect(refused!.kind).toBe('validation');
    expect(refused!.message).toMatch(/^Not sent\. .*no provider API to forward/);
    expect(attemptsTo(c.id, '/forward')).toHaveLength(0);
  });

  it('in Production, refuses to send until the user confirmed it reaches the real system', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'bamboo_hr', employeeSize: 5 });
    const refused = await failure(core.explorer.forward(ENV, c.id, 'production', request));
    expect(refused!.kind).toBe('validation');
    expect(refused!.message).toMatch(/employer’s real payroll system/);
    expect(attemptsTo(c.id, '/forward')).toHaveLength(0);
    const sent = await core.explorer.forward(ENV, c.id, 'production', { ...request, productionConfirmed: true });
    expect(sent.providerStatus).toBe(200);
  });

  it('a route outside Finch’s rule is refused by the contract', () => {
    expect(ForwardInputSchema.safeParse({ connectionId: 'x', method: 'GET', route: 'https://evil.example/x' }).success).toBe(false);
    expect(ForwardInputSchema.safeParse({ connectionId: 'x', method: 'GET', route: '/a/../b' }).success).toBe(false);
  });
});
