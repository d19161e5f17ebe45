/**
 * The request log's row count, kept by triggers. The retention rule "keep the newest N rows"
 * needs the count on every prune batch, and `count(*)` walks a whole index (about a second at
 * ten million rows, with the main process blocked); one row updated per insert and delete
 * costs microseconds and stays exact whoever writes (the app, the headless proxy).
 *
 * And the search index stops rewriting a whole segment in one go when a tenth of its rows
 * were deleted (FTS5's `deletemerge`): pruning deletes the oldest rows, and that rewrite took
 * 0.3–0.6 s inside a single small delete at 200,000 rows (more on a bigger log), holding every
 * writer. Deleted rows' entries are dropped instead when the ordinary, incremental merges
 * reach their segment; until then they take some room and are skipped by searches.
 */
export const m011RequestLogSize = {
  version: 11,
  name: 'request-log-size',
  sql: `
CREATE TABLE request_log_size (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  rows INTEGER NOT NULL
);
INSERT INTO request_log_size (id, rows) SELECT 1, count(*) FROM requests;
CREATE TRIGGER request_log_size_insert AFTER INSERT ON requests BEGIN
  UPDATE request_log_size SET rows = rows + 1 WHERE id = 1;
END;
CREATE TRIGGER request_log_size_delete AFTER DELETE ON requests BEGIN
  UPDATE request_log_size SET rows = rows - 1 WHERE id = 1;
END;
INSERT INTO requests_fts(requests_fts, rank) VALUES ('deletemerge', 0);
`,
};
