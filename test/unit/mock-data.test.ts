/**
 * Sandbox writes, statuses and jobs against the simulator, through the same services the
 * Sandbox screen calls. The simulator's clock (and the app's with it) runs 60× fast, so a
 * sync job that takes 3.5 s at Finch's pace takes about 60 ms here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('mock-data', { simulatorClockSpeed: 60 });
});
afterAll(() => core.close());

const newConnection = () => core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 10 });
const firstPerson = async (id: string) => (await core.lifecycle.read('local', id, (c) => c.hris.directory.list())).data.individuals[0]!;

describe('mock-data writes', () => {
  it('an individual edit shows in reads after the sync job the write runs', async () => {
    const c = await newConnection();
    const person = await firstPerson(c.id);
    const result = await core.mockData.write('local', {
      connectionId: c.id,
      write: 'individual',
      individualId: person.id!,
      body: { preferred_name: 'Zed', gender: 'other' },
    });
    expect(result.job).toMatchObject({ status: 'complete' });
    expect(result.job!.seen.at(-1)).toBe('complete');
    expect(result.warning).toBeNull();
    const read = await core.lifecycle.read('local', c.id, (client) =>
      client.hris.individuals.retrieveMany({ requests: [{ individual_id: person.id! }] }),
    );
    expect(read.data.responses[0]!.body).toMatchObject({ preferred_name: 'Zed', gender: 'other' });
  });

  it('company, employment, new people and a payment all land through /sandbox/*', async () => {
    const c = await newConnection();
    const person = await firstPerson(c.id);
    // PUT /sandbox/company replaces the whole company: start from what Finch has.
    const { id: _id, ...current } = (await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve())).data;
    await core.mockData.write('local', {
      connectionId: c.id,
      write: 'company',
      body: { ...current, legal_name: 'Drill Co LLC' },
      sync: false,
    });
    await core.mockData.write('local', {
      connectionId: c.id,
      write: 'employment',
      individualId: person.id!,
      body: { title: 'Chief Tester' },
      sync: false,
    });
    await core.mockData.write('local', {
      connectionId: c.id,
      write: 'directory',
      body: [{ first_name: 'Nova', last_name: 'Quill' }],
      sync: false,
    });
    const payment = await core.mockData.write('local', {
      connectionId: c.id,
      write: 'payment',
      body: {
        start_date: '2026-10-01',
        end_date: '2026-10-15',
        pay_statements: [{ individual_id: person.id!, gross_pay: 250_000, net_pay: 190_000 }],
      },
    });
    expect(payment.job?.status).toBe('complete');
    const company = await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve());
    expect(company.data.legal_name).toBe('Drill Co LLC');
    const directory = await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list());
    expect(directory.data.individuals.map((p) => p.first_name)).toContain('Nova');
    const employment = await core.lifecycle.read('local', c.id, (client) =>
      client.hris.employments.retrieveMany({ requests: [{ individual_id: person.id! }] }),
    );
    expect(employment.data.responses[0]!.body).toMatchObject({ title: 'Chief Tester' });
    const payments = await core.lifecycle.read('local', c.id, (client) =>
      client.hris.payments.list({ start_date: '2026-10-01', end_date: '2026-10-31' }),
    );
    expect(payments.data.items.map((p) => p.id)).toContain((payment.data as { payment_id: string }).payment_id);
  });

  it('a body outside Finch’s schema is refused field by field, and nothing is sent', async () => {
    const c = await newConnection();
    const before = core.requestLog.search({ environmentId: 'local', limit: 1 })[0]!.id;
    const failure = await core.mockData
      .write('local', { connectionId: c.id, write: 'payment', body: { start_date: 'last week', pay_statements: [{ gross_pay: -5 }] } })
      .catch((e: unknown) => e as { kind: string; details: { fields: { path: string; message: string }[] } });
    expect(failure).toMatchObject({ kind: 'validation' });
    const fields = (failure as { details: { fields: { path: string; message: string }[] } }).details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'start_date', message: 'must be a valid date (YYYY-MM-DD)' },
        { path: 'pay_statements.0.individual_id', message: 'is required' },
        { path: 'pay_statements.0.gross_pay', message: 'must be greater than 0' },
      ]),
    );
    const gender = await core.mockData
      .write('local', { connectionId: c.id, write: 'individual', individualId: 'x', body: { gender: 'robot' } })
      .catch((e: unknown) => e);
    expect((gender as { details: { fields: { path: string; message: string }[] } }).details.fields[0]).toEqual({
      path: 'gender',
      message: 'must be one of female, male, other, decline_to_specify',
    });
    expect(core.requestLog.search({ environmentId: 'local', limit: 1 })[0]!.id).toBe(before);
  });

  it('what the schema cannot say is refused too, before anything is sent: no such day, a period ending before it starts', async () => {
    const c = await newConnection();
    const person = await firstPerson(c.id);
    const before = core.requestLog.search({ environmentId: 'local', limit: 1 })[0]!.id;
    const fieldsOf = (write: Promise<unknown>) =>
      write.then(
        () => [],
        (e: { details?: { fields?: unknown } }) => e.details?.fields,
      );
    expect(
      await fieldsOf(
        core.mockData.write('local', { connectionId: c.id, write: 'individual', individualId: person.id!, body: { dob: '31/02/1990' } }),
      ),
    ).toEqual([{ path: 'dob', message: 'must be a valid date (YYYY-MM-DD)' }]);
    expect(
      await fieldsOf(
        core.mockData.write('local', { connectionId: c.id, write: 'individual', individualId: person.id!, body: { dob: '1990-02-31' } }),
      ),
    ).toEqual([{ path: 'dob', message: 'must be a valid date (YYYY-MM-DD)' }]);
    expect(
      await fieldsOf(
        core.mockData.write('local', {
          connectionId: c.id,
          write: 'employment',
          individualId: person.id!,
          body: { start_date: '2024-05-01', end_date: '2024-04-30' },
        }),
      ),
    ).toEqual([{ path: 'end_date', message: 'must be on or after start_date (2024-05-01)' }]);
    const payment = {
      start_date: '2026-03-10',
      end_date: '2026-03-01',
      pay_statements: [{ individual_id: person.id!, gross_pay: 250_000, net_pay: 190_000 }],
    };
    expect(await fieldsOf(core.mockData.write('local', { connectionId: c.id, write: 'payment', body: payment }))).toEqual([
      { path: 'end_date', message: 'must be on or after start_date (2026-03-10)' },
    ]);
    expect(core.requestLog.search({ environmentId: 'local', limit: 1 })[0]!.id).toBe(before);
  });

  it('forcing a status changes Finch’s answers and the app’s view at once', async () => {
    const c = await newConnection();
    const view = await core.mockData.setStatus('local', c.id, 'error_permissions');
    expect(view.status).toBe('error_permissions');
    await expect(core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve())).rejects.toMatchObject({
      kind: 'finch_error',
    });
    await core.mockData.setStatus('local', c.id, 'connected');
    expect((await core.lifecycle.read('local', c.id, (client) => client.hris.company.retrieve())).status).toBe(200);
  });

  it('a job configured to fail ends that way, is watched to its end, and flips the connection', async () => {
    const c = await newConnection();
    expect(await core.mockData.jobConfiguration('local', c.id)).toMatchObject({ completionStatus: 'complete' });
    await core.mockData.setJobConfiguration('local', c.id, 'permissions_error');
    expect(await core.mockData.jobConfiguration('local', c.id)).toMatchObject({ completionStatus: 'permissions_error' });
    const job = await core.mockData.runSyncJob('local', c.id);
    expect(job.status).toBe('permissions_error');
    expect(job.seen[0]).toMatch(/pending|in_progress/);
    expect(job.requestIds.length).toBeGreaterThanOrEqual(2);
    expect(core.connections.get('local', c.id).status).toBe('error_permissions');
  });

  it('refuses every sandbox act outside Sandbox environments, with the reason', async () => {
    core.environments.create({ name: 'Prod', kind: 'production', clientId: 'prod-client-0001', clientSecret: 'prod-secret-0001' });
    const prod = core.environments.state().environments.find((e) => e.name === 'Prod')!;
    await expect(core.mockData.write(prod.id, { connectionId: 'x', write: 'company', body: {} })).rejects.toThrow(
      /Mock data can be edited only in a Sandbox environment; “Prod” is Production/,
    );
    await expect(core.mockData.setStatus(prod.id, 'x', 'reauth')).rejects.toThrow(/only in a Sandbox environment/);
    await expect(core.mockData.runSyncJob(prod.id, 'x')).rejects.toThrow(/only in a Sandbox environment/);
  });
});
