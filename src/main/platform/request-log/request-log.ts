/**
 * The request log: every HTTP attempt to Finch, appended by the gateway's fetch wrapper and
 * searched by the log view. An append is one prepared INSERT, committed at once (a row the
 * caller got back survives the process being killed); the search index follows in batches
 * (SearchIndex), soon after on a timer and always before a search reads it. Listeners hear
 * about each new row for the live tail.
 */
import type Database from 'better-sqlite3';
import type { NewRequestLogEntry, RequestLogEntry, RequestLogQuery } from './types';
import type { RequestLogStatements } from './statements';
import { buildSearch, COLUMNS, columnTerm, prepareStatements } from './statements';
import { PrefixTerms } from './prefix-terms';
import type { SearchIndexOptions } from './search-index';
import { SearchIndex } from './search-index';

/** How long appended rows may wait for the search index (a search never waits: it catches up first). */
const CATCH_UP_AFTER_MS = 100;
/** Rows one catch-up transaction indexes: ~10 ms of the event loop, then it yields. */
const CATCH_UP_BATCH_ROWS = 2_000;

export class RequestLog {
  readonly searchIndex: SearchIndex;
  private readonly statements: RequestLogStatements;
  private readonly prefixTerms = new Map<string, PrefixTerms>();
  private readonly searchCache = new Map<string, Database.Statement>();
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>();
  private catchUpTimer: NodeJS.Timeout | null = null;

  /** `scrub` removes known secrets from the free text (message, path with its query) before it is stored. */
  constructor(
    private readonly db: Database.Database,
    private readonly scrub: (text: string | null) => string | null = (text) => text,
    options: SearchIndexOptions = {},
  ) {
    this.statements = prepareStatements(db);
    this.searchIndex = new SearchIndex(db, options);
    // Rows a crash left unindexed, or another connection's: indexed soon after start.
    this.scheduleCatchUp();
  }

  append(input: NewRequestLogEntry): RequestLogEntry {
    const entry = this.entryOf(input);
    const info = this.statements.insert.run(rowOf(entry));
    const saved: RequestLogEntry = { id: Number(info.lastInsertRowid), ...entry };
    this.announce(saved);
    return saved;
  }

  /** The row `append` would store: defaults filled in, known secrets already scrubbed from the free text. */
  entryOf(input: NewRequestLogEntry): Omit<RequestLogEntry, 'id'> {
    return {
      source: 'workbench',
      clientId: null,
      connectionKey: null,
      fromBrowser: false,
      injectedBy: null,
      ...input,
      path: this.scrub(input.path) ?? '',
      message: this.scrub(input.message),
    };
  }

  /** Tells the listeners (live tail, pruner) of a row stored by another connection (the background writer). */
  announce(saved: RequestLogEntry): void {
    this.scheduleCatchUp();
    for (const listener of this.listeners) listener(saved);
  }

  /** Indexes every row appended so far (any connection's), now. */
  catchUpIndex(): void {
    this.searchIndex.catchUpAll(CATCH_UP_BATCH_ROWS * 10);
  }

  /** A search partition was dropped: its vocabulary goes too. */
  forgetPartition(name: string): void {
    this.prefixTerms.get(name)?.dispose();
    this.prefixTerms.delete(name);
    for (const sql of this.searchCache.keys()) if (sql.includes(` ${name} `)) this.searchCache.delete(sql);
  }

  private scheduleCatchUp(): void {
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => this.catchUpSome(), CATCH_UP_AFTER_MS);
    this.catchUpTimer.unref?.();
  }

  /** One bounded batch per turn of the event loop until the index has caught up. */
  private catchUpSome(): void {
    this.catchUpTimer = null;
    if (!this.db.open) return;
    try {
      if (this.searchIndex.catchUp(CATCH_UP_BATCH_ROWS) < CATCH_UP_BATCH_ROWS) return;
    } catch {
      // Busy (another connection writing) or closing: the next append or search tries again.
      return;
    }
    this.catchUpTimer = setTimeout(() => this.catchUpSome(), 0);
    this.catchUpTimer.unref?.();
  }

  onAppend(listener: (entry: RequestLogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: number): RequestLogEntry | undefined {
    const row = this.statements.byId.get(id) as StoredRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  attemptsOf(callId: string): RequestLogEntry[] {
    return (this.statements.byCall.all(callId) as StoredRow[]).map(fromRow);
  }

  /**
   * The attempts Finch answered with this Finch-Request-ID (oldest first), through the search
   * index's request_id column; the exact value is checked, so a phrase of the same words never
   * passes for it.
   */
  findByRequestId(requestId: string): RequestLogEntry[] {
    if (!/[\p{L}\p{N}]/u.test(requestId)) return [];
    const rows = this.searchIndex.newestMatching(COLUMNS, columnTerm('request_id', requestId), 100) as StoredRow[];
    return rows
      .filter((row) => row.requestId === requestId)
      .reverse()
      .map(fromRow);
  }

  count(): number {
    return (this.statements.count.get() as { n: number }).n;
  }

  /**
   * Newest first; page with `beforeId` = the last id of the previous page. `prefixes: 'as typed'`
   * leaves every word a prefix term (the plain plan, for comparison): the rows are the same.
   */
  search(query: RequestLogQuery = {}, options: { prefixes?: 'expanded' | 'as typed' } = {}): RequestLogEntry[] {
    try {
      this.catchUpIndex();
    } catch {
      // Another connection held the write lock past the busy timeout: search what is indexed
      // (the newest rows may be missing this once) rather than fail the search.
      this.scheduleCatchUp();
    }
    const limit = Math.min(Math.max(query.limit ?? 200, 1), 5000);
    // One read transaction: the partitions, and the terms a prefix stands for, are those the query reads.
    return this.db.transaction(() => {
      const plain = buildSearch(query);
      if (!plain.fts) return this.run(plain.sql, plain.params);
      const found: RequestLogEntry[] = [];
      for (const slice of this.searchIndex.liveSlices()) {
        if (query.beforeId !== undefined && slice.lo >= query.beforeId) continue;
        const expand = options.prefixes === 'as typed' ? undefined : (word: string) => this.terms(slice.table).expand(word);
        const { sql, params } = buildSearch({ ...query, limit: limit - found.length }, expand, slice);
        found.push(...this.run(sql, params));
        if (found.length >= limit) break;
      }
      return found;
    })();
  }

  private run(sql: string, params: Record<string, unknown>): RequestLogEntry[] {
    let statement = this.searchCache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.searchCache.set(sql, statement);
    }
    return (statement.all(params) as StoredRow[]).map(fromRow);
  }

  private terms(table: string): PrefixTerms {
    let terms = this.prefixTerms.get(table);
    if (!terms) {
      terms = new PrefixTerms(this.db, table);
      this.prefixTerms.set(table, terms);
    }
    return terms;
  }
}

/** An entry as INSERT_REQUEST_SQL's named parameters (SQLite has no booleans). */
export function rowOf(entry: Omit<RequestLogEntry, 'id'>): Record<string, unknown> {
  return { ...entry, fromBrowser: entry.fromBrowser ? 1 : 0 };
}

/** SQLite has no booleans: from_browser comes back 0/1. */
type StoredRow = Omit<RequestLogEntry, 'fromBrowser'> & { fromBrowser: number };
function fromRow(row: StoredRow): RequestLogEntry {
  return { ...row, fromBrowser: row.fromBrowser === 1 };
}
