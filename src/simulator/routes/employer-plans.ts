/**
 * Benefit plans, plan enrollments and dependents (list with paging, and batch by id, at most
 * 50 per call), plus W-4 documents.
 */
import { documentBody, documentItem } from '../data/documents';
import { dependentBody, planBody, planEnrollmentBody } from '../data/plans';
import type { FinchApiError } from '../http/finch-errors';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { entityFilter, itemNotFound, viewOf } from './employer-org';
import { isObject, listParam, objectBody, paging, requirePresent } from './input';

const MAX_PLAN_BATCH = 50;

function planBatch(body: unknown, idField: string): string[] {
  const object = objectBody(body);
  const requests = requirePresent(object, 'requests', 'an array of items');
  if (!Array.isArray(requests)) throw errors.invalidRequest('"requests" must be an array.');
  if (requests.length > MAX_PLAN_BATCH)
    throw errors.invalidRequest(`At most ${MAX_PLAN_BATCH} ${idField}s per request.`, 'batch_limit_exceeded');
  return requests.map((item, index) => {
    if (!isObject(item) || typeof item[idField] !== 'string') throw errors.invalidRequest(`requests[${index}].${idField} is required.`);
    return item[idField];
  });
}

function includesSsn(ctx: RequestContext, requested: readonly string[]): boolean {
  return requested.includes('ssn') && (ctx.connection?.products.includes('ssn') ?? false);
}

function listPlans(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const { limit, offset } = paging(ctx.query, 50, 50);
  const type = ctx.query.get('plan_type');
  const plans = viewOf(c).data.plans.filter((p) => !type || p.type === type);
  return { status: 200, body: { paging: { count: plans.length, offset }, plans: plans.slice(offset, offset + limit).map(planBody) } };
}

function getPlan(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const plan = viewOf(c).data.plans.find((p) => p.id === ctx.params['plan_id']);
  if (!plan) throw errors.notFound(`No plan ${ctx.params['plan_id'] ?? ''}.`, 'plan_not_found');
  return { status: 200, body: planBody(plan) };
}

function listEnrollments(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const { limit, offset } = paging(ctx.query, 50, 50);
  const all = viewOf(c).data.planData.enrollments;
  return {
    status: 200,
    body: { paging: { count: all.length, offset }, enrollments: all.slice(offset, offset + limit).map(planEnrollmentBody) },
  };
}

function getEnrollments(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const byId = viewOf(c).data.planData.enrollmentsById;
  const responses = planBatch(ctx.body, 'enrollment_id').map((id) => {
    const e = byId.get(id);
    return e
      ? { enrollment_id: id, code: 200, body: planEnrollmentBody(e) }
      : { enrollment_id: id, code: 404, body: itemNotFound('plan enrollment', 'enrollment_not_found', id) };
  });
  return { status: 200, body: { responses } };
}

function listDependents(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const { limit, offset } = paging(ctx.query, 50, 50);
  const ssn = includesSsn(ctx, listParam(ctx.query, 'include'));
  const all = viewOf(c).data.planData.dependents;
  return {
    status: 200,
    body: {
      paging: { count: all.length, offset },
      dependents: all.slice(offset, offset + limit).map((d) => dependentBody(d.dependent, d.person, d.enrollments, ssn)),
    },
  };
}

function getDependents(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const ids = planBatch(ctx.body, 'dependent_id');
  const options = objectBody(ctx.body)['options'];
  const include =
    isObject(options) && Array.isArray(options['include']) ? options['include'].filter((v): v is string => typeof v === 'string') : [];
  const ssn = includesSsn(ctx, include);
  const byId = viewOf(c).data.planData.dependentsById;
  const responses = ids.map((id) => {
    const d = byId.get(id);
    return d
      ? { dependent_id: id, code: 200, body: dependentBody(d.dependent, d.person, d.enrollments, ssn) }
      : { dependent_id: id, code: 404, body: itemNotFound('dependent', 'dependent_not_found', id) };
  });
  return { status: 200, body: { responses } };
}

function listDocuments(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const { limit, offset } = paging(ctx.query, 50, 200);
  const individuals = listParam(ctx.query, 'individual_ids');
  const types = listParam(ctx.query, 'types');
  for (const t of types) if (t !== 'w4_2020' && t !== 'w4_2005') throw errors.invalidRequest(`Unknown document type "${t}".`);
  const all = viewOf(c)
    .data.w4s.filter((d) => individuals.length === 0 || individuals.includes(d.person.id))
    .filter((d) => types.length === 0 || types.includes(d.type));
  return {
    status: 200,
    body: {
      paging: { count: all.length, offset },
      documents: all.slice(offset, offset + limit).map((d) => documentItem(d, ctx.core.baseUrl)),
    },
  };
}

function getDocument(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const doc = viewOf(c).data.w4s.find((d) => d.id === ctx.params['document_id']);
  if (!doc) throw errors.notFound(`No document ${ctx.params['document_id'] ?? ''}.`, 'document_not_found');
  return { status: 200, body: documentBody(doc) };
}

const PLANS = { auth: 'bearer', data: true, providerProduct: 'plans' } as const;
/** The spec reserves these endpoints' 400 for w4_sync_required; other bad input is a 422 here. */
function documentError(error: FinchApiError): FinchApiError {
  return error.status === 400 ? errors.unprocessable(error.message, error.finchCode) : error;
}

const DOCUMENTS = { auth: 'bearer', data: true, products: ['documents'], providerProduct: 'documents', adaptError: documentError } as const;

export const planRoutes: RouteDef[] = [
  { ...PLANS, operationId: 'list-plans', method: 'GET', path: '/employer/plans', products: ['plans', 'benefits'], handle: listPlans },
  { ...PLANS, operationId: 'get-plan', method: 'GET', path: '/employer/plans/{plan_id}', products: ['plans', 'benefits'], handle: getPlan },
  {
    ...PLANS,
    operationId: 'list-plan-enrollments',
    method: 'GET',
    path: '/employer/plans-enrollments',
    products: ['plans_enrollments', 'plans', 'benefits'],
    handle: listEnrollments,
  },
  {
    ...PLANS,
    operationId: 'get-plan-enrollments',
    method: 'POST',
    path: '/employer/plans-enrollments',
    products: ['plans_enrollments', 'plans', 'benefits'],
    handle: getEnrollments,
  },
  {
    ...PLANS,
    operationId: 'list-plan-dependents',
    method: 'GET',
    path: '/employer/plans-dependents',
    products: ['plans_dependents', 'plans', 'benefits'],
    handle: listDependents,
  },
  {
    ...PLANS,
    operationId: 'get-plan-dependents',
    method: 'POST',
    path: '/employer/plans-dependents',
    products: ['plans_dependents', 'plans', 'benefits'],
    handle: getDependents,
  },
  { ...DOCUMENTS, operationId: 'list-documents', method: 'GET', path: '/employer/documents', handle: listDocuments },
  { ...DOCUMENTS, operationId: 'get-document', method: 'GET', path: '/employer/documents/{document_id}', handle: getDocument },
];
