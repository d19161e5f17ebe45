import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, openWorkbenchDatabase } from '@main/platform/storage/database';
import type { Migration } from '@main/platform/storage/migrations';
import { MIGRATIONS } from '@main/platform/storage/migrations';

const tmp = () => mkdtempSync(join(tmpdir(), 'workbench-migrate-'));

/** A later migration, so "every earlier version" has more than one step to climb. */
const NEXT = Math.max(...MIGRATIONS.map((m) => m.version)) + 1;
const m002: Migration = { version: NEXT, name: 'test-extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);' };
const ALL = [...MIGRATIONS.map((m) => m.version), NEXT];
const WITH_2 = [...MIGRATIONS, m002];

function versions(path: string): number[] {
  const db = openDatabase(path, { readonly: true });
  const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  db.close();
  return rows.map((r) => r.version);
}

function fileBytes(path: string): Buffer {
  return readFileSync(path);
}

/** Closes cleanly so the WAL is folded into the main file before we compare bytes. */
function checkpointAndClose(path: string): void {
  const db = openDatabase(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('migrations', () => {
  it('creates every table on an empty file, in WAL mode', () => {
    const path = join(tmp(), 'db.sqlite');
    const db = openWorkbenchDatabase(path, { migrations: WITH_2 });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['environments', 'customers', 'connections', 'requests', 'requests_fts', 'events', 'snapshots', 'extra']) {
      expect(tables).toContain(t);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(versions(path)).toEqual(ALL);
  });

  it('upgrades a copy at every earlier version and keeps its rows', () => {
    for (let upTo = 0; upTo <= MIGRATIONS.length; upTo++) {
      const path = join(tmp(), 'db.sqlite');
      const older = WITH_2.slice(0, upTo);
      if (older.length > 0) {
        const db = openWorkbenchDatabase(path, { migrations: older });
        db.prepare(
          "INSERT INTO environments (id, name, kind, created_at, updated_at) VALUES ('env1', 'Local', 'local-simulator', 1, 1)",
        ).run();
        db.close();
      }
      const db = openWorkbenchDatabase(path, { migrations: WITH_2 });
      db.close();
      expect(versions(path)).toEqual(ALL);
      if (older.length > 0) {
        const check = openDatabase(path, { readonly: true });
        expect(check.prepare('SELECT name FROM environments').all()).toEqual([{ name: 'Local' }]);
        check.close();
      }
    }
  });

  it('is a no-op on an up-to-date database', () => {
    const path = join(tmp(), 'db.sqlite');
    openWorkbenchDatabase(path).close();
    checkpointAndClose(path);
    const before = fileBytes(path);
    openWorkbenchDatabase(path).close();
    checkpointAndClose(path);
    expect(fileBytes(path).equals(before)).toBe(true);
  });

  it('stops on a database from a newer version with the file unchanged', () => {
    const path = join(tmp(), 'db.sqlite');
    openWorkbenchDatabase(path, { migrations: WITH_2 }).close();
    checkpointAndClose(path);
    const before = fileBytes(path);
    const attempt = () => openWorkbenchDatabase(path, { migrations: MIGRATIONS });
    expect(attempt).toThrow(DatabaseOpenError);
    expect(attempt).toThrow(new RegExp(`newer version of Finch Workbench \\(schema ${NEXT}; this version knows up to ${NEXT - 1}\\)`));
    expect(fileBytes(path).equals(before)).toBe(true);
  });

  it('stops on a checksum mismatch with the file unchanged', () => {
    const path = join(tmp(), 'db.sqlite');
    openWorkbenchDatabase(path, { migrations: WITH_2 }).close();
    checkpointAndClose(path);
    const before = fileBytes(path);
    const edited = [...MIGRATIONS, { ...m002, sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY, x TEXT);' }];
    expect(() => openWorkbenchDatabase(path, { migrations: edited })).toThrow(
      new RegExp(`migration ${NEXT} \\(test-extra\\) with a different checksum`),
    );
    expect(fileBytes(path).equals(before)).toBe(true);
  });

  it('stops on a damaged file with the file unchanged', () => {
    const dir = tmp();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.from('this is not a database at all, just some bytes'.repeat(100)));
    const before = fileBytes(garbage);
    expect(() => openWorkbenchDatabase(garbage)).toThrow(/damaged or is not a Finch Workbench database/);
    expect(fileBytes(garbage).equals(before)).toBe(true);

    // A real database with its middle pages overwritten.
    const good = join(dir, 'good.sqlite');
    const db = openWorkbenchDatabase(good);
    const insert = db.prepare("INSERT INTO events (time, environment_id, type) VALUES (?, 'env', 'x')");
    for (let i = 0; i < 2000; i++) insert.run(i);
    db.close();
    checkpointAndClose(good);
    const broken = join(dir, 'broken.sqlite');
    copyFileSync(good, broken);
    const bytes = fileBytes(broken);
    bytes.fill(0xab, 4096 * 3, 4096 * 6);
    writeFileSync(broken, bytes);
    expect(() => openWorkbenchDatabase(broken)).toThrow(DatabaseOpenError);
    expect(fileBytes(broken).equals(bytes)).toBe(true);
  });
});
