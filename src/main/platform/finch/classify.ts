/**
 * What a Finch answer means for the user. One table for the log (outcome per attempt) and
 * for errors crossing IPC (kind + message), so the two never disagree.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@tryfinch/finch-api';
import { WorkbenchError } from '../errors';
import type { Outcome } from '../request-log/types';

export interface FinchErrorBody {
  code?: number;
  name?: string;
  finch_code?: string;
  message?: string;
}

export function outcomeFor(status: number | null, body?: FinchErrorBody | null): Outcome {
  if (status === null) return 'network';
  if (status === 202) return 'accepted';
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 && (body?.finch_code === 'reauthenticate_user' || body?.name === 'reauthenticate_user')) return 'reauth_required';
  if (status === 429) return 'rate_limited';
  if (status === 501 || status === 502 || body?.finch_code === 'upstream_provider_error') return 'provider_error';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

export function asErrorBody(value: unknown): FinchErrorBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v['code'] === 'number' ? { code: v['code'] } : {}),
    ...(typeof v['name'] === 'string' ? { name: v['name'] } : {}),
    ...(typeof v['finch_code'] === 'string' ? { finch_code: v['finch_code'] } : {}),
    ...(typeof v['message'] === 'string' ? { message: v['message'].slice(0, 500) } : {}),
  };
}

/** Turns anything the SDK throws into a WorkbenchError with the request id to quote. */
export function toWorkbenchError(error: unknown, requestId: string | null): WorkbenchError {
  const details = requestId ? { requestId } : {};
  if (error instanceof WorkbenchError) return error;
  if (error instanceof APIUserAbortError) return new WorkbenchError('cancelled', 'The call was cancelled.', details);
  if (error instanceof APIConnectionTimeoutError) return new WorkbenchError('network', 'Finch did not answer in time (timeout).', details);
  if (error instanceof APIConnectionError) return new WorkbenchError('network', `Could not reach Finch: ${error.message}`, details);
  if (error instanceof APIError) {
    const body = asErrorBody(error.error);
    const finchCode = body?.finch_code ?? body?.name;
    const withCode = { ...details, ...(finchCode ? { finchCode } : {}) };
    const said = body?.message ? `: ${body.message}` : '';
    switch (outcomeFor(error.status ?? null, body)) {
      case 'reauth_required':
        return new WorkbenchError('reauth_required', `The connection must be re-authenticated through Finch Connect${said}`, withCode);
      case 'rate_limited':
        return new WorkbenchError('rate_limited', `Finch rate limit reached (${finchCode ?? '429'})${said}`, withCode);
      default:
        return new WorkbenchError(
          'finch_error',
          `Finch answered ${error.status ?? 'an error'}${finchCode ? ` ${finchCode}` : ''}${said}`,
          withCode,
        );
    }
  }
  if (error instanceof SyntaxError) {
    // The SDK parses the body after the response arrived: Finch (or a proxy) sent broken JSON.
    return new WorkbenchError(
      'finch_error',
      `Finch’s answer was not valid JSON (${error.message}). Send the request id to Finch support.`,
      details,
    );
  }
  return new WorkbenchError('internal', `Unexpected failure calling Finch: ${(error as Error)?.message ?? String(error)}`, details);
}
