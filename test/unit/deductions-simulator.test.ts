/**
 * The Deductions lab end to end against the embedded simulator, through the services the
 * screen calls: create a benefit, enroll people (some refused per person), follow the jobs,
 * run the next pay run and reconcile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('deductions-simulator', { simulatorClockSpeed: 60 });
});
afterAll(() => core.close());

describe('deductions on the simulator', () => {
  it('a 401(k) with a match: 25 enrolled (2 bad amounts, contractors refused), the jobs followed, the next pay run reconciled', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 30 });
    const lab = core.deductions;
    const tiers = [{ match: 10_000, threshold: 300 }];
    const created = await lab.writes.createBenefit('local', {
      connectionId: c.id,
      type: '401k',
      description: 'Probe 401(k)',
      companyContribution: { type: 'match', tiers },
    });
    expect((await lab.follower.follow('local', created.jobs[0]!.jobId, 60_000, 50)).status).toBe('complete');
    const people = (await lab.reads.people('local', c.id)).people.slice(0, 25);
    const result = await lab.writes.enroll('local', {
      connectionId: c.id,
      benefitId: created.benefitId!,
      people: people.map((p, i) => ({
        individualId: p.individualId,
        configuration: {
          employeeDeduction: { type: 'percent', amount: i === 3 ? 15_000 : i === 7 ? -200 : 500 },
          companyContribution: { type: 'tiered', tiers },
        },
      })),
    });
    const job = await lab.follower.follow('local', result.jobs[0]!.jobId, 60_000, 50);
    expect(job.status).toBe('complete');
    expect(job.checkRequestIds.length).toBe(job.checks);
    const refused = job.items.filter((i) => (i.code ?? 0) >= 400);
    expect(refused.map((i) => i.individualId)).toEqual(expect.arrayContaining([people[3]!.individualId, people[7]!.individualId]));
    const enrolled = job.items.length - refused.length;

    const rec = await lab.reconciliation.reconcile('local', { connectionId: c.id, benefitId: created.benefitId! });
    expect(rec.source).toBe('simulator_pay_run');
    expect(rec.counts).toMatchObject({ match: enrolled, mismatch: 0, missing: 0, unexpected: 0, not_enrolled: refused.length });
    const notEnrolled = rec.rows.filter((r) => r.status === 'not_enrolled');
    expect(notEnrolled.every((r) => r.notes[0]!.startsWith('Never enrolled: '))).toBe(true);
    // 5% deferred, 3% matched: every matching row says so in cents.
    for (const row of rec.rows.filter((r) => r.status === 'match'))
      expect(Math.abs(row.expectedContribution! - (row.expectedDeduction! * 3) / 5)).toBeLessThanOrEqual(1);
    expect(lab.store.reconciliations('local')[0]!.paymentId).toBe(rec.paymentId);
  });

  it('never offers or checks a payment the app wrote through /sandbox/payment', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 5 });
    const person = (await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list())).data.individuals[0]!;
    const today = new Date(core.simulator!.clock.now()).toISOString().slice(0, 10);
    const written = await core.mockData.write('local', {
      connectionId: c.id,
      write: 'payment',
      body: {
        start_date: today,
        end_date: today,
        pay_statements: [
          {
            individual_id: person.id!,
            type: 'off_cycle_payroll',
            earnings: [{ type: 'bonus', amount: 10_000, currency: 'usd', name: 'Bonus' }],
          },
        ],
      },
    });
    const paymentId = (written.data as { payment_id: string }).payment_id;
    const offered = await core.deductions.reconciliation.payments('local', c.id);
    expect(offered.payments.map((p) => p.paymentId)).not.toContain(paymentId);
    expect(offered.excludedAppWritten).toBe(1);
    const benefit = (await core.deductions.reads.benefits('local', c.id)).benefits[0]!;
    await expect(
      core.deductions.reconciliation.reconcile('local', { connectionId: c.id, benefitId: benefit.benefitId, paymentId }),
    ).rejects.toThrow('written by the app through /sandbox/payment');
  });
});
