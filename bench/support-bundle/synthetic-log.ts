/**
 * A synthetic request log for the support-bundle bench and its test: attempts spread over 60
 * connections, one every 250 ms, with 5xx failures (and their retries), 429s and reauths
 * mixed in at fixed rates so every filter has something to find.
 */
import type { NewRequestLogEntry } from '@main/platform/request-log/types';

export const START = 1_763_000_000_000;
export const CONNECTIONS = 60;
const PATHS = [
  '/employer/company',
  '/employer/directory?limit=100&offset=0',
  '/employer/individual',
  '/employer/employment',
  '/employer/payment?start_date=2026-01-01&end_date=2026-06-30',
  '/employer/pay-statement',
];
const PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay-statement'];

const hex = (n: number): string => (Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, '0');

export function syntheticAttempt(i: number, environmentId: string): NewRequestLogEntry {
  const p = i % PATHS.length;
  const failed = i % 97 === 0;
  const limited = i % 211 === 0;
  const reauth = i % 1009 === 0;
  const status = reauth ? 401 : failed ? 500 : limited ? 429 : 200;
  return {
    callId: `call-${i}`,
    time: START + i * 250,
    environmentId,
    connectionId: `conn-${i % CONNECTIONS}`,
    method: p === 2 || p === 3 || p === 5 ? 'POST' : 'GET',
    path: PATHS[p]!,
    product: PRODUCTS[p]!,
    status,
    durationMs: 40 + (i % 300),
    attempt: 1 + (i % 3 === 0 ? 1 : 0),
    requestId: `${hex(i)}-${hex(i + 7)}-${hex(i * 3)}`,
    outcome: reauth ? 'reauth_required' : failed ? 'server_error' : limited ? 'rate_limited' : 'ok',
    errorName: reauth ? 'authentication_error' : failed ? 'server_error' : limited ? 'rate_limit_exceeded_error' : null,
    finchCode: reauth ? 'reauthenticate_user' : failed ? 'server_error' : limited ? 'finch_application_rl' : null,
    message: reauth
      ? 'The employer must reauthenticate this connection through Finch Connect.'
      : failed
        ? 'Internal server error'
        : limited
          ? 'Rate limit exceeded'
          : null,
    retryAfterMs: limited ? 3000 : null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

export const isFailed = (e: NewRequestLogEntry): boolean => e.outcome !== 'ok' && e.outcome !== 'accepted';
