/**
 * bench/request-log, setup: filling a log of ten million rows in minutes. Appending them one by
 * one (as the app does) keeps five indexes and the row counter up to date on every row and
 * commits each: 37 minutes at 10,000,000 rows. Here the same rows go in bare, then the database
 * gets what the app's append would have given it, in bulk:
 *  - every row is `RequestLog.entryOf` (defaults, secret scrub) as `rowOf` stores it, same ids;
 *  - the search index is the app's own catch-up (`SearchIndex.catchUp`), in large steps: the
 *    same partitions and entries the app's small steps give;
 *  - the indexes and triggers are created again from their stored SQL, the row counter is set.
 * `checkBulkFill` proves it on a few thousand rows each run: the rows, the search partitions and
 * every term instance in them (fts5vocab), the row counter and the schema equal those of a log
 * filled by `append`. What differs is only the page layout: indexes built from sorted keys fill
 * their pages, where a log grown row by row leaves its random-key index (request_id) about a
 * third empty, so the bytes per row of a bulk-filled file are a little lower than the app's.
 */
import type Database from 'better-sqlite3';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { RequestLog, rowOf } from '@main/platform/request-log/request-log';
import { INSERT_REQUEST_SQL } from '@main/platform/request-log/statements';
import type { NewRequestLogEntry } from '@main/platform/request-log/types';

const CHUNK = 100_000;

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/**
 * Appends rows `row(from)` … `row(to - 1)` to an empty-or-not log as described above.
 * `progress` hears each step (for a long fill).
 */
export function bulkFill(
  db: Database.Database,
  log: RequestLog,
  row: (i: number) => NewRequestLogEntry,
  from: number,
  to: number,
  progress: (step: string) => void = () => undefined,
): void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'requests' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as SchemaObject[];
  const dropped = objects.filter((o) => o.type === 'index' || /\bAFTER\s+INSERT\b/i.test(o.sql));
  db.transaction(() => {
    for (const o of dropped) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
  })();

  const insert = db.prepare(INSERT_REQUEST_SQL);
  const firstId = ((db.prepare('SELECT max(id) FROM requests').pluck().get() as number | null) ?? 0) + 1;
  const rows = db.transaction((a: number, b: number) => {
    for (let i = a; i < b; i++) insert.run(rowOf(log.entryOf(row(i))));
  });
  for (let i = from; i < to; i += CHUNK) {
    rows(i, Math.min(to, i + CHUNK));
    if ((i - from) % 1_000_000 === 0 && i > from) progress(`rows ${(i - from).toLocaleString('en-US')}`);
  }
  const lastId = db.prepare('SELECT max(id) FROM requests').pluck().get() as number;
  if (lastId - firstId + 1 !== to - from) throw new Error('Rows went in with gaps in their ids');

  progress('search index');
  log.searchIndex.catchUpAll(CHUNK);

  db.transaction(() => {
    db.prepare('UPDATE request_log_size SET rows = rows + ? WHERE id = 1').run(to - from);
    for (const o of dropped) {
      if (o.type === 'index') progress(`index ${o.name}`);
      db.exec(o.sql);
    }
  })();
  db.pragma(`cache_size = ${cache}`);
}

/** Fills two logs, one by `append` and one by `bulkFill`, and throws unless they are the same. */
export function checkBulkFill(row: (i: number) => NewRequestLogEntry, scrub: (text: string | null) => string | null, rows = 3_000): void {
  // Small partitions, so that the check crosses several partition boundaries.
  const partitionRows = 700;
  const appended = openWorkbenchDatabase(':memory:');
  const bulk = openWorkbenchDatabase(':memory:');
  try {
    const log = new RequestLog(appended, scrub, { partitionRows });
    // One row per transaction, as the gateway appends, each followed by a catch-up some of the
    // time (as the app's timer would): the partitions must not depend on the steps' sizes.
    for (let i = 0; i < rows; i++) {
      log.append(row(i));
      if (i % 7 === 0) log.searchIndex.catchUp();
    }
    log.catchUpIndex();
    bulkFill(bulk, new RequestLog(bulk, scrub, { partitionRows }), row, 0, rows);
    const facts = (db: Database.Database) => {
      const partitions = db.prepare('SELECT first_id, last_id, name FROM request_fts_parts ORDER BY first_id').raw().all() as [
        number,
        number | null,
        string,
      ][];
      const terms = partitions.map(([, , name]) => {
        db.exec(`CREATE VIRTUAL TABLE temp.${name}_instances USING fts5vocab(main, '${name}', 'instance')`);
        return db.prepare(`SELECT term, doc, col, offset FROM temp.${name}_instances ORDER BY term, doc, col, offset`).raw().all();
      });
      return JSON.stringify([
        db.prepare('SELECT * FROM requests ORDER BY id').raw().all(),
        db.prepare('SELECT * FROM request_log_size').raw().all(),
        partitions,
        terms,
        db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").raw().all(),
      ]);
    };
    if (facts(appended) !== facts(bulk))
      throw new Error('The bulk fill does not give the database append gives: fix bench/request-log/fill.ts');
  } finally {
    appended.close();
    bulk.close();
  }
}
