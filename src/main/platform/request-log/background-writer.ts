/**
 * Request log rows written on a worker thread, for a writer that must not wait on SQLite: the
 * Integration lab's proxy. On the main thread a commit costs 0.1–0.3 ms, and a WAL checkpoint
 * (with its fsync) tens of milliseconds on a busy disk; every call the proxy was relaying at
 * that moment waited for it. The worker has its own connection to the same WAL file (readers on
 * the main connection see its commits at once) and stores what it is sent in batches.
 *
 * `write` posts a batch and returns at once; its ids come back through `onResult` (ids in row
 * order). `settle` is for readers that must see every row already written: it blocks until the
 * worker has answered every batch posted so far (Atomics.wait on a shared counter, answers read
 * with receiveMessageOnPort), bounded by a timeout. If the worker cannot start or dies, the
 * batches it never answered go to `onFailed`, and the caller writes them itself.
 *
 * An in-memory database cannot be shared with another connection: `start` returns null.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { BACKGROUND_WRITER_SOURCE } from './background-writer-source';
import { INSERT_REQUEST_SQL } from './statements';

/** One request log row (`rowOf`), and a row linked to it that gets its id as @logId. */
export interface BackgroundRow {
  entry: Record<string, unknown>;
  linked: Record<string, unknown> | null;
}

export type BatchResult = { ids: number[] } | { error: string };

export interface BackgroundWriterOptions {
  db: Database.Database;
  /** Run once per row that has `linked`, after the request log row, in the same transaction. */
  linkedSql?: string;
  /** The better-sqlite3 addon for this runtime (Electron's ABI), as the main connection was opened. */
  nativeBinding?: string;
  onResult: (batch: number, result: BatchResult) => void;
  /** The worker is gone (or never started): these batches were not written. */
  onFailed: (reason: string, unanswered: number[]) => void;
}

type Answer = { batch: number; ids: number[] } | { batch: number; error: string } | { fatal: string };

const ACKED = 0;
const STATUS = 1;

export class BackgroundWriter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly state: Int32Array;
  private readonly unanswered = new Set<number>();
  private nextBatch = 1;
  private handled = 0;
  private down: string | null = null;

  /** Null for an in-memory database (no second connection can see it). */
  static start(options: BackgroundWriterOptions): BackgroundWriter | null {
    if (options.db.memory) return null;
    return new BackgroundWriter(options);
  }

  private constructor(private readonly options: BackgroundWriterOptions) {
    const signal = new SharedArrayBuffer(8);
    this.state = new Int32Array(signal);
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(BACKGROUND_WRITER_SOURCE, {
      eval: true,
      workerData: {
        // `require`, not import.meta: main is CommonJS in the bundle, under tsx and Playwright alike.
        sqlite: require.resolve('better-sqlite3'),
        nativeBinding: options.nativeBinding ?? null,
        path: options.db.name,
        insertSql: INSERT_REQUEST_SQL,
        linkedSql: options.linkedSql ?? null,
        busyTimeoutMs: 10_000,
        port: channel.port2,
        signal,
      },
      transferList: [channel.port2],
    });
    this.port.on('message', (answer: Answer) => this.handle(answer));
    this.worker.on('error', (error) => this.fail(`the background writer stopped: ${error.message}`));
    this.worker.on('exit', () => this.fail('the background writer exited'));
    // Nothing to wait for while idle: neither may hold a process open (ref'd while a batch is out).
    this.worker.unref();
    this.port.unref();
  }

  /** Whether it still writes (false once it failed: the caller writes on its own connection). */
  get working(): boolean {
    return this.down === null;
  }

  /** Posts a batch; returns its number (given to `onResult`). */
  write(rows: BackgroundRow[]): number {
    const batch = this.nextBatch++;
    this.unanswered.add(batch);
    this.port.ref();
    this.port.postMessage({ batch, rows });
    return batch;
  }

  /** Blocks until every batch posted so far is answered; false when the timeout came first. */
  settle(timeoutMs = 5_000): boolean {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      let message: { message: Answer } | undefined;
      while ((message = receiveMessageOnPort(this.port))) this.handle(message.message);
      if (this.unanswered.size === 0) return true;
      if (this.down === null && Atomics.load(this.state, STATUS) === -1) this.fail('the background writer could not open the database');
      if (this.down !== null) return this.unanswered.size === 0;
      const acked = Atomics.load(this.state, ACKED);
      // An answer is counted only after it is posted: a higher count means it is there to read.
      if (acked > this.handled) continue;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.state, ACKED, acked, left);
    }
  }

  /** Writes what is posted, closes the worker's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.down !== null) return;
    this.settle();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.down = 'closed';
    this.port.postMessage({ close: true });
    const timer = setTimeout(() => void this.worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
    this.port.close();
  }

  private handle(answer: Answer): void {
    if ('fatal' in answer) {
      this.fail(`the background writer could not open the database: ${answer.fatal}`);
      return;
    }
    this.handled++;
    if (!this.unanswered.delete(answer.batch)) return;
    if (this.unanswered.size === 0) this.port.unref();
    this.options.onResult(answer.batch, 'ids' in answer ? { ids: answer.ids } : { error: answer.error });
  }

  private fail(reason: string): void {
    if (this.down !== null) return;
    this.down = reason;
    const lost = [...this.unanswered];
    this.unanswered.clear();
    this.port.unref();
    void this.worker.terminate();
    this.options.onFailed(reason, lost);
  }
}
