/**
 * Every attempt the proxy saw becomes a request log row (source "your app", beside the app's own
 * calls, searchable and exportable like them) and an ObservedCall for the scorecard. The
 * session's calls are kept in memory (the latest 50,000) and can be rebuilt from the log: the
 * fields only the scorecard reads live in `lab_calls`, one row per logged attempt, under the
 * session's id; after a restart the latest session is picked up again.
 *
 * Rows are written behind the traffic, and off the proxy's thread: attempts queue, and every
 * SEND_EVERY_MS at most they go as one batch to the background writer
 * (platform/request-log/background-writer.ts: a worker thread with its own connection, one
 * transaction per batch). SQLite's commits and WAL checkpoints then never hold a call the proxy
 * is relaying, and a commit (whose cost is mostly per transaction, not per row) serves many
 * calls on the two cores the proxy shares with your backend and Finch's stand-in. A call joins the in-memory list, and `onCall` hears of it, once its row
 * exists (with its log id). Whoever reads the session (calls, status, reset, close) flushes
 * first, waiting for the writer to answer, so a reader never misses a finished call. An
 * in-memory database, or a writer that cannot start, is written on this thread instead.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ObservedCall } from '@shared/domain/integration-lab';
import { newCallId } from '@main/platform/request-log/call-id';
import type { RequestLog } from '@main/platform/request-log/request-log';
import { rowOf } from '@main/platform/request-log/request-log';
import { BackgroundWriter } from '@main/platform/request-log/background-writer';
import type { BatchResult } from '@main/platform/request-log/background-writer';
import { outcomeFor } from '@main/platform/finch/classify';
import type { NewRequestLogEntry, Outcome, RequestLogEntry } from '@main/platform/request-log/types';

export const DEFAULT_CAPACITY = 50_000;
/** How long attempts gather before going to the background writer (readers never wait for it: they flush). */
const SEND_EVERY_MS = 50;

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

export interface LabRecorderOptions {
  onCall?: (call: ObservedCall) => void;
  capacity?: number;
  /** Write on a worker thread (default, for a database on disk); false: on this thread. */
  background?: boolean;
  /** The better-sqlite3 addon the app's connection uses (Electron's ABI), for the writer's own. */
  nativeBinding?: string;
  log?: (line: string) => void;
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

/** A batch at the background writer: whose session, what was seen, the rows as sent. */
interface InFlight {
  session: string;
  attempts: Attempt[];
  entries: Omit<RequestLogEntry, 'id'>[];
}

const INSERT_LAB_CALL_SQL = `INSERT INTO lab_calls (request_log_id, session, sent_client_secret, code_key, issued_token_key, body_key,
  batch_item_errors) VALUES (@logId, @session, @sentClientSecret, @codeKey, @issuedTokenKey, @bodyKey, @batchItemErrors)`;

export class LabRecorder {
  private calls: ObservedCall[] = [];
  private seen = 0;
  private currentSession: string = randomUUID();
  private startedAt = Date.now();
  private readonly insertLabCall: Database.Statement;
  private readonly sessionCalls: Database.Statement;
  private pending: Attempt[] = [];
  private flushScheduled = false;
  private readonly writeAll: (attempts: Attempt[], session: string) => ObservedCall[];
  private readonly writer: BackgroundWriter | null;
  private readonly inFlight = new Map<number, InFlight>();
  private readonly onCall: (call: ObservedCall) => void;
  private readonly capacity: number;
  private readonly logLine: (line: string) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly log: RequestLog,
    options: LabRecorderOptions = {},
  ) {
    this.onCall = options.onCall ?? (() => {});
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
    this.logLine = options.log ?? (() => {});
    this.insertLabCall = db.prepare(INSERT_LAB_CALL_SQL);
    this.sessionCalls = db.prepare(`SELECT r.id AS logId, r.time AS at, r.duration_ms AS durationMs, r.method, r.path, r.product, r.status,
      r.request_id AS requestId, r.finch_code AS finchCode, r.retry_after_ms AS retryAfterMs, r.client_id AS clientId,
      r.connection_key AS connectionKey, r.from_browser AS fromBrowser, r.injected_by AS injectedBy,
      l.sent_client_secret AS sentClientSecret, l.code_key AS codeKey, l.issued_token_key AS issuedTokenKey, l.body_key AS bodyKey,
      l.batch_item_errors AS batchItemErrors
      FROM lab_calls l JOIN requests r ON r.id = l.request_log_id WHERE l.session = ? ORDER BY l.request_log_id DESC LIMIT ?`);
    this.writeAll = db.transaction((attempts: Attempt[], session: string) => attempts.map((a) => this.writeHere(a, session)));
    this.writer =
      options.background === false
        ? null
        : BackgroundWriter.start({
            db,
            linkedSql: INSERT_LAB_CALL_SQL,
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
            onResult: (batch, result) => this.written(batch, result),
            onFailed: (reason, lost) => {
              this.logLine(`[integration-lab] ${reason}; the proxy's calls are logged on the main thread from now on.`);
              for (const batch of lost) this.written(batch, { error: reason });
            },
          });
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

  /** Queues an attempt; it is logged with the others of this burst (see `send`). */
  record(attempt: Attempt): void {
    this.pending.push(attempt);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // On this thread, once the current burst of I/O is done; to the writer, a few bursts at once.
    if (this.writer?.working) setTimeout(() => this.send(), SEND_EVERY_MS);
    else setImmediate(() => this.send());
  }

  /** Writes every queued attempt and waits until the writer has stored them all (readers call this). */
  flush(): void {
    this.send();
    if (this.writer && !this.writer.settle())
      this.logLine('[integration-lab] the background writer did not answer in time; the latest calls may be missing.');
  }

  /** The session's calls logged after `sinceLogId`, oldest first (the latest `capacity` at most). */
  list(sinceLogId = 0, limit = this.capacity): ObservedCall[] {
    this.flush();
    const kept = this.calls.length > this.capacity ? this.calls.slice(this.calls.length - this.capacity) : this.calls;
    const from = firstAfter(kept, sinceLogId);
    return kept.slice(from, from + limit);
  }

  /** Flushes, then stops the background writer. */
  async close(): Promise<void> {
    this.flush();
    await this.writer?.close();
  }

  /** Hands the queued attempts to the writer as one batch (or writes them here, in one transaction). */
  private send(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const attempts = this.pending;
    this.pending = [];
    const session = this.currentSession;
    if (!this.writer?.working) {
      this.accept(session, this.writeAll(attempts, session));
      return;
    }
    const entries = attempts.map((a) => this.log.entryOf(logEntryOf(a)));
    const batch = this.writer.write(entries.map((entry, i) => ({ entry: rowOf(entry), linked: labCallRow(attempts[i]!, session) })));
    this.inFlight.set(batch, { session, attempts, entries });
  }

  /** The writer's answer for a batch: the calls join the session; a failed batch is written here. */
  private written(batch: number, result: BatchResult): void {
    const sent = this.inFlight.get(batch);
    if (!sent) return;
    this.inFlight.delete(batch);
    if ('error' in result) {
      this.logLine(
        `[integration-lab] logging ${sent.attempts.length} calls in the background failed (${result.error}); logging them here.`,
      );
      try {
        this.accept(sent.session, this.writeAll(sent.attempts, sent.session));
      } catch (error) {
        this.logLine(`[integration-lab] ${sent.attempts.length} calls could not be logged: ${(error as Error).message}`);
      }
      return;
    }
    const calls = sent.attempts.map((attempt, i) => {
      const id = result.ids[i]!;
      this.log.announce({ id, ...sent.entries[i]! });
      return observedCall(attempt, id);
    });
    this.accept(sent.session, calls);
  }

  /** Stored calls join the in-memory list (log order) and are handed on. */
  private accept(session: string, calls: ObservedCall[]): void {
    // A reset flushes first, so this is only a late answer for a session already closed.
    if (session !== this.currentSession) return;
    for (const call of calls) {
      const last = this.calls.at(-1);
      // Written here after a failed batch, a call may be older than one already listed.
      if (last && (last.logId ?? 0) > (call.logId ?? 0)) this.calls.splice(firstAfter(this.calls, call.logId ?? 0), 0, call);
      else this.calls.push(call);
      this.seen++;
    }
    // Drop the oldest in one go once well over capacity, not one shift per call.
    if (this.calls.length > this.capacity * 1.1) this.calls = this.calls.slice(this.calls.length - this.capacity);
    for (const call of calls) this.onCall(call);
  }

  /** One attempt written on this thread's connection (inside `writeAll`'s transaction). */
  private writeHere(attempt: Attempt, session: string): ObservedCall {
    const row = this.log.append(logEntryOf(attempt));
    this.insertLabCall.run({ ...labCallRow(attempt, session), logId: row.id });
    return observedCall(attempt, row.id);
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

function logEntryOf(attempt: Attempt): NewRequestLogEntry {
  const outcome: Outcome =
    attempt.status !== null && attempt.status < 300 && attempt.batchItemErrors > 0
      ? 'batch_partial_failure'
      : outcomeFor(attempt.status, attempt.finchCode ? { finch_code: attempt.finchCode } : null);
  return {
    callId: newCallId(attempt.at),
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
  };
}

/** The lab_calls row's parameters (its @logId comes from the request log row). */
function labCallRow(attempt: Attempt, session: string): Record<string, unknown> {
  return {
    session,
    sentClientSecret: attempt.sentClientSecret ? 1 : 0,
    codeKey: attempt.codeKey,
    issuedTokenKey: attempt.issuedTokenKey,
    bodyKey: attempt.bodyKey,
    batchItemErrors: attempt.batchItemErrors,
  };
}

function observedCall(attempt: Attempt, logId: number): ObservedCall {
  return {
    logId,
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
}
