/**
 * A snapshot's parts go through their own connection (openBulkWriter) with SQLite's small page
 * cache, so a big pull does not fill the main connection's 64 MiB cache. The parts must land in
 * the same file, read back through the main connection, and keep the foreign key to their
 * snapshot; a database in memory has no second connection and keeps using the main one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openBulkWriter, openWorkbenchDatabase } from '@main/platform/storage/database';
import { SnapshotStore } from '@main/features/snapshots/snapshot-store';
import type { NewSnapshot } from '@main/features/snapshots/snapshot-store';
import { decodePart, encodePart } from '@main/features/snapshots/part-codec';

const header: NewSnapshot = {
  connectionId: 'conn-1',
  providerId: 'finch',
  customerId: null,
  customerName: null,
  label: null,
  takenAt: 1,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  counts: { people: 1, individuals: 0, employments: 0, payments: 0, payStatements: 0, itemErrors: 0 },
  products: {},
  requestIds: [],
  calls: 1,
};

const open: Database.Database[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0).reverse()) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDatabase(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-writer-'));
  dirs.push(dir);
  const db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  open.push(db);
  return db;
}

describe('the snapshot parts connection', () => {
  it('writes parts into the same file, read back through the main connection, with a small page cache', async () => {
    const db = fileDatabase();
    const bulk = openBulkWriter(db)!;
    open.push(bulk);
    expect(bulk).not.toBe(db);
    expect(bulk.pragma('cache_size', { simple: true })).toBe(-2048);
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
    const store = new SnapshotStore(db, bulk);
    const id = store.begin('local', header);
    const records = JSON.stringify([{ id: 'p1', first_name: 'Ada' }]);
    store.addPart(id, 0, 'directory', 1, await encodePart(Buffer.from(records)), null, 'br');
    const part = store.part(id, 0)!;
    expect(decodePart(part).toString('utf8')).toBe(records);
    expect([...store.parts(id)].map((p) => p.kind)).toEqual(['directory']);
  });

  it('keeps the foreign key: a part for a snapshot that does not exist is refused', async () => {
    const db = fileDatabase();
    const bulk = openBulkWriter(db)!;
    open.push(bulk);
    const store = new SnapshotStore(db, bulk);
    const data = await encodePart(Buffer.from('[]'));
    expect(() => store.addPart(9_999, 0, 'directory', 0, data, null, 'br')).toThrow(/FOREIGN KEY/);
  });

  it('is not opened for a database in memory (a second connection would see another, empty one)', () => {
    const db = openWorkbenchDatabase(':memory:');
    open.push(db);
    expect(openBulkWriter(db)).toBeNull();
  });
});
