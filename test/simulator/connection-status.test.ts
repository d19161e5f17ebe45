/**
 * Connection lifecycle: disconnect revokes tokens; forced statuses drive reads (reauth → 401
 * reauthenticate_user, error_permissions → 403); assisted connections answer 202 until their
 * setup job completes; jobs finish with the configured completion status and quota.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

let t: TestSimulator;

beforeAll(async () => {
  t = await startTestSimulator();
});

afterAll(async () => {
  await t.close();
  expect(t.recorder.failures).toEqual([]);
});

describe('disconnect', () => {
  it('kills the token everywhere but leaves other connections to the company alone', async () => {
    const a = await t.sandboxConnection({ employee_size: 5 });
    const b = (
      await t.call('POST', '/sandbox/connections/accounts', {
        basic: ['c0ffee00-0000-4000-8000-000000000001', 'sim-secret-for-tests'],
        body: { company_id: a.company_id, provider_id: 'rippling' },
      })
    ).body;
    expect((await t.sdk({ accessToken: a.access_token }).account.disconnect()).status).toBe('success');
    for (const [method, path] of [
      ['GET', '/employer/company'],
      ['GET', '/introspect'],
      ['POST', '/disconnect'],
    ] as const) {
      const result = await t.call(method, path, { token: a.access_token });
      expect(result.status, path).toBe(401);
      expect(result.body).toMatchObject({ name: 'invalid_token_error', finch_code: 'invalid_access_token' });
    }
    expect((await t.call('GET', '/employer/company', { token: b.access_token })).status).toBe(200);
  });
});

describe('forced connection statuses', () => {
  it('reauth makes reads answer 401 reauthenticate_user; connected restores them', async () => {
    const c = await t.sandboxConnection({ employee_size: 5 });
    const sdk = t.sdk({ accessToken: c.access_token });
    await sdk.sandbox.connections.accounts.update({ connection_status: 'reauth' });
    const error = await sdk.hris.directory.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Finch.AuthenticationError);
    expect((error as InstanceType<typeof Finch.AuthenticationError>).error).toMatchObject({
      code: 401,
      name: 'authentication_error',
      finch_code: 'reauthenticate_user',
    });
    const introspection = await sdk.account.introspect();
    expect(introspection.connection_status.status).toBe('reauth');
    await sdk.sandbox.connections.accounts.update({ connection_status: 'connected' });
    expect((await t.call('GET', '/employer/directory', { token: c.access_token })).status).toBe(200);
  });

  it('error_permissions answers 403', async () => {
    const c = await t.sandboxConnection({ employee_size: 5 });
    await t.call('PUT', '/sandbox/connections/accounts', { token: c.access_token, body: { connection_status: 'error_permissions' } });
    const result = await t.call('GET', '/employer/company', { token: c.access_token });
    expect(result.status).toBe(403);
    expect(result.body.finch_code).toBe('insufficient_account_permissions');
  });
});

describe('assisted connections', () => {
  it('answer 202 pending until the setup job completes, then data', async () => {
    const c = await t.sandboxConnection({ employee_size: 8, authentication_type: 'assisted' });
    const sdk = t.sdk({ accessToken: c.access_token });
    const pending = await t.call('GET', '/employer/directory', { token: c.access_token });
    expect(pending.status).toBe(202);
    expect(pending.body).toEqual({ code: 202, name: 'authorization_pending', finch_code: 'pending', message: expect.any(String) });
    // The SDK returns a 202 as data instead of throwing.
    expect(await sdk.hris.company.retrieve()).toMatchObject({ code: 202, finch_code: 'pending' });
    const introspection = await sdk.account.introspect();
    expect(introspection).toMatchObject({ manual: true, connection_status: { status: 'pending' } });

    t.sim.clock.advance(119_000);
    expect((await t.call('GET', '/employer/company', { token: c.access_token })).status).toBe(202);
    t.sim.clock.advance(2_000);
    const ready = await t.call('GET', '/employer/directory', { token: c.access_token });
    expect(ready.status).toBe(200);
    expect(ready.body.individuals).toHaveLength(8);
    expect((await sdk.account.introspect()).connection_status.status).toBe('connected');
  });

  it('a sandbox sync job completes the setup early', async () => {
    const c = await t.sandboxConnection({ employee_size: 3, authentication_type: 'assisted' });
    await t.call('POST', '/sandbox/jobs', { token: c.access_token, body: { type: 'data_sync_all' } });
    t.sim.clock.advance(5_000);
    expect((await t.call('GET', '/employer/company', { token: c.access_token })).status).toBe(200);
  });
});

describe('jobs', () => {
  it('complete with the configured status and update the data headers', async () => {
    const c = await t.sandboxConnection({ employee_size: 3 });
    const sdk = t.sdk({ accessToken: c.access_token });
    const first = await t.call('GET', '/employer/company', { token: c.access_token });
    expect(first.headers.get('finch-last-attempted-update-result')).toBe('success');
    expect(Date.parse(first.headers.get('finch-data-retrieved') ?? '')).not.toBeNaN();

    await sdk.sandbox.jobs.configuration.update({ type: 'data_sync_all', completion_status: 'error' });
    expect(await sdk.sandbox.jobs.configuration.retrieve()).toEqual([{ type: 'data_sync_all', completion_status: 'error' }]);
    const job = await sdk.jobs.automated.create({ type: 'data_sync_all' });
    expect(job).toMatchObject({ allowed_refreshes: 1, remaining_refreshes: 0 });
    expect((await sdk.jobs.automated.retrieve(job.job_id ?? '')).status).toMatch(/pending|in_progress/);
    t.sim.clock.advance(5_000);
    const done = await sdk.jobs.automated.retrieve(job.job_id ?? '');
    expect(done).toMatchObject({ status: 'error', completed_at: expect.any(String) });
    const after = await t.call('GET', '/employer/company', { token: c.access_token });
    expect(after.status).toBe(200);
    expect(after.headers.get('finch-last-attempted-update-result')).toBe('error');
    expect(after.headers.get('finch-data-retrieved')).toBe(first.headers.get('finch-data-retrieved'));
  });

  it('allow one forced refresh per hour (429 with retry_at), and reauth_error ends in 401', async () => {
    const c = await t.sandboxConnection({ employee_size: 3 });
    await t.call('PUT', '/sandbox/jobs/configuration', {
      token: c.access_token,
      body: { type: 'data_sync_all', completion_status: 'reauth_error' },
    });
    const first = await t.call('POST', '/jobs/automated', { token: c.access_token, body: { type: 'data_sync_all' } });
    expect(first.status).toBe(201);
    const second = await t.call('POST', '/jobs/automated', { token: c.access_token, body: { type: 'data_sync_all' } });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ allowed_refreshes: 1, remaining_refreshes: 0, retry_at: expect.any(String) });
    const listed = await t.call('GET', '/jobs/automated', { token: c.access_token });
    expect(listed.body.meta.quotas.data_sync_all).toEqual({ allowed_refreshes: 1, remaining_refreshes: 0 });
    t.sim.clock.advance(3_600_000);
    const reads = await t.call('GET', '/employer/company', { token: c.access_token });
    expect(reads.status).toBe(401);
    expect(reads.body.finch_code).toBe('reauthenticate_user');
    expect((await t.call('GET', `/jobs/automated/${first.body.job_id}`, { token: c.access_token })).body.status).toBe('reauth_error');
    expect((await t.call('POST', '/jobs/automated', { token: c.access_token, body: { type: 'data_sync_all' } })).status).toBe(201);
  });

  it('answer 404 for a job of another connection', async () => {
    const a = await t.sandboxConnection({ employee_size: 2 });
    const b = await t.sandboxConnection({ employee_size: 2 });
    const job = await t.call('POST', '/jobs/automated', { token: a.access_token, body: { type: 'data_sync_all' } });
    expect((await t.call('GET', `/jobs/automated/${job.body.job_id}`, { token: b.access_token })).status).toBe(404);
  });
});
