/**
 * Field coverage runs (counts per field, no personal data; evidence for the readiness
 * report's "nullable fields seen") and a summary column for snapshots, so listing them never
 * has to decompress their content.
 */
export const m005CoverageSnapshots = {
  version: 5,
  name: 'coverage-snapshots',
  sql: `
CREATE TABLE coverage_runs (
  id              INTEGER PRIMARY KEY,
  environment_id  TEXT NOT NULL,
  connection_id   TEXT NOT NULL,
  provider_id     TEXT,
  at              INTEGER NOT NULL,
  request_ids     TEXT NOT NULL DEFAULT '[]',
  result          TEXT NOT NULL
);
CREATE INDEX coverage_runs_by_env ON coverage_runs(environment_id, at);
-- Deleting an environment deletes everything recorded in it, coverage included.
CREATE TRIGGER coverage_runs_follow_environment AFTER DELETE ON environments
BEGIN
  DELETE FROM coverage_runs WHERE environment_id = OLD.id;
END;
ALTER TABLE snapshots ADD COLUMN summary TEXT NOT NULL DEFAULT '{}';
`,
};
