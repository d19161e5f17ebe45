/**
 * Payroll reads: payments in a date range, pay statements for chosen payments (batched,
 * per-payment codes kept), one person's statements across a range, pay groups, and the
 * pay-statement items Finch found.
 */
import type { BatchRead, EndpointRead, PayItemsInputSchema, PersonPay } from '@shared/domain/explorer';
import type { z } from 'zod';
import { readBatch } from '@main/platform/reads/batch-reader';
import type { ReadContext } from '@main/platform/reads/finch-read';
import { joinIds, readEndpoint } from '@main/platform/reads/finch-read';
import type { Operation } from '@main/platform/operations/operations';
import { batchAccepted } from './org-reads';

export function readPayments(ctx: ReadContext, startDate: string, endDate: string): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.hris.payments.list({ start_date: startDate, end_date: endDate }));
}

export async function readPayStatements(ctx: ReadContext, paymentIds: readonly string[], operation?: Operation): Promise<BatchRead> {
  const result = await readBatch(
    ctx.lifecycle,
    ctx.environmentId,
    ctx.connectionId,
    'pay-statement',
    paymentIds,
    operation ? { operation } : {},
  );
  return { rows: result.items, requestIds: result.requestIds, accepted: batchAccepted(result.items), calls: result.calls };
}

/**
 * One person's pay statements: the payments in the range, then their statements, keeping
 * only this person's. A payment whose statements did not come back is listed with its code.
 */
export async function readPersonPay(
  ctx: ReadContext,
  individualId: string,
  startDate: string,
  endDate: string,
  operation?: Operation,
): Promise<PersonPay> {
  const payments = await readPayments(ctx, startDate, endDate);
  if (payments.accepted)
    return { statements: [], payments: 0, itemErrors: [], requestIds: payments.requestIds, accepted: payments.accepted };
  const list = (Array.isArray(payments.data) ? payments.data : []) as { id?: string; pay_date?: string | null }[];
  const ids = list.map((p) => p.id).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return { statements: [], payments: 0, itemErrors: [], requestIds: payments.requestIds, accepted: null };
  const payDates = new Map(list.map((p) => [p.id, p.pay_date ?? null]));
  const batch = await readPayStatements(ctx, ids, operation);
  const statements: Record<string, unknown>[] = [];
  for (const row of batch.rows) {
    if (row.code !== 200) continue;
    const all = (row.body as { pay_statements?: Record<string, unknown>[] } | null)?.pay_statements ?? [];
    for (const s of all)
      if (s['individual_id'] === individualId) statements.push({ payment_id: row.id, pay_date: payDates.get(row.id) ?? null, ...s });
  }
  statements.sort((a, b) => String(b['pay_date'] ?? '').localeCompare(String(a['pay_date'] ?? '')));
  return {
    statements,
    payments: ids.length,
    itemErrors: batch.rows.filter((r) => r.code !== 200),
    requestIds: joinIds(payments.requestIds, batch.requestIds),
    accepted: batch.accepted,
  };
}

export function readPayGroups(ctx: ReadContext): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.payroll.payGroups.list());
}

export function readPayGroup(ctx: ReadContext, payGroupId: string): Promise<EndpointRead> {
  return readEndpoint(ctx, (client) => client.payroll.payGroups.retrieve(payGroupId));
}

export function readPayStatementItems(
  ctx: ReadContext,
  input: Omit<z.infer<typeof PayItemsInputSchema>, 'connectionId'>,
): Promise<EndpointRead> {
  const query = {
    ...(input.startDate ? { start_date: input.startDate } : {}),
    ...(input.endDate ? { end_date: input.endDate } : {}),
    ...(input.categories && input.categories.length > 0 ? { categories: input.categories } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.type ? { type: input.type } : {}),
  };
  return readEndpoint(ctx, (client) => client.hris.payStatementItem.list(query));
}
