/**
 * Every row carries its environment id: Finch ids never cross environments, and a query for
 * one environment must never see another's rows.
 */
export const m001Initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE environments (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind          TEXT NOT NULL CHECK (kind IN ('local-simulator', 'sandbox', 'development', 'production')),
  client_id     TEXT,
  api_base_url  TEXT,
  connect_url   TEXT,
  color         TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE customers (
  environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  name           TEXT NOT NULL,
  email          TEXT,
  created_at     INTEGER NOT NULL,
  PRIMARY KEY (environment_id, id)
);

CREATE TABLE connections (
  environment_id   TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  id               TEXT NOT NULL,
  customer_id      TEXT,
  company_id       TEXT,
  provider_id      TEXT,
  products         TEXT NOT NULL DEFAULT '[]',
  client_type      TEXT,
  connection_type  TEXT,
  status           TEXT NOT NULL DEFAULT 'connected',
  status_detail    TEXT,
  last_successful_sync TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  disconnected_at  INTEGER,
  PRIMARY KEY (environment_id, id),
  FOREIGN KEY (environment_id, customer_id) REFERENCES customers(environment_id, id)
);
CREATE INDEX connections_by_customer ON connections(environment_id, customer_id);

-- One row per HTTP attempt (retries are rows of their own). Never bodies, never headers
-- other than Finch's request id and data headers, never credentials.
CREATE TABLE requests (
  id              INTEGER PRIMARY KEY,
  call_id         TEXT NOT NULL,
  time            INTEGER NOT NULL,
  environment_id  TEXT NOT NULL,
  connection_id   TEXT,
  method          TEXT NOT NULL,
  path            TEXT NOT NULL,
  product         TEXT,
  status          INTEGER,
  duration_ms     REAL NOT NULL,
  attempt         INTEGER NOT NULL,
  request_id      TEXT,
  outcome         TEXT NOT NULL,
  error_name      TEXT,
  finch_code      TEXT,
  message         TEXT,
  retry_after_ms  INTEGER,
  data_retrieved  TEXT,
  last_update_date   TEXT,
  last_update_result TEXT
);
CREATE INDEX requests_by_time ON requests(time);
CREATE INDEX requests_by_env_time ON requests(environment_id, time);
CREATE INDEX requests_by_request_id ON requests(request_id);
CREATE INDEX requests_by_call ON requests(call_id);

-- Search index. Contentless: it only answers "which rowids", newest first. Besides the
-- searchable text it holds the equality filters of the log view (environment, connection,
-- product, outcome, status class) as column terms, so "text + filters" is one FTS query
-- that walks rowids downwards and stops at the page size, whatever the table's size.
CREATE VIRTUAL TABLE requests_fts USING fts5(
  path, request_id, error_name, finch_code, message, connection_id, product, outcome, environment_id, status_class,
  content='', contentless_delete=1, tokenize='unicode61 tokenchars ''_-'''
);
CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
  INSERT INTO requests_fts(rowid, path, request_id, error_name, finch_code, message, connection_id, product, outcome, environment_id, status_class)
  VALUES (new.id, new.path, new.request_id, new.error_name, new.finch_code, new.message, new.connection_id, new.product, new.outcome,
    new.environment_id,
    CASE WHEN new.status IS NULL THEN 'network' WHEN new.status < 300 THEN '2xx' WHEN new.status < 400 THEN '3xx'
         WHEN new.status < 500 THEN '4xx' ELSE '5xx' END);
END;
CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
  DELETE FROM requests_fts WHERE rowid = old.id;
END;

-- Connect, reauth, disconnect, jobs, sandbox changes: the connection's timeline.
CREATE TABLE events (
  id              INTEGER PRIMARY KEY,
  time            INTEGER NOT NULL,
  environment_id  TEXT NOT NULL,
  connection_id   TEXT,
  customer_id     TEXT,
  type            TEXT NOT NULL,
  detail          TEXT NOT NULL DEFAULT '{}',
  request_ids     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_by_connection ON events(environment_id, connection_id, time);

CREATE TABLE snapshots (
  id              INTEGER PRIMARY KEY,
  environment_id  TEXT NOT NULL,
  connection_id   TEXT NOT NULL,
  taken_at        INTEGER NOT NULL,
  label           TEXT,
  request_ids     TEXT NOT NULL DEFAULT '[]',
  data            BLOB NOT NULL
);
CREATE INDEX snapshots_by_connection ON snapshots(environment_id, connection_id, taken_at);
`,
};
