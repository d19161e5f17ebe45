/**
 * The work of refreshing one connection, written once and run by both callers (the app's
 * gateway and the naive SDK loop), so the only difference between the two runs is how calls
 * reach Finch. Three independent chains run side by side, as an app in a hurry would:
 *   company;
 *   directory (every page) → individuals and employments (batched, in parallel);
 *   payments (a date range) → pay statements (batched, then per-payment pages).
 * A failed step is counted and its dependants are skipped (no data to ask for).
 */
import type Finch from '@tryfinch/finch-api';
import type { FleetProduct } from './products';
import { emptyTally } from './products';

/** What a fleet refresh needs from a transport: one SDK call, answered with its data or thrown. */
export interface Caller {
  call<T>(connection: FleetConnection, product: FleetProduct, fn: (client: Finch) => WithResponse<T>): Promise<T>;
}

export type WithResponse<T> = { withResponse(): Promise<{ data: T; response: Response }> };

export interface FleetConnection {
  connectionId: string;
  accessToken: string;
  employeeSize: number;
}

export interface RefreshWindow {
  startDate: string;
  endDate: string;
}

/** Counts shared by every connection of one run. */
export class RefreshTally {
  readonly calls = emptyTally();
  readonly failed = emptyTally();
  /** Batch items answered with something other than 200 (404, 202). */
  itemErrors = 0;
  /** Chains (company; directory…; payments…) that stopped at a failed call, skipping what depended on it. */
  brokenChains = 0;
  completeConnections = 0;
  records = { people: 0, individuals: 0, employments: 0, payments: 0, payStatements: 0 };
}

/** Finch's default directory page; large fleets page through it. */
export const DIRECTORY_PAGE = 100;
/** Per-payment page of pay statements (Finch's default). */
export const PAY_STATEMENT_PAGE = 100;
/** Finch accepts up to 10,000 items per batch request. */
export const BATCH_LIMIT = 10_000;
/** Guards the follow-up loop: no payment of ours needs more pages than this. */
const MAX_FOLLOW_UPS = 50;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function refreshConnection(caller: Caller, connection: FleetConnection, window: RefreshWindow, tally: RefreshTally): Promise<void> {
  // Counts the call before it is made and its failure after, then re-throws for the chain.
  const step = async <T>(product: FleetProduct, fn: (client: Finch) => WithResponse<T>): Promise<T> => {
    tally.calls[product] += 1;
    try {
      return await caller.call(connection, product, fn);
    } catch (error) {
      tally.failed[product] += 1;
      throw error;
    }
  };

  const company = async (): Promise<boolean> => {
    await step('company', (c) => c.hris.company.retrieve());
    return true;
  };

  const people = async (): Promise<boolean> => {
    const first = await step('directory', (c) => c.hris.directory.list({ limit: DIRECTORY_PAGE, offset: 0 }));
    const offsets: number[] = [];
    for (let offset = first.individuals.length; offset < first.paging.count; offset += DIRECTORY_PAGE) offsets.push(offset);
    const rest = await Promise.all(offsets.map((offset) => step('directory', (c) => c.hris.directory.list({ limit: DIRECTORY_PAGE, offset }))));
    const ids = [first, ...rest].flatMap((page) => page.individuals.map((p) => p.id).filter((id): id is string => typeof id === 'string'));
    tally.records.people += ids.length;
    const requests = chunks(ids.map((individual_id) => ({ individual_id })), BATCH_LIMIT);
    const [individuals, employments] = await Promise.all([
      Promise.all(requests.map((batch) => step('individual', (c) => c.hris.individuals.retrieveMany({ requests: batch })))),
      Promise.all(requests.map((batch) => step('employment', (c) => c.hris.employments.retrieveMany({ requests: batch })))),
    ]);
    for (const page of individuals) for (const item of page.responses) item.code === 200 ? (tally.records.individuals += 1) : (tally.itemErrors += 1);
    for (const page of employments) for (const item of page.responses) item.code === 200 ? (tally.records.employments += 1) : (tally.itemErrors += 1);
    return true;
  };

  const payroll = async (): Promise<boolean> => {
    const payments = await step('payment', (c) => c.hris.payments.list({ start_date: window.startDate, end_date: window.endDate }));
    const ids = payments.items.map((p) => p.id).filter((id): id is string => typeof id === 'string');
    tally.records.payments += ids.length;
    // First page of every payment in one batch, then the next page of those that have more.
    let pending = ids.map((payment_id) => ({ payment_id, offset: 0 }));
    for (let round = 0; pending.length > 0 && round < MAX_FOLLOW_UPS; round++) {
      const next: { payment_id: string; offset: number }[] = [];
      for (const batch of chunks(pending, BATCH_LIMIT)) {
        const page = await step('pay_statement', (c) =>
          c.hris.payStatements.retrieveMany({ requests: batch.map((r) => ({ payment_id: r.payment_id, offset: r.offset, limit: PAY_STATEMENT_PAGE })) }),
        );
        for (const item of page.responses) {
          const body = item.body as { paging?: { count?: number; offset?: number }; pay_statements?: unknown[] } | undefined;
          if (item.code !== 200 || !body?.pay_statements || !body.paging) {
            tally.itemErrors += 1;
            continue;
          }
          tally.records.payStatements += body.pay_statements.length;
          const seen = (body.paging.offset ?? 0) + body.pay_statements.length;
          if (item.payment_id && body.pay_statements.length > 0 && seen < (body.paging.count ?? 0)) next.push({ payment_id: item.payment_id, offset: seen });
        }
      }
      pending = next;
    }
    return true;
  };

  // A failed chain is already counted by `step`; here it only means "this connection is incomplete".
  const outcomes = await Promise.all([company(), people(), payroll()].map((chain) => chain.catch(() => false)));
  if (outcomes.every(Boolean)) tally.completeConnections += 1;
  else tally.brokenChains += outcomes.filter((ok) => !ok).length;
}
