/**
 * Sandbox sync jobs: enqueue a `data_sync_all` (POST /sandbox/jobs) and watch it
 * (GET /jobs/automated/{id}) until it ends. Finch applies sandbox edits to reads only after a
 * sync, so every "edit and see it" goes through here. The job's outcome is mirrored on the
 * connection as Finch would show it: reauth_error → needs reauth, permissions_error → error.
 */
import type { JobTerminal, SyncJobView } from '@shared/domain/sandbox-jobs';
import { isTerminal } from '@shared/domain/sandbox-jobs';
import type { Clock } from '@main/platform/clock';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { WorkbenchError } from '@main/platform/errors';
import type { Operation } from '@main/platform/operations/operations';

export interface SyncJobOptions {
  lifecycle: ConnectionLifecycle;
  connections: ConnectionService;
  clock: Clock;
  /** Between status reads (real Finch jobs take minutes; the simulator's seconds). */
  pollMs?: number;
  /** Give up watching after this long; the job keeps running at Finch. */
  timeoutMs?: number;
}

const STATUS_AFTER: Partial<Record<JobTerminal, { status: string; event: string }>> = {
  reauth_error: { status: 'reauth', event: 'sync_job_reauth_error' },
  permissions_error: { status: 'error_permissions', event: 'sync_job_permissions_error' },
};

export class SyncJobs {
  constructor(private readonly options: SyncJobOptions) {}

  /** Enqueues a sandbox data_sync_all and watches it to its end. */
  async run(environmentId: string, connectionId: string, operation?: Operation): Promise<SyncJobView> {
    const created = await this.options.lifecycle.read(environmentId, connectionId, (client) =>
      client.sandbox.jobs.create({ type: 'data_sync_all' }, operation ? { signal: operation.signal } : undefined),
    );
    const jobId = created.data.job_id;
    if (!jobId)
      throw new WorkbenchError('finch_error', 'Finch accepted the sync job but returned no job id.', {
        requestId: created.requestId ?? undefined,
      });
    return this.watch(environmentId, connectionId, jobId, operation, created.requestId ? [created.requestId] : []);
  }

  async watch(
    environmentId: string,
    connectionId: string,
    jobId: string,
    operation?: Operation,
    requestIds: string[] = [],
  ): Promise<SyncJobView> {
    const { lifecycle, clock } = this.options;
    const pollMs = this.options.pollMs ?? 1_000;
    const deadline = clock.now() + (this.options.timeoutMs ?? 5 * 60_000);
    const seen: string[] = [];
    for (;;) {
      operation?.checkCancelled();
      const read = await lifecycle.read(environmentId, connectionId, (client) =>
        client.jobs.automated.retrieve(jobId, operation ? { signal: operation.signal } : undefined),
      );
      if (read.requestId) requestIds.push(read.requestId);
      const status = read.data.status;
      if (seen.at(-1) !== status) seen.push(status);
      operation?.advance({ pages: 1, detail: `job ${jobId.slice(0, 8)}: ${status}` });
      const view: SyncJobView = {
        jobId,
        status,
        startedAt: read.data.started_at ?? null,
        completedAt: read.data.completed_at ?? null,
        seen,
        requestIds,
      };
      if (isTerminal(status)) {
        this.mirror(environmentId, connectionId, status, read.requestId);
        return view;
      }
      if (clock.now() >= deadline) {
        throw new WorkbenchError(
          'network',
          `Job ${jobId} was still ${status} after ${Math.round((this.options.timeoutMs ?? 300_000) / 1000)} s; it keeps running at Finch. Watch it again later.`,
          {
            requestId: read.requestId ?? undefined,
          },
        );
      }
      await sleep(clock, pollMs, operation?.signal);
    }
  }

  private mirror(environmentId: string, connectionId: string, status: JobTerminal, requestId: string | null): void {
    const after = STATUS_AFTER[status];
    if (after && this.options.connections.get(environmentId, connectionId).status !== after.status) {
      this.options.connections.setStatus(environmentId, connectionId, after.status, after.event, [requestId]);
    }
  }
}

function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const cancel = clock.setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (cancel(), resolve()), { once: true });
  });
}
