/**
 * What the request log costs on disk and what its retention will remove next. Every figure is
 * a pragma, the row counter (migration 011) or an index probe, so asking is cheap at ten
 * million rows; the rows older than the age limit are counted only up to a cap.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { LogRetention, LogSize } from '@shared/domain/log-retention';
import { DAY_MS, PENDING_COUNT_CAP } from '@shared/domain/log-retention';

const AUTO_VACUUM = ['none', 'full', 'incremental'] as const;

function prepareStatements(db: Database.Database) {
  return {
    rows: db.prepare('SELECT rows FROM request_log_size WHERE id = 1').pluck(),
    // Two statements: SQLite answers a lone min() or max() from the index, both together by a full scan.
    oldest: db.prepare('SELECT min(time) FROM requests').pluck(),
    newest: db.prepare('SELECT max(time) FROM requests').pluck(),
    // As the pruner does: the newest row is never one of them.
    olderThan: db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM requests WHERE time < @cutoff AND id < (SELECT max(id) FROM requests) LIMIT ${PENDING_COUNT_CAP + 1})`,
      )
      .pluck(),
    pageCount: db.prepare('PRAGMA page_count').pluck(),
    pageSize: db.prepare('PRAGMA page_size').pluck(),
    freePages: db.prepare('PRAGMA freelist_count').pluck(),
    autoVacuum: db.prepare('PRAGMA auto_vacuum').pluck(),
  };
}

export class LogSizeReport {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  measure(retention: LogRetention, now: number, lastPrune: LogSize['lastPrune']): LogSize {
    const s = this.statements;
    const rows = (s.rows.get() as number | undefined) ?? 0;
    const pageSize = s.pageSize.get() as number;
    const fileBytes = (s.pageCount.get() as number) * pageSize;
    const freeBytes = (s.freePages.get() as number) * pageSize;
    const ageCutoff = retention.maxAgeDays === null ? null : now - retention.maxAgeDays * DAY_MS;
    const byAgeCounted = ageCutoff === null ? 0 : (s.olderThan.get({ cutoff: ageCutoff }) as number);
    return {
      rows,
      fileBytes,
      freeBytes,
      walBytes: this.walBytes(),
      bytesPerRow: rows > 0 ? (fileBytes - freeBytes) / rows : null,
      oldestTime: s.oldest.get() as number | null,
      newestTime: s.newest.get() as number | null,
      autoVacuum: AUTO_VACUUM[s.autoVacuum.get() as number] ?? 'none',
      retention,
      pending: {
        byAge: Math.min(byAgeCounted, PENDING_COUNT_CAP),
        byAgeCapped: byAgeCounted > PENDING_COUNT_CAP,
        byCount: retention.maxRows === null ? 0 : Math.max(0, rows - retention.maxRows),
        ageCutoff,
      },
      lastPrune,
    };
  }

  private walBytes(): number {
    if (this.db.memory) return 0;
    try {
      return statSync(`${this.db.name}-wal`).size;
    } catch {
      return 0;
    }
  }
}
