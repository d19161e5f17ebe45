/**
 * Organization reads: company, directory (limit/offset paging), and the individual and
 * employment batch endpoints (per-item 200 / 202 / 404; 422 over 10,000 items).
 */
import type { CompanyView } from '../data/company-view';
import { applyFieldMask } from '../data/field-support';
import { errors } from '../http/finch-errors';
import type { ConnectionContext, RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { batchRequests, listParam, paging } from './input';

export function viewOf(ctx: ConnectionContext): CompanyView {
  return ctx.core.datasets.viewFor(ctx.connection);
}

/** The `entity_ids` filter (at most one id): its index among the connection's entities, or null. */
export function entityFilter(ctx: ConnectionContext): number | null {
  const ids = listParam(ctx.query, 'entity_ids');
  if (ids.length === 0) return null;
  if (ids.length > 1) throw errors.invalidRequest('"entity_ids" takes a single entity id.', 'invalid_entity_ids');
  const index = ctx.connection.entities.findIndex((e) => e.id === ids[0]);
  if (index < 0) throw errors.invalidRequest(`Entity ${ids[0] ?? ''} does not belong to this connection.`, 'entity_not_found');
  if (ctx.connection.entities[index]?.status === 'disconnected') {
    throw errors.invalidRequest(`Entity ${ids[0] ?? ''} was disconnected.`, 'entity_disconnected');
  }
  return index;
}

export const SYNC_ITEM_BODY = {
  code: 202,
  name: 'accepted',
  finch_code: 'data_sync_in_progress',
  message: 'The data for this item is being synced. Please check back later.',
};

export function itemNotFound(what: string, finchCode: string, id: string): Record<string, unknown> {
  return { code: 404, name: 'not_found_error', finch_code: finchCode, message: `No ${what} with id ${id} in this connection's data.` };
}

function company(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  return { status: 200, body: applyFieldMask(c.provider, 'company', viewOf(c).company()) };
}

function directory(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const entity = entityFilter(c);
  const { limit, offset } = paging(ctx.query, 100, 10_000);
  const all = viewOf(c).directory();
  const rows = entity === null ? all : all.filter((r) => r.entity === entity);
  const page = rows.slice(offset, offset + limit).map((r) => applyFieldMask(c.provider, 'directory', r.row));
  return { status: 200, body: { paging: { count: rows.length, offset }, individuals: page } };
}

function individuals(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const requests = batchRequests(ctx.body, 'individual_id');
  const view = viewOf(c);
  const includeSsn = c.connection.products.includes('ssn');
  const responses = requests.map((item) => {
    const id = String(item['individual_id']);
    if (view.isPending(id)) return { individual_id: id, code: 202, body: SYNC_ITEM_BODY };
    const record = view.individual(id, includeSsn);
    if (!record) return { individual_id: id, code: 404, body: itemNotFound('individual', 'individual_not_found', id) };
    return { individual_id: id, code: 200, body: applyFieldMask(c.provider, 'individual', record) };
  });
  return { status: 200, body: { responses } };
}

function employments(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const requests = batchRequests(ctx.body, 'individual_id');
  const view = viewOf(c);
  const responses = requests.map((item) => {
    const id = String(item['individual_id']);
    if (view.isPending(id)) return { individual_id: id, code: 202, body: SYNC_ITEM_BODY };
    const record = view.employment(id);
    if (!record) return { individual_id: id, code: 404, body: itemNotFound('employment record', 'individual_not_found', id) };
    return { individual_id: id, code: 200, body: applyFieldMask(c.provider, 'employment', record) };
  });
  return { status: 200, body: { responses } };
}

export const employerOrgRoutes: RouteDef[] = [
  {
    operationId: 'get-company',
    method: 'GET',
    path: '/employer/company',
    auth: 'bearer',
    data: true,
    rateLimit: 'company',
    products: ['company'],
    providerProduct: 'company',
    handle: company,
  },
  {
    operationId: 'get-directory',
    method: 'GET',
    path: '/employer/directory',
    auth: 'bearer',
    data: true,
    rateLimit: 'directory',
    products: ['directory'],
    providerProduct: 'directory',
    handle: directory,
  },
  {
    operationId: 'get-individual',
    method: 'POST',
    path: '/employer/individual',
    auth: 'bearer',
    data: true,
    rateLimit: 'individual',
    products: ['individual'],
    providerProduct: 'individual',
    handle: individuals,
  },
  {
    operationId: 'get-employment',
    method: 'POST',
    path: '/employer/employment',
    auth: 'bearer',
    data: true,
    rateLimit: 'employment',
    products: ['employment'],
    providerProduct: 'employment',
    handle: employments,
  },
];
