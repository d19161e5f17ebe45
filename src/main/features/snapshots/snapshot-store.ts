/** Snapshot rows: summary (JSON, never personal data) beside the compressed content. */
import type Database from 'better-sqlite3';
import type { SnapshotSummary } from '@shared/domain/snapshots';

interface Row {
  id: number;
  connectionId: string;
  takenAt: number;
  label: string | null;
  requestIds: string;
  summary: string;
  bytes: number;
}

export type NewSnapshot = Omit<SnapshotSummary, 'id' | 'bytes'>;

export class SnapshotStore {
  private readonly statements;

  constructor(db: Database.Database) {
    const columns =
      'id, connection_id AS connectionId, taken_at AS takenAt, label, request_ids AS requestIds, summary, length(data) AS bytes';
    this.statements = {
      insert: db.prepare(
        'INSERT INTO snapshots (environment_id, connection_id, taken_at, label, request_ids, data, summary) VALUES (@environmentId, @connectionId, @takenAt, @label, @requestIds, @data, @summary)',
      ),
      list: db.prepare(`SELECT ${columns} FROM snapshots WHERE environment_id = ? ORDER BY taken_at DESC, id DESC`),
      get: db.prepare(`SELECT ${columns} FROM snapshots WHERE environment_id = ? AND id = ?`),
      data: db.prepare('SELECT data FROM snapshots WHERE environment_id = ? AND id = ?'),
      remove: db.prepare('DELETE FROM snapshots WHERE environment_id = ? AND id = ?'),
      removeAll: db.prepare('DELETE FROM snapshots WHERE environment_id = ? AND connection_id = ?'),
    };
  }

  add(environmentId: string, snapshot: NewSnapshot, data: Buffer): SnapshotSummary {
    const { id: _none, bytes: _size, requestIds, takenAt, label, connectionId, ...rest } = { id: 0, bytes: 0, ...snapshot };
    const { lastInsertRowid } = this.statements.insert.run({
      environmentId,
      connectionId,
      takenAt,
      label,
      requestIds: JSON.stringify(requestIds),
      data,
      summary: JSON.stringify(rest),
    });
    return { ...snapshot, id: Number(lastInsertRowid), bytes: data.length };
  }

  list(environmentId: string): SnapshotSummary[] {
    return (this.statements.list.all(environmentId) as Row[]).map(toSummary);
  }

  get(environmentId: string, id: number): SnapshotSummary | null {
    const row = this.statements.get.get(environmentId, id) as Row | undefined;
    return row ? toSummary(row) : null;
  }

  data(environmentId: string, id: number): Buffer | null {
    return (this.statements.data.get(environmentId, id) as { data: Buffer } | undefined)?.data ?? null;
  }

  remove(environmentId: string, id: number): number {
    return this.statements.remove.run(environmentId, id).changes;
  }

  removeAll(environmentId: string, connectionId: string): number {
    return this.statements.removeAll.run(environmentId, connectionId).changes;
  }
}

function toSummary(row: Row): SnapshotSummary {
  const rest = JSON.parse(row.summary) as Omit<SnapshotSummary, 'id' | 'connectionId' | 'takenAt' | 'label' | 'requestIds' | 'bytes'>;
  return {
    ...rest,
    id: row.id,
    connectionId: row.connectionId,
    takenAt: row.takenAt,
    label: row.label,
    requestIds: JSON.parse(row.requestIds) as string[],
    bytes: row.bytes,
  };
}
