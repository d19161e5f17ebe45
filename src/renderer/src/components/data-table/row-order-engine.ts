/** A big table's sort and filter engine: row-order.ts in a worker, fed and asked by messages. */
import type { EncodedBatch, RowQuery } from './row-order';
import { transferables } from './row-encoding';
import type { FromTableWorker } from './row-order-protocol';

export interface RowOrderEngine {
  reset(generation: number): void;
  append(generation: number, batch: EncodedBatch): void;
  query(generation: number, seq: number, query: RowQuery): void;
  dispose(): void;
}

export function workerEngine(onAnswer: (answer: FromTableWorker) => void): RowOrderEngine {
  const worker = new Worker(new URL('./row-order.worker.ts', import.meta.url), { type: 'module', name: 'data-table' });
  worker.onmessage = (event: MessageEvent<FromTableWorker>) => onAnswer(event.data);
  return {
    reset: (generation) => worker.postMessage({ type: 'reset', generation }),
    append: (generation, batch) => worker.postMessage({ type: 'append', generation, batch }, transferables(batch)),
    query: (generation, seq, query) => worker.postMessage({ type: 'query', generation, seq, query }),
    dispose: () => worker.terminate(),
  };
}
