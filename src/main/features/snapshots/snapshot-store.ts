/**
 * Snapshot rows: summary (JSON, never personal data) and state beside the content. Content is
 * either one compressed document (`data`, snapshots taken before migration 012) or compressed
 * parts, one per page of the pull, written as the pages arrived (`snapshot_parts`).
 */
import type Database from 'better-sqlite3';
import type { SnapshotState, SnapshotSummary } from '@shared/domain/snapshots';
import type { PartEncoding } from './part-codec';

interface Row {
  id: number;
  connectionId: string;
  takenAt: number;
  label: string | null;
  requestIds: string;
  summary: string;
  bytes: number;
  state: SnapshotState;
}

export type NewSnapshot = Omit<SnapshotSummary, 'id' | 'bytes' | 'state'>;
/** A part as stored: still compressed (part-codec.ts reads it). */
export interface StoredPart {
  seq: number;
  kind: PartKind;
  data: Buffer;
  encoding: PartEncoding;
}

export type PartKind = 'company' | 'directory' | 'individuals' | 'employments' | 'payments' | 'pay_statements' | 'products';

export class SnapshotStore {
  private readonly statements;

  /** `partsDb`: the connection parts are inserted through (database.ts: openBulkWriter); the main one by default. */
  constructor(
    private readonly db: Database.Database,
    partsDb: Database.Database = db,
  ) {
    const columns =
      'id, connection_id AS connectionId, taken_at AS takenAt, label, request_ids AS requestIds, summary, state, ' +
      'length(data) + coalesce((SELECT sum(length(p.data)) FROM snapshot_parts p WHERE p.snapshot_id = snapshots.id), 0) AS bytes';
    this.statements = {
      insert: db.prepare(
        'INSERT INTO snapshots (environment_id, connection_id, taken_at, label, request_ids, data, summary, state) VALUES (@environmentId, @connectionId, @takenAt, @label, @requestIds, @data, @summary, @state)',
      ),
      finish: db.prepare('UPDATE snapshots SET state = @state, summary = @summary, request_ids = @requestIds WHERE id = @id'),
      part: partsDb.prepare(
        'INSERT INTO snapshot_parts (snapshot_id, seq, kind, records, summary, data, encoding) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      summaries: db.prepare('SELECT seq, kind, summary FROM snapshot_parts WHERE snapshot_id = ? ORDER BY seq'),
      partsAt: db.prepare('SELECT seq, kind, data, encoding FROM snapshot_parts WHERE snapshot_id = ? AND seq = ?'),
      parts: db.prepare('SELECT kind, data, encoding FROM snapshot_parts WHERE snapshot_id = ? ORDER BY seq'),
      list: db.prepare(`SELECT ${columns} FROM snapshots WHERE environment_id = ? ORDER BY taken_at DESC, id DESC`),
      get: db.prepare(`SELECT ${columns} FROM snapshots WHERE environment_id = ? AND id = ?`),
      data: db.prepare('SELECT data FROM snapshots WHERE environment_id = ? AND id = ?'),
      remove: db.prepare('DELETE FROM snapshots WHERE environment_id = ? AND id = ?'),
      removeAll: db.prepare('DELETE FROM snapshots WHERE environment_id = ? AND connection_id = ?'),
      interrupted: db.prepare("UPDATE snapshots SET state = 'interrupted' WHERE state = 'pulling'"),
    };
  }

  /** A new snapshot in state `pulling`, with no content yet; its parts follow as pages arrive. */
  begin(environmentId: string, snapshot: NewSnapshot): number {
    const { requestIds, takenAt, label, connectionId, ...rest } = snapshot;
    const { lastInsertRowid } = this.statements.insert.run({
      environmentId,
      connectionId,
      takenAt,
      label,
      requestIds: JSON.stringify(requestIds),
      data: Buffer.alloc(0),
      summary: JSON.stringify(rest),
      state: 'pulling',
    });
    return Number(lastInsertRowid);
  }

  /** One page, compressed: a single-row insert, so it is stored whole or not at all. */
  addPart(id: number, seq: number, kind: PartKind, records: number, data: Buffer, summary: string | null, encoding: PartEncoding): void {
    this.statements.part.run(id, seq, kind, records, summary, data, encoding);
  }

  /** Every part's kind and summary, without its content. */
  summaries(id: number): { seq: number; kind: PartKind; summary: string | null }[] {
    return this.statements.summaries.all(id) as { seq: number; kind: PartKind; summary: string | null }[];
  }

  /** One part's content. */
  part(id: number, seq: number): StoredPart | null {
    return (this.statements.partsAt.get(id, seq) as StoredPart | undefined) ?? null;
  }

  finish(id: number, state: Exclude<SnapshotState, 'pulling'>, snapshot: NewSnapshot): void {
    const { requestIds, takenAt: _t, label: _l, connectionId: _c, ...rest } = snapshot;
    this.statements.finish.run({ id, state, summary: JSON.stringify(rest), requestIds: JSON.stringify(requestIds) });
  }

  /** The parts of a snapshot in the order they were written. */
  parts(id: number): IterableIterator<Omit<StoredPart, 'seq'>> {
    return this.statements.parts.iterate(id) as IterableIterator<Omit<StoredPart, 'seq'>>;
  }

  /** Snapshots left `pulling` by an app that stopped mid-pull: they keep what they had, marked so. */
  markInterrupted(): number {
    return this.statements.interrupted.run().changes;
  }

  list(environmentId: string): SnapshotSummary[] {
    return (this.statements.list.all(environmentId) as Row[]).map(toSummary);
  }

  get(environmentId: string, id: number): SnapshotSummary | null {
    const row = this.statements.get.get(environmentId, id) as Row | undefined;
    return row ? toSummary(row) : null;
  }

  /** The single compressed document of a snapshot taken before parts existed (empty for newer ones). */
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
  const rest = JSON.parse(row.summary) as Omit<
    SnapshotSummary,
    'id' | 'connectionId' | 'takenAt' | 'label' | 'requestIds' | 'bytes' | 'state'
  >;
  return {
    ...rest,
    id: row.id,
    connectionId: row.connectionId,
    takenAt: row.takenAt,
    label: row.label,
    requestIds: JSON.parse(row.requestIds) as string[],
    bytes: row.bytes,
    state: row.state,
  };
}
