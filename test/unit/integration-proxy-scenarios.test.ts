/**
 * Scenarios through the proxy, seen by the real SDK: each injection answers as Finch would (with
 * a Finch-Request-ID), is recorded with the rule that shaped it, and rules honour their filters,
 * count, probability (seeded) and time window.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioEngine } from '@main/features/integration-lab/scenarios';
import { PRESETS, STORM_PRESET_ID } from '@main/features/integration-lab/presets';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import type { ProxyRig } from './integration-proxy-helpers';
import { errorOf, rule, startProxyRig } from './integration-proxy-helpers';

let rig: ProxyRig;
let ids: { individual_id: string }[];
beforeAll(async () => {
  rig = await startProxyRig('proxy-scenarios');
  ids = (await rig.direct().hris.directory.list()).individuals.slice(0, 4).map((p) => ({ individual_id: p.id! }));
});
afterAll(() => rig.close());
afterEach(() => void rig.core.integrationLab.setScenario({ rules: [] }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const lastCall = () => rig.core.integrationLab.calls({}).at(-1)!;

describe('injections', () => {
  it('429 with Retry-After, per product (finch_application_rl), only on the products named', async () => {
    rig.core.integrationLab.setScenario({
      rules: [rule({ id: 'r429', inject: 'rate_limit', products: ['directory'], retryAfterSeconds: 3 })],
    });
    const { response } = await rig.client().hris.company.retrieve().withResponse();
    expect(response.status).toBe(200);
    const error = await errorOf(rig.client().hris.directory.list());
    expect(error['status']).toBe(429);
    expect(error['error']).toMatchObject({ code: 429, name: 'rate_limit_exceeded_error', finch_code: 'finch_application_rl' });
    expect(String((error['error'] as { message: string }).message)).toContain('directory');
    const headers = error['headers'] as Headers;
    expect(headers.get('retry-after')).toBe('3');
    expect(headers.get('finch-request-id')).toMatch(UUID);
    expect(lastCall()).toMatchObject({ status: 429, retryAfterMs: 3000, injectedBy: 'r429', requestId: headers.get('finch-request-id') });
    const row = rig.core.requestLog.get(lastCall().logId!)!;
    expect(row).toMatchObject({ outcome: 'rate_limited', injectedBy: 'r429', source: 'your_app' });
  });

  it('application-wide 429 on every product', async () => {
    rig.core.integrationLab.setScenario({
      rules: [rule({ id: 'app', inject: 'rate_limit', applicationWide: true, retryAfterSeconds: 1 })],
    });
    for (const call of [() => rig.client().hris.company.retrieve(), () => rig.client().hris.directory.list()]) {
      const error = await errorOf(call());
      expect(error['status']).toBe(429);
      expect(String((error['error'] as { message: string }).message)).toContain('this application');
    }
  });

  it('a 5xx burst of the chosen status, then Finch again', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'burst', inject: 'server_error', status: 503, count: 2 })] });
    for (let i = 0; i < 2; i++) {
      const error = await errorOf(rig.client().hris.company.retrieve());
      expect(error['status']).toBe(503);
      expect(error['error']).toMatchObject({ code: 503, name: 'service_unavailable_error' });
    }
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
    expect(rig.core.integrationLab.scenario().fired).toEqual({ burst: 2 });
  });

  it('a timeout holds the call, then hangs up without an answer', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'hold', inject: 'timeout', latencyMs: 400, count: 1 })] });
    const started = Date.now();
    const error = await errorOf(rig.client().hris.company.retrieve());
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(error['constructor']).toHaveProperty('name', 'APIConnectionError');
    expect(lastCall()).toMatchObject({ status: null, injectedBy: 'hold' });
    expect(lastCall().durationMs).toBeGreaterThanOrEqual(380);
  });

  it('a drop closes the connection at once', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'drop', inject: 'drop', count: 1 })] });
    const error = await errorOf(rig.client().hris.company.retrieve());
    expect(error['constructor']).toHaveProperty('name', 'APIConnectionError');
    expect(lastCall()).toMatchObject({ status: null, injectedBy: 'drop', requestId: null });
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
  });

  it('202 data_sync_in_progress, as Finch answers a data endpoint still syncing', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'sync', inject: 'sync_in_progress', products: ['directory'], count: 1 })] });
    const response = await rig.client().hris.directory.list().asResponse();
    expect(response.status).toBe(202);
    expect(response.headers.get('finch-request-id')).toMatch(UUID);
    expect(await response.json()).toMatchObject({ code: 202, name: 'sync_in_progress', finch_code: 'data_sync_in_progress' });
    expect(lastCall()).toMatchObject({ status: 202, finchCode: 'data_sync_in_progress', injectedBy: 'sync' });
    expect(rig.core.requestLog.get(lastCall().logId!)!.outcome).toBe('accepted');
  });

  it('401 reauthenticate_user on one connection only: the first it meets, from then on', async () => {
    const other = await rig.core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 3 });
    const otherToken = rig.core.vault.reveal(secretRefs.accessToken('local', other.id));
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'reauth', inject: 'reauthenticate', pathPrefix: '/employer/' })] });
    const first = await errorOf(rig.client().hris.company.retrieve());
    expect(first['status']).toBe(401);
    expect(first['error']).toMatchObject({ name: 'authentication_error', finch_code: 'reauthenticate_user' });
    const target = lastCall().connectionKey;
    expect((await rig.client(otherToken).hris.company.retrieve()).id).toBeTruthy();
    expect(lastCall().connectionKey).not.toBe(target);
    expect((await errorOf(rig.client().hris.directory.list()))['status']).toBe(401);
    expect(rig.core.requestLog.get(lastCall().logId!)!.outcome).toBe('reauth_required');
    // Named by its fingerprint, a rule reaches that connection only.
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'named', inject: 'reauthenticate', connectionKey: target! })] });
    expect((await rig.client(otherToken).hris.company.retrieve()).id).toBeTruthy();
    expect((await errorOf(rig.client().hris.company.retrieve()))['status']).toBe(401);
  });

  it('batch answers with per-item 404 and 500, the rest of the answer untouched', async () => {
    const direct = await rig.direct().hris.individuals.retrieveMany({ requests: ids });
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'items', inject: 'batch_item_errors', count: 1 })] });
    // A non-batch call does not use up the rule.
    await rig.client().hris.company.retrieve();
    const page = await rig.client().hris.individuals.retrieveMany({ requests: ids });
    expect(page.responses.map((r) => r.code)).toEqual([200, 404, 500, 200]);
    expect(page.responses[0]).toEqual(direct.responses[0]);
    expect(page.responses[1]).toMatchObject({
      individual_id: ids[1]!.individual_id,
      body: { code: 404, finch_code: 'individual_not_found' },
    });
    expect(lastCall()).toMatchObject({ status: 200, batchItemErrors: 2, injectedBy: 'items' });
    expect(rig.core.requestLog.get(lastCall().logId!)!.outcome).toBe('batch_partial_failure');
    const again = await rig.client().hris.individuals.retrieveMany({ requests: ids });
    expect(again.responses.every((r) => r.code === 200)).toBe(true);
  });

  it('all-null: every field the spec allows to be null is null, ids kept', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'nulls', inject: 'all_null' })] });
    const company = await rig.client().hris.company.retrieve();
    expect(company.id).toBeTruthy();
    expect(company.legal_name).toBeNull();
    expect(company.ein).toBeNull();
    const direct = await rig.direct().hris.individuals.retrieveMany({ requests: ids.slice(0, 1) });
    const page = await rig.client().hris.individuals.retrieveMany({ requests: ids.slice(0, 1) });
    const body = page.responses[0]!.body as unknown as Record<string, unknown>;
    expect(body['id']).toBe((direct.responses[0]!.body as unknown as Record<string, unknown>)['id']);
    expect(body['first_name']).toBeNull();
    expect(body['dob']).toBeNull();
    // An object whose members may be null stays, with its members null.
    const residence = body['residence'] as Record<string, unknown> | null;
    if (residence) expect(Object.values(residence).every((v) => v === null)).toBe(true);
    expect(lastCall()).toMatchObject({ injectedBy: 'nulls', status: 200 });
    const directory = await rig.client().hris.directory.list();
    expect(directory.individuals.every((p) => p.id && p.first_name === null && p.last_name === null)).toBe(true);
  });

  it('latency delays the real answer', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'slow', inject: 'latency', latencyMs: 300 })] });
    const started = Date.now();
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(lastCall()).toMatchObject({ status: 200, injectedBy: 'slow' });
  });
});

describe('rule limits', () => {
  it('count: at most that many injections', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'two', inject: 'server_error', count: 2 })] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const error = await rig
        .client()
        .hris.company.retrieve()
        .then(
          () => null,
          (e: { status: number }) => e,
        );
      statuses.push(error ? error.status : 200);
    }
    expect(statuses).toEqual([500, 500, 200, 200]);
  });

  it('probability: the seeded share of calls, the same choices for the same seed', async () => {
    const run = async (seed: number) => {
      rig.core.integrationLab.setScenario({ rules: [rule({ id: 'half', inject: 'server_error', probability: 0.5 })], seed });
      const out: boolean[] = [];
      for (let i = 0; i < 30; i++)
        out.push(
          await rig
            .client()
            .hris.company.retrieve()
            .then(
              () => false,
              () => true,
            ),
        );
      return out;
    };
    const first = await run(42);
    const share = first.filter(Boolean).length;
    expect(share).toBeGreaterThan(5);
    expect(share).toBeLessThan(25);
    expect(await run(42)).toEqual(first);
    expect(await run(7)).not.toEqual(first);
  });

  it('window: only between fromMs and toMs after the scenario started', async () => {
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'later', inject: 'server_error', fromMs: 60_000 })] });
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
    rig.core.integrationLab.setScenario({ rules: [rule({ id: 'early', inject: 'server_error', toMs: 250 })] });
    expect((await errorOf(rig.client().hris.company.retrieve()))['status']).toBe(500);
    await new Promise((r) => setTimeout(r, 300));
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
  });

  it('the engine alone: filters, window and count on a fake clock', () => {
    let now = 1_000;
    const engine = new ScenarioEngine(() => now);
    engine.set({
      rules: [rule({ id: 'w', inject: 'server_error', products: ['company'], pathPrefix: '/employer/', fromMs: 10, toMs: 20, count: 1 })],
      presetId: null,
      name: 'x',
    });
    const call = { method: 'GET', path: '/employer/company', product: 'company', connectionKey: 'tok_a' };
    expect(engine.decide(call).rule).toBeNull();
    now += 15;
    expect(engine.decide({ ...call, product: 'directory' }).rule).toBeNull();
    expect(engine.decide(call).rule?.id).toBe('w');
    expect(engine.decide(call).rule).toBeNull();
  });
});

describe('presets', () => {
  it('mirror the checklist and include the storm the acceptance runs', () => {
    const storm = PRESETS.find((p) => p.id === STORM_PRESET_ID)!;
    expect(storm.name).toBe('Rate-limit storm + reauth + batch errors');
    expect(new Set(storm.rules.map((r) => r.inject))).toEqual(new Set(['rate_limit', 'reauthenticate', 'batch_item_errors']));
    const covered = new Set(PRESETS.flatMap((p) => p.rules.map((r) => r.inject)));
    for (const inject of [
      'rate_limit',
      'server_error',
      'timeout',
      'drop',
      'sync_in_progress',
      'reauthenticate',
      'batch_item_errors',
      'all_null',
      'latency',
    ])
      expect(covered).toContain(inject);
    const active = rig.core.integrationLab.setScenario({ presetId: STORM_PRESET_ID });
    expect(active).toMatchObject({ presetId: STORM_PRESET_ID, name: storm.name });
    expect(() => rig.core.integrationLab.setScenario({ presetId: 'nope' })).toThrow(/no built-in scenario/);
  });
});
