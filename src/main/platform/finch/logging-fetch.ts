/**
 * The `fetch` handed to the Finch SDK. It sees every HTTP attempt, retries included: waits
 * for a rate-limit slot, sends, and logs method, path, status, duration, attempt number,
 * Finch-Request-ID, error name / finch_code and the Finch-Data-* headers. It never logs
 * bodies or headers beyond those, so credentials cannot reach the log.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock';
import { newCallId } from '../request-log/call-id';
import type { RequestLog } from '../request-log/request-log';
import type { Outcome } from '../request-log/types';
import { asErrorBody, outcomeFor } from './classify';
import { reportRateLimitQueued, reportRateLimitWait } from '../operations/operations';
import { productForPath } from './products';
import type { RateLimiter } from './rate-limiter';
import { readRawBatch } from '../json/raw-batch';
import { bodyBytes } from './body-bytes';
import { keepRawAnswer, keepResponseBytes } from './raw-answer';
import { textOf } from '../json/text-of';

/**
 * The gateway runs each call inside this context so that every attempt the SDK makes for it,
 * retries included, is logged under one call id, without adding anything to the request.
 */
/**
 * One gateway call: its id, and what each of its attempts came to, as observed here. The
 * gateway reads the outcome from this rather than reading back the log it has just written.
 */
export interface CallObservation {
  callId: string;
  attempts: { outcome: Outcome; requestId: string | null }[];
  /**
   * The caller reads the answer's bytes itself (FinchGateway.callRaw): a batch answer is then
   * not parsed here, its item errors are counted from its bytes (raw-batch.ts).
   */
  raw?: boolean;
  /** Told when an attempt's response headers are in: the server has its answer (the body may still be on its way). */
  onAnswering?: () => void;
}
export const callContext = new AsyncLocalStorage<CallObservation>();
/** Batch endpoints and what their items are (for “404 for 1 of 3 individuals”). */
const BATCH_PATHS = new Map([
  ['/employer/individual', 'individuals'],
  ['/employer/employment', 'employments'],
  ['/employer/pay-statement', 'payments'],
]);
const PAY_STATEMENT_PATH = '/employer/pay-statement';
/** The other big answer a pull reads page by page (5,000 people a page). */
const DIRECTORY_PATH = '/employer/directory';

export interface LoggingFetchContext {
  environmentId: string;
  connectionId: string | null;
  /** The application whose rate-limit budget this call spends. */
  clientId: string;
}

export interface LoggingFetchDeps {
  fetch: typeof fetch;
  log: RequestLog;
  limiter: RateLimiter;
  clock: Clock;
  /** High-resolution timer for durations (performance.now in the app). */
  timer?: () => number;
}

export function createLoggingFetch(deps: LoggingFetchDeps, context: LoggingFetchContext): typeof fetch {
  const timer = deps.timer ?? (() => performance.now());
  return async (input, init) => {
    // The SDK always calls fetch(url, init); no Request object is built so the body is untouched.
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const callId = callContext.getStore()?.callId ?? newCallId();
    const attempt = Number(headers.get('x-stainless-retry-count') ?? '0') + 1;
    const url = new URL(href);
    const product = productForPath(url.pathname);
    const queuedAt = timer();
    const acquiring = deps.limiter.acquire(context.clientId, product, init?.signal ?? undefined);
    // A slot not granted at once means a queue: say so to the operation (if any) while it waits.
    let granted = false;
    void acquiring.then(
      () => (granted = true),
      () => {},
    );
    await Promise.resolve();
    if (!granted) reportRateLimitQueued();
    const release = await acquiring;
    const waitedMs = timer() - queuedAt;
    // Sub-millisecond is the unthrottled fast path, not a wait worth reporting.
    if (waitedMs >= 1) reportRateLimitWait(waitedMs);

    const time = deps.clock.now();
    const started = timer();
    const base = { callId, time, ...context, method, path: url.pathname + url.search, product, attempt };
    let response: Response;
    try {
      response = await deps.fetch(url, init);
      callContext.getStore()?.onAnswering?.();
    } catch (error) {
      release();
      callContext.getStore()?.attempts.push({ outcome: 'network', requestId: null });
      deps.log.append({
        ...base,
        status: null,
        durationMs: timer() - started,
        requestId: null,
        outcome: 'network',
        errorName: (error as Error)?.name ?? 'Error',
        finchCode: null,
        message: String((error as Error)?.message ?? error).slice(0, 300),
        retryAfterMs: null,
        dataRetrieved: null,
        lastUpdateDate: null,
        lastUpdateResult: null,
      });
      throw error;
    }
    release();

    const retryAfterMs = parseRetryAfter(response.headers);
    let outcome: Outcome = outcomeFor(response.status);
    let errorName: string | null = null;
    let finchCode: string | null = null;
    let message: string | null = null;
    if (!response.ok || response.status === 202) {
      const body = asErrorBody(
        await response
          .clone()
          .json()
          .catch(() => null),
      );
      outcome = outcomeFor(response.status, body);
      errorName = body?.name ?? (response.ok ? null : `HTTP ${response.status}`);
      finchCode = body?.finch_code ?? null;
      message = body?.message ?? null;
    } else if (BATCH_PATHS.has(url.pathname) && callContext.getStore()?.raw) {
      const read = await readBytesOnce(response);
      response = read.response;
      const summary = summarizeRawBatch(read.bytes, BATCH_PATHS.get(url.pathname)!, url.pathname === PAY_STATEMENT_PATH);
      if (summary) {
        outcome = 'batch_partial_failure';
        message = summary;
      }
    } else if (BATCH_PATHS.has(url.pathname) || url.pathname === DIRECTORY_PATH) {
      // Read once, parsed once: the SDK is handed the parsed body (a clone parsed here would
      // double the cost of every 10,000-item batch, in time and in memory), and the bytes are
      // kept beside it for a snapshot to store as they came.
      const read = await readJsonOnce(response);
      response = read.response;
      const noun = BATCH_PATHS.get(url.pathname);
      const summary = noun ? summarizeBatchFailures(read.body, noun) : null;
      if (summary) {
        outcome = 'batch_partial_failure';
        message = summary;
      }
    }
    if (response.status === 429) deps.limiter.penalize(context.clientId, product, retryAfterMs ?? 60_000);

    callContext.getStore()?.attempts.push({ outcome, requestId: response.headers.get('finch-request-id') });
    deps.log.append({
      ...base,
      status: response.status,
      durationMs: timer() - started,
      requestId: response.headers.get('finch-request-id'),
      outcome,
      errorName,
      finchCode,
      message,
      retryAfterMs,
      dataRetrieved: response.headers.get('finch-data-retrieved'),
      lastUpdateDate: response.headers.get('finch-last-attempted-update-date'),
      lastUpdateResult: response.headers.get('finch-last-attempted-update-result'),
    });
    return response.status === 501 ? withoutRetry(response) : response;
  };
}

/**
 * 501 not_implemented_error means the provider lacks the endpoint: retrying cannot help, so
 * tell the SDK (which honours `x-should-retry`) not to, instead of spending two more calls.
 */
function withoutRetry(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('x-should-retry', 'false');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function parseRetryAfter(headers: Headers): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const seconds = Number.parseFloat(headers.get('retry-after') ?? '');
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

/**
 * A 200 whose items carry their own errors, said the way a ticket needs it: each item code and
 * how many items got it, out of all, e.g. “404 for 1 of 3 individuals” (null when none failed).
 */
function summarizeBatchFailures(parsed: unknown, noun: string): string | null {
  const body = parsed as { responses?: { code?: unknown }[] } | null;
  const items = Array.isArray(body?.responses) ? body.responses : [];
  return summarizeCodes(
    items.map((item) => item?.code),
    noun,
  );
}

/** The same summary from the answer's bytes (read the way the caller will read them again: the read is kept). */
function summarizeRawBatch(bytes: Uint8Array, noun: string, bodies: boolean): string | null {
  const batch = readRawBatch(bytes, bodies);
  if (batch)
    return summarizeCodes(
      batch.items.map((item) => item.code),
      noun,
    );
  try {
    return summarizeBatchFailures(JSON.parse(textOf(bytes)), noun);
  } catch {
    return null;
  }
}

function summarizeCodes(codes: readonly unknown[], noun: string): string | null {
  const byCode = new Map<number, number>();
  for (const code of codes) if (typeof code === 'number' && code !== 200) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  if (byCode.size === 0) return null;
  const parts = [...byCode].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([code, n]) => `${code} for ${n}`);
  return `${parts.join(' and ')} of ${codes.length} ${noun}`;
}

/** The body read as bytes, not parsed; the response handed on carries them (raw-answer.ts: responseBytes). */
async function readBytesOnce(response: Response): Promise<{ response: Response; bytes: Uint8Array }> {
  const bytes = await bodyBytes(response);
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  const read = new Response(null, init);
  keepResponseBytes(read, bytes);
  // Whoever still asks for the text or the value gets it from the bytes.
  Object.defineProperty(read, 'text', { value: () => Promise.resolve(textOf(bytes)) });
  Object.defineProperty(read, 'json', { value: () => Promise.resolve(JSON.parse(textOf(bytes))) });
  return { response: read, bytes };
}

/**
 * The body read as bytes, decoded and parsed once; the response handed on answers `json()`
 * with the parsed value, and the bytes are kept beside it (raw-answer.ts). Not JSON: null,
 * text kept.
 */
async function readJsonOnce(response: Response): Promise<{ response: Response; body: unknown }> {
  const bytes = await bodyBytes(response);
  const text = textOf(bytes);
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    return { response: new Response(text, init), body: null };
  }
  keepRawAnswer(body, bytes);
  // No body of its own: the SDK reads `json()`, which answers the value parsed here (a Response
  // built on the text would measure it and hold it for nothing); `text()` decodes again.
  const parsed = new Response(null, init);
  Object.defineProperty(parsed, 'json', { value: () => Promise.resolve(body) });
  Object.defineProperty(parsed, 'text', { value: () => Promise.resolve(textOf(bytes)) });
  return { response: parsed, body };
}
