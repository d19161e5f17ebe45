/** Stored coverage runs: counts per field and the request ids they came from (no personal data). */
import type Database from 'better-sqlite3';
import type { CoverageRunView } from '@shared/domain/coverage';

interface Row {
  id: number;
  result: string;
}

export class CoverageStore {
  private readonly insert: Database.Statement;
  private readonly list: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO coverage_runs (environment_id, connection_id, provider_id, at, request_ids, result) VALUES (@environmentId, @connectionId, @providerId, @at, @requestIds, @result)',
    );
    this.list = db.prepare('SELECT id, result FROM coverage_runs WHERE environment_id = ? ORDER BY at DESC, id DESC LIMIT ?');
    this.remove = db.prepare('DELETE FROM coverage_runs WHERE environment_id = ? AND id = ?');
  }

  add(run: Omit<CoverageRunView, 'id'>): CoverageRunView {
    const { lastInsertRowid } = this.insert.run({
      environmentId: run.environmentId,
      connectionId: run.connectionId,
      providerId: run.providerId,
      at: run.at,
      requestIds: JSON.stringify(run.requestIds),
      result: JSON.stringify(run),
    });
    return { ...run, id: Number(lastInsertRowid) };
  }

  /** Newest first. */
  runs(environmentId: string, limit = 200): CoverageRunView[] {
    return (this.list.all(environmentId, limit) as Row[]).map((row) => ({
      ...(JSON.parse(row.result) as Omit<CoverageRunView, 'id'>),
      id: row.id,
    }));
  }

  delete(environmentId: string, id: number): boolean {
    return this.remove.run(environmentId, id).changes > 0;
  }
}
