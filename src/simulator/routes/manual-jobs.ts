/**
 * Deduction jobs (GET /jobs/manual/{job_id}): created by benefit and enrollment writes, they
 * complete on the simulator clock (JobTiming.benefitMs, assistedBenefitMs) and only then do
 * enrollments take effect. Their body lists one outcome per person, shaped like Finch's batch
 * items elsewhere: `{ individual_id, code, body }`, body `{}` on success or
 * `{ code, name, finch_code, message }` for that person's error.
 */
import { isoDay } from '../data/dates';
import type { ConnectionRecord, JobRecord, JobType, ManualJobItem, ManualJobWork } from '../model/types';
import type { SimulatorCore } from '../simulator-core';
import { jobStatus } from '../state/jobs';

const ITEM_ERROR_NAMES: Record<number, string> = {
  400: 'invalid_request_error',
  404: 'not_found_error',
  422: 'unprocessable_entity_error',
};

export function itemError(individualId: string, code: 400 | 404 | 422, finchCode: string, message: string): ManualJobItem {
  return { individual_id: individualId, code, body: { code, name: ITEM_ERROR_NAMES[code] ?? 'error', finch_code: finchCode, message } };
}

/** Creates a deduction job; a `manual_job_pending` fault keeps it pending until the rule is removed. */
export function createManualJob(
  core: SimulatorCore,
  connection: ConnectionRecord,
  type: JobType,
  now: number,
  work: ManualJobWork | null,
): JobRecord {
  const job = core.jobs.create(connection, type, now);
  job.manual = work;
  const hold = core.faults.takeBehaviour('manual_job_pending', connection.id);
  if (hold) job.heldByFault = hold.id;
  core.store.changed();
  return job;
}

/** Called by the job book when a deduction job completes: enrollments take effect now. */
export function applyManualJob(core: SimulatorCore, connection: ConnectionRecord, job: JobRecord): void {
  const work = job.manual;
  if (!work) return;
  const at = job.completeAt;
  const completionDay = isoDay(at);
  const edit = (kind: 'enroll' | 'unenroll', data: unknown): void => {
    core.store.addEdit({ companyId: connection.companyId, kind, targetId: work.benefitId, live: true, at, data });
  };
  for (const item of work.enroll ?? []) {
    // Without configuration.effective_date, an enrollment is effective from the day its job completes.
    edit('enroll', { individual_id: item.individual_id, body: item.body, effective_date: item.effective_date ?? completionDay });
  }
  if (work.unenroll) {
    const enrolled = core.datasets.viewFor(connection).enrolled(work.benefitId);
    const removed = work.unenroll.filter((id) => enrolled.has(id));
    work.items = work.unenroll.map((id) =>
      enrolled.has(id)
        ? { individual_id: id, code: 200, body: {} }
        : itemError(id, 404, 'individual_not_enrolled', `Individual ${id} is not enrolled in benefit ${work.benefitId}.`),
    );
    if (removed.length > 0) edit('unenroll', { individual_ids: removed, effective_date: completionDay });
  }
  core.store.changed();
}

/** The spec's ManualAsyncJob: per-person outcomes once complete, null before. */
export function manualJobBody(job: JobRecord, now: number): Record<string, unknown> {
  const status = jobStatus(job, now);
  const manualStatus = status === 'complete' ? 'complete' : status === 'pending' || status === 'in_progress' ? status : 'error';
  return {
    job_id: job.id,
    status: manualStatus,
    body: manualStatus === 'complete' ? (job.manual?.items ?? []).map((item) => ({ ...item, body: { ...item.body } })) : null,
  };
}
