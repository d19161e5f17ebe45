/**
 * Enroll and unenroll (POST/DELETE /employer/benefits/{benefit_id}/individuals) as Finch's batch
 * writes behave: a request is refused (400, naming the index and field) only when its shape is
 * wrong; each person's problem (unknown individual, bad amount, a setting the benefit does not
 * take) becomes that person's entry in the job's body, and everyone else is enrolled when the
 * job completes. Enrolling someone already enrolled replaces their configuration.
 */
import { isProblem, parseEnrollment } from '../data/enrollment-input';
import type { MatchTier } from '../data/deduction-rules';
import { errors } from '../http/finch-errors';
import type { ManualJobItem, ManualJobWork } from '../model/types';
import type { RequestContext, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { benefitOr404 } from './benefit-lookup';
import { viewOf } from './employer-org';
import { MAX_BATCH_ITEMS, isObject, optionalObjectBody } from './input';
import { createManualJob, itemError } from './manual-jobs';

function matchTiersOf(benefit: Record<string, unknown>): MatchTier[] | null {
  const contribution = benefit['company_contribution'];
  if (!isObject(contribution) || !Array.isArray(contribution['tiers'])) return null;
  return (contribution['tiers'] as MatchTier[]).map((t) => ({ match: t.match, threshold: t.threshold }));
}

export function enroll(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const benefitId = String(benefit['benefit_id']);
  const items: unknown = ctx.body;
  if (items === undefined) throw errors.invalidRequest('The body is required: an array of { individual_id, configuration }.');
  if (!Array.isArray(items)) throw errors.invalidRequest('The body must be an array of { individual_id, configuration }.');
  if (items.length === 0) throw errors.invalidRequest('The body must list at least one { individual_id, configuration }.');
  if (items.length > MAX_BATCH_ITEMS) {
    throw errors.unprocessable(`At most ${MAX_BATCH_ITEMS} people per request; this one has ${items.length}.`, 'batch_limit_exceeded');
  }
  items.forEach((item: unknown, index) => {
    if (!isObject(item)) throw errors.invalidRequest(`[${index}] must be an object { individual_id, configuration }.`);
    if (item['individual_id'] === undefined || item['individual_id'] === null)
      throw errors.invalidRequest(`[${index}].individual_id is required.`);
    if (typeof item['individual_id'] !== 'string' || item['individual_id'] === '')
      throw errors.invalidRequest(`[${index}].individual_id must be a non-empty string.`);
  });

  const view = viewOf(c);
  const target = { type: (benefit['type'] as string | null) ?? null, matchTiers: matchTiersOf(benefit) };
  const work: ManualJobWork & { enroll: NonNullable<ManualJobWork['enroll']> } = { benefitId, enroll: [], items: [] };
  const accepted: number[] = [];
  for (const item of items as Array<Record<string, unknown>>) {
    const id = String(item['individual_id']);
    if (!view.hasPerson(id)) {
      work.items.push(itemError(id, 404, 'individual_not_found', `No individual ${id} in this connection's data.`));
      continue;
    }
    // Pay statements deduct from employees only (pay-statements.ts): a contractor's enrollment
    // would succeed and then never show on a paycheck, so it is refused as providers do.
    const employment = view.employment(id)?.['employment'] as { type?: unknown } | null | undefined;
    if (employment?.type === 'contractor') {
      work.items.push(
        itemError(id, 422, 'individual_not_eligible', 'Contractors are paid without payroll deductions: only employees can be enrolled.'),
      );
      continue;
    }
    const parsed = parseEnrollment(item['configuration'], target);
    if (isProblem(parsed)) {
      work.items.push(itemError(id, parsed.code, parsed.finchCode, parsed.message));
      continue;
    }
    accepted.push(work.items.length);
    work.items.push({ individual_id: id, code: 200, body: {} });
    work.enroll.push({ individual_id: id, body: parsed.body, effective_date: parsed.effectiveDate });
  }
  rejectByFault(c.core.faults.takeBehaviour('enrollment_partial_failure', c.connection.id), work, accepted);
  const job = createManualJob(c.core, c.connection, 'benefit_enroll', c.now, work);
  return { status: 200, body: { job_id: job.id } };
}

/** The `enrollment_partial_failure` drill: chosen people get a 422 and are not enrolled. */
function rejectByFault(
  rule: ReturnType<RequestContext['core']['faults']['takeBehaviour']>,
  work: ManualJobWork & { enroll: NonNullable<ManualJobWork['enroll']> },
  accepted: number[],
): void {
  if (!rule) return;
  const candidates = accepted.map((i) => work.items[i]).filter((item): item is ManualJobItem => item !== undefined);
  const victims = new Set(
    rule.individualIds
      ? candidates.filter((item) => rule.individualIds?.includes(item.individual_id)).map((item) => item.individual_id)
      : candidates.slice(0, rule.failCount).map((item) => item.individual_id),
  );
  work.items = work.items.map((item) =>
    item.code === 200 && victims.has(item.individual_id)
      ? itemError(
          item.individual_id,
          422,
          rule.finchCode ?? 'enrollment_rejected',
          rule.message ?? 'The provider rejected this enrollment (injected fault).',
        )
      : item,
  );
  work.enroll = work.enroll.filter((e) => !victims.has(e.individual_id));
}

export function unenroll(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const benefit = benefitOr404(c);
  const body = optionalObjectBody(ctx.body);
  const ids = body['individual_ids'];
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids)) throw errors.invalidRequest('"individual_ids" must be an array of individual ids.');
    ids.forEach((id: unknown, index) => {
      if (typeof id !== 'string' || id === '') throw errors.invalidRequest(`individual_ids[${index}] must be a non-empty string.`);
    });
    if (ids.length > MAX_BATCH_ITEMS) throw errors.unprocessable(`At most ${MAX_BATCH_ITEMS} people per request.`, 'batch_limit_exceeded');
  }
  // Without individual_ids (the spec does not require them) nobody is unenrolled: an empty list
  // never means "everyone" for a destructive write.
  const work: ManualJobWork = { benefitId: String(benefit['benefit_id']), unenroll: [...((ids as string[] | undefined) ?? [])], items: [] };
  const job = createManualJob(c.core, c.connection, 'benefit_unenroll', c.now, work);
  return { status: 200, body: { job_id: job.id } };
}
