/**
 * Snapshots stored page by page. A pull of 100,000 people was one JSON document built in
 * memory and compressed at the end (hundreds of MB in main, and a cancel kept nothing); now
 * each page Finch answers is compressed and written as it arrives, as one part, and the
 * snapshot's `state` says how the pull ended: `pulling` while it runs, then `complete`,
 * `cancelled` (the parts already written are kept) or `interrupted` (the app stopped mid-pull).
 * Snapshots written before this keep their single `data` document (and `complete`).
 *
 * A part's `summary` is small and never personal: for people, each record's id and a hash of
 * its JSON (so a diff finds who changed without opening the parts); for pay statements, the
 * payment, its item code and how many statements the page held.
 */
export const m012SnapshotParts = {
  version: 12,
  name: 'snapshot-parts',
  sql: `
ALTER TABLE snapshots ADD COLUMN state TEXT NOT NULL DEFAULT 'complete';
CREATE TABLE snapshot_parts (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  records      INTEGER NOT NULL,
  summary      TEXT,
  data         BLOB NOT NULL,
  PRIMARY KEY (snapshot_id, seq)
);
`,
};
