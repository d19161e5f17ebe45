/**
 * Reads Finch's batch endpoints (individual, employment, pay-statement) for many ids, in
 * chunks, as part of an operation: progress after every chunk, cancellable between chunks,
 * every item's own code kept (a 404 for one person is that row's answer, not the call's).
 *
 * Chunks are large on purpose: Finch allows up to 10,000 items per call and the rate limit
 * counts calls, so one call per person would exhaust 20/min in seconds.
 */
import type { ConnectionLifecycle } from '../connections/connection-lifecycle';
import type { Operation } from './operations';

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
/** The spec's maxItems per call: 10,000 people, but only 10 payments per pay-statement call. */
const MAX_PER_CALL: Record<BatchKind, number> = { individual: 10_000, employment: 10_000, 'pay-statement': 10 };
const LABEL: Record<BatchKind, string> = { individual: 'individuals', employment: 'employments', 'pay-statement': 'pay statements' };

export async function readBatch(
  lifecycle: ConnectionLifecycle,
  environmentId: string,
  connectionId: string,
  kind: BatchKind,
  ids: readonly string[],
  options: BatchReadOptions = {},
): Promise<BatchReadResult> {
  const chunkSize = Math.min(MAX_PER_CALL[kind], Math.max(1, options.chunkSize ?? DEFAULT_CHUNK));
  const { operation } = options;
  const items: BatchItem[] = [];
  const requestIds: string[] = [];
  let calls = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    operation?.checkCancelled();
    const chunk = ids.slice(start, start + chunkSize);
    operation?.advance({ detail: `${LABEL[kind]} ${fmt(start + 1)}–${fmt(start + chunk.length)} of ${fmt(ids.length)}` });
    const requestOptions = operation ? { signal: operation.signal } : undefined;
    const result = await lifecycle.read<{ responses: unknown[] }>(environmentId, connectionId, (client) => {
      // All three answer `{ responses: [...] }`; the page types differ only in the item type.
      const call =
        kind === 'individual'
          ? client.hris.individuals.retrieveMany({ requests: chunk.map((individual_id) => ({ individual_id })) }, requestOptions)
          : kind === 'employment'
            ? client.hris.employments.retrieveMany({ requests: chunk.map((individual_id) => ({ individual_id })) }, requestOptions)
            : client.hris.payStatements.retrieveMany({ requests: chunk.map((payment_id) => ({ payment_id })) }, requestOptions);
      return call as unknown as { withResponse(): Promise<{ data: { responses: unknown[] }; response: Response }> };
    });
    calls += 1;
    if (result.requestId) requestIds.push(result.requestId);
    const responses = result.data.responses ?? [];
    for (const response of responses) items.push(toItem(response));
    operation?.advance({ records: responses.length, pages: 1 });
  }
  return { items, requestIds, calls };
}

function toItem(response: unknown): BatchItem {
  const r = (response ?? {}) as { individual_id?: string; payment_id?: string; code?: number | null; body?: unknown };
  return { id: r.individual_id ?? r.payment_id ?? '', code: typeof r.code === 'number' ? r.code : null, body: r.body ?? null };
}

const fmt = (n: number) => n.toLocaleString('en-US');
