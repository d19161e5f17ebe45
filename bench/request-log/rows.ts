/**
 * bench/request-log: the log's rows, a function of their number: seven paths in turn, three
 * environments, 60 connections, a server error every 97th row and a rate limit every 211th.
 */
import type { NewRequestLogEntry } from '@main/platform/request-log/types';

const PATHS = [
  '/employer/company',
  '/employer/directory?limit=100&offset=0',
  '/employer/individual',
  '/employer/employment',
  '/employer/payment?start_date=2026-01-01&end_date=2026-06-30',
  '/employer/pay-statement',
  '/introspect',
];
const PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay-statement', null];
export const ENVS = ['local', 'env-sandbox', 'env-prod'];

export function hex(n: number): string {
  return (Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, '0');
}

/** As the app makes them (call-id.ts): the time first, so later calls sort later; the rest from i (repeatable). */
function callId(i: number, time: number): string {
  const t = time.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(i).slice(0, 3)}-8${hex(i + 1).slice(0, 3)}-${hex(i * 5)}${hex(i + 3).slice(0, 4)}`;
}

export function row(i: number): NewRequestLogEntry {
  const p = i % PATHS.length;
  const failed = i % 97 === 0;
  const limited = i % 211 === 0;
  return {
    callId: callId(i, 1_763_000_000_000 + i * 250),
    time: 1_763_000_000_000 + i * 250,
    environmentId: ENVS[i % 3]!,
    connectionId: `conn-${i % 60}`,
    method: p === 2 || p === 3 || p === 5 ? 'POST' : 'GET',
    path: PATHS[p]!,
    product: PRODUCTS[p]!,
    status: failed ? 500 : limited ? 429 : 200,
    durationMs: 40 + (i % 300),
    attempt: failed ? 1 : 1 + (i % 2),
    requestId: `${hex(i)}-${hex(i + 7)}-${hex(i * 3)}`,
    outcome: failed ? 'server_error' : limited ? 'rate_limited' : 'ok',
    errorName: failed ? 'server_error' : null,
    finchCode: limited ? 'finch_application_rl' : failed ? 'server_error' : null,
    message: failed ? 'Internal server error' : null,
    retryAfterMs: limited ? 3000 : null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}
