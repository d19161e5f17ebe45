/**
 * The request log: every HTTP attempt to Finch, appended by the gateway's fetch wrapper and
 * searched by the log view. Appends are one prepared INSERT (the bench holds it under
 * 0.2 ms); listeners hear about each new row for the live tail.
 */
import type Database from 'better-sqlite3';
import type { NewRequestLogEntry, RequestLogEntry, RequestLogQuery } from './types';
import type { RequestLogStatements } from './statements';
import { buildSearch, prepareStatements } from './statements';
import { PrefixTerms } from './prefix-terms';

export class RequestLog {
  private readonly statements: RequestLogStatements;
  private readonly prefixTerms: PrefixTerms;
  private readonly searchCache = new Map<string, Database.Statement>();
  private readonly listeners = new Set<(entry: RequestLogEntry) => void>();

  /** `scrub` removes known secrets from the free text (message, path with its query) before it is stored. */
  constructor(
    private readonly db: Database.Database,
    private readonly scrub: (text: string | null) => string | null = (text) => text,
  ) {
    this.statements = prepareStatements(db);
    this.prefixTerms = new PrefixTerms(db);
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
    for (const listener of this.listeners) listener(saved);
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

  findByRequestId(requestId: string): RequestLogEntry[] {
    return (this.statements.byRequestId.all(requestId) as StoredRow[]).map(fromRow);
  }

  count(): number {
    return (this.statements.count.get() as { n: number }).n;
  }

  /**
   * Newest first; page with `beforeId` = the last id of the previous page. `prefixes: 'as typed'`
   * leaves every word a prefix term (the plain plan, for comparison): the rows are the same.
   */
  search(query: RequestLogQuery = {}, options: { prefixes?: 'expanded' | 'as typed' } = {}): RequestLogEntry[] {
    const expand = options.prefixes === 'as typed' ? undefined : (word: string) => this.prefixTerms.expand(word);
    // One read transaction: the terms a prefix stands for are those of the index the query reads.
    return this.db.transaction(() => {
      const { sql, params } = buildSearch(query, expand);
      let statement = this.searchCache.get(sql);
      if (!statement) {
        statement = this.db.prepare(sql);
        this.searchCache.set(sql, statement);
      }
      return (statement.all(params) as StoredRow[]).map(fromRow);
    })();
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
