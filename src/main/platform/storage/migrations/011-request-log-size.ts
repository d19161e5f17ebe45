/**
 * The request log's row count, kept by triggers. The retention rule "keep the newest N rows"
 * needs the count on every prune batch, and `count(*)` walks a whole index (about a second at
 * ten million rows, with the main process blocked); one row updated per insert and delete
 * costs microseconds and stays exact whoever writes (the app, the headless proxy).
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
`,
};
