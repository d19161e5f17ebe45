/**
 * What a support bundle selection matches in the database: attempts (newest first, capped),
 * events and connection rows of one environment. Raw rows: redaction happens afterwards, in
 * bundle-content.ts, on everything that leaves.
 */
import type Database from 'better-sqlite3';
import type { BundleSelection } from '@shared/domain/support';
import { MAX_BUNDLE_REQUESTS } from '@shared/domain/support';
import type { RequestLogEntry } from '@main/platform/request-log/types';

/** Only the columns a bundle writes: at 50,000 rows every column costs. */
const REQUEST_COLUMNS = `r.id, r.call_id AS callId, r.time, r.connection_id AS connectionId, r.method, r.path, r.status,
  r.duration_ms AS durationMs, r.attempt, r.request_id AS requestId, r.outcome, r.error_name AS errorName, r.finch_code AS finchCode, r.message`;

export type BundleAttempt = Pick<
  RequestLogEntry,
  | 'id'
  | 'callId'
  | 'time'
  | 'connectionId'
  | 'method'
  | 'path'
  | 'status'
  | 'durationMs'
  | 'attempt'
  | 'requestId'
  | 'outcome'
  | 'errorName'
  | 'finchCode'
  | 'message'
>;

/** Outcomes that are not failures: everything else (including partial batch failures) is one. */
export const FINE_OUTCOMES = ['ok', 'accepted'] as const;
export const isFailure = (outcome: string): boolean => !(FINE_OUTCOMES as readonly string[]).includes(outcome);

export interface EventRow {
  id: number;
  time: number;
  connectionId: string | null;
  type: string;
  detail: string;
  requestIds: string;
}

export interface ConnectionMetaRow {
  id: string;
  customerId: string | null;
  companyId: string | null;
  providerId: string | null;
  products: string;
  clientType: string | null;
  connectionType: string | null;
  status: string;
  statusDetail: string | null;
  lastSuccessfulSync: string | null;
  createdAt: number;
  updatedAt: number;
  disconnectedAt: number | null;
}

export interface SelectionRows {
  requests: BundleAttempt[];
  /** Attempts that matched beyond the cap and were left out (the oldest). */
  omitted: number;
  events: EventRow[];
  connections: ConnectionMetaRow[];
}

export class BundleQuery {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  run(selection: BundleSelection, focusCall: BundleAttempt[]): SelectionRows {
    const ids = [...new Set(selection.connectionIds)];
    const params = {
      env: selection.environmentId,
      from: selection.from,
      to: selection.to,
      unscoped: selection.includeUnscoped ? 1 : 0,
      ...named(ids),
    };
    const inList = ids.map((_, i) => `@c${i}`).join(', ') || 'NULL';
    const scope = `(r.connection_id IN (${inList}) OR (@unscoped = 1 AND r.connection_id IS NULL))`;
    const failed = selection.failedOnly ? `AND r.outcome NOT IN (${FINE_OUTCOMES.map((o) => `'${o}'`).join(', ')})` : '';
    const where = `r.environment_id = @env AND r.time BETWEEN @from AND @to AND ${scope} ${failed}`;

    const matched = this.statement(
      `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE ${where} ORDER BY r.time DESC, r.id DESC LIMIT ${MAX_BUNDLE_REQUESTS + 1}`,
    ).all(params) as BundleAttempt[];
    let omitted = 0;
    if (matched.length > MAX_BUNDLE_REQUESTS) {
      matched.pop();
      const total = (this.statement(`SELECT count(*) AS n FROM requests r WHERE ${where}`).get(params) as { n: number }).n;
      omitted = total - MAX_BUNDLE_REQUESTS;
    }
    // The focused call's attempts are always in, even outside the window or filter.
    const seen = new Set(matched.map((r) => r.id));
    for (const attempt of focusCall) if (!seen.has(attempt.id)) matched.push(attempt);
    matched.sort((a, b) => a.time - b.time || a.id - b.id);

    const events = this.statement(
      `SELECT e.id, e.time, e.connection_id AS connectionId, e.type, e.detail, e.request_ids AS requestIds
      FROM events e WHERE e.environment_id = @env AND e.time BETWEEN @from AND @to AND (
        e.connection_id IN (${inList})
        OR (e.connection_id IS NULL AND (@unscoped = 1 OR e.customer_id IN (SELECT customer_id FROM connections WHERE environment_id = @env AND id IN (${inList})))))
      ORDER BY e.time, e.id LIMIT 5000`,
    ).all(params) as EventRow[];

    const connectionIds = new Set(ids);
    for (const r of matched) if (r.connectionId) connectionIds.add(r.connectionId);
    const all = [...connectionIds];
    const connections =
      all.length === 0
        ? []
        : (this.statement(
            `SELECT id, customer_id AS customerId, company_id AS companyId, provider_id AS providerId, products,
        client_type AS clientType, connection_type AS connectionType, status, status_detail AS statusDetail, last_successful_sync AS lastSuccessfulSync,
        created_at AS createdAt, updated_at AS updatedAt, disconnected_at AS disconnectedAt
      FROM connections WHERE environment_id = @env AND id IN (${all.map((_, i) => `@c${i}`).join(', ')}) ORDER BY created_at`,
          ).all({ env: selection.environmentId, ...named(all) }) as ConnectionMetaRow[]);
    return { requests: matched, omitted, events, connections };
  }

  /** Status changes of the connections, from the events table (whatever the selected window). */
  statusHistory(environmentId: string, connectionIds: string[]): EventRow[] {
    if (connectionIds.length === 0) return [];
    return this.statement(
      `SELECT id, time, connection_id AS connectionId, type, detail, request_ids AS requestIds FROM events
      WHERE environment_id = @env AND connection_id IN (${connectionIds.map((_, i) => `@c${i}`).join(', ')})
      AND type IN ('connect_succeeded', 'sandbox_connection_created', 'reauth_required', 'reauth_succeeded', 'status_observed', 'drill_reconnected', 'drill_setup_complete', 'disconnected')
      ORDER BY time, id LIMIT 2000`,
    ).all({ env: environmentId, ...named(connectionIds) }) as EventRow[];
  }

  /** Each connection's newest failed attempt since `since` (epoch ms), by connection id. */
  lastFailures(environmentId: string, since: number): Map<string, number> {
    const rows = this.statement(
      `SELECT connection_id AS connectionId, max(time) AS time FROM requests
      WHERE environment_id = ? AND time >= ? AND connection_id IS NOT NULL AND outcome NOT IN (${FINE_OUTCOMES.map((o) => `'${o}'`).join(', ')})
      GROUP BY connection_id`,
    ).all(environmentId, since) as { connectionId: string; time: number }[];
    return new Map(rows.map((r) => [r.connectionId, r.time]));
  }

  /** Customer names and emails of an environment: personal values the redactor must know. */
  customerValues(environmentId: string): string[] {
    const rows = this.statement('SELECT name, email FROM customers WHERE environment_id = ?').all(environmentId) as {
      name: string;
      email: string | null;
    }[];
    return rows.flatMap((r) => [r.name, r.email]).filter((v): v is string => typeof v === 'string' && v.length > 0);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

function named(ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, i) => [`c${i}`, id]));
}
