/**
 * Reads Finch's batch endpoints (individual, employment, pay-statement) for many ids, in
 * chunks, as part of an operation: progress after every chunk, cancellable between chunks,
 * every item's own code kept (a 404 for one person is that row's answer, not the call's).
 *
 * Chunks are large on purpose: Finch allows up to 10,000 items per call and the rate limit
 * counts calls, so one call per person would exhaust 20/min in seconds.
 */
import type { ConnectionLifecycle } from '../workspace/connection-lifecycle';
import { callSignal, rawBody } from './finch-read';
import type { Operation } from '../operations/operations';

export type BatchKind = 'individual' | 'employment' | 'pay-statement';

export interface BatchItem {
  /** individual_id or payment_id. */
  id: string;
  /** The item's own HTTP-like code (200, 404, 202…); null when Finch sent none. */
  code: number | null;
  /** The record, or the per-item error body. */
  body: unknown;
}

export interface BatchReadResult {
  items: BatchItem[];
  requestIds: string[];
  /** Calls made (chunks). */
  calls: number;
}

export interface BatchReadOptions {
  chunkSize?: number;
  operation?: Operation;
}

export const DEFAULT_CHUNK = 1_000;
/** Finch's spec: "Maximum 10 payment_ids per request" for pay statements. */
export const PAY_STATEMENT_CHUNK = 10;
/** Statements per payment per call (Finch's maximum; its default of 100 would cut big payrolls short). */
export const PAY_STATEMENT_LIMIT = 5_000;
const LABEL: Record<BatchKind, string> = { individual: 'individuals', employment: 'employments', 'pay-statement': 'pay statements' };

export async function readBatch(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  kind: BatchKind,
  ids: readonly string[],
  options: BatchReadOptions = {},
): Promise<BatchReadResult> {
  const cap = kind === 'pay-statement' ? PAY_STATEMENT_CHUNK : 10_000;
  const chunkSize = Math.min(cap, Math.max(1, options.chunkSize ?? DEFAULT_CHUNK));
  const { operation } = options;
  const items: BatchItem[] = [];
  const requestIds: string[] = [];
  let calls = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    operation?.checkCancelled();
    const chunk = ids.slice(start, start + chunkSize);
    operation?.advance({ detail: `${LABEL[kind]} ${fmt(start + 1)}–${fmt(start + chunk.length)} of ${fmt(ids.length)}` });
    const call = callSignal(operation?.signal);
    const requestOptions = call.options;
    const result = await lifecycle
      .read<{ responses: unknown[] }>(environmentId, connectionId, (client) => {
        // All three answer `{ responses: [...] }`; the page types differ only in the item type.
        const request =
          kind === 'individual'
            ? client.hris.individuals.retrieveMany({ requests: chunk.map((individual_id) => ({ individual_id })) }, requestOptions)
            : kind === 'employment'
              ? client.hris.employments.retrieveMany({ requests: chunk.map((individual_id) => ({ individual_id })) }, requestOptions)
              : client.hris.payStatements.retrieveMany(
                  { requests: chunk.map((payment_id) => ({ payment_id, limit: PAY_STATEMENT_LIMIT })) },
                  requestOptions,
                );
        return request as unknown as { withResponse(): Promise<{ data: { responses: unknown[] }; response: Response }> };
      })
      .finally(call.release);
    calls += 1;
    if (result.requestId) requestIds.push(result.requestId);
    if (result.status === 202) {
      // The whole call was accepted, not answered (assisted connection, first sync): each id
      // gets that 202 and Finch's reason, so no row reads as "no data".
      const reason = rawBody(result.data);
      for (const id of chunk) items.push({ id, code: 202, body: reason });
      operation?.advance({ records: chunk.length, pages: 1 });
      continue;
    }
    const responses = result.data.responses ?? [];
    for (const response of responses) items.push(toItem(response));
    operation?.advance({ records: responses.length, pages: 1 });
  }
  if (kind === 'pay-statement')
    calls += await readRemainingStatements(lifecycle, environmentId, connectionId, items, requestIds, operation);
  return { items, requestIds, calls };
}

/**
 * A payment with more statements than one call returns (`paging.count` above what came back)
 * is read on, page by page, and its statements appended to its item.
 */
async function readRemainingStatements(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  items: BatchItem[],
  requestIds: string[],
  operation: Operation | undefined,
): Promise<number> {
  let calls = 0;
  for (const item of items) {
    const body = item.body as { paging?: { count?: number }; pay_statements?: unknown[] } | null;
    if (item.code !== 200 || !body || !Array.isArray(body.pay_statements)) continue;
    const total = body.paging?.count ?? body.pay_statements.length;
    while (body.pay_statements.length < total) {
      operation?.checkCancelled();
      const offset = body.pay_statements.length;
      const call = callSignal(operation?.signal);
      const result = await lifecycle
        .read<{ responses: unknown[] }>(environmentId, connectionId, (client) => {
          const request = client.hris.payStatements.retrieveMany(
            { requests: [{ payment_id: item.id, limit: PAY_STATEMENT_LIMIT, offset }] },
            call.options,
          );
          return request as unknown as { withResponse(): Promise<{ data: { responses: unknown[] }; response: Response }> };
        })
        .finally(call.release);
      calls += 1;
      if (result.requestId) requestIds.push(result.requestId);
      const more = toItem(result.data.responses?.[0]);
      const page = (more.body as { pay_statements?: unknown[] } | null)?.pay_statements ?? [];
      if (more.code !== 200 || page.length === 0) break;
      body.pay_statements.push(...page);
      operation?.advance({ records: page.length, pages: 1 });
    }
  }
  return calls;
}

function toItem(response: unknown): BatchItem {
  const r = (response ?? {}) as { individual_id?: string; payment_id?: string; code?: number | null; body?: unknown };
  return { id: r.individual_id ?? r.payment_id ?? '', code: typeof r.code === 'number' ? r.code : null, body: r.body ?? null };
}

const fmt = (n: number) => n.toLocaleString('en-US');
