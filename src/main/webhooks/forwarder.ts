/**
 * Relays a stored event to the user's dev server, like `stripe listen --forward-to`:
 * byte for byte with the original finch-* headers (a replay after 5 minutes then fails the
 * SDK's timestamp check, as it would in production), or re-signed now with the
 * environment's webhook secret (same event id and body, fresh timestamp). Records the dev
 * server's status code and latency.
 */
import type { ForwardMode, ForwardRecord } from '../../shared/domain/webhooks';
import { WorkbenchError } from '../errors';
import { signHeaders } from './signature';
import { headerValue } from './verdict';

export const FORWARD_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
/** Headers a relay keeps from the original request. */
const KEPT = ['content-type', 'finch-event-id', 'finch-timestamp', 'finch-signature', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];

export interface ForwardInput {
  url: string;
  mode: ForwardMode;
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** Needed to re-sign. */
  secret: string | null;
  eventId: string | null;
  nowMs: number;
}

export function forwardHeaders(input: ForwardInput): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'Finch-Workbench-Forwarder/1' };
  if (input.mode === 'exact') {
    for (const name of KEPT) {
      const value = headerValue(input.headers, name);
      if (value !== null) headers[name] = value;
    }
    headers['content-type'] ??= 'application/json';
    return headers;
  }
  if (input.secret === null) throw new WorkbenchError('validation', 'Re-signing needs this environment’s webhook secret: store it first, or forward byte for byte.');
  const eventId = input.eventId ?? `wb_${input.nowMs.toString(36)}`;
  return { ...headers, 'content-type': 'application/json', ...signHeaders(input.secret, eventId, Math.floor(input.nowMs / 1000), input.body) };
}

export async function forward(input: ForwardInput, fetchImpl: typeof fetch = fetch): Promise<Omit<ForwardRecord, 'id'>> {
  const headers = forwardHeaders(input);
  const started = performance.now();
  const record: Omit<ForwardRecord, 'id'> = { at: input.nowMs, url: input.url, mode: input.mode, status: null, durationMs: 0, error: null, responseExcerpt: null };
  try {
    const response = await fetchImpl(input.url, { method: 'POST', headers, body: new Uint8Array(input.body), redirect: 'manual', signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS) });
    record.status = response.status;
    record.responseExcerpt = (await response.text()).slice(0, EXCERPT_CHARS);
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const code = e.cause?.code;
    record.error =
      e.name === 'TimeoutError'
        ? `No answer within ${FORWARD_TIMEOUT_MS / 1000} s.`
        : code === 'ECONNREFUSED'
          ? `Nothing is listening at ${input.url} (connection refused). Is your dev server running?`
          : `The request failed: ${code ?? e.message}.`;
  }
  record.durationMs = Math.round((performance.now() - started) * 10) / 10;
  return record;
}
