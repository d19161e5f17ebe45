/** One logged HTTP attempt to Finch. Never bodies, never credentials. */
export const OUTCOMES = [
  'ok',
  'accepted',
  'batch_partial_failure',
  'reauth_required',
  'rate_limited',
  'client_error',
  'provider_error',
  'server_error',
  'network',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RequestLogEntry {
  id: number;
  /** Groups the attempts of one logical call (retries share it). */
  callId: string;
  time: number;
  environmentId: string;
  connectionId: string | null;
  method: string;
  path: string;
  product: string | null;
  status: number | null;
  durationMs: number;
  attempt: number;
  requestId: string | null;
  outcome: Outcome;
  errorName: string | null;
  finchCode: string | null;
  message: string | null;
  retryAfterMs: number | null;
  dataRetrieved: string | null;
  lastUpdateDate: string | null;
  lastUpdateResult: string | null;
}

export type NewRequestLogEntry = Omit<RequestLogEntry, 'id'>;

export type StatusClass = '2xx' | '4xx' | '5xx' | 'network';

export interface RequestLogQuery {
  environmentId?: string;
  connectionId?: string;
  statusClass?: StatusClass;
  product?: string;
  outcome?: Outcome;
  from?: number;
  to?: number;
  /** Free text: words are matched as prefixes across path, request id, codes and message. */
  text?: string;
  /** Keyset paging: only rows older than this id. */
  beforeId?: number;
  limit?: number;
}
