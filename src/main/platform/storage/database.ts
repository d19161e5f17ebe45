/**
 * Opens the app's SQLite file with better-sqlite3. Electron needs the addon built for its own
 * ABI while tests run on Node's: the app passes `nativeBinding` pointing at the Electron build
 * (see `npm run rebuild:electron-sqlite` and the README); Node uses the package's default build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';
import { applyMigrations, databaseExists, DatabaseOpenError, verifyDatabase } from './migrate';

export { DatabaseOpenError };

export interface OpenDatabaseOptions {
  /** Path to a `better_sqlite3.node` built for the running runtime, when not the default one. */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const fresh = !options.readonly && !databaseExists(path);
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  if (fresh) {
    // Only possible before the first table (and before WAL): a new file gets incremental
    // auto_vacuum, so pages the request log's pruning frees can be handed back to the disk in
    // small steps; an existing file keeps reusing them (a full VACUUM never runs on the UI path).
    db.pragma('auto_vacuum = INCREMENTAL');
  }
  if (!options.readonly) {
    // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  // A page cache of 64 MiB instead of SQLite's 2 MiB: at ten million logged attempts the log's
  // indexes and search index run to gigabytes, and with 2 MiB every search and every append
  // read its index pages again (a filtered search took 2–3 times as long). Memory is used only
  // as pages are read. Not on the read-only probe: setting it reads the file's header, and a
  // damaged file must reach verifyDatabase's own message.
  if (!options.readonly) db.pragma('cache_size = -65536');
  return db;
}

/**
 * A second connection to the app's file, for bulk writes whose pages need not stay in memory:
 * a snapshot's parts, about 40 MB per 100,000-person pull. Written through the main connection
 * they filled its 64 MiB page cache (kept for the request log's indexes: see openDatabase),
 * which grew main by about 45 MB on the first big pull and pushed the log's index pages out.
 * This one keeps 2 MiB: a part is written once and read back only by a diff or an export. Null
 * for a database in memory (a second connection would open another, empty database) and when
 * it cannot be opened: the parts then go through the main connection, as before.
 */
export function openBulkWriter(db: Database.Database, nativeBinding?: string): Database.Database | null {
  if (db.memory) return null;
  let bulk: Database.Database | null = null;
  try {
    // The main connection's settings (WAL, synchronous, foreign keys, busy timeout), then a small cache.
    bulk = openDatabase(db.name, nativeBinding ? { nativeBinding } : {});
    bulk.pragma('cache_size = -2048');
    return bulk;
  } catch {
    bulk?.close();
    return null;
  }
}

/**
 * Where the Electron-ABI addon lives once prepared: `native/electron/better_sqlite3.node` next to
 * the app (`npm start` prepares it; see scripts/electron-sqlite/). In a packaged app the file is
 * unpacked beside app.asar (a native addon cannot be loaded from inside an archive), so the
 * `app.asar.unpacked` copy is preferred. Returns undefined when absent.
 */
export function electronNativeBinding(appRoot: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const candidate = join(appRoot, 'native', 'electron', 'better_sqlite3.node');
  const unpacked = candidate.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  if (unpacked !== candidate && exists(unpacked)) return unpacked;
  return exists(candidate) ? candidate : undefined;
}

export interface OpenWorkbenchDatabaseOptions {
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => number;
}

/**
 * Opens (creating if needed) the app database and brings its schema up to date. Checks run
 * on a read-only connection first, so a damaged file or one from a newer version is reported
 * (DatabaseOpenError) without a single byte written to it.
 */
export function openWorkbenchDatabase(path: string, options: OpenWorkbenchDatabaseOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  if (databaseExists(path)) {
    let probe: Database.Database;
    try {
      probe = openDatabase(path, { nativeBinding: options.nativeBinding, readonly: true });
    } catch (error) {
      throw new DatabaseOpenError('damaged', `The database ${path} could not be opened (${(error as Error).message}). It was not changed.`);
    }
    try {
      verifyDatabase(probe, migrations, path);
    } finally {
      probe.close();
    }
  }
  const db = openDatabase(path, { nativeBinding: options.nativeBinding });
  try {
    const applied = verifyDatabase(db, migrations, path);
    applyMigrations(db, migrations, applied, options.now ?? Date.now);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
