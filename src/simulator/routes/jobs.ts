/**
 * Automated jobs (data_sync_all with Finch's one forced refresh per hour per connection, and
 * w4_form_employee_sync) and manual jobs (benefit writes). Status follows the simulator clock
 * and the connection's sandbox job configuration.
 */
import { isoDateTime } from '../data/dates';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import type { SimulatorCore } from '../simulator-core';
import { jobStatus } from '../state/jobs';
import type { JobRecord } from '../model/types';
import { isObject, objectBody, requirePresent } from './input';
import { manualJobBody } from './manual-jobs';

export const AUTOMATED_REFRESHES_PER_HOUR = 1;

export function jobUrl(core: SimulatorCore, job: JobRecord): string {
  return `${core.baseUrl}/jobs/${job.kind === 'manual' ? 'manual' : 'automated'}/${job.id}`;
}

export function automatedJobBody(core: SimulatorCore, job: JobRecord, now: number): Record<string, unknown> {
  const status = jobStatus(job, now);
  return {
    job_id: job.id,
    job_url: jobUrl(core, job),
    type: job.type === 'w4_form_employee_sync' ? 'w4_form_employee_sync' : 'data_sync_all',
    status,
    created_at: isoDateTime(job.createdAt),
    scheduled_at: isoDateTime(job.createdAt),
    started_at: status === 'pending' ? null : isoDateTime(job.startAt),
    completed_at: status === 'pending' || status === 'in_progress' ? null : isoDateTime(job.completeAt),
    params: job.params,
  };
}

function enqueue(ctx: RequestContext): RouteResult {
  const { core, connection } = requireConnection(ctx);
  const body = objectBody(ctx.body);
  const type = requirePresent(body, 'type', 'data_sync_all or w4_form_employee_sync');
  const quota = core.jobs.quota(connection, 'automated', AUTOMATED_REFRESHES_PER_HOUR, ctx.now);
  if (type === 'data_sync_all') {
    if (quota.remaining === 0) {
      // Refresh quota exhausted: 429 with the quota (no Retry-After: the SDK would sleep for up to an hour).
      return { status: 429, body: { allowed_refreshes: quota.allowed, remaining_refreshes: 0, retry_at: isoDateTime(quota.retryAt) } };
    }
    const job = core.jobs.create(connection, 'data_sync_all', ctx.now, { quota: 'automated' });
    return {
      status: 201,
      body: { job_id: job.id, job_url: jobUrl(core, job), allowed_refreshes: quota.allowed, remaining_refreshes: quota.remaining - 1 },
    };
  }
  if (type === 'w4_form_employee_sync') {
    const params = body['params'];
    const individualId = isObject(params) ? params['individual_id'] : undefined;
    if (typeof individualId !== 'string') throw errors.invalidRequest('"params.individual_id" is required for w4_form_employee_sync.');
    if (!core.datasets.viewFor(connection).hasPerson(individualId))
      throw errors.invalidRequest(`No individual ${individualId} in this connection.`, 'individual_not_found');
    const job = core.jobs.create(connection, 'w4_form_employee_sync', ctx.now, { params: { individual_id: individualId } });
    return {
      status: 201,
      body: { job_id: job.id, job_url: jobUrl(core, job), allowed_refreshes: quota.allowed, remaining_refreshes: quota.remaining },
    };
  }
  throw errors.invalidRequest('"type" must be "data_sync_all" or "w4_form_employee_sync".');
}

function list(ctx: RequestContext): RouteResult {
  const { core, connection } = requireConnection(ctx);
  const limit = Number(ctx.query.get('limit') ?? 100);
  const offset = Number(ctx.query.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0)
    throw errors.invalidRequest('"limit" and "offset" must be non-negative integers.');
  const jobs = core.jobs
    .forConnection(connection.id)
    .filter((j) => j.kind === 'automated')
    .sort((a, b) => b.createdAt - a.createdAt);
  const quota = core.jobs.quota(connection, 'automated', AUTOMATED_REFRESHES_PER_HOUR, ctx.now);
  return {
    status: 200,
    body: {
      meta: { quotas: { data_sync_all: { allowed_refreshes: quota.allowed, remaining_refreshes: quota.remaining } } },
      data: jobs.slice(offset, offset + limit).map((j) => automatedJobBody(core, j, ctx.now)),
    },
  };
}

function findJob(ctx: RequestContext, kind: JobRecord['kind']): JobRecord {
  const { core, connection } = requireConnection(ctx);
  const job = core.store.jobs.get(ctx.params['job_id'] ?? '');
  if (!job || job.connectionId !== connection.id || job.kind !== kind)
    throw errors.notFound(`No ${kind} job ${ctx.params['job_id'] ?? ''} for this connection.`, 'job_not_found');
  return job;
}

export const jobRoutes: RouteDef[] = [
  { operationId: 'post-jobs-automated', method: 'POST', path: '/jobs/automated', auth: 'bearer', handle: enqueue },
  { operationId: 'get-jobs-automated', method: 'GET', path: '/jobs/automated', auth: 'bearer', handle: list },
  {
    operationId: 'get-jobs-job_id',
    method: 'GET',
    path: '/jobs/automated/{job_id}',
    auth: 'bearer',
    handle: (ctx) => ({ status: 200, body: automatedJobBody(ctx.core, findJob(ctx, 'automated'), ctx.now) }),
  },
  {
    operationId: 'get-jobs-manual-job_id',
    method: 'GET',
    path: '/jobs/manual/{job_id}',
    auth: 'bearer',
    handle: (ctx) => ({ status: 200, body: manualJobBody(findJob(ctx, 'manual'), ctx.now) }),
  },
];
