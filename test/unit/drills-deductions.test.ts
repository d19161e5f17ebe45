/**
 * The three deduction drills against the embedded simulator: each passes when the app behaves,
 * and each FAILS when an injected fault (or a simulator that ignores the drill's own fault)
 * changes what Finch does — so a pass means something.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('drills-deductions', { simulatorClockSpeed: 60 });
});
afterAll(() => core.close());
afterEach(() => core.simulator!.admin.clearFaults());

const connection = (providerId = 'gusto') => core.connections.createSandbox('local', { providerId, employeeSize: 12 });

describe('enrollment job partially fails', () => {
  it('passes: the refused people carry their per-person errors, the rest are enrolled at Finch', async () => {
    const c = await connection();
    const result = await core.drills.run('local', 'enrollment-partial-failure', c.id);
    expect(result.steps.map((s) => [s.name, s.ok])).toEqual([
      [expect.stringContaining('benefit and follow its job'), true],
      [expect.stringContaining('2 refused by the provider'), true],
      [expect.stringContaining('enrollment read agrees'), true],
    ]);
    expect(result.steps[1]!.detail).toMatch(/3 enrolled, 2 refused/);
    expect(result.steps[1]!.detail).toContain('enrollment_rejected Drill: the provider refused this person');
    expect(result.passed).toBe(true);
    // The drill's fault is gone afterwards: the next enrollment is not refused by it.
    expect(core.simulator!.admin.addFault({ kind: 'latency', path: '/x' })).toBeTruthy();
  }, 30_000);

  it('FAILS when the provider holds the deduction job (a manual_job_pending fault): nobody’s result is known', async () => {
    const c = await connection();
    core.simulator!.admin.addFault({ kind: 'manual_job_pending', connection_id: c.id });
    const result = await core.drills.run('local', 'enrollment-partial-failure', c.id);
    expect(result.passed).toBe(false);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ ok: false, detail: expect.stringMatching(/job .+ pending after \d+ check/) });
  }, 60_000);

  it('FAILS when the simulator ignores the drill’s refusal (everyone is enrolled, nobody shows an error)', async () => {
    const c = await connection();
    const admin = core.simulator!.admin;
    const original = admin.addFault;
    admin.addFault = (rule) => original({ ...rule, connection_id: 'someone-else' });
    try {
      const result = await core.drills.run('local', 'enrollment-partial-failure', c.id);
      expect(result.passed).toBe(false);
      expect(result.steps[1]).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/5 enrolled, 0 refused.*show no per-person error/),
      });
    } finally {
      admin.addFault = original;
    }
  }, 30_000);
});

describe('assisted deduction job stays pending', () => {
  it('passes: pending on every check, complete once the fault is cleared', async () => {
    const c = await connection();
    const result = await core.drills.run('local', 'deduction-job-pending', c.id);
    expect(result.steps[1]!.detail).toBe('checks: pending → pending → pending');
    expect(result.steps[2]).toMatchObject({ ok: true, detail: expect.stringMatching(/^job complete/) });
    expect(result.passed).toBe(true);
  }, 30_000);

  it('FAILS when the simulator completes the job although pending was asked (its hold never applies)', async () => {
    const c = await connection();
    const admin = core.simulator!.admin;
    const original = admin.addFault;
    admin.addFault = (rule) => original({ ...rule, connection_id: 'someone-else' });
    try {
      const result = await core.drills.run('local', 'deduction-job-pending', c.id);
      expect(result.passed).toBe(false);
      expect(result.steps[1]).toMatchObject({
        ok: false,
        detail: expect.stringContaining('completed although the provider had not acted'),
      });
    } finally {
      admin.addFault = original;
    }
  }, 30_000);

  it('FAILS when another hold keeps the job pending after the drill’s own is cleared', async () => {
    const c = await connection();
    core.simulator!.admin.addFault({ kind: 'manual_job_pending', connection_id: c.id });
    const result = await core.drills.run('local', 'deduction-job-pending', c.id);
    expect(result.passed).toBe(false);
    expect(result.steps[2]).toMatchObject({ ok: false, detail: expect.stringMatching(/^job pending/) });
  }, 60_000);
});

describe('provider does not support this benefit type', () => {
  it('passes: refused with benefit_type_not_supported, explained, with the request id; nothing created', async () => {
    const c = await connection();
    const result = await core.drills.run('local', 'benefit-type-unsupported', c.id);
    expect(result.steps[0]!.detail).toMatch(
      /benefit_type_not_supported.*Finch-Request-ID .+ — The provider does not support this benefit type/,
    );
    expect(result.steps[0]!.requestIds).toHaveLength(1);
    expect(result.passed).toBe(true);
    // The refusal is on the connection's timeline with the same request id.
    const failed = core.connections.timeline('local', c.id).find((e) => e.type === 'deduction_write_failed');
    expect(failed?.requestIds).toEqual(result.steps[0]!.requestIds);
  }, 30_000);

  it('FAILS when a different fault refuses the write (a 500, not the provider’s refusal)', async () => {
    const c = await connection();
    core.simulator!.admin.addFault({ kind: 'error', status: 500, path: '/employer/benefits', method: 'POST', count: 5 });
    const result = await core.drills.run('local', 'benefit-type-unsupported', c.id);
    expect(result.passed).toBe(false);
    expect(result.steps[0]!.detail).toMatch(/500/);
  }, 30_000);

  it('FAILS when the provider accepts the write', async () => {
    const c = await connection();
    const admin = core.simulator!.admin;
    const original = admin.addFault;
    admin.addFault = (rule) => original({ ...rule, connection_id: 'someone-else' });
    try {
      const result = await core.drills.run('local', 'benefit-type-unsupported', c.id);
      expect(result.passed).toBe(false);
      expect(result.steps[0]!.detail).toBe('the provider accepted the write: nothing was refused');
    } finally {
      admin.addFault = original;
    }
  }, 30_000);
});

describe('where the deduction drills run', () => {
  it('refuses them outside the Local simulator', async () => {
    const state = core.environments.create({
      name: 'Sandbox drills',
      kind: 'sandbox',
      clientId: 'client-123456',
      clientSecret: 'secret-123456',
    });
    const env = state.environments.find((e) => e.name === 'Sandbox drills')!;
    await expect(core.drills.run(env.id, 'benefit-type-unsupported', 'x')).rejects.toThrow(/needs the Local simulator/);
  });
});
