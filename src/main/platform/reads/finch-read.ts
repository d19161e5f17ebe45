/**
 * One endpoint read as the explorer shows it: the raw JSON Finch sent, its status, the
 * request id, and a 202 turned into `accepted` (never "no data").
 *
 * The SDK wraps list answers in page objects that normalise the body (a missing array
 * becomes []): the explorer shows what Finch sent, so it reads the page's raw body.
 */
import type Finch from '@tryfinch/finch-api';
import type { Accepted, EndpointRead } from '@shared/domain/explorer';
import type { ConnectionLifecycle } from '../workspace/connection-lifecycle';
import type { WithResponse } from '../finch/gateway';

export interface ReadContext {
  lifecycle: ConnectionLifecycle;
  environmentId: string;
  connectionId: string;
}

/** The JSON body behind an SDK result: a page's raw body, or the parsed object itself. */
export function rawBody(data: unknown): unknown {
  if (data && typeof data === 'object' && typeof (data as { getPaginatedItems?: unknown }).getPaginatedItems === 'function') {
    return (data as unknown as { body: unknown }).body ?? null;
  }
  return data ?? null;
}

/** Finch's 202 body → why there is no data yet. */
export function acceptedOf(status: number, body: unknown): Accepted | null {
  if (status !== 202) return null;
  const b = (body ?? {}) as { finch_code?: unknown; name?: unknown; message?: unknown };
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { code: text(b.finch_code) ?? text(b.name) ?? 'accepted', message: text(b.message) };
}

export async function readEndpoint(ctx: ReadContext, fn: (client: Finch) => WithResponse<unknown>): Promise<EndpointRead> {
  const result = await ctx.lifecycle.read(ctx.environmentId, ctx.connectionId, fn);
  const data = rawBody(result.data);
  return {
    data,
    status: result.status,
    requestId: result.requestId,
    requestIds: result.requestId ? [result.requestId] : [],
    accepted: acceptedOf(result.status, data),
  };
}

/** Request ids of several reads, in order, without repeats. */
export function joinIds(...lists: (readonly (string | null)[])[]): string[] {
  return [...new Set(lists.flat().filter((id): id is string => typeof id === 'string' && id !== ''))];
}

/**
 * A per-call signal that follows the operation's: the SDK leaves its listener on the signal
 * it is given, so handing the operation's own signal to every page of a long pull would pile
 * listeners up (Node warns past 10). Call `release` when the call has settled.
 */
export function callSignal(signal: AbortSignal | undefined): { options: { signal: AbortSignal } | undefined; release: () => void } {
  if (!signal) return { options: undefined, release: () => {} };
  const child = new AbortController();
  const abort = () => child.abort();
  if (signal.aborted) child.abort();
  else signal.addEventListener('abort', abort, { once: true });
  return { options: { signal: child.signal }, release: () => signal.removeEventListener('abort', abort) };
}
