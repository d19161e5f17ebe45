/** Manual items of the go-live readiness report that the user ticked, with an optional note. */
export const m004ReadinessChecks = {
  version: 4,
  name: 'readiness-checks',
  sql: `
CREATE TABLE readiness_checks (
  item_id     TEXT PRIMARY KEY,
  checked_at  INTEGER NOT NULL,
  note        TEXT
);
`,
};
