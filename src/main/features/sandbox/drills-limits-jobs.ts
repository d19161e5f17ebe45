/**
 * Two drills about what Finch does over time rather than per call:
 *  - rate-limit storm: more reads at once than Finch allows per minute; the limiter must
 *    queue the excess so no 429 ever reaches the caller (or Finch);
 *  - failing sync job: the next data_sync_all is set to end in reauth_error; the app must see
 *    the job fail, show the connection as needing reauth, and recover once the job completes.
 * The step type and helpers are shared with drills.ts.
 */
import type { DrillStep } from '@shared/domain/drills';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { WorkbenchError } from '@main/platform/errors';
import type { Company } from '@tryfinch/finch-api/resources/hris/company';
import type { CallResult } from '@main/platform/finch/gateway';
import { PRODUCT_LIMITS } from '@main/platform/finch/products';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { MockData } from './mock-data';
import type { SyncJobs } from './sync-job';

export type Step = (record: (step: DrillStep) => void) => Promise<void>;

export interface LimitsJobsContext {
  env: string;
  connectionId: string;
  lifecycle: ConnectionLifecycle;
  connections: ConnectionService;
  requestLog: RequestLog;
  mockData: MockData;
  syncJobs: SyncJobs;
  /** The clock the limiter runs on (the attempt log is stamped with it). */
  now: () => number;
}

export const ids = (...results: ({ requestId: string | null } | null | undefined)[]) =>
  results.map((r) => r?.requestId).filter((id): id is string => typeof id === 'string');

/** How many reads past the per-minute limit the storm sends. */
export const STORM_EXCESS = 5;

export function rateLimitStorm(c: LimitsJobsContext): Step[] {
  const limit = PRODUCT_LIMITS['company']!;
  const burst = limit + STORM_EXCESS;
  return [
    async (r) => {
      const firedAt = c.now();
      const settled = await Promise.allSettled(
        Array.from({ length: burst }, () => c.lifecycle.read(c.env, c.connectionId, (client) => client.hris.company.retrieve())),
      );
      const done = settled.filter((s): s is PromiseFulfilledResult<CallResult<Company>> => s.status === 'fulfilled').map((s) => s.value);
      const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as WorkbenchError);
      const attempts = done.flatMap((d) => c.requestLog.attemptsOf(d.callId));
      const throttled = attempts.filter((a) => a.status === 429);
      // A call "waited" when its first attempt left more than a second after the burst was fired.
      const waited = done.filter((d) => (c.requestLog.attemptsOf(d.callId)[0]?.time ?? firedAt) - firedAt > 1_000).length;
      const requestIds = [...new Set([...attempts.map((a) => a.requestId), ...failed.map((f) => f.details?.requestId)])].filter(
        (x): x is string => !!x,
      );
      const ok = failed.length === 0 && throttled.length === 0 && waited >= STORM_EXCESS;
      const why =
        throttled.length > 0
          ? ` Finch answered 429 ${throttled.length}× although the app stayed within ${limit}/min: something else is spending this application's budget (another process with the same client_id?).`
          : failed.length > 0
            ? ` First failure: ${failed[0]!.message}`
            : waited < STORM_EXCESS
              ? ' Fewer calls waited than the limit requires: the limiter did not hold the excess back.'
              : '';
      r({
        name: `${burst} company reads at once; Finch allows ${limit} per minute per application`,
        ok,
        detail: `${done.length}/${burst} succeeded, ${throttled.length} × 429 seen, ${waited} held back by the limiter until the window had room.${why}`,
        requestIds,
      });
    },
  ];
}

export function failingSyncJob(c: LimitsJobsContext): Step[] {
  const failureOf = async <T>(promise: Promise<T>) =>
    promise.then(
      () => null,
      (e: unknown) => e as WorkbenchError,
    );
  return [
    async (r) => {
      const config = await c.mockData.setJobConfiguration(c.env, c.connectionId, 'reauth_error');
      r({
        name: 'Set the next data_sync_all to end in reauth_error (PUT /sandbox/jobs/configuration)',
        ok: config.completionStatus === 'reauth_error',
        detail: `completion_status ${config.completionStatus}`,
        requestIds: ids(config),
      });
    },
    async (r) => {
      const job = await c.syncJobs.run(c.env, c.connectionId);
      const status = c.connections.get(c.env, c.connectionId).status;
      r({
        name: 'Enqueue a sync and watch it: the job fails and the connection shows “needs reauth”',
        ok: job.status === 'reauth_error' && status === 'reauth',
        detail: `job ${job.seen.join(' → ')}; connection ${status}`,
        requestIds: job.requestIds,
      });
    },
    async (r) => {
      const failure = await failureOf(c.lifecycle.read(c.env, c.connectionId, (client) => client.hris.company.retrieve()));
      r({
        name: 'Reads answer 401 reauthenticate_user until the employer reconnects',
        ok: failure?.kind === 'reauth_required',
        detail: failure ? `${failure.kind}: ${failure.message}` : 'the read succeeded: the failed job went unnoticed',
        requestIds: failure?.details.requestId ? [failure.details.requestId] : [],
      });
    },
    async (r) => {
      const config = await c.mockData.setJobConfiguration(c.env, c.connectionId, 'complete');
      const reconnected = await c.mockData.setStatus(c.env, c.connectionId, 'connected');
      const job = await c.syncJobs.run(c.env, c.connectionId);
      const read = await c.lifecycle.read(c.env, c.connectionId, (client) => client.hris.company.retrieve());
      r({
        name: 'Reconnect and sync again: the job completes and reads work',
        ok: job.status === 'complete' && read.status === 200 && reconnected.status === 'connected',
        detail: `job ${job.seen.join(' → ')}; read HTTP ${read.status}`,
        requestIds: [...ids(config), ...job.requestIds, ...ids(read)],
      });
    },
  ];
}
