/**
 * The Integration lab's proxy logs the user's own backend's calls to Finch beside the app's own:
 * each row says whose call it was (`source`), and for the user's calls which application
 * (client_id) and connection (a keyed fingerprint of the bearer token, never the token) made
 * it, whether a browser sent it, and which scenario rule shaped the answer. `lab_calls` keeps
 * what only the scorecard reads (fingerprints of the code exchanged, the token issued and the
 * body sent, per-item batch errors), one row per logged attempt, so a lab session's calls can
 * be rebuilt from the log after a restart.
 */
export const m010RequestSource = {
  version: 10,
  name: 'request-source',
  sql: `
ALTER TABLE requests ADD COLUMN source TEXT NOT NULL DEFAULT 'workbench' CHECK (source IN ('workbench', 'your_app'));
ALTER TABLE requests ADD COLUMN client_id TEXT;
ALTER TABLE requests ADD COLUMN connection_key TEXT;
ALTER TABLE requests ADD COLUMN from_browser INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN injected_by TEXT;
CREATE INDEX requests_by_source_time ON requests(source, time);

CREATE TABLE lab_calls (
  request_log_id     INTEGER PRIMARY KEY,
  session            TEXT NOT NULL,
  sent_client_secret INTEGER NOT NULL DEFAULT 0,
  code_key           TEXT,
  issued_token_key   TEXT,
  body_key           TEXT,
  batch_item_errors  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lab_calls_by_session ON lab_calls(session, request_log_id);
CREATE TRIGGER lab_calls_follow_requests AFTER DELETE ON requests BEGIN
  DELETE FROM lab_calls WHERE request_log_id = old.id;
END;
`,
};
