/**
 * Three drills about the write half of Finch (the Deductions lab), each on the Local simulator
 * with one of its deduction faults:
 *  - enrollment partially fails: some people of one enroll job get a per-person error; the app
 *    must show them with their errors while the rest are enrolled (checked through Finch's
 *    enrollment read, not only the job);
 *  - assisted job stays pending: the job must be reported pending (not failed, not complete)
 *    check after check, then complete once the provider (the fault) lets go;
 *  - benefit type unsupported: the write is refused with `benefit_type_not_supported` and the
 *    app explains it, with the request id to quote.
 * The deduction services come in through `DeductionDrillPort` (the composition root passes the
 * lab's functions): the sandbox feature never imports the deductions feature.
 */
import type { BenefitList, BenefitSupport, BenefitType, CreateBenefitInput, EnrollInput, EnrollmentList } from '@shared/domain/deductions';
import { BENEFIT_TYPES } from '@shared/domain/deductions';
import type { DeductionJobView, DeductionWriteResult } from '@shared/domain/deduction-jobs';
import type { Clock } from '@main/platform/clock';
import type { WorkbenchError } from '@main/platform/errors';
import { explain } from '@main/platform/explainer/explainer';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { Step } from './drills-limits-jobs';

/** What the drills need from the Deductions lab. */
export interface DeductionDrillPort {
  support(environmentId: string, connectionId: string): Promise<BenefitSupport>;
  benefits(environmentId: string, connectionId: string): Promise<BenefitList>;
  people(environmentId: string, connectionId: string): Promise<{ people: { individualId: string; active: boolean | null }[] }>;
  enrollments(environmentId: string, connectionId: string, benefitId: string): Promise<EnrollmentList>;
  createBenefit(environmentId: string, input: CreateBenefitInput): Promise<DeductionWriteResult>;
  enroll(environmentId: string, input: EnrollInput): Promise<DeductionWriteResult>;
  check(environmentId: string, jobId: string): Promise<DeductionJobView>;
  follow(environmentId: string, jobId: string, deadlineMs: number, everyMs?: number): Promise<DeductionJobView>;
}

/** The simulator's fault switch: add a rule, and take it away again by id. */
export interface FaultSwitch {
  add(rule: Record<string, unknown>): { id: string };
  remove(id: string): boolean;
}

export interface DeductionDrillContext {
  env: string;
  connectionId: string;
  deductions: DeductionDrillPort;
  faults: FaultSwitch;
  requestLog: RequestLog;
  clock: Clock;
  /** Whatever each drill set up must be undone even when a step fails (the runner calls these). */
  cleanup: (undo: () => void) => void;
}

/** How long a job may take before the drill gives up (simulated minutes on a fast test clock). */
const JOB_DEADLINE_MS = 120_000;
/** Pending drill: checks this far apart, well past the simulator's 2 s benefit job. */
export const PENDING_CHECKS = 3;
export const PENDING_GAP_MS = 2_500;
const PARTIAL_PEOPLE = 5;
const PARTIAL_REFUSED = 2;
const REFUSAL = 'Drill: the provider refused this person (enrollment_partial_failure)';

const ids = (...lists: (readonly (string | null | undefined)[])[]) => [
  ...new Set(lists.flat().filter((id): id is string => typeof id === 'string' && id !== '')),
];
const errorIds = (e: WorkbenchError | null) => (e?.details?.requestId ? [e.details.requestId] : []);
const wait = (clock: Clock, ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

/** A benefit type the provider can create for this connection (401(k) when it can). */
async function creatableType(c: DeductionDrillContext): Promise<{ type: BenefitType | null; requestIds: string[] }> {
  const support = await c.deductions.support(c.env, c.connectionId);
  const creatable = support.types.filter(
    (t) =>
      t.supported && (t.operations['company_benefits'] ?? ['create']).includes('create') && BENEFIT_TYPES.includes(t.type as BenefitType),
  );
  const type = (creatable.find((t) => t.type === '401k') ?? creatable[0])?.type ?? null;
  return { type: type as BenefitType | null, requestIds: support.requestIds };
}

export function enrollmentPartialFailure(c: DeductionDrillContext): Step[] {
  let benefitId = '';
  let refusedOnPurpose: string[] = [];
  let job: DeductionJobView | null = null;
  return [
    async (r) => {
      const { type, requestIds } = await creatableType(c);
      if (!type) {
        r({
          name: 'Create a benefit to enroll people in',
          ok: false,
          detail: 'This provider supports no benefit type Finch can create: use a connection of a provider with deductions (e.g. gusto).',
          requestIds,
        });
        return;
      }
      const created = await c.deductions.createBenefit(c.env, {
        connectionId: c.connectionId,
        type,
        description: 'Drill: partial enrollment',
      });
      const done = await c.deductions.follow(c.env, created.jobs[0]!.jobId, JOB_DEADLINE_MS);
      benefitId = created.benefitId ?? '';
      r({
        name: `Create a ${type} benefit and follow its job`,
        ok: done.status === 'complete' && benefitId !== '',
        detail: `benefit ${benefitId || '(no id)'}; job ${done.jobId} ${done.status} after ${done.checks} check(s)`,
        requestIds: ids(requestIds, created.requestIds, done.checkRequestIds),
      });
    },
    async (r) => {
      const people = (await c.deductions.people(c.env, c.connectionId)).people.filter((p) => p.active !== false).slice(0, PARTIAL_PEOPLE);
      refusedOnPurpose = people.slice(0, PARTIAL_REFUSED).map((p) => p.individualId);
      const rule = c.faults.add({
        kind: 'enrollment_partial_failure',
        connection_id: c.connectionId,
        individual_ids: refusedOnPurpose,
        message: REFUSAL,
      });
      c.cleanup(() => c.faults.remove(rule.id));
      const written = await c.deductions.enroll(c.env, {
        connectionId: c.connectionId,
        benefitId,
        people: people.map((p) => ({
          individualId: p.individualId,
          configuration: { employeeDeduction: { type: 'fixed', amount: 2_500 } },
        })),
      });
      job = await c.deductions.follow(c.env, written.jobs[0]!.jobId, JOB_DEADLINE_MS);
      const refused = job.items.filter((i) => (i.code ?? 0) >= 400);
      const explained = refused.filter((i) => i.message !== null || i.finchCode !== null);
      const targeted = refusedOnPurpose.every((id) => refused.some((i) => i.individualId === id));
      const ok = job.status === 'complete' && targeted && explained.length === refused.length && refused.length < job.items.length;
      r({
        name: `Enroll ${people.length} people with ${PARTIAL_REFUSED} refused by the provider; follow the job to its end`,
        ok,
        detail:
          `job ${job.status} after ${job.checks} check(s): ${job.items.length - refused.length} enrolled, ${refused.length} refused` +
          (refused.length > 0
            ? ` (${refused.map((i) => `${i.individualId}: ${i.code ?? '?'} ${i.finchCode ?? ''} ${i.message ?? 'no message'}`.trim()).join('; ')})`
            : '') +
          (job.status !== 'complete' ? ': the job never finished, so nobody’s result is known' : '') +
          (!targeted && job.status === 'complete' ? ': the people the provider refused show no per-person error' : ''),
        requestIds: ids(written.requestIds, job.checkRequestIds),
      });
    },
    async (r) => {
      const enrolledByJob = job!.items.filter((i) => i.code === 200).map((i) => i.individualId);
      const read = await c.deductions.enrollments(c.env, c.connectionId, benefitId);
      const enrolledAtFinch = read.people.filter((p) => p.code === 200).map((p) => p.individualId);
      const missing = enrolledByJob.filter((id) => !enrolledAtFinch.includes(id));
      const leaked = refusedOnPurpose.filter((id) => enrolledAtFinch.includes(id));
      r({
        name: 'Finch’s enrollment read agrees: the rest are enrolled, the refused people are not',
        ok: missing.length === 0 && leaked.length === 0 && enrolledByJob.length > 0,
        detail: `${enrolledAtFinch.length} enrolled at Finch${missing.length ? `; missing: ${missing.join(', ')}` : ''}${leaked.length ? `; enrolled although refused: ${leaked.join(', ')}` : ''}`,
        requestIds: read.requestIds,
      });
    },
  ];
}

export function deductionJobPending(c: DeductionDrillContext): Step[] {
  let jobId = '';
  let ruleId = '';
  const seen: string[] = [];
  const checkIds: string[] = [];
  return [
    async (r) => {
      const rule = c.faults.add({ kind: 'manual_job_pending', connection_id: c.connectionId });
      ruleId = rule.id;
      c.cleanup(() => c.faults.remove(rule.id));
      const created = await c.deductions.createBenefit(c.env, { connectionId: c.connectionId, description: 'Drill: assisted pending job' });
      jobId = created.jobs[0]!.jobId;
      r({
        name: 'The provider takes the write by hand (manual_job_pending): create a benefit',
        ok: true,
        detail: `job ${jobId}`,
        requestIds: created.requestIds,
      });
    },
    async (r) => {
      for (let i = 0; i < PENDING_CHECKS; i++) {
        await wait(c.clock, PENDING_GAP_MS);
        const job = await c.deductions.check(c.env, jobId);
        seen.push(job.status);
        checkIds.push(...job.checkRequestIds.filter((id) => !checkIds.includes(id)));
        if (job.status === 'complete' || job.status === 'error') break;
      }
      const ok = seen.length === PENDING_CHECKS && seen.every((s) => s === 'pending');
      r({
        name: `The job is reported pending (not failed, not complete) over ${PENDING_CHECKS} checks`,
        ok,
        detail:
          `checks: ${seen.join(' → ')}` +
          (ok ? '' : seen.includes('complete') ? ': it completed although the provider had not acted' : ': it was not reported as pending'),
        requestIds: [...checkIds],
      });
    },
    async (r) => {
      c.faults.remove(ruleId);
      const job = await c.deductions.follow(c.env, jobId, JOB_DEADLINE_MS);
      r({
        name: 'The provider acts (the fault is cleared): the job completes',
        ok: job.status === 'complete',
        detail: `job ${job.status} after ${job.checks} check(s) in all`,
        requestIds: job.checkRequestIds.filter((id) => !checkIds.includes(id)),
      });
    },
  ];
}

export function benefitTypeUnsupported(c: DeductionDrillContext): Step[] {
  const description = 'Drill: unsupported benefit type';
  return [
    async (r) => {
      const rule = c.faults.add({ kind: 'benefit_type_unsupported', connection_id: c.connectionId });
      c.cleanup(() => c.faults.remove(rule.id));
      const refused = await c.deductions.createBenefit(c.env, { connectionId: c.connectionId, type: '401k', description }).then(
        () => null,
        (e: unknown) => e as WorkbenchError,
      );
      const requestId = refused?.details?.requestId ?? null;
      const attempt = requestId ? c.requestLog.findByRequestId(requestId)[0] : undefined;
      const explanation = refused
        ? explain({
            status: attempt?.status ?? null,
            finchCode: refused.details?.finchCode ?? null,
            message: refused.message,
            requestIds: [requestId],
          })
        : null;
      const ok =
        refused !== null &&
        refused.details?.finchCode === 'benefit_type_not_supported' &&
        requestId !== null &&
        explanation?.ruleId === 'benefit-type-not-supported';
      r({
        name: 'Create a 401(k) the provider does not support: refused with benefit_type_not_supported, explained, with its request id',
        ok,
        detail: !refused
          ? 'the provider accepted the write: nothing was refused'
          : `${refused.message}${requestId ? ` (Finch-Request-ID ${requestId})` : ' (no request id)'} — ${explanation?.title ?? 'no explanation'}${
              explanation?.ruleId === 'benefit-type-not-supported' ? `: ${explanation.nextStep}` : ''
            }`,
        requestIds: errorIds(refused),
      });
    },
    async (r) => {
      const list = await c.deductions.benefits(c.env, c.connectionId);
      const created = list.benefits.some((b) => b.description === description);
      r({
        name: 'Nothing was created',
        ok: !created,
        detail: created ? 'the benefit exists although the write was refused' : `${list.benefits.length} benefit(s), none from this drill`,
        requestIds: list.requestIds,
      });
    },
  ];
}
