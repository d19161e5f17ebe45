/**
 * Which pay-statement pages to ask for, and how to pack them into calls. Finch's spec allows
 * 10 payments per request and 5,000 statements per page, and the rate limit (12 calls a
 * minute) counts calls, so pages are packed; but a call carrying 10 full pages would answer
 * with 50,000 statements (about 100 MB of JSON) at once, so a call also stops at a statement
 * budget. A payment's `individual_ids` says how many statements it has, so every page is known
 * up front instead of discovered one round trip at a time.
 */
export const STATEMENT_PAGE = 5_000;
export const PAYMENTS_PER_CALL = 10;
/** Statements one call may bring back (about 20 MB of JSON): bounds main's memory per answer. */
export const STATEMENTS_PER_CALL = 10_000;
/** What a payment without `individual_ids` is assumed to hold, for packing only. */
const UNKNOWN_SIZE = 100;

export interface StatementPage {
  paymentId: string;
  offset: number;
  limit: number;
  /** The payment's last planned page: if Finch says there is more, the pull reads on from here. */
  last: boolean;
}

interface Sized {
  page: StatementPage;
  size: number;
}

/** Pages for `payments` (plus follow-up pages), packed into calls. */
export function planStatementCalls(
  payments: readonly Record<string, unknown>[],
  followUps: readonly StatementPage[] = [],
): StatementPage[][] {
  const sized: Sized[] = [];
  for (const payment of payments) {
    const id = payment['id'];
    if (typeof id !== 'string') continue;
    const ids = payment['individual_ids'];
    const expected = Array.isArray(ids) ? ids.length : 0;
    if (expected === 0) {
      sized.push({ page: { paymentId: id, offset: 0, limit: STATEMENT_PAGE, last: true }, size: UNKNOWN_SIZE });
      continue;
    }
    for (let offset = 0; offset < expected; offset += STATEMENT_PAGE) {
      const size = Math.min(STATEMENT_PAGE, expected - offset);
      sized.push({ page: { paymentId: id, offset, limit: STATEMENT_PAGE, last: offset + STATEMENT_PAGE >= expected }, size });
    }
  }
  for (const page of followUps) sized.push({ page, size: STATEMENT_PAGE });
  const calls: StatementPage[][] = [];
  let current: StatementPage[] = [];
  let budget = 0;
  for (const { page, size } of sized) {
    if (current.length > 0 && (current.length >= PAYMENTS_PER_CALL || budget + size > STATEMENTS_PER_CALL)) {
      calls.push(current);
      current = [];
      budget = 0;
    }
    current.push(page);
    budget += size;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}
