/**
 * Payroll reads: payments by pay date, pay statements per payment (batch with paging per
 * item), pay groups, and ledger items synthesized from statements.
 */
import { applyFieldMask } from '../data/field-support';
import { ledgerLines, ledgerTotals } from '../data/ledger';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { entityFilter, itemNotFound, viewOf } from './employer-org';
import type { JsonObject } from './input';
import { batchRequests, listParam, requiredDay } from './input';

const PAY_STATEMENT_SYNCING = {
  code: 202,
  finch_code: 'data_sync_in_progress',
  message: 'The pay statements for this payment are being fetched. Please check back later.',
  name: 'accepted',
};

function itemPaging(item: JsonObject, defaultLimit: number, maxLimit: number): { limit: number; offset: number } {
  const limit = item['limit'] ?? defaultLimit;
  const offset = item['offset'] ?? 0;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw errors.invalidRequest(`"limit" must be an integer between 1 and ${maxLimit}.`);
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
    throw errors.invalidRequest('"offset" must be a non-negative integer.');
  return { limit, offset };
}

function payments(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const start = requiredDay(ctx.query, 'start_date');
  const end = requiredDay(ctx.query, 'end_date');
  if (start > end) throw errors.invalidRequest('"start_date" must not be after "end_date".');
  const list = viewOf(c)
    .payments()
    .filter((p) => p.payDate >= start && p.payDate <= end)
    .map((p) => applyFieldMask(c.provider, 'payment', p.body()));
  return { status: 200, body: list };
}

/**
 * The batch-per-payment shape shared by pay statements and ledger items: each item names a
 * payment and pages within it; unknown payments answer 404 and syncing ones 202, per item.
 */
function perPaymentBatch(
  ctx: RequestContext,
  maxLimit: number,
  answer: (
    payment: NonNullable<ReturnType<ReturnType<typeof viewOf>['payment']>>,
    page: { limit: number; offset: number },
    c: ReturnType<typeof requireConnection>,
  ) => unknown,
): RouteResult {
  const c = requireConnection(ctx);
  entityFilter(c);
  const requests = batchRequests(ctx.body, 'payment_id');
  const view = viewOf(c);
  const responses = requests.map((item) => {
    const id = String(item['payment_id']);
    const page = itemPaging(item, 100, maxLimit);
    if (view.isPending(id)) return { payment_id: id, code: 202, body: PAY_STATEMENT_SYNCING };
    const payment = view.payment(id);
    if (!payment) return { payment_id: id, code: 404, body: itemNotFound('payment', 'payment_not_found', id) };
    return { payment_id: id, code: 200, body: answer(payment, page, c) };
  });
  return { status: 200, body: { responses } };
}

function payStatements(ctx: RequestContext): RouteResult {
  return perPaymentBatch(ctx, 5_000, (payment, { limit, offset }, c) => {
    const statements = payment.statements();
    return {
      paging: { count: statements.length, offset },
      pay_statements: statements.slice(offset, offset + limit).map((s) => applyFieldMask(c.provider, 'pay_statement', s)),
    };
  });
}

function payGroupsOfView(ctx: RequestContext) {
  const c = requireConnection(ctx);
  const data = viewOf(c).data;
  const used = new Set(data.roster.map((p) => p.payGroup));
  return { c, data, groups: data.payGroups.filter((g) => used.has(g.key)) };
}

function listPayGroups(ctx: RequestContext): RouteResult {
  const { data, groups } = payGroupsOfView(ctx);
  const individualId = ctx.query.get('individual_id');
  const frequencies = listParam(ctx.query, 'pay_frequencies');
  const person = individualId ? data.person(individualId) : undefined;
  const list = groups
    .filter((g) => !individualId || person?.payGroup === g.key)
    .filter((g) => frequencies.length === 0 || frequencies.includes(g.frequency))
    .map((g) => ({ id: g.id, name: g.name, pay_frequencies: [g.frequency] }));
  return { status: 200, body: list };
}

function getPayGroup(ctx: RequestContext): RouteResult {
  const { data, groups } = payGroupsOfView(ctx);
  const group = groups.find((g) => g.id === ctx.params['pay_group_id']);
  if (!group) throw errors.notFound(`No pay group ${ctx.params['pay_group_id'] ?? ''}.`, 'pay_group_not_found');
  const individualIds = data.roster.filter((p) => p.payGroup === group.key).map((p) => p.id);
  return { status: 200, body: { id: group.id, name: group.name, pay_frequencies: [group.frequency], individual_ids: individualIds } };
}

function ledgerItems(ctx: RequestContext): RouteResult {
  return perPaymentBatch(ctx, 10_000, (payment, { limit, offset }) => {
    const lines = ledgerLines(payment.statements());
    return {
      source: 'synthesized',
      provider_description: null,
      pay_date: payment.payDate,
      totals: ledgerTotals(lines),
      paging: { count: lines.length, offset },
      ledger_items: lines.slice(offset, offset + limit),
    };
  });
}

const PAYROLL = { auth: 'bearer', data: true, providerProduct: 'payment' } as const;

export const employerPayrollRoutes: RouteDef[] = [
  {
    ...PAYROLL,
    operationId: 'get-payment',
    method: 'GET',
    path: '/employer/payment',
    rateLimit: 'payment',
    products: ['payment'],
    handle: payments,
  },
  {
    ...PAYROLL,
    operationId: 'get-pay-statement',
    method: 'POST',
    path: '/employer/pay-statement',
    rateLimit: 'pay_statement',
    products: ['pay_statement'],
    providerProduct: 'pay_statement',
    handle: payStatements,
  },
  {
    ...PAYROLL,
    operationId: 'get-all-pay-groups',
    method: 'GET',
    path: '/employer/pay-groups',
    rateLimit: 'pay_groups',
    products: ['payment', 'pay_statement'],
    handle: listPayGroups,
  },
  {
    ...PAYROLL,
    operationId: 'get-pay-group',
    method: 'GET',
    path: '/employer/pay-groups/{pay_group_id}',
    rateLimit: 'pay_groups',
    products: ['payment', 'pay_statement'],
    handle: getPayGroup,
  },
  {
    ...PAYROLL,
    operationId: 'get-ledger-items',
    method: 'POST',
    path: '/employer/ledger-items',
    products: ['payment', 'pay_statement'],
    handle: ledgerItems,
  },
];
