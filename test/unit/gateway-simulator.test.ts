/**
 * FinchGateway against the local simulator: every attempt logged with its own request id,
 * retries included; the rate limiter keeps 429s from the caller on a sped-up clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scaledClock } from '@main/platform/clock';
import { FinchGateway } from '@main/platform/finch/gateway';
import type { GatewayTarget } from '@main/platform/finch/gateway';
import type { MeterReading } from '@main/platform/finch/rate-limiter';
import { RateLimiter } from '@main/platform/finch/rate-limiter';
import { RequestLog } from '@main/platform/request-log/request-log';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import type { RunningSimulator } from '@simulator';
import { startSimulator } from '@simulator';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function setup(speed = 1) {
  sim = await startSimulator({ log: () => {} });
  sim.clock.setSpeed(speed);
  const clock = scaledClock(sim.clock);
  const log = new RequestLog(openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'gw-')), 'db.sqlite')));
  const readings: MeterReading[] = [];
  const limiter = new RateLimiter({ clock, onChange: (r) => readings.push(r) });
  const gateway = new FinchGateway({ log, limiter, clock });
  const app: GatewayTarget = {
    environmentId: 'local',
    baseURL: sim.baseUrl,
    clientId: 'gateway-test-app',
    clientSecret: 'gateway-test-secret',
  };
  const created = await gateway.call(app, (client) =>
    client.sandbox.connections.create({ provider_id: 'gusto', products: ['company', 'directory'], employee_size: 5 }),
  );
  const connection: GatewayTarget = {
    ...app,
    clientSecret: undefined,
    accessToken: created.data.access_token,
    connectionId: created.data.connection_id,
  };
  return { sim, log, limiter, gateway, readings, connection, created };
}

describe('FinchGateway on the simulator', () => {
  it('logs a failing attempt and its successful retry as two attempts with two request ids', async () => {
    const { sim, log, gateway, connection } = await setup();
    sim.admin.addFault({ kind: 'error', status: 500, path: '/employer/company', count: 1 });
    const result = await gateway.call(connection, (client) => client.hris.company.retrieve());
    expect(result.data.id).toBeTruthy();
    const attempts = log.attemptsOf(result.callId);
    expect(attempts.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 500, 'server_error'],
      [2, 200, 'ok'],
    ]);
    expect(attempts[0]!.requestId).toBeTruthy();
    expect(attempts[1]!.requestId).toBeTruthy();
    expect(attempts[0]!.requestId).not.toBe(attempts[1]!.requestId);
    expect(result.requestId).toBe(attempts[1]!.requestId);
    expect(result.attemptRequestIds).toEqual(attempts.map((a) => a.requestId));
    // Flagged and findable as the failure it was.
    expect(log.search({ statusClass: '5xx' }).map((e) => e.requestId)).toEqual([attempts[0]!.requestId]);
    // Never a credential in the log.
    const everything = JSON.stringify(log.search({ limit: 5000 }));
    expect(everything).not.toContain(connection.accessToken!);
    expect(everything).not.toContain('gateway-test-secret');
  }, 20_000);

  it('reports the failing attempt’s request id when every retry fails', async () => {
    const { sim, log, gateway, connection } = await setup();
    sim.admin.addFault({ kind: 'error', status: 502, path: '/employer/company', count: 5, finch_code: 'upstream_provider_error' });
    const failure = await gateway.call(connection, (client) => client.hris.company.retrieve()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'finch_error' });
    const attempts = log.search({ statusClass: '5xx' });
    expect(attempts).toHaveLength(3); // the SDK's 2 retries
    expect((failure as { details: { requestId?: string } }).details.requestId).toBe(attempts[0]!.requestId);
    expect(attempts.every((a) => a.outcome === 'provider_error')).toBe(true);
  }, 20_000);

  it('classifies reauthentication as reauth_required with the request id', async () => {
    const { sim, gateway, connection } = await setup();
    sim.admin.addFault({ kind: 'reauth', path: '/employer/company', count: 1 });
    await expect(gateway.call(connection, (client) => client.hris.company.retrieve())).rejects.toMatchObject({
      kind: 'reauth_required',
      details: { finchCode: 'reauthenticate_user', requestId: expect.any(String) },
    });
  });

  it('spreads 30 company calls over the window: no 429 reaches the caller, the meter matches', async () => {
    // One real second is one simulated minute: Finch's window drains in a second.
    const { sim, log, gateway, connection, readings } = await setup(60);
    const started = sim.clock.now();
    const finished: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        gateway
          .call(connection, (client) => client.hris.company.retrieve())
          .then((r) => {
            finished.push(sim.clock.now() - started);
            return r;
          }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const company = log.search({ product: 'company', limit: 100 });
    expect(company).toHaveLength(30);
    expect(company.filter((a) => a.status === 429)).toHaveLength(0);
    finished.sort((a, b) => a - b);
    expect(finished.filter((t) => t < 60_000)).toHaveLength(20);
    expect(finished.slice(20).every((t) => t >= 60_000)).toBe(true);
    const company20 = readings.filter((r) => r.product === 'company');
    expect(Math.max(...company20.map((r) => r.used))).toBe(20);
    expect(company20.some((r) => r.queued === 10)).toBe(true);
    expect(company20.at(-1)).toMatchObject({ queued: 0 });
  }, 30_000);
});

describe('batch answers', () => {
  it('logs a batch with per-item errors as a partial failure, with how many failed', async () => {
    const { log, gateway, connection } = await setup();
    const app = { ...connection, accessToken: undefined, connectionId: null, clientSecret: 'gateway-test-secret' };
    const created = await gateway.call(app, (client) =>
      client.sandbox.connections.create({ provider_id: 'bamboo_hr', products: ['directory', 'individual'], employee_size: 3 }),
    );
    const withIndividual = { ...connection, accessToken: created.data.access_token, connectionId: created.data.connection_id };
    const directory = await gateway.call(withIndividual, (client) => client.hris.directory.list({ limit: 2 }));
    const ids = directory.data.individuals.map((p) => ({ individual_id: p.id! }));
    const batch = await gateway.call(withIndividual, (client) =>
      client.hris.individuals.retrieveMany({ requests: [...ids, { individual_id: 'no-such-person' }] }),
    );
    expect(batch.outcome).toBe('batch_partial_failure');
    expect(log.attemptsOf(batch.callId)[0]).toMatchObject({
      status: 200,
      outcome: 'batch_partial_failure',
      message: '404 for 1 of 3 individuals',
    });
    const clean = await gateway.call(withIndividual, (client) => client.hris.individuals.retrieveMany({ requests: ids }));
    expect(clean.outcome).toBe('ok');

    // Read as bytes (a snapshot's batches): the same summary, counted from the bytes, nothing parsed for it.
    const raw = await gateway.callRaw(withIndividual, (client) =>
      client.hris.individuals.retrieveMany({ requests: [{ individual_id: 'no-such-person' }, ...ids] }),
    );
    expect(log.attemptsOf(raw.callId)[0]).toMatchObject({
      status: 200,
      outcome: 'batch_partial_failure',
      message: '404 for 1 of 3 individuals',
    });
    expect(Buffer.from(raw.data.bytes).toString()).toMatch(/^\{"responses":\[\{"individual_id":"no-such-person","code":404/);
    expect((raw.data.value() as { responses: unknown[] }).responses).toHaveLength(3);
  });
});
