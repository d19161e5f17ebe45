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
 *
 * And no index takes a random page per append any more: a Finch-Request-ID is found through
 * the search index (its request_id column), and the one question the (request_id) index still
 * answered, "responses without an id", gets a partial index that grows at its end. (Call ids are
 * made time-ordered for the same reason: see call-id.ts.)
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
DROP INDEX requests_by_request_id;
CREATE INDEX requests_without_request_id ON requests(id) WHERE request_id IS NULL AND status IS NOT NULL;
`,
};
