/**
 * Benefits (deductions and contributions): company benefits and enrollment reads, benefit
 * create/update/register. Company-level writes are live (the benefit is there at once, so its
 * id can be enrolled against) and each returns a job id answered by /jobs/manual/{job_id};
 * enrollment writes (benefit-enrollments.ts) take effect when their job completes.
 */
import { randomUUID } from 'node:crypto';
import { benefitFeature } from '../data/benefits';
import type { BenefitTypeName } from '../data/providers';
import { errors } from '../http/finch-errors';
import type { ConnectionContext, RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import type { EditKind, JobType } from '../model/types';
import { enroll, unenroll } from './benefit-enrollments';
import { benefitOr404, visibleBenefits } from './benefit-lookup';
import { entityFilter, itemNotFound, viewOf } from './employer-org';
import { isObject, listParam, optionalObjectBody, optionalString } from './input';
import { createManualJob } from './manual-jobs';
import { BENEFIT_TYPES } from './sandbox-payment';

const FREQUENCIES = ['every_paycheck', 'monthly', 'one_time'];

function recordChange(c: ConnectionContext, kind: EditKind, targetId: string | null, data: unknown, job: JobType): string {
  c.core.store.addEdit({ companyId: c.connection.companyId, kind, targetId, live: true, at: c.now, data });
  return createManualJob(c.core, c.connection, job, c.now, null).id;
}

function newBenefit(ctx: RequestContext, job: 'benefit_create' | 'benefit_register'): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  // The SDK sends no body at all for create()/register() without params: an empty benefit.
  const body = optionalObjectBody(ctx.body);
  const type = body['type'] ?? null;
  if (type !== null && (typeof type !== 'string' || !BENEFIT_TYPES.includes(type)))
    throw errors.invalidRequest(`"type" must be one of ${BENEFIT_TYPES.join(', ')}, or null.`);
  const unsupported = (why: string) => errors.unprocessable(why, 'benefit_type_not_supported');
  if (c.core.faults.takeBehaviour('benefit_type_unsupported', c.connection.id)) {
    throw unsupported(`${c.provider.displayName} does not support ${type ?? 'this'} benefits through Finch (injected fault).`);
  }
  // Spec: type is optional and nullable. Without a type there is nothing to check against the
  // provider's supported types, so the benefit is accepted and stored with type null.
  if (type !== null && !c.provider.benefitTypes.includes(type as BenefitTypeName)) {
    throw unsupported(`${c.provider.displayName} does not support ${type} benefits through Finch.`);
  }
  const frequency = body['frequency'] ?? 'every_paycheck';
  if (typeof frequency !== 'string' || !FREQUENCIES.includes(frequency))
    throw errors.invalidRequest(`"frequency" must be one of ${FREQUENCIES.join(', ')}.`);
  const contribution = body['company_contribution'];
  if (contribution !== undefined && contribution !== null) {
    const tiers = isObject(contribution) ? contribution['tiers'] : undefined;
    const validTier = (t: unknown): boolean =>
      isObject(t) && [t['match'], t['threshold']].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000);
    if (
      !isObject(contribution) ||
      contribution['type'] !== 'match' ||
      !Array.isArray(tiers) ||
      tiers.length < 1 ||
      tiers.length > 3 ||
      !tiers.every(validTier)
    ) {
      throw errors.invalidRequest(
        '"company_contribution" must be { type: "match", tiers: [{ match, threshold }] } with 1–3 tiers in basis points.',
      );
    }
  }
  const benefitId = randomUUID();
  const benefit = {
    benefit_id: benefitId,
    type,
    description: optionalString(body, 'description') ?? (type === null ? 'Untyped benefit' : `${type} benefit`),
    frequency,
    company_contribution: contribution ?? null,
  };
  const jobId = recordChange(c, 'benefit_create', benefitId, benefit, job);
  return { status: 201, body: { benefit_id: benefitId, job_id: jobId } };
}

function updateBenefit(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const body = optionalObjectBody(ctx.body);
  const description = optionalString(body, 'description');
  const jobId = recordChange(
    c,
    'benefit_update',
    String(benefit['benefit_id']),
    description === undefined ? {} : { description },
    'benefit_update',
  );
  return { status: 200, body: { benefit_id: benefit['benefit_id'], job_id: jobId } };
}

function enrolledIndividuals(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const enrolled = viewOf(c).enrolled(String(benefit['benefit_id']));
  const wanted = listParam(ctx.query, 'individual_ids');
  const ids = wanted.length > 0 ? wanted : [...enrolled.keys()];
  const body = ids.map((id) => {
    const enrollment = enrolled.get(id);
    return enrollment
      ? { individual_id: id, code: 200, body: enrollment }
      : { individual_id: id, code: 404, body: itemNotFound('enrollment in this benefit for individual', 'individual_not_enrolled', id) };
  });
  return { status: 200, body };
}

const BENEFITS = { auth: 'bearer', data: true, products: ['benefits', 'deduction'], providerProduct: 'benefits' } as const;

export const benefitRoutes: RouteDef[] = [
  {
    ...BENEFITS,
    operationId: 'get-company-benefits',
    method: 'GET',
    path: '/employer/benefits',
    handle: (ctx) => ({ status: 200, body: visibleBenefits(requireConnection(ctx)) }),
  },
  {
    ...BENEFITS,
    operationId: 'create-company-benefits',
    method: 'POST',
    path: '/employer/benefits',
    handle: (ctx) => newBenefit(ctx, 'benefit_create'),
  },
  {
    ...BENEFITS,
    operationId: 'register-company-benefits',
    method: 'POST',
    path: '/employer/benefits/register',
    handle: (ctx) => newBenefit(ctx, 'benefit_register'),
  },
  {
    ...BENEFITS,
    operationId: 'get-company-benefits-meta',
    method: 'GET',
    path: '/employer/benefits/meta',
    handle: (ctx) => ({
      status: 200,
      body: requireConnection(ctx).provider.benefitTypes.map((type) => ({ type, ...benefitFeature(type) })),
    }),
  },
  {
    ...BENEFITS,
    operationId: 'get-company-benefit',
    method: 'GET',
    path: '/employer/benefits/{benefit_id}',
    handle: (ctx) => ({ status: 200, body: benefitOr404(requireConnection(ctx)) }),
  },
  { ...BENEFITS, operationId: 'update-company-benefits', method: 'POST', path: '/employer/benefits/{benefit_id}', handle: updateBenefit },
  {
    ...BENEFITS,
    operationId: 'get-company-benefits-enrolled',
    method: 'GET',
    path: '/employer/benefits/{benefit_id}/enrolled',
    handle: (ctx) => {
      const c = requireConnection(ctx);
      const benefit = benefitOr404(c);
      return {
        status: 200,
        body: { benefit_id: benefit['benefit_id'], individual_ids: [...viewOf(c).enrolled(String(benefit['benefit_id'])).keys()] },
      };
    },
  },
  {
    ...BENEFITS,
    operationId: 'get-individual-benefits',
    method: 'GET',
    path: '/employer/benefits/{benefit_id}/individuals',
    handle: enrolledIndividuals,
  },
  {
    ...BENEFITS,
    operationId: 'post-employer-individual-benefits-benefit_id',
    method: 'POST',
    path: '/employer/benefits/{benefit_id}/individuals',
    handle: enroll,
  },
  {
    ...BENEFITS,
    operationId: 'delete-individual-benefits',
    method: 'DELETE',
    path: '/employer/benefits/{benefit_id}/individuals',
    handle: unenroll,
  },
];
