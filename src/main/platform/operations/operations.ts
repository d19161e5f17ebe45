/**
 * Long pulls (a whole directory, every individual in chunks, a snapshot) run as operations:
 * each has an id the renderer can cancel, and reports progress — records, pages, and the
 * time spent waiting for rate-limit slots — as `explorer.progress` events.
 *
 * Rate-limit waits are measured where they happen (the logging fetch) and attributed to the
 * operation through an AsyncLocalStorage, so no call signature has to carry a callback.
 *
 * Every operation belongs to the environment that was active when it started: switching (or
 * deleting) that environment cancels it, so a pull nobody can see any more never keeps
 * spending the application's shared rate budget.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { WorkbenchError } from '../errors';

export interface OperationProgress {
  operationId: string;
  label: string;
  records: number;
  pages: number;
  /** Calls that had to wait for a rate-limit slot, and for how long in total. */
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** What is being read now, e.g. "individuals 1,000–1,499 of 2,500". */
  detail: string | null;
}

export interface Operation {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Adds to the counters and reports (throttled by the event batcher downstream). */
  advance(update: { records?: number; pages?: number; detail?: string }): void;
  /** Throws a `cancelled` error when the user cancelled; call between steps. */
  checkCancelled(): void;
  /** Runs `fn` so that rate-limit waits inside it are counted for this operation. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

const current = new AsyncLocalStorage<{ onRateLimitWait: (ms: number) => void; onRateLimitQueued: () => void }>();

/** Called by the logging fetch when a call waited for a rate-limit slot. */
export function reportRateLimitWait(ms: number): void {
  current.getStore()?.onRateLimitWait(ms);
}

/** Called by the logging fetch when a call has to queue for a slot (the user sees why nothing moves). */
export function reportRateLimitQueued(): void {
  current.getStore()?.onRateLimitQueued();
}

const QUEUED = ' — waiting for a rate-limit slot';

interface Running {
  controller: AbortController;
  /** The environment active when the operation started; null when the registry has no notion of one. */
  environmentId: string | null;
}

export class OperationRegistry {
  private readonly running = new Map<string, Running>();

  /** `activeEnvironment` tells which environment a new operation belongs to. */
  constructor(
    private readonly onProgress: (progress: OperationProgress) => void,
    private readonly activeEnvironment: () => string | null = () => null,
  ) {}

  /** Runs `work` as a cancellable, reporting operation; the id is chosen by the caller (renderer) or made up. */
  async start<T>(label: string, work: (operation: Operation) => Promise<T>, operationId: string = crypto.randomUUID()): Promise<T> {
    if (this.running.has(operationId)) throw new WorkbenchError('conflict', `Operation ${operationId} is already running.`);
    const controller = new AbortController();
    this.running.set(operationId, { controller, environmentId: this.activeEnvironment() });
    const progress: OperationProgress = {
      operationId,
      label,
      records: 0,
      pages: 0,
      rateLimitWaits: 0,
      rateLimitWaitMs: 0,
      state: 'running',
      detail: null,
    };
    const report = () => this.onProgress({ ...progress });
    const store = {
      onRateLimitWait: (ms: number) => {
        progress.rateLimitWaits += 1;
        progress.rateLimitWaitMs += Math.round(ms);
        if (progress.detail?.endsWith(QUEUED)) progress.detail = progress.detail.slice(0, -QUEUED.length);
        report();
      },
      onRateLimitQueued: () => {
        if (progress.detail?.endsWith(QUEUED)) return;
        progress.detail = `${progress.detail ?? ''}${QUEUED}`;
        report();
      },
    };
    const operation: Operation = {
      id: operationId,
      signal: controller.signal,
      advance(update) {
        progress.records += update.records ?? 0;
        progress.pages += update.pages ?? 0;
        if (update.detail !== undefined) progress.detail = update.detail;
        report();
      },
      checkCancelled() {
        if (controller.signal.aborted) throw new WorkbenchError('cancelled', `${label}: cancelled.`);
      },
      run: (fn) => current.run(store, fn),
    };
    report();
    try {
      const result = await current.run(store, () => work(operation));
      operation.checkCancelled();
      progress.state = 'done';
      return result;
    } catch (error) {
      progress.state = controller.signal.aborted ? 'cancelled' : 'failed';
      if (controller.signal.aborted)
        throw new WorkbenchError('cancelled', `${label}: cancelled after ${progress.records.toLocaleString('en-US')} records.`);
      throw error;
    } finally {
      this.running.delete(operationId);
      report();
    }
  }

  /** True when there was such an operation to cancel. */
  cancel(operationId: string): boolean {
    const running = this.running.get(operationId);
    running?.controller.abort();
    return running !== undefined;
  }

  /** Cancels every running operation of another environment than `activeEnvironmentId`; returns their ids. */
  cancelOutside(activeEnvironmentId: string): string[] {
    const stale = [...this.running]
      .filter(([, r]) => r.environmentId !== null && r.environmentId !== activeEnvironmentId)
      .map(([id]) => id);
    for (const id of stale) this.cancel(id);
    return stale;
  }
}
