/**
 * The request log's search index (migration 013): FTS5 tables over consecutive id ranges,
 * filled in batches a step behind the log.
 *
 * Why batches: FTS5 writes a segment per transaction and counts it as at least one page of
 * merge debt, so a one-row append paid FTS5's merge work as if it had written a full page — at
 * ten million rows most of the append's cost. `catchUp` indexes every row above the stored
 * watermark in one transaction (about 5 µs a row). Anything that reads the index calls it first,
 * so a search still sees every row already appended, whichever connection wrote it; a row
 * appended before a crash is indexed on the next catch-up.
 *
 * Why partitions: deleting from an FTS5 index is what made pruning stall (see the migration).
 * Pruned rows keep their entries, readers join the log (an entry without its row never shows),
 * and once every row of a partition is pruned the pruner drops the partition: one short step,
 * its size fixed by `partitionRows`.
 */
import type Database from 'better-sqlite3';
import type { SearchSlice } from './statements';

/** Rows per partition: dropping one of 250,000 rows takes ~20 ms; at 10 M rows a search visits ≤ 40. */
export const PARTITION_ROWS = 250_000;

const FTS_COLUMNS = 'path, request_id, error_name, finch_code, message, connection_id, product, outcome, environment_id, status_class';
/** A row's index entry: its searchable text and its filters as column terms (status as a class). */
const FTS_VALUES = `id, path, request_id, error_name, finch_code, message, connection_id, product, outcome, environment_id,
  CASE WHEN status IS NULL THEN 'network' WHEN status < 300 THEN '2xx' WHEN status < 400 THEN '3xx'
       WHEN status < 500 THEN '4xx' ELSE '5xx' END`;
const PARTITION_NAME = /^requests_fts(_\d+)?$/;

/** Throws unless `name` is a search partition's table (names are put into SQL text). */
export function checkPartitionName(name: string): void {
  if (!PARTITION_NAME.test(name)) throw new Error(`Not a search partition: ${name}`);
}

export interface SearchPartition {
  name: string;
  firstId: number;
  /** Null for the open partition, the one still being filled. */
  lastId: number | null;
}

export interface SearchIndexOptions {
  partitionRows?: number;
}

export class SearchIndex {
  private readonly partitionRows: number;
  private readonly s;
  private readonly fillers = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    options: SearchIndexOptions = {},
  ) {
    this.partitionRows = options.partitionRows ?? PARTITION_ROWS;
    this.s = {
      watermark: db.prepare('SELECT indexed_upto FROM request_log_size WHERE id = 1').pluck(),
      setWatermark: db.prepare('UPDATE request_log_size SET indexed_upto = ? WHERE id = 1'),
      newestId: db.prepare('SELECT max(id) FROM requests').pluck(),
      oldestId: db.prepare('SELECT min(id) FROM requests').pluck(),
      partitions: db.prepare('SELECT name, first_id AS firstId, last_id AS lastId FROM request_fts_parts ORDER BY first_id DESC'),
      open: db.prepare('SELECT name, first_id AS firstId, last_id AS lastId FROM request_fts_parts WHERE last_id IS NULL'),
      lastClosed: db.prepare('SELECT max(last_id) FROM request_fts_parts').pluck(),
      register: db.prepare('INSERT INTO request_fts_parts (first_id, last_id, name) VALUES (?, NULL, ?)'),
      close: db.prepare('UPDATE request_fts_parts SET last_id = ? WHERE first_id = ?'),
      forget: db.prepare('DELETE FROM request_fts_parts WHERE first_id = ?'),
    };
  }

  /** Rows appended but not yet in the index (any connection's). */
  pending(): number {
    const newest = (this.s.newestId.get() as number | null) ?? 0;
    return Math.max(0, newest - (this.s.watermark.get() as number));
  }

  /**
   * Indexes up to `maxRows` of the rows above the watermark, in one write transaction; returns
   * how many ids it covered. IMMEDIATE: two connections catching up at once must not both
   * read the same watermark.
   */
  catchUp(maxRows = Number.POSITIVE_INFINITY): number {
    return this.db
      .transaction(() => {
        const upto = this.s.watermark.get() as number;
        const newest = (this.s.newestId.get() as number | null) ?? 0;
        if (newest <= upto) return 0;
        const to = Math.min(newest, upto + maxRows);
        for (let from = upto + 1; from <= to;) {
          const part = this.openPartition(from);
          const partEnd = part.firstId + this.partitionRows - 1;
          const end = Math.min(to, partEnd);
          this.filler(part.name).run(from, end);
          if (end === partEnd) this.s.close.run(partEnd, part.firstId);
          from = end + 1;
        }
        this.s.setWatermark.run(to);
        return to - upto;
      })
      .immediate();
  }

  /** Every pending row, in transactions of at most `batchRows` (a reader that must see all). */
  catchUpAll(batchRows = 20_000): void {
    while (this.catchUp(batchRows) > 0);
  }

  /** Newest first. */
  partitions(): SearchPartition[] {
    return this.s.partitions.all() as SearchPartition[];
  }

  /** The smallest id still in the log (null when empty): entries below it are pruned rows'. */
  oldestId(): number | null {
    return this.s.oldestId.get() as number | null;
  }

  /**
   * Rows whose index entries match `match` (FTS5 syntax), newest first, as `columns` of
   * `requests r`, after indexing every pending row. For readers other than the log view.
   */
  newestMatching(columns: string, match: string, limit: number): unknown[] {
    this.catchUpAll();
    return this.db.transaction(() => {
      const found: unknown[] = [];
      for (const { table: name, lo, hi } of this.liveSlices()) {
        const sql = `SELECT ${columns} FROM ${name} f JOIN requests r ON r.id = f.rowid
          WHERE ${name} MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY f.rowid DESC LIMIT ?`;
        found.push(...this.db.prepare(sql).all(match, lo, hi, limit - found.length));
        if (found.length >= limit) break;
      }
      return found;
    })();
  }

  /** How many rows still in the log match `match`. */
  countMatching(match: string): number {
    this.catchUpAll();
    return this.db.transaction(() => {
      let n = 0;
      for (const { table: name, lo, hi } of this.liveSlices()) {
        const sql = `SELECT count(*) FROM ${name} f JOIN requests r ON r.id = f.rowid WHERE ${name} MATCH ? AND f.rowid BETWEEN ? AND ?`;
        n += this.db.prepare(sql).pluck().get(match, lo, hi) as number;
      }
      return n;
    })();
  }

  /**
   * Each partition that can still hold rows, with the ids of it that can (newest first): entries
   * below the oldest row are pruned rows'. Each partition holds a range of ids, so reading them in
   * this order yields rows newest first overall.
   */
  liveSlices(): SearchSlice[] {
    const floor = this.oldestId();
    if (floor === null) return [];
    return this.partitions()
      .map((p) => ({ table: p.name, lo: Math.max(p.firstId, floor), hi: p.lastId ?? Number.MAX_SAFE_INTEGER }))
      .filter((slice) => slice.lo <= slice.hi);
  }

  /** Closed partitions every row of which is gone: the pruner drops them. Oldest first. */
  prunedPartitions(): SearchPartition[] {
    const oldest = this.oldestId();
    const newest = this.s.watermark.get() as number;
    // An empty log keeps the ids it handed out: everything indexed so far is pruned.
    const floor = oldest ?? newest + 1;
    return this.partitions()
      .filter((p) => p.lastId !== null && p.lastId < floor)
      .reverse();
  }

  /** Drops one partition (its registry row and its FTS5 table) in one transaction. */
  drop(partition: SearchPartition): void {
    checkPartitionName(partition.name);
    this.db.transaction(() => {
      this.s.forget.run(partition.firstId);
      this.db.exec(`DROP TABLE IF EXISTS main.${partition.name}`);
    })();
    this.fillers.delete(partition.name);
  }

  /** The open partition, created (starting at `from`) when there is none. */
  private openPartition(from: number): SearchPartition {
    const open = this.s.open.get() as SearchPartition | undefined;
    if (open) return open;
    // Right after the last closed one, so partitions tile the ids (a gap would be harmless).
    const firstId = Math.min(from, ((this.s.lastClosed.get() as number | null) ?? 0) + 1);
    const name = `requests_fts_${firstId}`;
    // Contentless without delete support: entries are never deleted one by one (see above).
    this.db.exec(
      `CREATE VIRTUAL TABLE main.${name} USING fts5(${FTS_COLUMNS}, content='', columnsize=0, tokenize='unicode61 tokenchars ''_-''')`,
    );
    this.s.register.run(firstId, name);
    return { name, firstId, lastId: null };
  }

  private filler(name: string): Database.Statement {
    let statement = this.fillers.get(name);
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO ${name}(rowid, ${FTS_COLUMNS}) SELECT ${FTS_VALUES} FROM requests WHERE id BETWEEN ? AND ?`);
      this.fillers.set(name, statement);
    }
    return statement;
  }
}
