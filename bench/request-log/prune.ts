/**
 * bench/request-log, part 3: pruning a large slice of the log while writers keep appending.
 *  - On the main thread (as the gateway and the Integration lab's proxy append): every turn of
 *    the event loop, an append at most every 1 ms; its longest wait between turns is the longest
 *    step it sat behind.
 *  - On a second connection in a worker thread (as the headless proxy on the same file): an
 *    append every 2 ms; its slowest append is the longest it waited for SQLite's write lock.
 * Goal: the app's writers (main thread) never wait more than 50 ms. The second connection is
 * reported beside it, with its own slowest append before pruning began (this machine's load):
 * it also waits on SQLite's busy handler, which polls at 1, 2, 5, 10, 15, 20… ms. Also rows
 * pruned per second.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { LogPruner } from '@main/platform/request-log/log-pruner';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { NewRequestLogEntry } from '@main/platform/request-log/types';

export interface PruneFigures {
  pruned: number;
  seconds: number;
  rowsPerSec: number;
  batches: number;
  longestBatchMs: number;
  longestStep: string | null;
  /** Search partitions dropped once all their rows were pruned. */
  droppedPartitions: number;
  releasedPages: number;
  /** Main-thread writer: longest gap between its turns, and the 99th percentile. */
  writerMaxWaitMs: number;
  writerP99WaitMs: number;
  /** Turns of the event loop it measured while pruning ran. */
  writerAppends: number;
  /** Rows it appended (before and during pruning). */
  writerRows: number;
  /** Second-connection writer: slowest append (lock wait included). */
  lockMaxWaitMs: number;
  lockAppends: number;
  /** The same writer's slowest append over a second before pruning began (machine load alone). */
  lockBaselineMs: number;
  /** Writers' rows still there afterwards (all of them, or the prune took a row it must keep). */
  writerRowsKept: number;
}

/** Shared with the worker: [stop flag] as Int32, then [slowest append ms, appends since reset, all appends] as Float64. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 10000');
const insert = db.prepare("INSERT INTO requests (call_id, time, environment_id, method, path, product, status, duration_ms, attempt, request_id, outcome) VALUES (?, ?, 'local', 'GET', '/employer/directory', 'directory', 200, 12, 1, ?, 'ok')");
const stop = new Int32Array(workerData.stop);
const figures = new Float64Array(workerData.figures);
const nap = new Int32Array(new SharedArrayBuffer(4));
for (let n = 0; Atomics.load(stop, 0) === 0; n++) {
  const started = performance.now();
  insert.run('worker-' + n, Date.now(), 'wreq-' + n);
  figures[0] = Math.max(figures[0], performance.now() - started);
  figures[1] += 1;
  figures[2] += 1;
  Atomics.wait(nap, 0, 0, 2);
}
db.close();
`;

export async function benchPrune(
  db: Database.Database,
  log: RequestLog,
  path: string,
  row: (i: number) => NewRequestLogEntry,
  pruneRows: number,
): Promise<PruneFigures> {
  const before = log.count();
  const firstNewId = (db.prepare('SELECT max(id) FROM requests').pluck().get() as number) + 1;
  const pruner = new LogPruner(db, {
    retention: () => ({ maxAgeDays: null, maxRows: before - pruneRows }),
    searchIndex: log.searchIndex,
    onPartitionDropped: (name) => log.forgetPartition(name),
    ...(process.env['PAUSE_MS'] ? { pause: () => new Promise<void>((r) => setTimeout(r, Number(process.env['PAUSE_MS']))) } : {}),
  });

  const stop = new SharedArrayBuffer(4);
  const shared = new SharedArrayBuffer(24);
  const figures = new Float64Array(shared);
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { sqlite, path, stop, figures: shared } });
  const workerExited = new Promise<void>((resolve, reject) => {
    worker.on('exit', () => resolve());
    worker.on('error', reject);
  });
  // The main-thread writer: it takes every turn of the event loop (each gap between turns is
  // what an append arriving then would have waited) and appends on a turn at least 1 ms after its
  // last append: 1,000 rows a second, more than the gateway and the lab ever log. Appending on
  // every turn instead kept the write lock taken nearly all the time, and the second connection
  // then waited for those appends, not for the pruning.
  let writing = true;
  let pruning = false;
  const gaps: number[] = [];
  let appended = 0;
  const writer = (async () => {
    let i = 0;
    let last = performance.now();
    let lastAppend = 0;
    while (writing) {
      const now = performance.now();
      if (pruning) gaps.push(now - last);
      if (now - lastAppend >= 1) {
        log.append(row(50_000_000 + i++));
        appended += 1;
        lastAppend = now;
      }
      last = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  // Both writers for a second with no pruning: what this machine's load alone costs them.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const lockBaselineMs = figures[0]!;
  figures[0] = 0;
  figures[1] = 0;
  pruning = true;

  const report = await pruner.request();
  writing = false;
  await writer;
  const lock = { maxMs: figures[0]!, written: figures[1]! };
  Atomics.store(new Int32Array(stop), 0, 1);
  await workerExited;

  const kept = db.prepare('SELECT count(*) FROM requests WHERE id >= ?').pluck().get(firstNewId) as number;
  gaps.sort((a, b) => a - b);
  return {
    pruned: report.deleted,
    seconds: report.durationMs / 1000,
    rowsPerSec: report.deleted / (report.durationMs / 1000),
    batches: report.batches,
    longestBatchMs: report.longestBatchMs,
    longestStep: report.longestStep,
    releasedPages: report.releasedPages,
    droppedPartitions: report.droppedPartitions,
    writerMaxWaitMs: gaps.at(-1) ?? 0,
    writerP99WaitMs: gaps[Math.floor(gaps.length * 0.99)] ?? 0,
    writerAppends: gaps.length,
    writerRows: appended,
    lockMaxWaitMs: lock.maxMs,
    lockAppends: lock.written,
    lockBaselineMs,
    writerRowsKept: kept === appended + figures[2]! ? kept : -kept,
  };
}
