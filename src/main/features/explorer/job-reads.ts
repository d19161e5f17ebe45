/**
 * Jobs: the automated list (with Finch's data_sync_all quota), one automated or manual job,
 * and starting a data_sync_all, which Finch allows once an hour per connection.
 *
 * A refused refresh answers 429 with the quota and `retry_at`, not a rate-limit header: it
 * is not retried (the wait is up to an hour) and is explained with the time it frees up.
 */
import { APIError } from '@tryfinch/finch-api';
import type { EndpointRead, PendingContext, SyncStart } from '@shared/domain/explorer';
import { WorkbenchError } from '@main/platform/errors';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { joinIds, rawBody, readEndpoint } from '@main/platform/reads/finch-read';

export function readAutomatedJobs(ctx: ReadContext): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.jobs.automated.list({ limit: 100 }));
}

export function readJob(ctx: ReadContext, kind: 'automated' | 'manual', jobId: string): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => (kind === 'automated' ? client.jobs.automated.retrieve(jobId) : client.jobs.manual.retrieve(jobId)));
}

interface QuotaBody {
  job_id?: string;
  allowed_refreshes?: number;
  remaining_refreshes?: number;
  retry_at?: string;
}

export async function startDataSync(ctx: ReadContext): Promise<SyncStart> {
  const result = await ctx.lifecycle.read<unknown>(ctx.environmentId, ctx.connectionId, (client) => ({
    async withResponse() {
      try {
        return await client.jobs.automated.create({ type: 'data_sync_all' }, { maxRetries: 0 }).withResponse();
      } catch (error) {
        if (error instanceof APIError && error.status === 429) throw refreshRefused(error);
        throw error;
      }
    },
  }));
  const body = (rawBody(result.data) ?? {}) as QuotaBody;
  return {
    status: result.status,
    jobId: body.job_id ?? null,
    alreadyQueued: result.status === 202,
    allowedRefreshes: body.allowed_refreshes ?? null,
    remainingRefreshes: body.remaining_refreshes ?? null,
    data: body,
    requestIds: joinIds([result.requestId]),
  };
}

function refreshRefused(error: APIError): WorkbenchError {
  const body = (error.error ?? {}) as QuotaBody & { message?: string; finch_code?: string };
  const requestId = error.headers?.get('finch-request-id') ?? undefined;
  const allowed = body.allowed_refreshes;
  const when = body.retry_at ? ` The next one is allowed at ${body.retry_at}.` : '';
  const quota =
    typeof allowed === 'number'
      ? `Finch allows ${allowed} forced data_sync_all per hour for a connection, and none is left.`
      : 'Finch refused another forced data sync for now.';
  return new WorkbenchError('rate_limited', `${quota}${when} Finch still syncs on its own schedule.`, {
    ...(requestId ? { requestId } : {}),
    finchCode: body.finch_code ?? 'refresh_quota_exhausted',
  });
}

/**
 * For a 202: what to watch. The connection's status from /introspect (an assisted setup
 * waiting for the employer, a first sync) and the automated jobs not finished yet.
 */
export async function readPendingContext(ctx: ReadContext): Promise<PendingContext> {
  const [introspection, jobs] = await Promise.all([
    readEndpoint(ctx, (client) => client.account.introspect()),
    readAutomatedJobs(ctx).catch(() => null),
  ]);
  const info = (introspection.data ?? {}) as {
    authentication_methods?: { connection_status?: { status?: string; message?: string } | null }[];
  };
  const statuses = (info.authentication_methods ?? []).map((m) => m.connection_status).filter((s) => s && s.status);
  const open = ((jobs?.data as { data?: Record<string, unknown>[] } | null)?.data ?? []).filter(
    (j) => j['status'] === 'pending' || j['status'] === 'in_progress',
  );
  return {
    connectionStatus: statuses[0]?.status ?? null,
    statusMessage: statuses[0]?.message ?? null,
    jobs: open.map((j) => ({
      jobId: String(j['job_id'] ?? ''),
      type: typeof j['type'] === 'string' ? j['type'] : null,
      status: typeof j['status'] === 'string' ? j['status'] : null,
      createdAt: typeof j['created_at'] === 'string' ? j['created_at'] : null,
    })),
    requestIds: joinIds(introspection.requestIds, jobs?.requestIds ?? []),
  };
}
