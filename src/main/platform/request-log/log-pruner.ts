/**
 * Holds the request log to its retention (settings: an age in days and/or a row count). Rows go
 * oldest first, in small transactions, with the event loop free between them: the gateway and
 * the Integration lab's proxy append from this same thread, so a batch is the longest any of
 * them can wait. Batches size themselves to stay near `targetBatchMs`.
 *
 * Rows younger than the age limit are never deleted, nor any of the newest `maxRows`; and the
 * newest row always stays, whatever its age: `requests.id` is a plain INTEGER PRIMARY KEY, so
 * an emptied table would hand out ids again from 1, and a lab call or a link holding an old id
 * would then point at an unrelated attempt.
 */
import type Database from 'better-sqlite3';
import type { LogRetention } from '@shared/domain/log-retention';
import { DAY_MS } from '@shared/domain/log-retention';
import type { SearchIndex } from './search-index';

export interface PruneReport {
  deleted: number;
  byAge: number;
  byCount: number;
  batches: number;
  /** The longest single transaction: what a writer on this thread could have waited. */
  longestBatchMs: number;
  /** Which kind of step that was. */
  longestStep: 'delete' | 'checkpoint' | 'release' | 'drop' | null;
  /** Search partitions dropped because every row of theirs was pruned. */
  droppedPartitions: number;
  /** Pages handed back to the disk afterwards (incremental auto_vacuum only). */
  releasedPages: number;
  durationMs: number;
}

export interface LogPrunerOptions {
  retention: () => LogRetention;
  now?: () => number;
  /** Most rows one transaction deletes. */
  maxBatchRows?: number;
  /** A batch that took longer shrinks the next one; a much quicker one grows it. */
  targetBatchMs?: number;
  /**
   * Between steps: lets waiting writers run. `heldMs`: how long the step before held the write
   * lock (0 for one that did not). By default the lock then stays free twice as long (see rest).
   */
  pause?: (heldMs: number) => Promise<void>;
  /** A prune pass starts after this many appends (noteAppend). */
  everyAppends?: number;
  onError?: (error: Error) => void;
  /** The log's search index: a partition whose rows are all pruned is dropped, one per step. */
  searchIndex?: Pick<SearchIndex, 'prunedPartitions' | 'drop'>;
  /** Told each dropped partition's name (the log forgets its vocabulary). */
  onPartitionDropped?: (name: string) => void;
}

const MIN_BATCH_ROWS = 100;
/** Freed pages beyond this are handed back to the disk, down to the reserve (4 KiB pages: 64 MiB, 16 MiB). */
const RELEASE_ABOVE_PAGES = 16_384;
const RESERVE_PAGES = 4_096;
const RELEASE_STEP_PAGES = 256;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** The longest rest between steps (a step is ~10 ms, see targetBatchMs). */
const MAX_REST_MS = 60;

/**
 * After a step that held the write lock for `heldMs`, the lock stays free twice as long. A writer
 * on this thread runs in any pause, but one on another connection (the proxy's log writer, the
 * headless proxy) waits in SQLite's busy handler, which retries 1, 3, 8, 18, 33… ms after it
 * began: with back-to-back steps and only a turn of the event loop between them, its retries kept
 * landing inside the next step (535 ms at ten million rows). With a free window twice a step's
 * length, one of those retries always falls inside it: the wait stays under two steps.
 */
function rest(heldMs: number): Promise<void> {
  if (heldMs < 0.5) return nextTick();
  return new Promise<void>((resolve) => setTimeout(resolve, Math.min(MAX_REST_MS, 2 * heldMs)));
}

function prepareStatements(db: Database.Database) {
  return {
    newestId: db.prepare('SELECT max(id) AS id FROM requests'),
    rows: db.prepare('SELECT rows FROM request_log_size WHERE id = 1'),
    // Through the (time) index, oldest first; never the newest row (see above).
    deleteOlder: db.prepare(`DELETE FROM requests WHERE id IN (
      SELECT id FROM requests WHERE time < @cutoff AND id < @newest ORDER BY time LIMIT @n)`),
    deleteOldest: db.prepare('DELETE FROM requests WHERE id IN (SELECT id FROM requests ORDER BY id LIMIT @n)'),
    freePages: db.prepare('PRAGMA freelist_count').pluck(),
    autoVacuum: db.prepare('PRAGMA auto_vacuum').pluck(),
    // PASSIVE: copies what no reader still needs, never waits for anyone.
    checkpoint: db.prepare('PRAGMA wal_checkpoint(PASSIVE)'),
  };
}

export class LogPruner {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly now: () => number;
  private readonly pause: (heldMs: number) => Promise<void>;
  private readonly maxBatchRows: number;
  private readonly targetBatchMs: number;
  private readonly everyAppends: number;
  private batchRows: number;
  private running: Promise<PruneReport> | null = null;
  private again = false;
  private closed = false;
  private appendsSince = 0;
  private timers: NodeJS.Timeout[] = [];
  private last: { at: number; deleted: number; durationMs: number } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly options: LogPrunerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.pause = options.pause ?? rest;
    this.maxBatchRows = options.maxBatchRows ?? 5_000;
    // Another connection waiting for the write lock polls at 1, 2, 5, 10, 15, 20… ms (SQLite's
    // busy handler): a 10 ms batch costs it at most ~18 ms, a 20 ms one up to ~53 ms.
    this.targetBatchMs = options.targetBatchMs ?? 10;
    this.everyAppends = options.everyAppends ?? 10_000;
    // Small at first: the first batch's cost is unknown; later ones size themselves.
    this.batchRows = Math.min(250, this.maxBatchRows);
    this.statements = prepareStatements(db);
  }

  /** The last pass that deleted anything, for the size report. */
  get lastPrune(): { at: number; deleted: number; durationMs: number } | null {
    return this.last;
  }

  /**
   * Starts a pass on the next turn of the event loop (never inside the caller's own work), or,
   * when one is running, makes it go round once more. Resolves when the log is within its
   * retention as of the last request.
   */
  request(): Promise<PruneReport> {
    if (this.closed) return Promise.resolve(emptyReport());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.runPasses().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Counts an append; every `everyAppends` a pass starts (the row rule holds while logging). */
  noteAppend(): void {
    if (++this.appendsSince < this.everyAppends) return;
    this.appendsSince = 0;
    void this.request();
  }

  /** A pass soon after start, then one every `intervalMs` (the age rule moves with the clock). */
  startSchedule(intervalMs: number, firstAfterMs: number): void {
    const first = setTimeout(() => void this.request(), firstAfterMs);
    const every = setInterval(() => void this.request(), intervalMs);
    first.unref?.();
    every.unref?.();
    this.timers.push(first, every);
  }

  /** Stops between batches and waits for the pass in flight: call before closing the database. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.running?.catch(() => undefined);
  }

  private async runPasses(): Promise<PruneReport> {
    const started = performance.now();
    const total = emptyReport();
    // SQLite checkpoints the WAL inside whichever commit crosses 1,000 pages: deletes fill it
    // fast, and that copy (with its fsync) made one batch in a hundred 3–4 times its size.
    // During a pass the pruner checkpoints instead, a batch's pages at a time, as a step of its own.
    const autoCheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma('wal_autocheckpoint = 0');
    try {
      do {
        this.again = false;
        await this.pause(0);
        await this.pass(total);
      } while (this.again && !this.closed);
    } catch (error) {
      // The next trigger tries again; the log just stays larger meanwhile.
      this.options.onError?.(error as Error);
    } finally {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
    total.durationMs = performance.now() - started;
    if (total.deleted > 0) this.last = { at: this.now(), deleted: total.deleted, durationMs: total.durationMs };
    return total;
  }

  private async pass(total: PruneReport): Promise<void> {
    const retention = this.options.retention();
    if (retention.maxAgeDays !== null) {
      // Fixed for the pass: a row that turns old while it runs waits for the next one.
      const cutoff = this.now() - retention.maxAgeDays * DAY_MS;
      total.byAge += await this.inBatches(total, (n) => {
        const newest = (this.statements.newestId.get() as { id: number | null }).id;
        if (newest === null) return { deleted: 0, done: true };
        const deleted = this.statements.deleteOlder.run({ cutoff, newest, n }).changes;
        return { deleted, done: deleted < n };
      });
    }
    if (retention.maxRows !== null) {
      const keep = retention.maxRows;
      total.byCount += await this.inBatches(total, (n) => {
        const rows = (this.statements.rows.get() as { rows: number } | undefined)?.rows ?? 0;
        const excess = rows - keep;
        if (excess <= 0) return { deleted: 0, done: true };
        const take = Math.min(n, excess);
        const deleted = this.statements.deleteOldest.run({ n: take }).changes;
        return { deleted, done: take === excess || deleted < take };
      });
    }
    if (total.deleted > 0) await this.dropPrunedPartitions(total);
    if (total.deleted > 0) total.releasedPages += await this.releaseFreePages(total);
  }

  /** Partitions of the search index left without rows: each dropped in a step of its own. */
  private async dropPrunedPartitions(total: PruneReport): Promise<void> {
    const index = this.options.searchIndex;
    if (!index) return;
    for (const partition of index.prunedPartitions()) {
      if (this.closed) return;
      const held = this.timed(total, 'drop', () => index.drop(partition));
      total.droppedPartitions += 1;
      this.options.onPartitionDropped?.(partition.name);
      await this.pause(held);
      this.timed(total, 'checkpoint', () => this.statements.checkpoint.run());
      await this.pause(0);
    }
  }

  /** Runs `batch` in its own write transaction until it says done, pausing between batches. */
  private async inBatches(total: PruneReport, batch: (n: number) => { deleted: number; done: boolean }): Promise<number> {
    // IMMEDIATE: the write lock first, so the count read and the delete see the same table even
    // when another connection (the headless proxy) writes too.
    const transaction = this.db.transaction(batch);
    let deleted = 0;
    while (!this.closed) {
      const started = performance.now();
      const result = transaction.immediate(this.batchRows);
      const ms = performance.now() - started;
      total.batches += 1;
      note(total, 'delete', ms);
      total.deleted += result.deleted;
      deleted += result.deleted;
      this.resize(ms, result.deleted);
      await this.pause(ms);
      this.timed(total, 'checkpoint', () => this.statements.checkpoint.run());
      if (result.done) break;
      await this.pause(0);
    }
    return deleted;
  }

  /** A step between batches, counted like one: a writer on this thread waits for it too. */
  private timed(total: PruneReport, kind: NonNullable<PruneReport['longestStep']>, step: () => unknown): number {
    const started = performance.now();
    step();
    const ms = performance.now() - started;
    note(total, kind, ms);
    return ms;
  }

  private resize(ms: number, deleted: number): void {
    if (deleted < this.batchRows) return;
    if (ms > this.targetBatchMs) this.batchRows = Math.max(MIN_BATCH_ROWS, Math.floor((this.batchRows * this.targetBatchMs) / ms));
    else if (ms < this.targetBatchMs / 2) this.batchRows = Math.min(this.maxBatchRows, this.batchRows * 2);
  }

  /**
   * With incremental auto_vacuum (new databases), a large prune's freed pages go back to the
   * disk a few at a time; a reserve stays for the rows to come. Without it they are reused.
   */
  private async releaseFreePages(total: PruneReport): Promise<number> {
    if (this.statements.autoVacuum.get() !== 2) return 0;
    let released = 0;
    let free = this.statements.freePages.get() as number;
    if (free <= RELEASE_ABOVE_PAGES) return 0;
    while (free > RESERVE_PAGES && !this.closed) {
      const step = Math.min(RELEASE_STEP_PAGES, free - RESERVE_PAGES);
      const held = this.timed(total, 'release', () => this.db.pragma(`incremental_vacuum(${step})`));
      await this.pause(held);
      this.timed(total, 'checkpoint', () => this.statements.checkpoint.run());
      released += step;
      free = this.statements.freePages.get() as number;
      await this.pause(0);
    }
    return released;
  }
}

function emptyReport(): PruneReport {
  return {
    deleted: 0,
    byAge: 0,
    byCount: 0,
    batches: 0,
    longestBatchMs: 0,
    longestStep: null,
    droppedPartitions: 0,
    releasedPages: 0,
    durationMs: 0,
  };
}

function note(total: PruneReport, kind: NonNullable<PruneReport['longestStep']>, ms: number): void {
  if (ms <= total.longestBatchMs) return;
  total.longestBatchMs = ms;
  total.longestStep = kind;
}
