/** Each drill against the simulator: passes when the app behaves, fails when the fault wins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('drills');
});
afterAll(() => core.close());

async function connection(products?: ('company' | 'directory' | 'individual')[]) {
  return core.connections.createSandbox('local', { providerId: 'finch', ...(products ? { products } : {}) });
}

describe('scenario drills', () => {
  it('reauth drill passes: 401 noticed, connection flipped, read works after reconnect', async () => {
    const c = await connection();
    const result = await core.drills.run('local', 'reauth', c.id);
    expect(result.steps.map((s) => s.ok)).toEqual([true, true, true, true]);
    expect(result.passed).toBe(true);
    expect(result.requestIds.length).toBeGreaterThanOrEqual(4);
    expect(core.connections.get('local', c.id).status).toBe('connected');
  });

  it('assisted onboarding passes: 202 pending, then the directory arrives', async () => {
    const result = await core.drills.run('local', 'assisted-onboarding', null);
    expect(result.steps[1]).toMatchObject({ ok: true, detail: expect.stringContaining('HTTP 202') });
    expect(result.passed).toBe(true);
    expect(result.connectionId).toBeTruthy();
  });

  it('batch partial failure passes: one unknown id fails alone', async () => {
    const c = await connection(['company', 'directory', 'individual']);
    const result = await core.drills.run('local', 'batch-partial-failure', c.id);
    expect(result.passed).toBe(true);
    expect(result.steps[0]!.detail).toMatch(/3 ok, 1 failed \(404\)/);
  });

  it('provider outage passes when 5xx are retried to recovery, and fails when the outage outlasts the retries', async () => {
    const c = await connection();
    const ok = await core.drills.run('local', 'provider-outage', c.id);
    expect(ok.passed).toBe(true);
    expect(ok.steps[0]!.detail).toBe('3 attempts: 503 → 503 → 200');
    core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3 });
    const broken = await core.drills.run('local', 'provider-outage', c.id);
    expect(broken.passed).toBe(false);
    expect(broken.steps.at(-1)!.ok).toBe(false);
    core.simulator!.admin.clearFaults();
  }, 20_000);

  it('reauth fails when the read answers something other than 401 (a 5xx hides the reauth)', async () => {
    const c = await connection();
    core.simulator!.admin.addFault({ kind: 'error', status: 500, path: '/employer/company', count: 3 });
    const result = await core.drills.run('local', 'reauth', c.id);
    core.simulator!.admin.clearFaults();
    expect(result.passed).toBe(false);
    expect(result.steps[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/^finch_error/) });
    await core.gateway.call(core.connections.target('local', c.id), (client) =>
      client.sandbox.connections.accounts.update({ connection_status: 'connected' }),
    );
  }, 20_000);

  it('assisted onboarding fails when the directory never arrives (still 202 after setup)', async () => {
    core.simulator!.admin.addFault({ kind: 'accepted', path: '/employer/directory', count: 5, finch_code: 'data_sync_in_progress' });
    const result = await core.drills.run('local', 'assisted-onboarding', null);
    core.simulator!.admin.clearFaults();
    expect(result.passed).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({ ok: false, name: 'The directory arrives' });
  });

  it('batch partial failure fails when the batch answer is broken JSON', async () => {
    const c = await connection(['company', 'directory', 'individual']);
    core.simulator!.admin.addFault({ kind: 'malformed_json', path: '/employer/individual', count: 1 });
    const result = await core.drills.run('local', 'batch-partial-failure', c.id);
    core.simulator!.admin.clearFaults();
    expect(result.passed).toBe(false);
    expect(result.steps.at(-1)!.detail).toMatch(/not valid JSON/);
  });

  it('stores every result, newest first, as readiness evidence', async () => {
    const results = core.drills.results('local');
    expect(results.length).toBeGreaterThanOrEqual(5);
    expect(results[0]!.drill).toBe('batch-partial-failure');
    expect(results[0]!.passed).toBe(false);
    expect(results.some((r) => r.drill === 'reauth' && r.passed)).toBe(true);
  });

  it('refuses drills outside Sandbox environments, and a drill without its connection', async () => {
    core.environments.create({ name: 'Prod', kind: 'production', clientId: 'prod-client-0001', clientSecret: 'prod-secret-0001' });
    const prod = core.environments.state().environments.find((e) => e.kind === 'production')!;
    await expect(core.drills.run(prod.id, 'reauth', 'x')).rejects.toThrow(/run only in a Sandbox environment; “.*” is Production/);
    const missing = await core.drills.run('local', 'reauth', null);
    expect(missing.passed).toBe(false);
    expect(missing.steps[0]!.detail).toMatch(/Choose a connection/);
  });
});
