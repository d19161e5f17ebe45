/**
 * The request log's search index, split by id range and kept a step behind the log.
 *
 * At ten million rows the single FTS5 index made both ends of the log slow:
 *  - every one-row append flushed a segment of its own and paid for a share of FTS5's ongoing
 *    merge of its largest segments (0.7 of a 0.76 ms append), and
 *  - pruning left a tombstone per deleted row in those segments, whose hash FTS5 rebuilds whole
 *    as it grows: one delete step held every writer for 2.4 s.
 * Now rows are indexed in batches (`SearchIndex.catchUp`, from `indexed_upto` on), into
 * partitions of consecutive ids (`request_fts_parts`; the open one has no last id). Pruned rows'
 * entries stay until their whole partition is pruned, and it is dropped in one small step;
 * searches join the log, so an entry without its row never shows. The index that exists now is
 * the first partition: it holds ids up to the newest row, and needs no rebuild.
 */
export const m013SearchPartitions = {
  version: 13,
  name: 'search-partitions',
  sql: `
DROP TRIGGER requests_fts_insert;
DROP TRIGGER requests_fts_delete;
ALTER TABLE request_log_size ADD COLUMN indexed_upto INTEGER NOT NULL DEFAULT 0;
UPDATE request_log_size SET indexed_upto = (SELECT coalesce(max(id), 0) FROM requests) WHERE id = 1;
CREATE TABLE request_fts_parts (
  first_id INTEGER PRIMARY KEY,
  last_id  INTEGER,
  name     TEXT NOT NULL UNIQUE
);
INSERT INTO request_fts_parts (first_id, last_id, name) VALUES (0, (SELECT coalesce(max(id), 0) FROM requests), 'requests_fts');
`,
};
