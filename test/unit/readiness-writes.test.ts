/**
 * The readiness report's write-side item: not applicable to someone who never writes; pass only
 * with a completed write, a job followed to its end, and a paycheck that matched; fail when the
 * latest paycheck check differs.
 */
import { describe, expect, it } from 'vitest';
import { deductionWrites } from '@main/features/readiness/evaluate-writes';
import type { EvidenceContext } from '@main/features/readiness/evidence-context';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import type { Reconciliation } from '@shared/domain/reconciliation';

const job = (over: Partial<DeductionJobView> = {}): DeductionJobView => ({
  jobId: 'job-1',
  connectionId: 'c1',
  kind: 'enroll',
  benefitId: 'b1',
  title: 'Enroll 3 people',
  status: 'complete',
  individualIds: ['a', 'b', 'c'],
  items: [
    { individualId: 'a', code: 200, finchCode: null, message: null },
    { individualId: 'b', code: 422, finchCode: 'x', message: 'no' },
  ],
  writeRequestIds: ['req-write'],
  checkRequestIds: ['req-check'],
  createdAt: 1,
  checkedAt: 2,
  completedAt: 2,
  checks: 1,
  lastError: null,
  ...over,
});
const rec = (counts: Partial<Reconciliation['counts']>): Reconciliation => ({
  connectionId: 'c1',
  benefitId: 'b1',
  benefitDescription: 'Plan',
  benefitType: '401k',
  paymentId: 'pay-1',
  payDate: '2026-12-15',
  payType: 'regular_payroll',
  source: 'simulator_pay_run',
  rows: [],
  counts: { match: 0, mismatch: 0, missing: 0, not_enrolled: 0, unexpected: 0, no_statement: 0, ...counts },
  requestIds: ['req-statements'],
  at: 3,
});
const ctx = (jobs: DeductionJobView[], recs: Reconciliation[], drills: unknown[] = []): EvidenceContext =>
  ({
    environments: [{ id: 'local', name: 'Local simulator', kind: 'local-simulator' }],
    deductions: { jobs: () => jobs, reconciliations: () => recs },
    drills,
    text: (t: string) => t,
  }) as unknown as EvidenceContext;

describe('readiness: deduction writes', () => {
  it('is not applicable when nothing was ever written', () => {
    expect(deductionWrites(ctx([], [])).status).toBe('not_applicable');
  });

  it('is not yet while the job is still pending, and names what is missing', () => {
    const v = deductionWrites(ctx([job({ status: 'pending', completedAt: null, items: [] })], []));
    expect(v.status).toBe('not_yet');
    expect(v.summary).toContain('a job followed to its end');
    expect(v.summary).toContain('a paycheck reconciled without differences');
  });

  it('passes with a completed write, a followed job and a matching paycheck, citing their request ids', () => {
    const v = deductionWrites(ctx([job()], [rec({ match: 2, not_enrolled: 1 })]));
    expect(v.status).toBe('pass');
    expect(v.evidence.flatMap((e) => e.requestIds)).toEqual(expect.arrayContaining(['req-write', 'req-check', 'req-statements']));
  });

  it('fails when the latest paycheck check differs, even after an earlier clean one', () => {
    const older = { ...rec({ match: 3 }), at: 1 };
    expect(deductionWrites(ctx([job()], [rec({ match: 1, mismatch: 1 }), older])).status).toBe('fail');
  });

  it('does not count a job whose every person was refused as a completed write', () => {
    const refused = job({ items: [{ individualId: 'a', code: 422, finchCode: 'x', message: 'no' }] });
    expect(deductionWrites(ctx([refused], [rec({ match: 1 })])).summary).toContain('a write Finch completed');
  });

  it('cites the latest deduction drills, and fails when the newest run of one failed', () => {
    const drill = (drillId: string, passed: boolean, finishedAt: number) => ({
      id: finishedAt,
      drill: drillId,
      connectionId: 'c1',
      passed,
      startedAt: finishedAt - 1,
      finishedAt,
      steps: [],
      requestIds: [`req-${drillId}`],
      environmentId: 'local',
    });
    const passing = deductionWrites(
      ctx([job()], [rec({ match: 2 })], [drill('deduction-job-pending', true, 9), drill('deduction-job-pending', false, 5)]),
    );
    expect(passing.status).toBe('pass');
    expect(passing.evidence.map((e) => e.text)).toContain('Drill deduction-job-pending: passed.');
    const failing = deductionWrites(ctx([job()], [rec({ match: 2 })], [drill('benefit-type-unsupported', false, 9)]));
    expect(failing.status).toBe('fail');
    expect(failing.summary).toContain('benefit-type-unsupported drill failed');
    expect(failing.evidence.flatMap((e) => e.requestIds)).toContain('req-benefit-type-unsupported');
  });
});
