/**
 * Every attempt the proxy saw becomes a request log row (source "your app", beside the app's own
 * calls, searchable and exportable like them) and an ObservedCall for the scorecard. The
 * session's calls are kept in memory (the latest 50,000) and can be rebuilt from the log: the
 * fields only the scorecard reads live in `lab_calls`, one row per logged attempt, under the
 * session's id; after a restart the latest session is picked up again.
 *
 * Rows are written behind the traffic: attempts queue and go to SQLite together, in one
 * transaction, once the proxy's current burst of I/O is done (setImmediate). One commit per
 * burst instead of per call is what keeps the proxy's added latency small. Whoever reads the
 * session (calls, status, close) flushes first, so a reader never misses a finished call.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ObservedCall } from '@shared/domain/integration-lab';
import type { RequestLog } from '@main/platform/request-log/request-log';
import { outcomeFor } from '@main/platform/finch/classify';
import type { Outcome } from '@main/platform/request-log/types';

export const DEFAULT_CAPACITY = 50_000;

/** One attempt as the proxy observed it; `ObservedCall` plus what only the log row shows. */
export interface Attempt extends Omit<ObservedCall, 'logId'> {
  environmentId: string;
  /** Path with its query string, secrets already masked. */
  pathWithQuery: string;
  /** SDK retries say which attempt they are (x-stainless-retry-count); 1 otherwise. */
  attempt: number;
  errorName: string | null;
  message: string | null;
  dataRetrieved: string | null;
  lastUpdateDate: string | null;
  lastUpdateResult: string | null;
}

interface StoredCall {
  logId: number;
  at: number;
  durationMs: number;
  method: string;
  path: string;
  product: string | null;
  status: number | null;
  requestId: string | null;
  finchCode: string | null;
  retryAfterMs: number | null;
  clientId: string | null;
  connectionKey: string | null;
  fromBrowser: number;
  injectedBy: string | null;
  sentClientSecret: number;
  codeKey: string | null;
  issuedTokenKey: string | null;
  bodyKey: string | null;
  batchItemErrors: number;
}

export class LabRecorder {
  private calls: ObservedCall[] = [];
  private seen = 0;
  private currentSession: string = randomUUID();
  private startedAt = Date.now();
  private readonly insertLabCall: Database.Statement;
  private readonly sessionCalls: Database.Statement;
  private pending: Attempt[] = [];
  private flushScheduled = false;
  private readonly writeAll: (attempts: Attempt[]) => ObservedCall[];

  constructor(
    private readonly db: Database.Database,
    private readonly log: RequestLog,
    private readonly onCall: (call: ObservedCall) => void = () => {},
    private readonly capacity = DEFAULT_CAPACITY,
  ) {
    this.insertLabCall =
      db.prepare(`INSERT INTO lab_calls (request_log_id, session, sent_client_secret, code_key, issued_token_key, body_key,
      batch_item_errors) VALUES (@logId, @session, @sentClientSecret, @codeKey, @issuedTokenKey, @bodyKey, @batchItemErrors)`);
    this.sessionCalls = db.prepare(`SELECT r.id AS logId, r.time AS at, r.duration_ms AS durationMs, r.method, r.path, r.product, r.status,
      r.request_id AS requestId, r.finch_code AS finchCode, r.retry_after_ms AS retryAfterMs, r.client_id AS clientId,
      r.connection_key AS connectionKey, r.from_browser AS fromBrowser, r.injected_by AS injectedBy,
      l.sent_client_secret AS sentClientSecret, l.code_key AS codeKey, l.issued_token_key AS issuedTokenKey, l.body_key AS bodyKey,
      l.batch_item_errors AS batchItemErrors
      FROM lab_calls l JOIN requests r ON r.id = l.request_log_id WHERE l.session = ? ORDER BY l.request_log_id DESC LIMIT ?`);
    this.writeAll = db.transaction((attempts: Attempt[]) => attempts.map((a) => this.write(a)));
  }

  get session(): string {
    return this.currentSession;
  }

  get sessionStartedAt(): number {
    return this.startedAt;
  }

  get callsSeen(): number {
    this.flush();
    return this.seen;
  }

  /** Picks up the latest session from the log (after a restart), or keeps the fresh one. */
  restoreLatest(): void {
    const latest = this.db.prepare('SELECT session FROM lab_calls ORDER BY request_log_id DESC LIMIT 1').get() as
      { session: string } | undefined;
    if (!latest) return;
    const rows = (this.sessionCalls.all(latest.session, this.capacity) as StoredCall[]).reverse();
    this.currentSession = latest.session;
    this.calls = rows.map(fromStored);
    this.seen = (this.db.prepare('SELECT count(*) AS n FROM lab_calls WHERE session = ?').get(latest.session) as { n: number }).n;
    this.startedAt = this.calls[0]?.at ?? Date.now();
  }

  /** A new session: the scorecard starts from nothing; earlier rows stay in the request log. */
  reset(): void {
    this.flush();
    this.currentSession = randomUUID();
    this.startedAt = Date.now();
    this.calls = [];
    this.seen = 0;
  }

  /** Queues an attempt; it is logged with the others of this burst (see `flush`). */
  record(attempt: Attempt): void {
    this.pending.push(attempt);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes every queued attempt in one transaction and hands the calls on. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const attempts = this.pending;
    this.pending = [];
    const calls = this.writeAll(attempts);
    for (const call of calls) {
      this.calls.push(call);
      this.seen++;
    }
    // Drop the oldest in one go once well over capacity, not one shift per call.
    if (this.calls.length > this.capacity * 1.1) this.calls = this.calls.slice(this.calls.length - this.capacity);
    for (const call of calls) this.onCall(call);
  }

  private write(attempt: Attempt): ObservedCall {
    const outcome: Outcome =
      attempt.status !== null && attempt.status < 300 && attempt.batchItemErrors > 0
        ? 'batch_partial_failure'
        : outcomeFor(attempt.status, attempt.finchCode ? { finch_code: attempt.finchCode } : null);
    const row = this.log.append({
      callId: randomUUID(),
      time: attempt.at,
      environmentId: attempt.environmentId,
      connectionId: null,
      method: attempt.method,
      path: attempt.pathWithQuery,
      product: attempt.product,
      status: attempt.status,
      durationMs: attempt.durationMs,
      attempt: attempt.attempt,
      requestId: attempt.requestId,
      outcome,
      errorName: attempt.errorName,
      finchCode: attempt.finchCode,
      message: attempt.message,
      retryAfterMs: attempt.retryAfterMs,
      dataRetrieved: attempt.dataRetrieved,
      lastUpdateDate: attempt.lastUpdateDate,
      lastUpdateResult: attempt.lastUpdateResult,
      source: 'your_app',
      clientId: attempt.clientId,
      connectionKey: attempt.connectionKey,
      fromBrowser: attempt.fromBrowser,
      injectedBy: attempt.injectedBy,
    });
    this.insertLabCall.run({
      logId: row.id,
      session: this.currentSession,
      sentClientSecret: attempt.sentClientSecret ? 1 : 0,
      codeKey: attempt.codeKey,
      issuedTokenKey: attempt.issuedTokenKey,
      bodyKey: attempt.bodyKey,
      batchItemErrors: attempt.batchItemErrors,
    });
    const call: ObservedCall = {
      logId: row.id,
      at: attempt.at,
      durationMs: attempt.durationMs,
      method: attempt.method,
      path: attempt.path,
      product: attempt.product,
      status: attempt.status,
      requestId: attempt.requestId,
      finchCode: attempt.finchCode,
      retryAfterMs: attempt.retryAfterMs,
      clientId: attempt.clientId,
      connectionKey: attempt.connectionKey,
      fromBrowser: attempt.fromBrowser,
      sentClientSecret: attempt.sentClientSecret,
      codeKey: attempt.codeKey,
      issuedTokenKey: attempt.issuedTokenKey,
      batchItemErrors: attempt.batchItemErrors,
      bodyKey: attempt.bodyKey,
      injectedBy: attempt.injectedBy,
    };
    return call;
  }

  /** The session's calls logged after `sinceLogId`, oldest first (the latest `capacity` at most). */
  list(sinceLogId = 0, limit = this.capacity): ObservedCall[] {
    this.flush();
    const kept = this.calls.length > this.capacity ? this.calls.slice(this.calls.length - this.capacity) : this.calls;
    const from = firstAfter(kept, sinceLogId);
    return kept.slice(from, from + limit);
  }
}

/** Calls are appended in log order: binary search for the first logId above `id`. */
function firstAfter(calls: readonly ObservedCall[], id: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((calls[mid]!.logId ?? 0) <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fromStored(row: StoredCall): ObservedCall {
  return {
    ...row,
    path: row.path.split('?')[0] ?? row.path,
    fromBrowser: row.fromBrowser === 1,
    sentClientSecret: row.sentClientSecret === 1,
  };
}
