/** Scenario drill results: evidence for the go-live readiness report. */
export const m003DrillResults = {
  version: 3,
  name: 'drill-results',
  sql: `
CREATE TABLE drill_results (
  id              INTEGER PRIMARY KEY,
  environment_id  TEXT NOT NULL,
  connection_id   TEXT,
  drill           TEXT NOT NULL,
  passed          INTEGER NOT NULL,
  started_at      INTEGER NOT NULL,
  finished_at     INTEGER NOT NULL,
  steps           TEXT NOT NULL,
  request_ids     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX drill_results_by_env ON drill_results(environment_id, finished_at);
`,
};
