/**
 * The readiness report's questions to the database: connect events, connections, the request
 * log. Queries over the log use its indexes or its FTS index (outcome and path are column
 * terms there), so the report stays quick on a log of a million rows.
 */
import type Database from 'better-sqlite3';
import { SearchIndex } from '@main/platform/request-log/search-index';

export interface ConnectEventRow {
  time: number;
  environmentId: string;
  connectionId: string | null;
  customerId: string | null;
  type: string;
  detail: string;
  requestIds: string;
}

export interface ConnectionFactRow {
  environmentId: string;
  id: string;
  customerId: string | null;
  companyId: string | null;
  providerId: string | null;
  connectionType: string | null;
  status: string;
  createdAt: number;
  disconnectedAt: number | null;
}

export interface LoggedAttempt {
  id: number;
  callId: string;
  time: number;
  environmentId: string;
  connectionId: string | null;
  path: string;
  status: number | null;
  attempt: number;
  requestId: string | null;
  outcome: string;
  finchCode: string | null;
}

const ATTEMPT = `r.id, r.call_id AS callId, r.time, r.environment_id AS environmentId, r.connection_id AS connectionId, r.path, r.status,
  r.attempt, r.request_id AS requestId, r.outcome, r.finch_code AS finchCode`;

export class EvidenceQueries {
  private readonly s;

  private readonly searchIndex: SearchIndex;

  constructor(private readonly db: Database.Database) {
    this.searchIndex = new SearchIndex(db);
    this.s = {
      connectEvents:
        db.prepare(`SELECT time, environment_id AS environmentId, connection_id AS connectionId, customer_id AS customerId, type, detail,
        request_ids AS requestIds FROM events WHERE type IN ('connect_started', 'connect_succeeded', 'reauth_succeeded', 'connect_failed', 'connect_closed')
        ORDER BY id DESC LIMIT 20000`),
      disconnects:
        db.prepare(`SELECT time, environment_id AS environmentId, connection_id AS connectionId, customer_id AS customerId, type, detail,
        request_ids AS requestIds FROM events WHERE type = 'disconnected' ORDER BY id DESC LIMIT 2000`),
      connections:
        db.prepare(`SELECT environment_id AS environmentId, id, customer_id AS customerId, company_id AS companyId, provider_id AS providerId,
        connection_type AS connectionType, status, created_at AS createdAt, disconnected_at AS disconnectedAt FROM connections ORDER BY created_at`),
      lastAttemptOf: db.prepare(`SELECT ${ATTEMPT} FROM requests r WHERE r.call_id = ? ORDER BY r.attempt DESC, r.id DESC LIMIT 1`),
      missingIds: db.prepare(
        `SELECT ${ATTEMPT} FROM requests r WHERE r.request_id IS NULL AND r.status IS NOT NULL ORDER BY r.id DESC LIMIT 3`,
      ),
      missingIdCount: db.prepare('SELECT count(*) AS n FROM requests WHERE request_id IS NULL AND status IS NOT NULL'),
      newestWithId: db.prepare(`SELECT ${ATTEMPT} FROM requests r WHERE r.request_id IS NOT NULL ORDER BY r.id DESC LIMIT 1`),
      total: db.prepare('SELECT count(*) AS n FROM requests'),
      failedBetween: db.prepare(`SELECT ${ATTEMPT} FROM requests r WHERE r.environment_id = ? AND r.time BETWEEN ? AND ?
        AND r.outcome NOT IN ('ok', 'accepted') ORDER BY r.time, r.id LIMIT 20`),
    };
  }

  connectEvents(): ConnectEventRow[] {
    return (this.s.connectEvents.all() as ConnectEventRow[]).reverse();
  }

  disconnects(): ConnectEventRow[] {
    return this.s.disconnects.all() as ConnectEventRow[];
  }

  connections(): ConnectionFactRow[] {
    return this.s.connections.all() as ConnectionFactRow[];
  }

  /** Attempts whose FTS columns match, e.g. `outcome : "rate_limited"`, newest first. */
  matching(match: string, limit: number): LoggedAttempt[] {
    return this.searchIndex.newestMatching(ATTEMPT, match, limit) as LoggedAttempt[];
  }

  countMatching(match: string): number {
    return this.searchIndex.countMatching(match);
  }

  lastAttemptOf(callId: string): LoggedAttempt | undefined {
    return this.s.lastAttemptOf.get(callId) as LoggedAttempt | undefined;
  }

  /** Responses (a status came back) logged without a Finch-Request-ID. */
  missingRequestIds(): { count: number; examples: LoggedAttempt[] } {
    return { count: (this.s.missingIdCount.get() as { n: number }).n, examples: this.s.missingIds.all() as LoggedAttempt[] };
  }

  newestWithRequestId(): LoggedAttempt | undefined {
    return this.s.newestWithId.get() as LoggedAttempt | undefined;
  }

  /** Failed attempts of an environment in a time window (what went wrong during a drill run). */
  failedBetween(environmentId: string, from: number, to: number): LoggedAttempt[] {
    return this.s.failedBetween.all(environmentId, from, to) as LoggedAttempt[];
  }

  totalAttempts(): number {
    return (this.s.total.get() as { n: number }).n;
  }

  /**
   * The newest successful (or failed) /employer read of any of these connections. Walks the
   * (environment_id, time) index backwards and stops at the first match.
   */
  newestRead(environmentId: string, connectionIds: string[], ok: boolean): LoggedAttempt | undefined {
    let newest: LoggedAttempt | undefined;
    for (let i = 0; i < connectionIds.length; i += 200) {
      const chunk = connectionIds.slice(i, i + 200);
      const sql = `SELECT ${ATTEMPT} FROM requests r WHERE r.environment_id = ? AND r.connection_id IN (${chunk.map(() => '?').join(', ')})
        AND r.path LIKE '/employer/%' AND r.outcome ${ok ? "= 'ok'" : "NOT IN ('ok', 'accepted')"} ORDER BY r.time DESC, r.id DESC LIMIT 1`;
      const row = this.db.prepare(sql).get(environmentId, ...chunk) as LoggedAttempt | undefined;
      if (row && (!newest || row.time > newest.time)) newest = row;
    }
    return newest;
  }
}

/** An FTS5 column term for an exact value (values here are our own constants). */
export const column = (name: string, value: string): string => `${name} : "${value.replace(/"/g, '""')}"`;
