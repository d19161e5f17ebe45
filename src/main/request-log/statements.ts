/**
 * The request log's SQL, as named prepared statements (prepared once per database). Search
 * queries vary with their filters, so those are built by `buildSearch` and cached by text.
 */
import type Database from 'better-sqlite3';
import type { RequestLogQuery } from './types';

const COLUMNS = `id, call_id AS callId, time, environment_id AS environmentId, connection_id AS connectionId,
  method, path, product, status, duration_ms AS durationMs, attempt, request_id AS requestId, outcome,
  error_name AS errorName, finch_code AS finchCode, message, retry_after_ms AS retryAfterMs,
  data_retrieved AS dataRetrieved, last_update_date AS lastUpdateDate, last_update_result AS lastUpdateResult`;

export function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(`INSERT INTO requests (call_id, time, environment_id, connection_id, method, path, product, status,
      duration_ms, attempt, request_id, outcome, error_name, finch_code, message, retry_after_ms, data_retrieved,
      last_update_date, last_update_result)
      VALUES (@callId, @time, @environmentId, @connectionId, @method, @path, @product, @status, @durationMs, @attempt,
      @requestId, @outcome, @errorName, @finchCode, @message, @retryAfterMs, @dataRetrieved, @lastUpdateDate, @lastUpdateResult)`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM requests WHERE id = ?`),
    byCall: db.prepare(`SELECT ${COLUMNS} FROM requests WHERE call_id = ? ORDER BY attempt`),
    byRequestId: db.prepare(`SELECT ${COLUMNS} FROM requests WHERE request_id = ?`),
    count: db.prepare('SELECT count(*) AS n FROM requests'),
  };
}
export type RequestLogStatements = ReturnType<typeof prepareStatements>;

/** Turns what a user types into a safe FTS5 query: each word a quoted prefix term, ANDed. */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_\-./]+/gu) ?? [];
  const terms = words
    .flatMap((w) => w.split(/[./]+/))
    .filter((w) => w.replace(/[-_]/g, '').length > 0)
    .map((w) => `"${w.replace(/"/g, '')}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

export function buildSearch(query: RequestLogQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const fts = query.text ? toFtsQuery(query.text) : null;
  if (fts) {
    where.push('r.id IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH @fts)');
    params['fts'] = fts;
  }
  if (query.environmentId) (where.push('r.environment_id = @environmentId'), (params['environmentId'] = query.environmentId));
  if (query.connectionId) (where.push('r.connection_id = @connectionId'), (params['connectionId'] = query.connectionId));
  if (query.product) (where.push('r.product = @product'), (params['product'] = query.product));
  if (query.outcome) (where.push('r.outcome = @outcome'), (params['outcome'] = query.outcome));
  if (query.from !== undefined) (where.push('r.time >= @from'), (params['from'] = query.from));
  if (query.to !== undefined) (where.push('r.time <= @to'), (params['to'] = query.to));
  if (query.beforeId !== undefined) (where.push('r.id < @beforeId'), (params['beforeId'] = query.beforeId));
  switch (query.statusClass) {
    case '2xx':
      where.push('r.status BETWEEN 200 AND 299');
      break;
    case '4xx':
      where.push('r.status BETWEEN 400 AND 499');
      break;
    case '5xx':
      where.push('r.status >= 500');
      break;
    case 'network':
      where.push('r.status IS NULL');
      break;
    default:
      break;
  }
  params['limit'] = Math.min(Math.max(query.limit ?? 200, 1), 5000);
  const sql = `SELECT ${COLUMNS} FROM requests r
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT @limit`;
  return { sql, params };
}
