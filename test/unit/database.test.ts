import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding, openDatabase } from '@main/platform/storage/database';

describe('better-sqlite3 under Node', () => {
  it('opens a file in WAL mode with FTS5, and a second connection reads what the first committed', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'workbench-db-')), 'workbench.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // 64 MiB of page cache, not SQLite's 2 MiB: a ten-million-row log's index pages stay in memory between searches.
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
    db.exec('CREATE VIRTUAL TABLE requests_fts USING fts5(path, finch_request_id)');
    db.prepare('INSERT INTO requests_fts VALUES (?, ?)').run('/employer/directory', 'req_abc123');
    const reader = openDatabase(path, { readonly: true });
    const hit = reader.prepare('SELECT finch_request_id FROM requests_fts WHERE requests_fts MATCH ?').get('directory') as
      { finch_request_id: string } | undefined;
    expect(hit?.finch_request_id).toBe('req_abc123');
    reader.close();
    db.close();
  });

  it('reports a wrong native binding clearly instead of crashing', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'workbench-db-')), 'x.sqlite');
    expect(() => openDatabase(path, { nativeBinding: '/nonexistent/better_sqlite3.node' })).toThrow();
  });

  it('finds no Electron-ABI build in a folder without one', () => {
    expect(electronNativeBinding(mkdtempSync(join(tmpdir(), 'app-')))).toBeUndefined();
  });
});
