/**
 * Applies numbered, checksummed migrations. Before writing anything it checks, read-only,
 * that the file is a healthy SQLite database whose applied migrations are all ones this
 * version knows with the same checksums: a damaged file, a newer schema or an edited
 * migration stops with a clear error and the file untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'damaged' | 'newer' | 'checksum',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql.trim()).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** Read-only checks. Returns the applied versions. */
export function verifyDatabase(db: Database.Database, migrations: readonly Migration[], path: string): Set<number> {
  let applied: AppliedRow[] = [];
  try {
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(String(ok));
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (hasTable) applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  } catch (error) {
    throw new DatabaseOpenError(
      'damaged',
      `The database ${path} is damaged or is not a Finch Workbench database (${(error as Error).message}). It was not changed; move it aside to start afresh.`,
    );
  }
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new DatabaseOpenError(
        'newer',
        `The database ${path} was written by a newer version of Finch Workbench (schema ${Math.max(...applied.map((r) => r.version))}; this version knows up to ${latest}). It was not changed; update the app to open it.`,
      );
    }
    if (checksum(migration) !== row.checksum) {
      throw new DatabaseOpenError(
        'checksum',
        `The database ${path} records migration ${row.version} (${row.name}) with a different checksum than this version ships. It was not changed.`,
      );
    }
  }
  return new Set(applied.map((r) => r.version));
}

/** Applies what is missing, all in one transaction: a crash leaves the old schema intact. */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  applied: Set<number>,
  now: () => number,
): number[] {
  const pending = [...migrations].filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return [];
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksum(migration), now());
    }
  })();
  return pending.map((m) => m.version);
}

export function databaseExists(path: string): boolean {
  return path !== ':memory:' && existsSync(path);
}
