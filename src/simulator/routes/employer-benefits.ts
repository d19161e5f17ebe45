/**
 * Benefits (deductions and contributions): company benefits, enrollment reads and writes.
 * Writes are live (as Finch's deduction writes are) and each returns a job id answered by
 * /jobs/manual/{job_id}.
 */
import { randomUUID } from 'node:crypto';
import { benefitFeature } from '../data/benefits';
import type { BenefitTypeName } from '../data/providers';
import { errors } from '../http/finch-errors';
import type { ConnectionContext, RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import type { EditKind, JobType } from '../model/types';
import { entityFilter, itemNotFound, viewOf } from './employer-org';
import type { JsonObject } from './input';
import { isObject, listParam, objectBody, optionalDay, optionalString } from './input';

const FREQUENCIES = ['every_paycheck', 'monthly', 'one_time'];

function recordChange(c: ConnectionContext, kind: EditKind, targetId: string | null, data: unknown, job: JobType): string {
  c.core.store.addEdit({ companyId: c.connection.companyId, kind, targetId, live: true, at: c.now, data });
  return c.core.jobs.create(c.connection, job, c.now).id;
}

function visibleBenefits(c: ConnectionContext): JsonObject[] {
  return viewOf(c)
    .benefits()
    .filter((b) => c.provider.benefitTypes.includes(b['type'] as BenefitTypeName));
}

function benefitOr404(c: ConnectionContext): JsonObject {
  const id = c.params['benefit_id'] ?? '';
  const benefit = visibleBenefits(c).find((b) => b['benefit_id'] === id);
  if (!benefit) throw errors.notFound(`No benefit ${id} for this connection.`, 'benefit_not_found');
  return benefit;
}

function newBenefit(ctx: RequestContext, job: 'benefit_create' | 'benefit_register'): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const body = objectBody(ctx.body);
  const type = body['type'];
  if (typeof type !== 'string') throw errors.invalidRequest('"type" is required.');
  if (!c.provider.benefitTypes.includes(type as BenefitTypeName)) {
    throw errors.unprocessable(`${c.provider.displayName} does not support ${type} benefits through Finch.`, 'benefit_type_not_supported');
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
    description: optionalString(body, 'description') ?? `${type} benefit`,
    frequency,
    company_contribution: contribution ?? null,
  };
  const jobId = recordChange(c, 'benefit_create', benefitId, benefit, job);
  return { status: 201, body: { benefit_id: benefitId, job_id: jobId } };
}

function updateBenefit(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const body = objectBody(ctx.body);
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

function contributionInput(value: unknown, allowed: readonly string[], where: string): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value) || typeof value['type'] !== 'string' || !allowed.includes(value['type'])) {
    throw errors.invalidRequest(`${where}.type must be one of ${allowed.join(', ')}.`);
  }
  if (value['type'] === 'tiered') {
    const tiers = value['tiers'];
    const ok =
      Array.isArray(tiers) &&
      tiers.length > 0 &&
      tiers.every(
        (t) =>
          isObject(t) && [t['match'], t['threshold']].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000),
      );
    if (!ok) throw errors.invalidRequest(`${where}.tiers must be a non-empty list of { match, threshold } in basis points.`);
    return { type: 'tiered', tiers };
  }
  const amount = value['amount'];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0)
    throw errors.invalidRequest(`${where}.amount must be a non-negative integer.`);
  return { type: value['type'], amount };
}

function enroll(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  if (!Array.isArray(ctx.body) || ctx.body.length === 0)
    throw errors.invalidRequest('The body must be a non-empty array of { individual_id, configuration }.');
  const view = viewOf(c);
  const items = (ctx.body as unknown[]).map((item, index) => {
    if (!isObject(item) || typeof item['individual_id'] !== 'string') throw errors.invalidRequest(`[${index}].individual_id is required.`);
    const id = item['individual_id'];
    if (!view.hasPerson(id)) throw errors.notFound(`No individual ${id} in this connection's data.`, 'individual_not_found');
    const config = isObject(item['configuration']) ? item['configuration'] : {};
    const annualMaximum = config['annual_maximum'];
    if (annualMaximum !== undefined && annualMaximum !== null && (typeof annualMaximum !== 'number' || !Number.isInteger(annualMaximum))) {
      throw errors.invalidRequest(`[${index}].configuration.annual_maximum must be an integer or null.`);
    }
    const limit = config['annual_contribution_limit'];
    if (limit !== undefined && limit !== 'individual' && limit !== 'family')
      throw errors.invalidRequest(`[${index}].configuration.annual_contribution_limit must be individual or family.`);
    optionalDay(config['effective_date'], 'effective_date');
    return {
      individual_id: id,
      body: {
        employee_deduction: contributionInput(
          config['employee_deduction'],
          ['fixed', 'percent'],
          `[${index}].configuration.employee_deduction`,
        ),
        company_contribution: contributionInput(
          config['company_contribution'],
          ['fixed', 'percent', 'tiered'],
          `[${index}].configuration.company_contribution`,
        ),
        annual_maximum: annualMaximum ?? null,
        catch_up: config['catch_up'] === true,
        hsa_contribution_limit: limit ?? null,
      },
    };
  });
  let jobId = '';
  for (const item of items) jobId = recordChange(c, 'enroll', String(benefit['benefit_id']), item, 'benefit_enroll');
  return { status: 200, body: { job_id: jobId } };
}

function unenroll(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const body = ctx.body === undefined ? {} : objectBody(ctx.body);
  const ids = body['individual_ids'];
  if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))) {
    throw errors.invalidRequest('"individual_ids" must be an array of individual ids.');
  }
  const targets = (ids as string[] | undefined) ?? [...viewOf(c).enrolled(String(benefit['benefit_id'])).keys()];
  const jobId = recordChange(c, 'unenroll', String(benefit['benefit_id']), { individual_ids: targets }, 'benefit_unenroll');
  return { status: 200, body: { job_id: jobId } };
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
