/**
 * A big table's sort and filter engine: row-order.ts in a worker, fed and asked by messages.
 * Should the worker fail (it cannot start, or it throws), `onFailure` says so: the table then
 * feeds the same rows to the in-page engine, so it sorts and filters slower but never hangs
 * "busy" with no answer.
 */
import type { EncodedBatch, RowQuery } from './row-order';
import { RowStore } from './row-order';
import { transferables } from './row-encoding';
import type { FromTableWorker } from './row-order-protocol';

export interface RowOrderEngine {
  reset(generation: number): void;
  append(generation: number, batch: EncodedBatch): void;
  query(generation: number, seq: number, query: RowQuery): void;
  dispose(): void;
}

export function workerEngine(onAnswer: (answer: FromTableWorker) => void, onFailure: (reason: string) => void): RowOrderEngine {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./row-order.worker.ts', import.meta.url), { type: 'module', name: 'data-table' });
  } catch (error) {
    // Reported on the next turn: the caller is still setting the engine up.
    setTimeout(() => onFailure(error instanceof Error ? error.message : String(error)), 0);
    return inPageEngine(onAnswer);
  }
  worker.onmessage = (event: MessageEvent<FromTableWorker>) => onAnswer(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure(event.message || 'the table worker stopped');
  };
  worker.onmessageerror = () => onFailure('the table worker could not read a message');
  return {
    reset: (generation) => worker.postMessage({ type: 'reset', generation }),
    append: (generation, batch) => worker.postMessage({ type: 'append', generation, batch }, transferables(batch)),
    query: (generation, seq, query) => worker.postMessage({ type: 'query', generation, seq, query }),
    dispose: () => worker.terminate(),
  };
}

/** The same engine on the page's own thread, answering on the next task as the worker would. */
export function inPageEngine(onAnswer: (answer: FromTableWorker) => void): RowOrderEngine {
  let store = new RowStore();
  let current = 0;
  let disposed = false;
  return {
    reset: (generation) => {
      store = new RowStore();
      current = generation;
    },
    append: (generation, batch) => {
      if (generation === current) store.append(batch);
    },
    query: (generation, seq, query) =>
      setTimeout(() => {
        if (disposed || generation !== current) return;
        onAnswer({ type: 'order', generation, seq, ...store.order(query) });
      }, 0),
    dispose: () => {
      disposed = true;
    },
  };
}
