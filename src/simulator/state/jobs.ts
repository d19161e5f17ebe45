/**
 * Job lifecycle on the simulator clock: pending → in_progress → the connection's configured
 * completion status. Nothing runs in the background: a connection's due jobs are settled
 * lazily whenever a request touches it, and their effects (status change, sync time, edits
 * becoming visible) are applied then, stamped with the job's own completion time.
 */
import { randomUUID } from 'node:crypto';
import type { StateStore } from './state-store';
import type { ConnectionRecord, JobRecord, JobType } from '../model/types';

export interface JobTiming {
  /** Delay before a job is picked up. */
  startDelayMs: number;
  /** data_sync_all and w4 sync duration. */
  syncMs: number;
  /** How long an assisted connection waits for its (simulated) manual setup. */
  assistedSetupMs: number;
  /** Benefit writes on automated connections. */
  benefitMs: number;
  /** Benefit writes on assisted connections are done by hand at Finch. */
  assistedBenefitMs: number;
}

export const DEFAULT_JOB_TIMING: JobTiming = {
  startDelayMs: 500,
  syncMs: 3_000,
  assistedSetupMs: 120_000,
  benefitMs: 2_000,
  assistedBenefitMs: 3_600_000,
};

export type JobStatus = 'pending' | 'in_progress' | 'complete' | 'error' | 'reauth_error' | 'permissions_error';

export function jobStatus(job: JobRecord, now: number): JobStatus {
  // Held by a `manual_job_pending` fault: pending until settle() sees the rule removed.
  if (job.heldByFault) return 'pending';
  if (now < job.startAt) return 'pending';
  if (now < job.completeAt) return 'in_progress';
  return job.completionStatus;
}

export type JobAppliedListener = (
  connection: ConnectionRecord,
  job: JobRecord,
  before: { status: ConnectionRecord['status']; syncedEditSeq: number },
) => void;

export class JobBook {
  /** Told after each job's effects are applied (webhook events). */
  onApplied: JobAppliedListener | null = null;
  /** Carries out a deduction job's writes when it completes (enrollments take effect then). */
  applyManual: ((connection: ConnectionRecord, job: JobRecord) => void) | null = null;
  /** Is this fault rule still holding its jobs pending? */
  isHeld: (faultId: string) => boolean = () => false;

  constructor(
    private readonly store: StateStore,
    private readonly timing: JobTiming,
  ) {}

  create(
    connection: ConnectionRecord,
    type: JobType,
    now: number,
    options: { params?: { individual_id: string } | null; quota?: 'automated' | 'sandbox' | null } = {},
  ): JobRecord {
    const assisted = connection.authenticationType === 'assisted';
    const duration =
      type === 'assisted_setup'
        ? this.timing.assistedSetupMs
        : type.startsWith('benefit_')
          ? assisted
            ? this.timing.assistedBenefitMs
            : this.timing.benefitMs
          : this.timing.syncMs;
    const job: JobRecord = {
      id: randomUUID(),
      connectionId: connection.id,
      kind: type === 'assisted_setup' ? 'internal' : type.startsWith('benefit_') ? 'manual' : 'automated',
      type,
      params: options.params ?? null,
      createdAt: now,
      startAt: now + Math.min(this.timing.startDelayMs, duration),
      completeAt: now + duration,
      // Benefit writes are not data syncs: the sandbox completion setting does not apply.
      completionStatus: type.startsWith('benefit_') ? 'complete' : connection.jobCompletionStatus,
      editSeqAtCreate: this.store.state.nextEditSeq - 1,
      appliedAt: null,
      quota: options.quota ?? null,
    };
    this.store.addJob(job);
    if (connection.nextJobDueAt === null || job.completeAt < connection.nextJobDueAt) connection.nextJobDueAt = job.completeAt;
    this.store.changed();
    return job;
  }

  /**
   * A connection's first sync, listed by /jobs/automated as a finished `data_sync_all` (as Finch
   * lists it), so the initial-sync webhooks' job_url points at a job that answers.
   */
  recordInitialSync(connection: ConnectionRecord, at: number): JobRecord {
    const job: JobRecord = {
      id: randomUUID(),
      connectionId: connection.id,
      kind: 'automated',
      type: 'data_sync_all',
      params: null,
      createdAt: at,
      startAt: at,
      completeAt: at,
      completionStatus: 'complete',
      editSeqAtCreate: this.store.state.nextEditSeq - 1,
      appliedAt: at,
      quota: null,
    };
    this.store.addJob(job);
    this.store.changed();
    return job;
  }

  /** Hourly refresh quota (fixed clock-hour window, as Finch documents it). */
  quota(
    connection: ConnectionRecord,
    which: 'automated' | 'sandbox',
    allowed: number,
    now: number,
  ): { allowed: number; remaining: number; retryAt: number } {
    const hourStart = Math.floor(now / 3_600_000) * 3_600_000;
    const used = this.forConnection(connection.id).filter((j) => j.quota === which && j.createdAt >= hourStart).length;
    return { allowed, remaining: Math.max(0, allowed - used), retryAt: hourStart + 3_600_000 };
  }

  forConnection(connectionId: string): JobRecord[] {
    return this.store.state.jobs.filter((j) => j.connectionId === connectionId);
  }

  /** Applies the effects of every job of this connection that has completed by `now`. */
  settle(connection: ConnectionRecord, now: number): void {
    if (connection.nextJobDueAt === null || connection.nextJobDueAt > now) return;
    let next: number | null = null;
    const due = this.forConnection(connection.id)
      .filter((j) => j.appliedAt === null)
      .sort((a, b) => a.completeAt - b.completeAt);
    for (const job of due) {
      if (job.heldByFault) {
        if (this.isHeld(job.heldByFault)) {
          // Re-checked on every request until the rule is removed.
          next = next === null ? now : Math.min(next, now);
          continue;
        }
        // Released: the job completes now (on this check), not back when it was due.
        job.heldByFault = null;
        job.completeAt = Math.max(job.completeAt, now);
        job.startAt = Math.min(job.startAt, job.completeAt);
      }
      if (job.completeAt > now) {
        next = next === null ? job.completeAt : Math.min(next, job.completeAt);
        continue;
      }
      const before = { status: connection.status, syncedEditSeq: connection.syncedEditSeq };
      this.applyEffects(connection, job);
      if (job.kind === 'manual') this.applyManual?.(connection, job);
      job.appliedAt = job.completeAt;
      this.onApplied?.(connection, job, before);
    }
    connection.nextJobDueAt = next;
    this.store.changed();
  }

  private applyEffects(connection: ConnectionRecord, job: JobRecord): void {
    if (job.type !== 'data_sync_all' && job.type !== 'assisted_setup') return;
    if (connection.disconnectedAt !== null) return;
    const at = job.completeAt;
    connection.lastAttemptAt = at;
    switch (job.completionStatus) {
      case 'complete':
        connection.lastSyncAt = at;
        connection.lastAttemptResult = 'success';
        connection.syncedEditSeq = Math.max(connection.syncedEditSeq, job.editSeqAtCreate);
        if (connection.status !== 'reauth' && connection.status !== 'error_permissions') {
          connection.status = 'connected';
          connection.statusMessage = null;
        }
        break;
      case 'reauth_error':
        connection.lastAttemptResult = 'error';
        connection.status = 'reauth';
        connection.statusMessage = 'The employer changed their credentials; reauthentication is required.';
        break;
      case 'permissions_error':
        connection.lastAttemptResult = 'error';
        connection.status = 'error_permissions';
        connection.statusMessage = 'The account Finch uses lacks the permissions this data needs.';
        break;
      case 'error':
        connection.lastAttemptResult = 'error';
        if (connection.status === 'pending') {
          connection.status = 'error_no_account_setup';
          connection.statusMessage = 'The employer has not finished setting up Finch as an admin.';
        }
        break;
    }
  }
}
