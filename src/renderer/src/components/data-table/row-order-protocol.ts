/** Messages between a data table and its worker (row-order.worker.ts). */
import type { EncodedBatch, RowOrder, RowQuery } from './row-order';

export type ToTableWorker =
  /** New rows (a new directory read, other columns): forget everything; `generation` tags what follows. */
  | { type: 'reset'; generation: number }
  | { type: 'append'; generation: number; batch: EncodedBatch }
  | { type: 'query'; generation: number; seq: number; query: RowQuery };

export type FromTableWorker = { type: 'order'; generation: number; seq: number } & RowOrder;
