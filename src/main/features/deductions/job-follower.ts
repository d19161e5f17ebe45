/**
 * Follows deduction jobs through `GET /jobs/manual/{job_id}`: each check is a logged Finch call
 * whose request id joins the job's list; a finished job's body becomes per-person results.
 * Unfinished jobs are checked again on demand, and by a slow schedule while the app runs (an
 * assisted provider can take days; checking every few seconds would only spend the budget).
 */
import type { DeductionJobKind, DeductionJobStatus, DeductionJobView, JobItem } from '@shared/domain/deduction-jobs';
import { DEDUCTION_JOB_STATUSES } from '@shared/domain/deduction-jobs';
import type { Clock } from '@main/platform/clock';
import { WorkbenchError } from '@main/platform/errors';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { DeductionStore } from './deduction-store';

/** The schedule's period: open jobs of the active environment are checked this often. */
export const SCHEDULE_MS = 10 * 60_000;

export interface NewJob {
  jobId: string;
  connectionId: string;
  kind: DeductionJobKind;
  benefitId: string | null;
  title: string;
  individualIds: string[];
  writeRequestIds: string[];
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A manual job's body (one entry per person for enrollment jobs) as rows. */
export function jobItems(body: unknown): JobItem[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((entry): JobItem[] => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    const inner = (e['body'] && typeof e['body'] === 'object' ? e['body'] : {}) as Record<string, unknown>;
    const id = text(e['individual_id']);
    if (!id) return [];
    return [
      {
        individualId: id,
        code: typeof e['code'] === 'number' ? e['code'] : null,
        finchCode: text(inner['finch_code']) ?? text(e['finch_code']),
        message: text(inner['message']) ?? text(e['message']) ?? text(inner['name']),
      },
    ];
  });
}

export class JobFollower {
  private cancelSchedule: (() => void) | null = null;

  constructor(
    private readonly options: {
      store: DeductionStore;
      lifecycle: ConnectionLifecycle;
      clock: Clock;
      activeId: () => string;
      onChanged: (job: DeductionJobView) => void;
    },
  ) {}

  /** Records a job the app just started (status unknown until the first check). */
  add(environmentId: string, job: NewJob): DeductionJobView {
    const view: DeductionJobView = {
      ...job,
      status: 'unknown',
      items: [],
      checkRequestIds: [],
      createdAt: this.options.clock.now(),
      checkedAt: null,
      completedAt: null,
      checks: 0,
      lastError: null,
    };
    this.options.store.save(environmentId, view);
    this.options.onChanged(view);
    return view;
  }

  /** Asks Finch once; a failed check is kept on the job (and rethrown), the job stays open. */
  async check(environmentId: string, jobId: string): Promise<DeductionJobView> {
    const job = this.options.store.get(environmentId, jobId);
    if (!job) throw new WorkbenchError('not_found', `No deduction job ${jobId} in this environment.`);
    if (job.status === 'complete' || job.status === 'error') return job;
    const now = this.options.clock.now();
    try {
      const result = await this.options.lifecycle.read(environmentId, job.connectionId, (client) => client.jobs.manual.retrieve(jobId));
      const data = result.data as { status?: unknown; body?: unknown };
      const status = DEDUCTION_JOB_STATUSES.includes(data.status as DeductionJobStatus) ? (data.status as DeductionJobStatus) : 'unknown';
      const finished = status === 'complete' || status === 'error';
      const next: DeductionJobView = {
        ...job,
        status,
        items: finished ? jobItems(data.body) : job.items,
        checkRequestIds: result.requestId ? [...job.checkRequestIds, result.requestId] : job.checkRequestIds,
        checkedAt: now,
        completedAt: finished ? now : null,
        checks: job.checks + 1,
        lastError: null,
      };
      this.options.store.save(environmentId, next);
      this.options.onChanged(next);
      return next;
    } catch (error) {
      const e = error as Error & { details?: { requestId?: string } };
      const requestId = e.details?.requestId ?? null;
      const failed: DeductionJobView = {
        ...job,
        checkedAt: now,
        checks: job.checks + 1,
        lastError: e.message,
        checkRequestIds: requestId ? [...job.checkRequestIds, requestId] : job.checkRequestIds,
      };
      this.options.store.save(environmentId, failed);
      this.options.onChanged(failed);
      throw error;
    }
  }

  /** Checks every unfinished job of the environment (of one connection, if given); failures stay on their jobs. */
  async checkOpen(environmentId: string, connectionId?: string): Promise<DeductionJobView[]> {
    const open = this.options.store.openJobs(environmentId).filter((j) => !connectionId || j.connectionId === connectionId);
    for (const job of open) await this.check(environmentId, job.jobId).catch(() => null);
    return this.options.store.jobs(environmentId, connectionId);
  }

  /** Polls a job until it ends or `deadlineMs` passes (on the app's clock); returns its last state. */
  async follow(environmentId: string, jobId: string, deadlineMs: number, everyMs = 500): Promise<DeductionJobView> {
    const until = this.options.clock.now() + deadlineMs;
    for (;;) {
      const job = await this.check(environmentId, jobId);
      if (job.status === 'complete' || job.status === 'error' || this.options.clock.now() >= until) return job;
      await new Promise<void>((resolve) => this.options.clock.setTimeout(resolve, everyMs));
    }
  }

  startSchedule(): void {
    const tick = () => {
      void this.checkOpen(this.options.activeId()).finally(() => {
        if (this.cancelSchedule) this.cancelSchedule = this.options.clock.setTimeout(tick, SCHEDULE_MS);
      });
    };
    this.cancelSchedule = this.options.clock.setTimeout(tick, SCHEDULE_MS);
  }

  stopSchedule(): void {
    const cancel = this.cancelSchedule;
    this.cancelSchedule = null;
    cancel?.();
  }
}
