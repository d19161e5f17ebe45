/** The environments table, as named statements. Rows never hold secrets. */
import type Database from 'better-sqlite3';
import type { EnvironmentKind } from '@shared/domain/environment';

export interface EnvironmentRow {
  id: string;
  name: string;
  kind: EnvironmentKind;
  clientId: string | null;
  apiBaseUrl: string | null;
  connectUrl: string | null;
  redirectUri: string | null;
  color: string | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, name, kind, client_id AS clientId, api_base_url AS apiBaseUrl, connect_url AS connectUrl,
  redirect_uri AS redirectUri, color, created_at AS createdAt, updated_at AS updatedAt`;

export function prepareEnvironmentStatements(db: Database.Database) {
  return {
    all: db.prepare(`SELECT ${COLUMNS} FROM environments ORDER BY kind = 'local-simulator' DESC, created_at, rowid`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM environments WHERE id = ?`),
    byName: db.prepare(`SELECT ${COLUMNS} FROM environments WHERE name = ? COLLATE NOCASE`),
    insert:
      db.prepare(`INSERT INTO environments (id, name, kind, client_id, api_base_url, connect_url, redirect_uri, color, created_at, updated_at)
      VALUES (@id, @name, @kind, @clientId, @apiBaseUrl, @connectUrl, @redirectUri, @color, @createdAt, @updatedAt)`),
    update: db.prepare(`UPDATE environments SET name = @name, client_id = @clientId, api_base_url = @apiBaseUrl,
      connect_url = @connectUrl, redirect_uri = @redirectUri, color = @color, updated_at = @updatedAt WHERE id = @id`),
    delete: db.prepare('DELETE FROM environments WHERE id = ?'),
    counts: db.prepare(`SELECT
      (SELECT count(*) FROM customers WHERE environment_id = @id) AS customers,
      (SELECT count(*) FROM connections WHERE environment_id = @id) AS connections,
      (SELECT count(*) FROM requests WHERE environment_id = @id) AS requests,
      (SELECT count(*) FROM events WHERE environment_id = @id) AS events,
      (SELECT count(*) FROM snapshots WHERE environment_id = @id) AS snapshots`),
    deleteRequests: db.prepare('DELETE FROM requests WHERE environment_id = ?'),
    deleteEvents: db.prepare('DELETE FROM events WHERE environment_id = ?'),
    deleteSnapshots: db.prepare('DELETE FROM snapshots WHERE environment_id = ?'),
  };
}
export type EnvironmentStatements = ReturnType<typeof prepareEnvironmentStatements>;
