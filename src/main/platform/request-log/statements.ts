/**
 * The request log's SQL, as named prepared statements (prepared once per database). Search
 * queries vary with their filters, so those are built by `buildSearch` and cached by text.
 */
import type Database from 'better-sqlite3';
import type { RequestLogQuery } from './types';

export const COLUMNS = `r.id, r.call_id AS callId, r.time, r.environment_id AS environmentId, r.connection_id AS connectionId,
  r.method, r.path, r.product, r.status, r.duration_ms AS durationMs, r.attempt, r.request_id AS requestId, r.outcome,
  r.error_name AS errorName, r.finch_code AS finchCode, r.message, r.retry_after_ms AS retryAfterMs,
  r.data_retrieved AS dataRetrieved, r.last_update_date AS lastUpdateDate, r.last_update_result AS lastUpdateResult,
  r.source, r.client_id AS clientId, r.connection_key AS connectionKey, r.from_browser AS fromBrowser, r.injected_by AS injectedBy`;

/** One row, named parameters as `RequestLog.rowOf` makes them (also run by the background writer's own connection). */
export const INSERT_REQUEST_SQL = `INSERT INTO requests (call_id, time, environment_id, connection_id, method, path, product, status,
  duration_ms, attempt, request_id, outcome, error_name, finch_code, message, retry_after_ms, data_retrieved,
  last_update_date, last_update_result, source, client_id, connection_key, from_browser, injected_by)
  VALUES (@callId, @time, @environmentId, @connectionId, @method, @path, @product, @status, @durationMs, @attempt,
  @requestId, @outcome, @errorName, @finchCode, @message, @retryAfterMs, @dataRetrieved, @lastUpdateDate, @lastUpdateResult,
  @source, @clientId, @connectionKey, @fromBrowser, @injectedBy)`;

export function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(INSERT_REQUEST_SQL),
    byId: db.prepare(`SELECT ${COLUMNS} FROM requests r WHERE r.id = ?`),
    byCall: db.prepare(`SELECT ${COLUMNS} FROM requests r WHERE r.call_id = ? ORDER BY r.attempt, r.id`),
    count: db.prepare('SELECT count(*) AS n FROM requests'),
  };
}
export type RequestLogStatements = ReturnType<typeof prepareStatements>;

/**
 * Path segments on nearly every row. They narrow nothing, and as FTS5 prefix terms they would
 * make it decode a doclist the size of the table, so a search leaves them out.
 */
const STOPWORDS = new Set(['employer', 'api']);

/**
 * Turns what a user types into a safe FTS5 query: each word a quoted prefix term, ANDed.
 * `expand` may give the exact index terms a word's prefix stands for (see PrefixTerms): the
 * word is then their OR, which FTS5 walks lazily instead of merging up front; same rows.
 */
export function toFtsQuery(text: string, expand: (word: string) => string[] | null = () => null): string | null {
  const words = text.match(/[\p{L}\p{N}_\-./]+/gu) ?? [];
  const terms = words
    .flatMap((w) => w.split(/[./]+/))
    .filter((w) => w.replace(/[-_]/g, '').length > 0 && !STOPWORDS.has(w.toLowerCase()))
    .map((w) => w.replace(/"/g, ''))
    .map((w) => {
      const exact = expand(w);
      return exact ? `(${exact.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ')})` : `"${w}"*`;
    });
  // Explicit AND: FTS5 takes no implicit AND next to a parenthesised group.
  return terms.length > 0 ? terms.join(' AND ') : null;
}

/** An FTS5 column filter for an exact value, e.g. `environment_id : "local"`. */
export function columnTerm(column: string, value: string): string {
  // Control characters end an FTS5 string early; the IPC schema refuses them, and this keeps
  // any other caller from breaking the query.
  return `${column} : "${value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/"/g, '""')}"`;
}

const STATUS_SQL: Record<NonNullable<RequestLogQuery['statusClass']>, string> = {
  '2xx': 'r.status BETWEEN 200 AND 299',
  '4xx': 'r.status BETWEEN 400 AND 499',
  '5xx': 'r.status >= 500',
  network: 'r.status IS NULL',
};

/** One search partition's table and the ids of it a query may read (see SearchIndex). */
export interface SearchSlice {
  table: string;
  lo: number;
  hi: number;
}
const WHOLE_INDEX: SearchSlice = { table: 'requests_fts', lo: 0, hi: Number.MAX_SAFE_INTEGER };

/**
 * Two plans. With free text, or equality filters and no time range, one FTS5 query holds
 * text and filters alike and yields rowids newest first, so SQLite stops after `limit`
 * matches; it reads one search partition (`partition`), and the caller goes through them
 * newest first (`fts: true`). Otherwise the time indexes serve. Both page with `beforeId` (keyset).
 */
export function buildSearch(
  query: RequestLogQuery,
  expand?: (word: string) => string[] | null,
  partition: SearchSlice = WHOLE_INDEX,
): { sql: string; params: Record<string, unknown>; fts: boolean } {
  const params: Record<string, unknown> = { limit: Math.min(Math.max(query.limit ?? 200, 1), 5000) };
  const text = query.text ? toFtsQuery(query.text, expand) : null;
  const hasRange = query.from !== undefined || query.to !== undefined;
  const where: string[] = [];
  if (query.from !== undefined) {
    where.push('r.time >= @from');
    params['from'] = query.from;
  }
  if (query.to !== undefined) {
    where.push('r.time <= @to');
    params['to'] = query.to;
  }

  // Likely rarest first: FTS5's AND goes along its first list and makes the others skip to it,
  // so a rare leader touches far fewer pages (a failure class beside a common word and an
  // environment: half the time). Which comes first never changes the rows.
  const usual = (value: string) => value === '2xx' || value === 'ok';
  const terms: string[] = [];
  if (query.statusClass && !usual(query.statusClass)) terms.push(columnTerm('status_class', query.statusClass));
  if (query.outcome && !usual(query.outcome)) terms.push(columnTerm('outcome', query.outcome));
  if (query.connectionId) terms.push(columnTerm('connection_id', query.connectionId));
  if (query.product) terms.push(columnTerm('product', query.product));
  if (text) terms.push(`(${text})`);
  if (query.environmentId) terms.push(columnTerm('environment_id', query.environmentId));
  if (query.outcome && usual(query.outcome)) terms.push(columnTerm('outcome', query.outcome));
  if (query.statusClass && usual(query.statusClass)) terms.push(columnTerm('status_class', query.statusClass));
  // Not an FTS column (the index predates it): a plain condition in either plan. Alone, the
  // (source, time) index serves it; beside text, the FTS walk filters the rows it yields.
  if (query.source) {
    where.push('r.source = @source');
    params['source'] = query.source;
  }

  if (text || (terms.length > 0 && !hasRange)) {
    params['fts'] = terms.join(' AND ');
    // The partition's ids that can still have rows, below the page's last id.
    params['lo'] = partition.lo;
    params['hi'] = query.beforeId === undefined ? partition.hi : Math.min(partition.hi, query.beforeId - 1);
    const table = partition.table;
    const sql = `SELECT ${COLUMNS} FROM ${table} f JOIN requests r ON r.id = f.rowid
      WHERE ${table} MATCH @fts AND f.rowid BETWEEN @lo AND @hi${where.length ? ` AND ${where.join(' AND ')}` : ''}
      ORDER BY f.rowid DESC LIMIT @limit`;
    return { sql, params, fts: true };
  }
  if (query.environmentId) {
    where.push('r.environment_id = @environmentId');
    params['environmentId'] = query.environmentId;
  }
  if (query.connectionId) {
    where.push('r.connection_id = @connectionId');
    params['connectionId'] = query.connectionId;
  }
  if (query.product) {
    where.push('r.product = @product');
    params['product'] = query.product;
  }
  if (query.outcome) {
    where.push('r.outcome = @outcome');
    params['outcome'] = query.outcome;
  }
  if (query.statusClass) where.push(STATUS_SQL[query.statusClass]);
  // Newest first by (time, id): the (environment_id, time) and (time) indexes already hold
  // that order (rowid last), so SQLite walks them backwards and stops at the page size.
  if (query.beforeId !== undefined) {
    where.push('(r.time, r.id) < (SELECT time, id FROM requests WHERE id = @beforeId)');
    params['beforeId'] = query.beforeId;
  }
  const sql = `SELECT ${COLUMNS} FROM requests r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY r.time DESC, r.id DESC LIMIT @limit`;
  return { sql, params, fts: false };
}
