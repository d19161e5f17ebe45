/**
 * The table worker: holds a big table's rows as column data (row-order.ts) and answers sort and
 * filter requests with an index order, so a 100,000-row sort never blocks scrolling or typing.
 * Requests are answered latest-first: one that a newer request superseded while it waited is
 * skipped.
 */
import type { RowQuery } from './row-order';
import { RowStore } from './row-order';
import type { ToTableWorker, FromTableWorker } from './row-order-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToTableWorker>) => void) | null;
  postMessage(message: FromTableWorker, transfer: Transferable[]): void;
};

let store = new RowStore();
let generation = 0;
let pending: { seq: number; query: RowQuery } | null = null;
let scheduled = false;

function answer(): void {
  scheduled = false;
  const request = pending;
  pending = null;
  if (!request) return;
  const result = store.order(request.query);
  const message: FromTableWorker = { type: 'order', generation, seq: request.seq, ...result };
  scope.postMessage(message, result.order ? [result.order.buffer as ArrayBuffer] : []);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'reset') {
    store = new RowStore();
    generation = message.generation;
    pending = null;
  } else if (message.type === 'append') {
    if (message.generation !== generation) return;
    store.append(message.batch);
  } else if (message.generation === generation) {
    // Answered after the messages already queued (rows that arrived, newer requests) are taken in.
    pending = { seq: message.seq, query: message.query };
    if (!scheduled) {
      scheduled = true;
      setTimeout(answer, 0);
    }
  }
};
