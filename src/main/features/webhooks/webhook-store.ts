/**
 * SQLite rows of the Webhooks area (migration 006): received events, their forwards,
 * forwarding settings per environment, the receiver's port. Bodies are stored as raw bytes
 * (so a replay sends exactly what arrived) up to STORED_BODY_LIMIT; each environment keeps
 * its newest MAX_EVENTS_PER_ENVIRONMENT events.
 */
import type Database from 'better-sqlite3';
import type {
  ForwardMode,
  ForwardRecord,
  UnverifiedForward,
  VerdictCode,
  WebhookCheck,
  WebhookEventDetail,
  WebhookEventSummary,
} from '@shared/domain/webhooks';

export const STORED_BODY_LIMIT = 256 * 1024;
export const MAX_EVENTS_PER_ENVIRONMENT = 2_000;

export interface NewEventRow {
  environmentId: string;
  receivedAt: number;
  source: 'receiver' | 'pasted';
  eventId: string | null;
  eventType: string | null;
  connectionId: string | null;
  verdict: VerdictCode;
  verdictMessage: string;
  checks: WebhookCheck[];
  headers: [string, string][];
  body: Buffer;
  bodyBytes: number;
}

interface EventRow {
  id: number;
  environment_id: string;
  received_at: number;
  source: 'receiver' | 'pasted';
  event_id: string | null;
  event_type: string | null;
  connection_id: string | null;
  verdict: VerdictCode;
  verdict_message: string;
  checks: string;
  headers: string;
  body: Buffer;
  body_bytes: number;
  body_truncated: number;
}

interface ForwardRow {
  id: number;
  event_row_id: number;
  at: number;
  url: string;
  mode: ForwardMode;
  failed_verification: ForwardRecord['failedVerification'];
  status: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export interface StoredEvent {
  summary: Omit<WebhookEventSummary, 'connectionLabel'>;
  detail: Omit<WebhookEventDetail, 'connectionLabel'>;
  /** The stored bytes (all of them unless truncated). */
  raw: Buffer;
}

export interface ForwardSettings {
  url: string | null;
  mode: ForwardMode;
  auto: boolean;
  /** Events that failed verification: sent byte for byte, or not at all. */
  unverified: UnverifiedForward;
}

function forwardView(row: ForwardRow): ForwardRecord {
  return {
    id: row.id,
    at: row.at,
    url: row.url,
    mode: row.mode,
    failedVerification: row.failed_verification,
    status: row.status,
    durationMs: row.duration_ms,
    error: row.error,
    responseExcerpt: row.response_excerpt,
  };
}

export class WebhookStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insert:
        db.prepare(`INSERT INTO webhook_events (environment_id, received_at, source, event_id, event_type, connection_id, verdict, verdict_message, checks, headers, body, body_bytes, body_truncated)
        VALUES (@environmentId, @receivedAt, @source, @eventId, @eventType, @connectionId, @verdict, @verdictMessage, @checks, @headers, @body, @bodyBytes, @bodyTruncated)`),
      prune: db.prepare(`DELETE FROM webhook_events WHERE environment_id = ? AND id <= (
        SELECT id FROM webhook_events WHERE environment_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`),
      get: db.prepare('SELECT * FROM webhook_events WHERE environment_id = ? AND id = ?'),
      list: db.prepare('SELECT * FROM webhook_events WHERE environment_id = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      forwardsOf: db.prepare('SELECT * FROM webhook_forwards WHERE event_row_id = ? ORDER BY id DESC'),
      lastForwards: db.prepare(`SELECT f.* FROM webhook_forwards f WHERE f.id IN (
        SELECT MAX(id) FROM webhook_forwards WHERE event_row_id IN (SELECT value FROM json_each(?)) GROUP BY event_row_id)`),
      insertForward:
        db.prepare(`INSERT INTO webhook_forwards (event_row_id, at, url, mode, failed_verification, status, duration_ms, error, response_excerpt)
        VALUES (@eventRowId, @at, @url, @mode, @failedVerification, @status, @durationMs, @error, @responseExcerpt)`),
      getForward: db.prepare('SELECT * FROM webhook_forwards WHERE id = ?'),
      settings: db.prepare(
        'SELECT forward_url, forward_mode, auto_forward, unverified_forward FROM webhook_settings WHERE environment_id = ?',
      ),
      putSettings:
        db.prepare(`INSERT INTO webhook_settings (environment_id, forward_url, forward_mode, auto_forward, unverified_forward) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(environment_id) DO UPDATE SET forward_url = excluded.forward_url, forward_mode = excluded.forward_mode, auto_forward = excluded.auto_forward,
          unverified_forward = excluded.unverified_forward`),
      receiver: db.prepare('SELECT port, listening FROM webhook_receiver WHERE id = 1'),
      putReceiver: db.prepare(`INSERT INTO webhook_receiver (id, port, listening) VALUES (1, ?, ?)
        ON CONFLICT(id) DO UPDATE SET port = excluded.port, listening = excluded.listening`),
    };
  }

  insert(row: NewEventRow): number {
    const truncated = row.body.length > STORED_BODY_LIMIT;
    const id = Number(
      this.s.insert.run({
        ...row,
        checks: JSON.stringify(row.checks),
        headers: JSON.stringify(row.headers),
        body: truncated ? row.body.subarray(0, STORED_BODY_LIMIT) : row.body,
        bodyTruncated: truncated || row.bodyBytes > row.body.length ? 1 : 0,
      }).lastInsertRowid,
    );
    this.s.prune.run(row.environmentId, row.environmentId, MAX_EVENTS_PER_ENVIRONMENT);
    return id;
  }

  get(environmentId: string, id: number): StoredEvent | null {
    const row = this.s.get.get(environmentId, id) as EventRow | undefined;
    if (!row) return null;
    const forwards = (this.s.forwardsOf.all(row.id) as ForwardRow[]).map(forwardView);
    return this.toStored(row, forwards);
  }

  list(environmentId: string, limit: number, beforeId: number | null): StoredEvent['summary'][] {
    const rows = this.s.list.all(environmentId, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as EventRow[];
    const last = new Map(
      (this.s.lastForwards.all(JSON.stringify(rows.map((r) => r.id))) as ForwardRow[]).map((f) => [f.event_row_id, forwardView(f)]),
    );
    return rows.map((row) => this.summary(row, last.get(row.id) ?? null));
  }

  addForward(eventRowId: number, forward: Omit<ForwardRecord, 'id'>): ForwardRecord {
    const id = Number(this.s.insertForward.run({ eventRowId, ...forward }).lastInsertRowid);
    return forwardView(this.s.getForward.get(id) as ForwardRow);
  }

  settings(environmentId: string): ForwardSettings {
    const row = this.s.settings.get(environmentId) as
      { forward_url: string | null; forward_mode: ForwardMode; auto_forward: number; unverified_forward: UnverifiedForward } | undefined;
    return {
      url: row?.forward_url ?? null,
      mode: row?.forward_mode ?? 'resigned',
      auto: row?.auto_forward === 1,
      unverified: row?.unverified_forward ?? 'forward_unchanged',
    };
  }

  putSettings(environmentId: string, settings: ForwardSettings): void {
    this.s.putSettings.run(environmentId, settings.url, settings.mode, settings.auto ? 1 : 0, settings.unverified);
  }

  receiver(): { port: number | null; listening: boolean } {
    const row = this.s.receiver.get() as { port: number | null; listening: number } | undefined;
    return { port: row?.port ?? null, listening: row?.listening === 1 };
  }

  putReceiver(port: number | null, listening: boolean): void {
    this.s.putReceiver.run(port, listening ? 1 : 0);
  }

  private summary(row: EventRow, lastForward: ForwardRecord | null): StoredEvent['summary'] {
    return {
      id: row.id,
      environmentId: row.environment_id,
      receivedAt: row.received_at,
      source: row.source,
      eventId: row.event_id,
      eventType: row.event_type,
      connectionId: row.connection_id,
      verdict: row.verdict,
      verdictMessage: row.verdict_message,
      bodyBytes: row.body_bytes,
      lastForward,
    };
  }

  private toStored(row: EventRow, forwards: ForwardRecord[]): StoredEvent {
    const summary = this.summary(row, forwards[0] ?? null);
    return {
      summary,
      raw: row.body,
      detail: {
        ...summary,
        headers: JSON.parse(row.headers) as [string, string][],
        body: row.body.toString('utf8'),
        bodyTruncated: row.body_truncated === 1,
        checks: JSON.parse(row.checks) as WebhookCheck[],
        forwards,
      },
    };
  }
}
