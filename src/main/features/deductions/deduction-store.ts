/** The deduction jobs the app started and the reconciliations it ran, per environment (SQLite). */
import type Database from 'better-sqlite3';
import type { DeductionJobView } from '@shared/domain/deduction-jobs';
import type { Reconciliation } from '@shared/domain/reconciliation';

export class DeductionStore {
  private readonly upsert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly list: Database.Statement;
  private readonly listForConnection: Database.Statement;
  private readonly open: Database.Statement;
  private readonly insertReconciliation: Database.Statement;
  private readonly latestReconciliations: Database.Statement;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(`
      INSERT INTO deduction_jobs (job_id, environment_id, connection_id, kind, benefit_id, status, created_at, checked_at, completed_at, view)
      VALUES (@jobId, @environmentId, @connectionId, @kind, @benefitId, @status, @createdAt, @checkedAt, @completedAt, @view)
      ON CONFLICT (environment_id, job_id) DO UPDATE SET
        status = excluded.status, checked_at = excluded.checked_at, completed_at = excluded.completed_at, view = excluded.view`);
    this.byId = db.prepare('SELECT view FROM deduction_jobs WHERE environment_id = ? AND job_id = ?');
    this.list = db.prepare('SELECT view FROM deduction_jobs WHERE environment_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?');
    this.listForConnection = db.prepare(
      'SELECT view FROM deduction_jobs WHERE environment_id = ? AND connection_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
    );
    this.open = db.prepare(
      "SELECT view FROM deduction_jobs WHERE environment_id = ? AND status IN ('unknown', 'pending', 'in_progress') ORDER BY created_at, rowid",
    );
    this.insertReconciliation = db.prepare(
      'INSERT INTO reconciliations (environment_id, connection_id, benefit_id, payment_id, at, result) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.latestReconciliations = db.prepare(
      'SELECT result FROM reconciliations WHERE environment_id = ? ORDER BY at DESC, id DESC LIMIT ?',
    );
  }

  save(environmentId: string, job: DeductionJobView): DeductionJobView {
    this.upsert.run({
      jobId: job.jobId,
      environmentId,
      connectionId: job.connectionId,
      kind: job.kind,
      benefitId: job.benefitId,
      status: job.status,
      createdAt: job.createdAt,
      checkedAt: job.checkedAt,
      completedAt: job.completedAt,
      view: JSON.stringify(job),
    });
    return job;
  }

  get(environmentId: string, jobId: string): DeductionJobView | null {
    const row = this.byId.get(environmentId, jobId) as { view: string } | undefined;
    return row ? (JSON.parse(row.view) as DeductionJobView) : null;
  }

  /** Newest first. */
  jobs(environmentId: string, connectionId?: string, limit = 500): DeductionJobView[] {
    const rows = (connectionId ? this.listForConnection.all(environmentId, connectionId, limit) : this.list.all(environmentId, limit)) as {
      view: string;
    }[];
    return rows.map((r) => JSON.parse(r.view) as DeductionJobView);
  }

  /** Jobs not yet finished, oldest first: the ones a schedule checks again. */
  openJobs(environmentId: string): DeductionJobView[] {
    return (this.open.all(environmentId) as { view: string }[]).map((r) => JSON.parse(r.view) as DeductionJobView);
  }

  addReconciliation(environmentId: string, result: Reconciliation): void {
    this.insertReconciliation.run(
      environmentId,
      result.connectionId,
      result.benefitId,
      result.paymentId,
      result.at,
      JSON.stringify(result),
    );
  }

  reconciliations(environmentId: string, limit = 50): Reconciliation[] {
    return (this.latestReconciliations.all(environmentId, limit) as { result: string }[]).map(
      (r) => JSON.parse(r.result) as Reconciliation,
    );
  }
}
