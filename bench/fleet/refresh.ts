/**
 * The work of refreshing one connection, written once and run by both callers (the app's
 * gateway and the naive SDK loop), so the only difference between the two runs is how calls
 * reach Finch. Three independent chains run side by side, as an app in a hurry would:
 *   company;
 *   directory (every page) → individuals and employments (batched, in parallel);
 *   payments (a date range) → pay statements (first pages batched, then all further pages batched).
 * A failed step is counted and its dependants are skipped (no data to ask for).
 */
import type Finch from '@tryfinch/finch-api';
import type { FleetProduct } from './products';
import { emptyTally } from './products';

/** What a fleet refresh needs from a transport: one SDK call, answered with its data or thrown. */
export interface Caller {
  call<T>(connection: FleetConnection, fn: (client: Finch) => WithResponse<T>): Promise<T>;
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

interface PageRequest {
  payment_id: string;
  offset: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function refreshConnection(
  caller: Caller,
  connection: FleetConnection,
  window: RefreshWindow,
  tally: RefreshTally,
): Promise<void> {
  // Counts the call before it is made and its failure after, then re-throws for the chain.
  const step = async <T>(product: FleetProduct, fn: (client: Finch) => WithResponse<T>): Promise<T> => {
    tally.calls[product] += 1;
    try {
      return await caller.call(connection, fn);
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
    const total = first.paging.count ?? first.individuals.length;
    for (let offset = first.individuals.length; offset < total; offset += DIRECTORY_PAGE) offsets.push(offset);
    const rest = await Promise.all(
      offsets.map((offset) => step('directory', (c) => c.hris.directory.list({ limit: DIRECTORY_PAGE, offset }))),
    );
    const ids = [first, ...rest].flatMap((page) => page.individuals.map((p) => p.id).filter((id): id is string => typeof id === 'string'));
    tally.records.people += ids.length;
    const requests = chunks(
      ids.map((individual_id) => ({ individual_id })),
      BATCH_LIMIT,
    );
    const [individuals, employments] = await Promise.all([
      Promise.all(requests.map((batch) => step('individual', (c) => c.hris.individuals.retrieveMany({ requests: batch })))),
      Promise.all(requests.map((batch) => step('employment', (c) => c.hris.employments.retrieveMany({ requests: batch })))),
    ]);
    for (const page of individuals)
      for (const item of page.responses) item.code === 200 ? (tally.records.individuals += 1) : (tally.itemErrors += 1);
    for (const page of employments)
      for (const item of page.responses) item.code === 200 ? (tally.records.employments += 1) : (tally.itemErrors += 1);
    return true;
  };

  const payroll = async (): Promise<boolean> => {
    const payments = await step('payment', (c) => c.hris.payments.list({ start_date: window.startDate, end_date: window.endDate }));
    const ids = payments.items.map((p) => p.id).filter((id): id is string => typeof id === 'string');
    tally.records.payments += ids.length;
    // First page of every payment in one batch; its paging says how many statements each
    // has, so every further page is then known and asked for in one more batch (not page by
    // page, which would cost one round trip and one pay-statement slot per page).
    const first = await statementPages(ids.map((payment_id) => ({ payment_id, offset: 0 })));
    const more = first.flatMap(({ payment_id, seen, count }) => {
      const pages: PageRequest[] = [];
      for (let offset = seen; offset < count; offset += PAY_STATEMENT_PAGE) pages.push({ payment_id, offset });
      return pages;
    });
    await statementPages(more);
    return true;
  };

  /** Asks for the given pages (batched); answers how far each payment's first answer reached. */
  const statementPages = async (pages: PageRequest[]): Promise<{ payment_id: string; seen: number; count: number }[]> => {
    const reached: { payment_id: string; seen: number; count: number }[] = [];
    const answers = await Promise.all(
      chunks(pages, BATCH_LIMIT).map((batch) =>
        step('pay_statement', (c) =>
          c.hris.payStatements.retrieveMany({
            requests: batch.map((r) => ({ payment_id: r.payment_id, offset: r.offset, limit: PAY_STATEMENT_PAGE })),
          }),
        ),
      ),
    );
    for (const answer of answers) {
      for (const item of answer.responses) {
        const body = item.body as { paging?: { count?: number; offset?: number }; pay_statements?: unknown[] } | undefined;
        if (item.code !== 200 || !body?.pay_statements || !body.paging || !item.payment_id) {
          tally.itemErrors += 1;
          continue;
        }
        tally.records.payStatements += body.pay_statements.length;
        reached.push({
          payment_id: item.payment_id,
          seen: (body.paging.offset ?? 0) + body.pay_statements.length,
          count: body.paging.count ?? 0,
        });
      }
    }
    return reached;
  };

  // A failed chain is already counted by `step`; here it only means "this connection is incomplete".
  const outcomes = await Promise.all([company(), people(), payroll()].map((chain) => chain.catch(() => false)));
  if (outcomes.every(Boolean)) tally.completeConnections += 1;
  else tally.brokenChains += outcomes.filter((ok) => !ok).length;
}
