/**
 * The request log's search index in partitions, a step behind the log (SearchIndex): a search
 * finds exactly the rows still in the log that match, across partition boundaries and pages,
 * whoever wrote them and whether or not the index had caught up; pruning drops a partition only
 * once every row of it is gone; a Finch-Request-ID is found exactly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { RequestLog, rowOf } from '@main/platform/request-log/request-log';
import { LogPruner } from '@main/platform/request-log/log-pruner';
import { SearchIndex } from '@main/platform/request-log/search-index';
import { INSERT_REQUEST_SQL } from '@main/platform/request-log/statements';
import { newCallId } from '@main/platform/request-log/call-id';
import type { NewRequestLogEntry, RequestLogEntry, RequestLogQuery } from '@main/platform/request-log/types';

const PARTITION = 50;
const ENVS = ['local', 'env-sandbox', 'env-prod'];

function attempt(i: number): NewRequestLogEntry {
  const failed = i % 9 === 0;
  return {
    callId: `call-${i}`,
    time: 1_000_000 + i * 1000,
    environmentId: ENVS[i % 3]!,
    connectionId: `conn-${i % 4}`,
    method: 'GET',
    path: i % 2 ? '/employer/directory' : '/employer/payment',
    product: i % 2 ? 'directory' : 'payment',
    status: failed ? 500 : 200,
    durationMs: 5,
    attempt: 1,
    requestId: `req-${i}-x${i % 5}`,
    outcome: failed ? 'server_error' : 'ok',
    errorName: failed ? 'server_error' : null,
    finchCode: null,
    message: i % 7 === 0 ? `marker${i % 3} moved` : null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

let dir: string;
let db: Database.Database;
let log: RequestLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  log = new RequestLog(db, undefined, { partitionRows: PARTITION });
});
afterEach(() => db.close());

/** What a search must answer: every row still in the log that the query matches, newest first. */
function expected(query: RequestLogQuery, all: RequestLogEntry[]): number[] {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((r) => {
      const text = [r.path, r.requestId, r.errorName, r.message, r.connectionId, r.product, r.outcome, r.environmentId]
        .join(' ')
        .toLowerCase();
      const tokens = text.split(/[^a-z0-9_-]+/);
      return (
        words.every((w) => tokens.some((t) => t.startsWith(w))) &&
        (query.environmentId === undefined || r.environmentId === query.environmentId) &&
        (query.statusClass === undefined || (query.statusClass === '5xx' ? (r.status ?? 0) >= 500 : (r.status ?? 0) < 300))
      );
    })
    .map((r) => r.id)
    .sort((a, b) => b - a);
}

function searchAll(query: RequestLogQuery, limit: number): number[] {
  const ids: number[] = [];
  let beforeId: number | undefined;
  for (let page = 0; page < 100; page++) {
    const rows = log.search({ ...query, limit, ...(beforeId === undefined ? {} : { beforeId }) });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < limit) break;
    beforeId = rows.at(-1)!.id;
  }
  return ids;
}

const SHAPES: RequestLogQuery[] = [
  { text: 'marker1' },
  { text: 'marker' },
  { text: 'directory', environmentId: 'env-prod' },
  { text: 'req-1' },
  { statusClass: '5xx', environmentId: 'local' },
  { text: 'server_error' },
];

describe('the search index in partitions', () => {
  it('finds every matching row across partitions and pages, newest first, and none that was deleted', () => {
    for (let i = 0; i < 260; i++) log.append(attempt(i));
    // Some rows go (an environment's, a few scattered): their entries stay, and must never show.
    db.prepare('DELETE FROM requests WHERE id % 13 = 0').run();
    const all = db.prepare('SELECT id FROM requests').pluck().all() as number[];
    const rows = all.map((id) => log.get(id)!);
    for (const shape of SHAPES) {
      const want = expected(shape, rows);
      expect(want.length, JSON.stringify(shape)).toBeGreaterThan(2);
      for (const limit of [1000, 7]) expect(searchAll(shape, limit), JSON.stringify(shape)).toEqual(want);
    }
    // Several partitions, each of consecutive ids, the open one last.
    const parts = log.searchIndex.partitions().filter((p) => p.name !== 'requests_fts');
    expect(parts.length).toBe(6);
    expect(parts.map((p) => [p.firstId, p.lastId])).toEqual([
      [251, null],
      [201, 250],
      [151, 200],
      [101, 150],
      [51, 100],
      [1, 50],
    ]);
  });

  it('finds rows no catch-up has indexed yet, another connection’s too, and indexes a crashed run’s rows on the next start', () => {
    for (let i = 0; i < 30; i++) log.append(attempt(i));
    // Written by another connection (the proxy's log writer, the headless proxy): nobody tells this one.
    const other = new Database(join(dir, 'workbench.sqlite'));
    const insert = other.prepare(INSERT_REQUEST_SQL);
    for (let i = 30; i < 120; i++) insert.run(rowOf({ ...log.entryOf(attempt(i)) }));
    other.close();
    expect(log.searchIndex.pending()).toBeGreaterThan(80);
    const want = expected(
      { text: 'marker1' },
      (db.prepare('SELECT id FROM requests').pluck().all() as number[]).map((id) => log.get(id)!),
    );
    expect(log.search({ text: 'marker1' }).map((r) => r.id)).toEqual(want);
    expect(log.searchIndex.pending()).toBe(0);

    // Appended, then the process dies before any catch-up: the rows are there, the index is not.
    for (let i = 120; i < 140; i++) log.append(attempt(i));
    db.close();
    db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
    expect(new SearchIndex(db).pending()).toBe(20);
    log = new RequestLog(db, undefined, { partitionRows: PARTITION });
    expect(log.findByRequestId('req-133-x3').map((r) => r.callId)).toEqual(['call-133']);
  });

  it('still searches what is indexed while another connection holds the write lock', () => {
    for (let i = 0; i < 20; i++) log.append(attempt(i));
    log.catchUpIndex();
    log.append(attempt(21));
    const other = new Database(join(dir, 'workbench.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 20');
    try {
      expect(log.search({ text: 'marker' }).map((r) => r.id)).toEqual([15, 8, 1]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the lock is free, the row that waited is found too.
    expect(log.search({ text: 'marker' }).map((r) => r.id)).toEqual([21, 15, 8, 1]);
  });

  it('finds a Finch-Request-ID exactly, not a row whose id merely shares its words', () => {
    log.append({ ...attempt(1), requestId: 'abc-123' });
    log.append({ ...attempt(2), requestId: 'abc-123-retry' });
    log.append({ ...attempt(3), requestId: 'abc 123' });
    expect(log.findByRequestId('abc-123').map((r) => r.requestId)).toEqual(['abc-123']);
    expect(log.findByRequestId('abc 123').map((r) => r.requestId)).toEqual(['abc 123']);
    expect(log.findByRequestId('nope')).toEqual([]);
    expect(log.findByRequestId('"')).toEqual([]);
  });

  it('drops a partition once every row of it is pruned, never one that still holds a row', async () => {
    for (let i = 0; i < 180; i++) log.append(attempt(i));
    log.catchUpIndex();
    const dropped: string[] = [];
    // Keep the newest 105 rows: ids 76–180, so 1–50 go whole and 51–100 keeps 25 of its rows.
    const pruner = new LogPruner(db, {
      retention: () => ({ maxAgeDays: null, maxRows: 105 }),
      searchIndex: log.searchIndex,
      onPartitionDropped: (name) => {
        dropped.push(name);
        log.forgetPartition(name);
      },
    });
    const report = await pruner.request();
    expect(report.deleted).toBe(75);
    expect(dropped.sort()).toEqual(['requests_fts', 'requests_fts_1']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'requests_fts%' AND type = 'table'").pluck().all();
    expect(tables).not.toContain('requests_fts_1');
    expect(tables).toContain('requests_fts_51');
    // The half-pruned partition still answers for its rows, and never for the pruned ones.
    const found = searchAll({ text: 'marker' }, 1000);
    expect(found).toEqual(
      expected(
        { text: 'marker' },
        (db.prepare('SELECT id FROM requests').pluck().all() as number[]).map((id) => log.get(id)!),
      ),
    );
    expect(Math.min(...found)).toBeGreaterThanOrEqual(76);
    await pruner.close();
  });

  it('makes call ids that sort by time', () => {
    const early = newCallId(Date.UTC(2026, 0, 1));
    const late = newCallId(Date.UTC(2026, 0, 1) + 1);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(newCallId(5)).not.toBe(newCallId(5));
  });
});
