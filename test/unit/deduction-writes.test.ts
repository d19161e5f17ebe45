/**
 * Deduction writes outside the network: the typed confirmation in Development, batching, the
 * job each answer starts, and how a manual job's body becomes per-person rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeductionStore } from '@main/features/deductions/deduction-store';
import { DeductionWrites } from '@main/features/deductions/deduction-writes';
import { JobFollower, jobItems } from '@main/features/deductions/job-follower';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';

function setup(kind: 'local-simulator' | 'development') {
  const db = openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'deduction-writes-')), 'db.sqlite'));
  const calls: { body: unknown }[] = [];
  const events: { type: string; detail: Record<string, unknown> }[] = [];
  let job = 0;
  const fakeClient = {
    hris: {
      benefits: {
        create: (body: unknown) => (calls.push({ body }), answer({ benefit_id: 'b-1', job_id: `job-${++job}` })),
        individuals: { enrollMany: (_id: string, body: unknown) => (calls.push({ body }), answer({ job_id: `job-${++job}` })) },
      },
    },
  };
  const answer = (data: unknown) => ({ withResponse: async () => ({ data, response: new Response() }) });
  const lifecycle = {
    read: async (_env: string, _conn: string, fn: (client: unknown) => { withResponse(): Promise<{ data: unknown }> }) => ({
      data: (await fn(fakeClient).withResponse()).data,
      status: 200,
      requestId: `req-${calls.length}`,
    }),
  } as unknown as ConnectionLifecycle;
  const environments = { get: () => ({ id: 'env', kind, name: 'Dev' }), activeId: () => 'env' } as unknown as EnvironmentService;
  const connections = {
    get: () => ({ id: 'conn-1', customerName: 'Harbor Dental', disconnectedAt: null }),
    recordEvent: (_e: string, _c: string, _cu: null, type: string, detail: Record<string, unknown>) => (events.push({ type, detail }), 1),
  } as unknown as ConnectionService;
  const store = new DeductionStore(db);
  const follower = new JobFollower({
    store,
    lifecycle,
    clock: { now: () => 1_000, setTimeout: () => () => {} },
    activeId: () => 'env',
    onChanged: () => {},
  });
  const writes = new DeductionWrites({ environments, connections, lifecycle, follower });
  return { writes, calls, events, store };
}

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    individualId: `person-${i}`,
    configuration: { employeeDeduction: { type: 'percent' as const, amount: 500 } },
  }));

describe('deduction writes', () => {
  it('in Development refuse to write until the customer name is typed, and send nothing', async () => {
    const { writes, calls } = setup('development');
    await expect(writes.createBenefit('env', { connectionId: 'conn-1', type: '401k', description: 'Plan' })).rejects.toThrow(
      'Type “Harbor Dental” to create a company benefit',
    );
    await expect(
      writes.createBenefit('env', { connectionId: 'conn-1', type: '401k', description: 'Plan', confirmName: 'harbor dental' }),
    ).rejects.toThrow();
    expect(calls).toHaveLength(0);
    const ok = await writes.createBenefit('env', {
      connectionId: 'conn-1',
      type: '401k',
      description: 'Plan',
      confirmName: 'Harbor Dental',
    });
    expect(ok.benefitId).toBe('b-1');
    expect(calls).toHaveLength(1);
  });

  it('enroll 250 people as three jobs of at most 100, each recorded on the timeline and kept in the store', async () => {
    const { writes, calls, events, store } = setup('local-simulator');
    const result = await writes.enroll('env', { connectionId: 'conn-1', benefitId: 'b-1', people: people(250) });
    expect(calls.map((c) => (c.body as { individuals: unknown[] }).individuals.length)).toEqual([100, 100, 50]);
    expect(result.jobs.map((j) => j.title)).toEqual([
      'Enroll 100 people (batch 1 of 3)',
      'Enroll 100 people (batch 2 of 3)',
      'Enroll 50 people (batch 3 of 3)',
    ]);
    expect(result.jobs[2]!.individualIds).toHaveLength(50);
    expect(events.filter((e) => e.type === 'deduction_write')).toHaveLength(3);
    expect(store.openJobs('env').map((j) => j.jobId)).toEqual(result.jobs.map((j) => j.jobId));
    // Sent in Finch's shape.
    expect((calls[0]!.body as { individuals: unknown[] }).individuals[0]).toEqual({
      individual_id: 'person-0',
      configuration: { employee_deduction: { type: 'percent', amount: 500 } },
    });
  });
});

describe('a manual job body as rows', () => {
  it('reads per-person codes, finch codes and messages; skips entries without a person', () => {
    expect(
      jobItems([
        { individual_id: 'a', code: 200, body: {} },
        { individual_id: 'b', code: 422, body: { finch_code: 'enrollment_rejected', message: 'amount over 100%' } },
        { code: 500 },
        'junk',
      ]),
    ).toEqual([
      { individualId: 'a', code: 200, finchCode: null, message: null },
      { individualId: 'b', code: 422, finchCode: 'enrollment_rejected', message: 'amount over 100%' },
    ]);
    expect(jobItems(null)).toEqual([]);
  });
});
