/**
 * The Deductions lab's jobs: every deduction write the app made, the Finch job it started, and
 * what each status check answered (per-person results, request ids). Kept so a job an assisted
 * provider leaves pending for days is still in the list, and checked again, after a restart.
 * Reconciliations are kept too: they are the write-side evidence of the readiness report.
 */
export const m009DeductionJobs = {
  version: 9,
  name: 'deduction-jobs',
  sql: `
CREATE TABLE deduction_jobs (
  job_id TEXT NOT NULL,
  environment_id TEXT NOT NULL,
  connection_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  benefit_id TEXT,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  checked_at INTEGER,
  completed_at INTEGER,
  view TEXT NOT NULL,
  PRIMARY KEY (environment_id, job_id)
);
CREATE INDEX deduction_jobs_by_connection ON deduction_jobs (environment_id, connection_id, created_at);
CREATE INDEX deduction_jobs_open ON deduction_jobs (environment_id, status);

CREATE TABLE reconciliations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  environment_id TEXT NOT NULL,
  connection_id TEXT NOT NULL,
  benefit_id TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX reconciliations_by_environment ON reconciliations (environment_id, at);
`,
};
