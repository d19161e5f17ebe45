/**
 * Request log retention: the pruner deletes only what the rules allow (never a row younger
 * than the age limit, never one of the newest N), in many small batches, while a writer keeps
 * appending; and the size report says what the log costs and what goes next.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { RequestLog } from '@main/platform/request-log/request-log';
import { LogPruner } from '@main/platform/request-log/log-pruner';
import { LogSizeReport } from '@main/platform/request-log/log-size';
import type { NewRequestLogEntry } from '@main/platform/request-log/types';
import type { LogRetention } from '@shared/domain/log-retention';
import { DAY_MS, LogRetentionSchema } from '@shared/domain/log-retention';
import { SettingsSchema } from '@shared/contract';

const NOW = Date.UTC(2026, 5, 1);

function attempt(time: number, tag: string): NewRequestLogEntry {
  return {
    callId: `call-${tag}`,
    time,
    environmentId: 'env-sandbox',
    connectionId: 'conn-a',
    method: 'GET',
    path: `/employer/directory?marker=${tag}`,
    product: 'directory',
    status: 200,
    durationMs: 10,
    attempt: 1,
    requestId: `req-${tag}`,
    outcome: 'ok',
    errorName: null,
    finchCode: null,
    message: null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

let db: Database.Database;
let log: RequestLog;
let retention: LogRetention;
const pruner = (options: Partial<ConstructorParameters<typeof LogPruner>[1]> = {}) =>
  new LogPruner(db, { retention: () => retention, now: () => NOW, maxBatchRows: 7, ...options });
const ids = () => (db.prepare('SELECT id FROM requests ORDER BY id').pluck().all() as number[]).map(Number);
const times = () => db.prepare('SELECT time FROM requests ORDER BY id').pluck().all() as number[];

beforeEach(() => {
  db = openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'retention-')), 'workbench.sqlite'));
  log = new RequestLog(db);
  retention = { maxAgeDays: null, maxRows: null };
});
afterEach(() => db.close());

describe('the age rule', () => {
  it('deletes rows older than the limit and never a younger one, whatever order they were logged in', async () => {
    const cutoff = NOW - 30 * DAY_MS;
    // Out of order on purpose (a proxy's slow call is logged after quicker later ones): the
    // rule goes by each row's time, not by its position in the log.
    const offsets = [-40, -29, -31, -30, -365, -1, -30.0001, -29.9999, -90, 0, -45, -2];
    offsets.forEach((days, i) => log.append(attempt(NOW + days * DAY_MS, `r${i}`)));
    log.append(attempt(NOW - 10 * DAY_MS, 'newest'));
    retention = { maxAgeDays: 30, maxRows: null };

    const report = await pruner().request();

    const kept = times();
    expect(kept.every((t) => t >= cutoff)).toBe(true);
    // Every young row is still there (the row at exactly 30 days is not older than 30 days).
    expect(kept.sort()).toEqual([...offsets.filter((d) => d >= -30), -10].map((d) => NOW + d * DAY_MS).sort());
    expect(report.byAge).toBe(6);
    expect(log.search({ text: 'r4' })).toEqual([]);
  });

  it('keeps the newest row even when it is old, so an id is never handed out twice', async () => {
    for (let i = 0; i < 20; i++) log.append(attempt(NOW - (200 - i) * DAY_MS, `old${i}`));
    const newest = Math.max(...ids());
    retention = { maxAgeDays: 7, maxRows: null };

    await pruner().request();
    expect(ids()).toEqual([newest]);
    expect(log.append(attempt(NOW, 'fresh')).id).toBe(newest + 1);
  });
});

describe('the row rule', () => {
  it('keeps exactly the newest N rows, in batches, and the row counter stays exact', async () => {
    db.transaction(() => {
      for (let i = 0; i < 1_530; i++) log.append(attempt(NOW - i, `n${i}`));
    })();
    const all = ids();
    retention = { maxAgeDays: null, maxRows: 1_000 };

    const report = await pruner({ maxBatchRows: 64 }).request();

    expect(ids()).toEqual(all.slice(-1_000));
    expect(report).toMatchObject({ deleted: 530, byCount: 530 });
    expect(report.batches).toBeGreaterThan(1);
    expect(db.prepare('SELECT rows FROM request_log_size').pluck().get()).toBe(1_000);
    expect(log.count()).toBe(1_000);
  });

  it('with both rules, a row goes once either says so, and only then', async () => {
    db.transaction(() => {
      for (let i = 0; i < 1_200; i++) log.append(attempt(NOW - (i % 2 === 0 ? 100 : 1) * DAY_MS, `b${i}`));
    })();
    retention = { maxAgeDays: 30, maxRows: 1_000 };
    const before = db.prepare('SELECT id, time FROM requests ORDER BY id').all() as { id: number; time: number }[];

    await pruner({ maxBatchRows: 50 }).request();

    // The young rows (every odd one, 600 of them) and nothing else... except the newest row, always kept.
    const young = before.filter((r) => r.time >= NOW - 30 * DAY_MS).map((r) => r.id);
    expect(ids()).toEqual([...new Set([...young, before.at(-1)!.id])].sort((a, b) => a - b));
  });
});

describe('pruning beside a writer', () => {
  it('lets a writer append between batches, loses none of its rows and keeps the newest N', async () => {
    db.transaction(() => {
      for (let i = 0; i < 3_000; i++) log.append(attempt(NOW - 1_000_000 + i, `seed${i}`));
    })();
    retention = { maxAgeDays: null, maxRows: 1_000 };
    const written: number[] = [];
    let pruning = true;
    // One append per turn of the event loop, as the gateway's responses arrive.
    const writer = (async () => {
      while (pruning) {
        written.push(log.append(attempt(NOW, `w${written.length}`)).id);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const report = await pruner({ maxBatchRows: 20 }).request();
    pruning = false;
    await writer;

    expect(report.batches).toBeGreaterThan(50);
    // The writer ran between batches, not after the prune.
    expect(written.length).toBeGreaterThan(50);
    const kept = ids();
    for (const id of written) expect(kept).toContain(id);
    // Nothing but the oldest went: what stays is the top of the log, at least N rows of it.
    const newest = kept.at(-1)!;
    expect(kept.length).toBeGreaterThanOrEqual(1_000);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => newest - kept.length + 1 + i));
  });

  it('a second request while a pass runs goes round once more instead of running two at once', async () => {
    db.transaction(() => {
      for (let i = 0; i < 1_100; i++) log.append(attempt(NOW, `c${i}`));
    })();
    retention = { maxAgeDays: null, maxRows: 1_000 };
    const p = pruner({ maxBatchRows: 10 });
    const first = p.request();
    db.transaction(() => {
      for (let i = 0; i < 50; i++) log.append(attempt(NOW, `late${i}`));
    })();
    const second = p.request();
    expect(second).toBe(first);
    await first;
    expect(log.count()).toBe(1_000);
  });
});

describe('the size report', () => {
  it('gives rows, bytes per row, the oldest row and what the retention will prune', () => {
    db.transaction(() => {
      for (let i = 0; i < 1_500; i++) log.append(attempt(NOW - (i < 200 ? 120 : 1) * DAY_MS + i, `s${i}`));
    })();
    const size = new LogSizeReport(db).measure({ maxAgeDays: 90, maxRows: 1_000 }, NOW, null);

    expect(size.rows).toBe(1_500);
    expect(size.fileBytes).toBeGreaterThan(0);
    expect(size.bytesPerRow).toBeGreaterThan(50);
    expect(size.bytesPerRow).toBeLessThan(size.fileBytes / 1_000);
    expect(size.oldestTime).toBe(NOW - 120 * DAY_MS);
    expect(size.pending).toEqual({ byAge: 200, byAgeCapped: false, byCount: 500, ageCutoff: NOW - 90 * DAY_MS });
    expect(size.autoVacuum).toBe('incremental');
  });
});

describe('the retention setting', () => {
  it('refuses bad values field by field', () => {
    const result = SettingsSchema.partial().safeParse({ requestLogRetention: { maxAgeDays: 0, maxRows: 12.5 } });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(fields).toEqual([
      ['requestLogRetention.maxAgeDays', 'must be at least 1 day'],
      ['requestLogRetention.maxRows', 'must be a whole number of rows'],
    ]);
    expect(LogRetentionSchema.safeParse({ maxAgeDays: null, maxRows: null }).success).toBe(true);
  });
});
