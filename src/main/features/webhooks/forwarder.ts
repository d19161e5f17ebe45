/**
 * Relays a stored event to the user's dev server, like `stripe listen --forward-to`:
 * byte for byte with the original finch-* headers (a replay after 5 minutes then fails the
 * SDK's timestamp check, as it would in production), or re-signed now with the
 * environment's webhook secret (same event id and body, fresh timestamp). Records the dev
 * server's status code and latency.
 *
 * Only an event that passed verification is ever re-signed. Re-signing a tampered or stale
 * one would give the dev server a body it must reject with a valid signature, hiding exactly
 * the failure the lab is there to show; such an event goes byte for byte (so the dev server
 * rejects it too) or not at all, as the user chose, and the record says which.
 */
import type { ForwardMode, ForwardRecord, UnverifiedForward, VerdictCode } from '@shared/domain/webhooks';
import { VERDICT_LABELS, failsVerification } from '@shared/domain/webhooks';
import { WorkbenchError } from '@main/platform/errors';
import { signHeaders } from './signature';
import { headerValue } from './verdict';

export const FORWARD_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
/** Headers a relay keeps from the original request. */
const KEPT = [
  'content-type',
  'finch-event-id',
  'finch-timestamp',
  'finch-signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
];

export interface ForwardInput {
  url: string;
  /** The mode asked for; an event that failed verification is never re-signed whatever this says. */
  mode: ForwardMode;
  /** The stored event's verdict. */
  verdict: VerdictCode;
  /** What to do with it when that verdict is a verification failure. */
  unverified: UnverifiedForward;
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** Needed to re-sign. */
  secret: string | null;
  eventId: string | null;
  nowMs: number;
}

export interface ForwardPlan {
  mode: ForwardMode;
  failedVerification: ForwardRecord['failedVerification'];
}

/** How this event goes: as asked when it passed verification; byte for byte or not at all when it did not. */
export function forwardPlan(verdict: VerdictCode, asked: ForwardMode, unverified: UnverifiedForward): ForwardPlan {
  if (!failsVerification(verdict)) return { mode: asked, failedVerification: null };
  return unverified === 'dont_forward'
    ? { mode: asked, failedVerification: 'not_forwarded' }
    : { mode: 'exact', failedVerification: 'forwarded_unchanged' };
}

function forwardHeaders(input: ForwardInput): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'Finch-Workbench-Forwarder/1' };
  if (input.mode === 'exact') {
    for (const name of KEPT) {
      const value = headerValue(input.headers, name);
      if (value !== null) headers[name] = value;
    }
    headers['content-type'] ??= 'application/json';
    return headers;
  }
  if (input.secret === null)
    throw new WorkbenchError('validation', 'Re-signing needs this environment’s webhook secret: store it first, or forward byte for byte.');
  const eventId = input.eventId ?? `wb_${input.nowMs.toString(36)}`;
  return {
    ...headers,
    'content-type': 'application/json',
    ...signHeaders(input.secret, eventId, Math.floor(input.nowMs / 1000), input.body),
  };
}

export async function forward(input: ForwardInput, fetchImpl: typeof fetch = fetch): Promise<Omit<ForwardRecord, 'id'>> {
  const plan = forwardPlan(input.verdict, input.mode, input.unverified);
  const record: Omit<ForwardRecord, 'id'> = {
    at: input.nowMs,
    url: input.url,
    ...plan,
    status: null,
    durationMs: 0,
    error: null,
    responseExcerpt: null,
  };
  if (plan.failedVerification === 'not_forwarded') {
    record.error = `Not forwarded: it failed verification (${VERDICT_LABELS[input.verdict]}), and events that fail verification are set not to be forwarded.`;
    return record;
  }
  const headers = forwardHeaders({ ...input, mode: plan.mode });
  const started = performance.now();
  try {
    const response = await fetchImpl(input.url, {
      method: 'POST',
      headers,
      body: new Uint8Array(input.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
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
