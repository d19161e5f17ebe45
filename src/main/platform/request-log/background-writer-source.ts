/**
 * The background writer's thread, as source text: it runs as an `eval` worker, so it works the
 * same from the Electron bundle, tsx and vitest (none of which would agree on where a separate
 * worker file lives). Plain CommonJS, no imports but Node's and better-sqlite3 (path passed in).
 *
 * It opens its own connection to the app's WAL database and stores what the main thread posts:
 * each message a batch of request log rows (each with an optional linked row that gets the new
 * row's id as @logId). Messages that arrive together go to SQLite in one transaction. Each batch
 * is answered on the port with the ids it got (or the error), and only then is the shared
 * counter raised, so a main thread that waits on the counter finds the answer already queued.
 */
export const BACKGROUND_WRITER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
const state = new Int32Array(signal);
const ACKED = 0, STATUS = 1;
const answer = (message) => {
  port.postMessage(message);
  Atomics.add(state, ACKED, 1);
  Atomics.notify(state, ACKED);
};
let db = null;
try {
  const Database = require(workerData.sqlite);
  db = new Database(workerData.path, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
} catch (error) {
  Atomics.store(state, STATUS, -1);
  port.postMessage({ fatal: String(error && error.message || error) });
  Atomics.notify(state, ACKED);
  port.close();
}
if (db) serve(db);

function serve(db) {
const insert = db.prepare(workerData.insertSql);
const linked = workerData.linkedSql ? db.prepare(workerData.linkedSql) : null;
const writeAll = db.transaction((batches) =>
  batches.map((batch) =>
    batch.rows.map((row) => {
      const id = Number(insert.run(row.entry).lastInsertRowid);
      if (linked && row.linked) linked.run(Object.assign({}, row.linked, { logId: id }));
      return id;
    }),
  ),
);
let queued = [];
let closing = false;
const flush = () => {
  const batches = queued;
  queued = [];
  if (batches.length === 0) return;
  let ids;
  try {
    ids = writeAll(batches);
  } catch (error) {
    // One bad batch must not take the others with it: try each alone, answer each.
    for (const batch of batches) {
      try {
        answer({ batch: batch.batch, ids: writeAll([batch])[0] });
      } catch (single) {
        answer({ batch: batch.batch, error: String(single && single.message || single) });
      }
    }
    return;
  }
  batches.forEach((batch, i) => answer({ batch: batch.batch, ids: ids[i] }));
};
Atomics.store(state, STATUS, 1);
port.on('message', (message) => {
  if (message.close) {
    flush();
    closing = true;
    db.close();
    port.close();
    return;
  }
  if (closing) return;
  if (queued.length === 0) setImmediate(flush);
  queued.push(message);
});
}
`;
