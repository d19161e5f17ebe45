/**
 * Finch Sandbox endpoints: create connections (Basic), force a connection status, edit the
 * company, people and payments, enqueue sync jobs and configure how jobs complete. Data edits
 * become visible to /employer reads only after a sync job completes, as in Finch's Sandbox.
 */
import { randomUUID } from 'node:crypto';
import { findProvider } from '../data/providers';
import type { ProviderProfile } from '../data/providers';
import { companyFields, employmentFields, individualFields, parseNewPerson, parsePartial } from '../data/sandbox-input';
import { FinchApiError, errors } from '../http/finch-errors';
import type { ConnectionContext, RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { DEFAULT_EMPLOYEE_SIZE } from '../state/connections';
import type { AuthenticationType, ConnectionRecord, EditKind } from '../model/types';
import { AUTHENTICATION_TYPES, CONNECTION_STATUSES, FINCH_PRODUCTS, JOB_COMPLETION_STATUSES } from '../model/types';
import { objectBody, optionalObjectBody, requirePresent, requiredString, stringArray } from './input';
import { jobUrl } from './jobs';
import { parseSandboxPayment } from './sandbox-payment';

export const MAX_SANDBOX_EMPLOYEES = 100_000;
export const SANDBOX_REFRESHES_PER_HOUR = 100;

function sandboxOnly(ctx: RequestContext): void {
  if (ctx.core.options.clientType !== 'sandbox') {
    throw new FinchApiError(
      403,
      'forbidden_error',
      'sandbox_only',
      'Sandbox endpoints need sandbox credentials; this simulator runs as a non-sandbox environment.',
    );
  }
}

function providerAndAuth(body: Record<string, unknown>): { provider: ProviderProfile; authType: AuthenticationType; products: string[] } {
  const providerId = requiredString(body, 'provider_id');
  const provider = findProvider(providerId);
  if (!provider) throw errors.invalidRequest(`Unknown provider_id "${providerId}". GET /providers lists them.`, 'invalid_provider');
  const requested = body['authentication_type'];
  if (requested !== undefined && !(AUTHENTICATION_TYPES as readonly unknown[]).includes(requested)) {
    throw errors.invalidRequest('"authentication_type" must be api_token, assisted, credential or oauth.');
  }
  const authType = (requested as AuthenticationType | undefined) ?? provider.authMethods[0] ?? 'credential';
  if (!provider.authMethods.includes(authType)) {
    throw errors.invalidRequest(`${provider.displayName} supports ${provider.authMethods.join(', ')} authentication, not ${authType}.`);
  }
  const products = stringArray(body, 'products') ?? provider.products.filter((p) => p !== 'deduction');
  for (const p of products) if (!(FINCH_PRODUCTS as readonly string[]).includes(p)) throw errors.invalidRequest(`Unknown product "${p}".`);
  return { provider, authType, products };
}

function connectionCreated(c: ConnectionRecord, token: string): Record<string, unknown> {
  return {
    access_token: token,
    token_type: 'bearer',
    account_id: c.accountId,
    authentication_type: c.authenticationType,
    company_id: c.companyId,
    connection_id: c.id,
    entity_id: c.entities[0]?.id ?? c.id,
    products: [...c.products],
    provider_id: c.providerId,
  };
}

function createConnection(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const body = objectBody(ctx.body);
  const { provider, authType, products } = providerAndAuth(body);
  const size = body['employee_size'] ?? DEFAULT_EMPLOYEE_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_SANDBOX_EMPLOYEES) {
    throw errors.invalidRequest(`"employee_size" must be an integer between 1 and ${MAX_SANDBOX_EMPLOYEES}.`);
  }
  return newSandboxConnection(ctx, { providerId: provider.id, authenticationType: authType, products, employeeSize: size });
}

/** Both sandbox creation routes: a Finch-type connection for this application, with its token. */
function newSandboxConnection(
  ctx: RequestContext,
  fields: Omit<Parameters<RequestContext['core']['connections']['create']>[0], 'clientId' | 'connectionType'>,
): RouteResult {
  const connection = ctx.core.connections.create({ clientId: ctx.clientId ?? '', connectionType: 'finch', ...fields });
  return { status: 200, body: connectionCreated(connection, ctx.core.connections.issueToken(connection)) };
}

function createAccount(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const body = objectBody(ctx.body);
  const companyId = requiredString(body, 'company_id');
  const owned = ctx.core.store.state.connections.some((c) => c.companyId === companyId && c.clientId === ctx.clientId);
  if (!owned) throw errors.invalidRequest(`No sandbox company ${companyId} for this application.`, 'company_not_found');
  const { provider, authType, products } = providerAndAuth(body);
  return newSandboxConnection(ctx, { providerId: provider.id, authenticationType: authType, products, companyId });
}

function accountBody(c: ConnectionRecord): Record<string, unknown> {
  const { access_token: _token, token_type: _type, ...rest } = connectionCreated(c, '');
  return rest;
}

function setStatus(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const { core, connection } = requireConnection(ctx);
  // The spec makes connection_status optional: without it the status stays as it is.
  const status = optionalObjectBody(ctx.body)['connection_status'];
  if (status === undefined || status === null) return { status: 200, body: accountBody(connection) };
  if (!(CONNECTION_STATUSES as readonly unknown[]).includes(status)) {
    throw errors.invalidRequest(`"connection_status" must be one of ${CONNECTION_STATUSES.join(', ')}.`);
  }
  const before = connection.status;
  connection.status = status as ConnectionRecord['status'];
  connection.statusMessage = status === 'connected' ? null : `Status set to ${String(status)} through the sandbox API.`;
  core.store.changed();
  core.webhooks.statusChanged(connection, before);
  return { status: 200, body: accountBody(connection) };
}

function edit(c: ConnectionContext, kind: EditKind, targetId: string | null, data: unknown): void {
  c.core.store.addEdit({ companyId: c.connection.companyId, kind, targetId, live: false, at: c.now, data });
}

function updateCompany(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const c = requireConnection(ctx);
  edit(c, 'company', null, parsePartial(companyFields, objectBody(ctx.body), 'company'));
  const { id: _id, ...withoutId } = c.core.datasets.latestView(c.connection.companyId).company();
  return { status: 200, body: withoutId };
}

function addPeople(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const c = requireConnection(ctx);
  // The spec makes the body optional (the SDK sends none without params): nobody is created.
  const body: unknown = ctx.body ?? [];
  if (!Array.isArray(body)) throw errors.invalidRequest('The body must be an array of people.');
  if (body.length > 10_000) throw errors.unprocessable('At most 10,000 people per request.', 'batch_limit_exceeded');
  const people = (body as unknown[]).map((item, index) => ({ id: randomUUID(), record: parseNewPerson(item, index) }));
  for (const person of people) edit(c, 'add_person', person.id, person);
  return { status: 200, body: people.map((p) => ({ id: p.id, ...p.record })) };
}

function updatePerson(ctx: RequestContext, kind: 'individual' | 'employment'): RouteResult {
  sandboxOnly(ctx);
  const c = requireConnection(ctx);
  const id = ctx.params['individual_id'] ?? '';
  if (!c.core.datasets.latestView(c.connection.companyId).hasPerson(id))
    throw errors.notFound(`No individual ${id} in this sandbox company.`, 'individual_not_found');
  const patch = parsePartial(kind === 'individual' ? individualFields : employmentFields, optionalObjectBody(ctx.body), kind);
  edit(c, kind, id, patch);
  const view = c.core.datasets.latestView(c.connection.companyId);
  const record = kind === 'individual' ? view.individual(id, c.connection.products.includes('ssn')) : view.employment(id);
  return { status: 200, body: record };
}

function createPayment(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const c = requireConnection(ctx);
  const view = c.core.datasets.latestView(c.connection.companyId);
  const payment = parseSandboxPayment(optionalObjectBody(ctx.body), (id) => view.hasPerson(id), ctx.now);
  edit(c, 'payment', payment.id, payment);
  return { status: 200, body: { payment_id: payment.id, pay_date: payment.payDate } };
}

function enqueueSync(ctx: RequestContext): RouteResult {
  sandboxOnly(ctx);
  const { core, connection } = requireConnection(ctx);
  if (requirePresent(objectBody(ctx.body), 'type', 'data_sync_all') !== 'data_sync_all')
    throw errors.invalidRequest('"type" must be "data_sync_all".');
  const quota = core.jobs.quota(connection, 'sandbox', SANDBOX_REFRESHES_PER_HOUR, ctx.now);
  if (quota.remaining === 0)
    throw new FinchApiError(429, 'rate_limit_exceeded_error', 'refresh_quota_exceeded', 'Sandbox refresh quota for this hour is used up.');
  const job = core.jobs.create(connection, 'data_sync_all', ctx.now, { quota: 'sandbox' });
  return {
    status: 200,
    body: { job_id: job.id, job_url: jobUrl(core, job), allowed_refreshes: quota.allowed, remaining_refreshes: quota.remaining - 1 },
  };
}

function jobConfiguration(ctx: RequestContext, update: boolean): RouteResult {
  sandboxOnly(ctx);
  const { core, connection } = requireConnection(ctx);
  if (update) {
    const body = objectBody(ctx.body);
    if (requirePresent(body, 'type', 'data_sync_all') !== 'data_sync_all') throw errors.invalidRequest('"type" must be "data_sync_all".');
    requirePresent(body, 'completion_status', JOB_COMPLETION_STATUSES.join(', '));
    const status = body['completion_status'];
    if (typeof status !== 'string' || !(JOB_COMPLETION_STATUSES as readonly string[]).includes(status)) {
      throw errors.invalidRequest(`"completion_status" must be one of ${JOB_COMPLETION_STATUSES.join(', ')}.`);
    }
    connection.jobCompletionStatus = status as ConnectionRecord['jobCompletionStatus'];
    core.store.changed();
    return { status: 200, body: { type: 'data_sync_all', completion_status: connection.jobCompletionStatus } };
  }
  return { status: 200, body: [{ type: 'data_sync_all', completion_status: connection.jobCompletionStatus }] };
}

export const sandboxRoutes: RouteDef[] = [
  { operationId: 'post-sandbox-connections', method: 'POST', path: '/sandbox/connections', auth: 'basic', handle: createConnection },
  {
    operationId: 'post-sandbox-connections-accounts',
    method: 'POST',
    path: '/sandbox/connections/accounts',
    auth: 'basic',
    handle: createAccount,
  },
  {
    operationId: 'put-sandbox-connections-accounts',
    method: 'PUT',
    path: '/sandbox/connections/accounts',
    auth: 'bearer',
    handle: setStatus,
  },
  { operationId: 'put-sandbox-company', method: 'PUT', path: '/sandbox/company', auth: 'bearer', handle: updateCompany },
  { operationId: 'post-sandbox-directory', method: 'POST', path: '/sandbox/directory', auth: 'bearer', handle: addPeople },
  {
    operationId: 'put-sandbox-individual-individual_id',
    method: 'PUT',
    path: '/sandbox/individual/{individual_id}',
    auth: 'bearer',
    handle: (ctx) => updatePerson(ctx, 'individual'),
  },
  {
    operationId: 'put-sandbox-employment-individual_id',
    method: 'PUT',
    path: '/sandbox/employment/{individual_id}',
    auth: 'bearer',
    handle: (ctx) => updatePerson(ctx, 'employment'),
  },
  { operationId: 'post-sandbox-payment', method: 'POST', path: '/sandbox/payment', auth: 'bearer', handle: createPayment },
  { operationId: 'post-sandbox-job', method: 'POST', path: '/sandbox/jobs', auth: 'bearer', handle: enqueueSync },
  {
    operationId: 'get-sandbox-jobs-configuration',
    method: 'GET',
    path: '/sandbox/jobs/configuration',
    auth: 'bearer',
    handle: (ctx) => jobConfiguration(ctx, false),
  },
  {
    operationId: 'put-sandbox-jobs-configuration',
    method: 'PUT',
    path: '/sandbox/jobs/configuration',
    auth: 'bearer',
    handle: (ctx) => jobConfiguration(ctx, true),
  },
];
