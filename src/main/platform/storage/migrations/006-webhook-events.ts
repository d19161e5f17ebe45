/**
 * The Webhooks area: every event the local receiver got (or the user pasted) with its
 * headers, raw body (capped), verdict and related connection; each forward of it to a dev
 * server; forwarding settings per environment; the receiver's port. Rows go with their
 * environment (ON DELETE CASCADE).
 */
export const m006WebhookEvents = {
  version: 6,
  name: 'webhook-events',
  sql: `
CREATE TABLE webhook_events (
  id              INTEGER PRIMARY KEY,
  environment_id  TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  received_at     INTEGER NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('receiver', 'pasted')),
  event_id        TEXT,
  event_type      TEXT,
  connection_id   TEXT,
  verdict         TEXT NOT NULL,
  verdict_message TEXT NOT NULL,
  checks          TEXT NOT NULL DEFAULT '[]',
  headers         TEXT NOT NULL DEFAULT '[]',
  body            BLOB NOT NULL,
  body_bytes      INTEGER NOT NULL,
  body_truncated  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX webhook_events_by_env ON webhook_events(environment_id, id);

CREATE TABLE webhook_forwards (
  id               INTEGER PRIMARY KEY,
  event_row_id     INTEGER NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,
  at               INTEGER NOT NULL,
  url              TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('resigned', 'exact')),
  status           INTEGER,
  duration_ms      REAL NOT NULL,
  error            TEXT,
  response_excerpt TEXT
);
CREATE INDEX webhook_forwards_by_event ON webhook_forwards(event_row_id, id);

CREATE TABLE webhook_settings (
  environment_id  TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
  forward_url     TEXT,
  forward_mode    TEXT NOT NULL DEFAULT 'resigned' CHECK (forward_mode IN ('resigned', 'exact')),
  auto_forward    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE webhook_receiver (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  port      INTEGER,
  listening INTEGER NOT NULL DEFAULT 0
);
`,
};
