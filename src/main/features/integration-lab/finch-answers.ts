/**
 * Answers the proxy makes itself, shaped as Finch's: the error body `{ statusCode, status,
 * code, name, finch_code, message }` (FINCH.md), the 202 of a data endpoint still syncing, and a
 * fresh `Finch-Request-ID` on each, as Finch puts on every answer. Your app must handle these
 * exactly as it would Finch's, so they carry nothing Finch would not send.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FINCH_API_VERSION = '2020-09-17';

export interface FinchAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function finchError(
  status: number,
  name: string,
  finchCode: string,
  message: string,
  headers?: Record<string, string>,
): FinchAnswer {
  return {
    status,
    body: { statusCode: status, status, code: status, name, finch_code: finchCode, message },
    ...(headers ? { headers } : {}),
  };
}

/** Names and codes Finch uses per status (the simulator's fault table agrees). */
const SERVER_ERRORS: Record<number, readonly [string, string]> = {
  500: ['server_error', 'server_error'],
  501: ['not_implemented_error', 'not_implemented'],
  502: ['bad_gateway_error', 'upstream_provider_error'],
  503: ['service_unavailable_error', 'service_unavailable'],
  504: ['gateway_timeout_error', 'upstream_timeout'],
};

export const answers = {
  rateLimited: (retryAfterSeconds: number, product: string | null, applicationWide: boolean): FinchAnswer =>
    finchError(
      429,
      'rate_limit_exceeded_error',
      'finch_application_rl',
      applicationWide || !product
        ? `Rate limit exceeded for this application. Retry after ${retryAfterSeconds} s.`
        : `Rate limit exceeded for the ${product} product of this application. Retry after ${retryAfterSeconds} s.`,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  serverError: (status: number): FinchAnswer => {
    const [name, code] = SERVER_ERRORS[status] ?? ['server_error', 'server_error'];
    return finchError(
      status,
      name,
      code,
      `An unexpected error occurred (HTTP ${status}). Retry later; quote the Finch-Request-ID to Finch support.`,
    );
  },
  syncInProgress: (): FinchAnswer => ({
    status: 202,
    body: {
      code: 202,
      name: 'sync_in_progress',
      finch_code: 'data_sync_in_progress',
      message: 'The data is being synced. Please check back later.',
    },
  }),
  reauthenticate: (): FinchAnswer =>
    finchError(
      401,
      'authentication_error',
      'reauthenticate_user',
      'The employer must reauthenticate this connection through Finch Connect.',
    ),
  productionReadOnly: (environmentName: string, method: string): FinchAnswer =>
    finchError(
      403,
      'error_permissions',
      'workbench_production_disarmed',
      `The workbench proxy forwards ${method} calls to “${environmentName}” (Production) only while it is armed. Arm it in the workbench, or send reads only.`,
    ),
  upstreamUnreachable: (baseUrl: string, why: string): FinchAnswer =>
    finchError(
      502,
      'bad_gateway_error',
      'workbench_proxy_upstream_unreachable',
      `The workbench proxy could not reach Finch at ${baseUrl}: ${why}. Is the upstream running and reachable?`,
    ),
  bodyTooLarge: (limitBytes: number): FinchAnswer =>
    finchError(
      413,
      'invalid_request_error',
      'payload_too_large',
      `Request bodies are limited to ${limitBytes} bytes by the workbench proxy.`,
    ),
  badRequest: (message: string): FinchAnswer => finchError(400, 'invalid_request_error', 'invalid_request', message),
};

/** Writes an answer of the proxy's own, with a new Finch-Request-ID; returns that id. */
export function sendAnswer(res: ServerResponse, answer: FinchAnswer): string {
  const requestId = randomUUID();
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Finch-Request-ID': requestId,
    'Finch-API-Version': FINCH_API_VERSION,
    ...answer.headers,
  });
  res.end(body);
  return requestId;
}

/** How long a caller still sending a refused body gets to finish before its socket is closed. */
const LINGER_MS = 2_000;

/**
 * After answering a request before its body ended (413): read and drop the rest of the body, so
 * the caller gets the answer and can reuse the connection. Closing at once (or answering with
 * `Connection: close`, after which Node closes the socket) made the kernel reset the connection
 * while the caller was still writing, and the caller could lose the 413 itself. A caller that is
 * still sending after LINGER_MS is cut off.
 */
export function drainAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    req.unpipe();
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.socket.once('close', () => clearTimeout(timer));
  });
}
