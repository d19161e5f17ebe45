/**
 * kill -9 in the middle of request-log and snapshot writes: a child process appends (each append its own
 * commit) and reports every committed id; the test SIGKILLs it mid-stream, then reopens the
 * file the way the app does (openWorkbenchDatabase). Expected: the database opens, passes
 * `PRAGMA integrity_check` and the FTS index's own check, every reported row is there (and
 * findable by its request id, also through the search index), nothing beyond the one append
 * that may have committed just before the kill. Several rounds on one file, so each round
 * also recovers the previous one's leftovers (WAL) before writing more.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { RequestLog } from '@main/platform/request-log/request-log';
import { SnapshotStore } from '@main/features/snapshots/snapshot-store';
import { openWorkbenchDatabase } from '@main/platform/storage/database';

const ROOT = resolve(__dirname, '../..');
const WRITER = join(__dirname, 'kill9-writer.ts');
/** Rows to see committed before the kill, per round (varied, so the kill lands at different points). */
const KILL_AFTER = [150, 1_700, 4_200, 900];
const dir = mkdtempSync(join(tmpdir(), 'kill9-'));
const dbPath = join(dir, 'workbench.sqlite');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Round {
  reported: { id: number; requestId: string }[];
  /** Snapshots the writer saw committed: id and the sha256 of their stored bytes. */
  snapshots: { id: number; sha: string }[];
  signal: NodeJS.Signals | null;
  walBytes: number;
}

/** Runs the writer until it has reported `killAfter` commits, then SIGKILLs it. */
function writeAndKill(round: number, killAfter: number): Promise<Round> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, String(round), '20000'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: Round['reported'] = [];
    const snapshots: Round['snapshots'] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const [first, second, third] = line.split(' ');
        if (first === 'S' && second && third) snapshots.push({ id: Number(second), sha: third });
        else if (first && second) reported.push({ id: Number(first), requestId: second });
      }
      if (!killed && reported.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL')
        fail(new Error(`writer ended with code ${String(code)} before the kill (${reported.length} rows):\n${stderr}`));
      const wal = `${dbPath}-wal`;
      done({ reported, snapshots, signal, walBytes: existsSync(wal) ? statSync(wal).size : 0 });
    });
  });
}

describe('request log and snapshots survive kill -9 mid-write', () => {
  const walSizes: number[] = [];

  KILL_AFTER.forEach((killAfter, round) => {
    it(`round ${round + 1}: killed after ${killAfter} commits, every reported row is there`, async () => {
      const { reported, snapshots, signal, walBytes } = await writeAndKill(round, killAfter);
      walSizes.push(walBytes);
      expect(signal).toBe('SIGKILL');
      expect(reported.length).toBeGreaterThanOrEqual(killAfter);

      const db = openWorkbenchDatabase(dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(() => db.exec("INSERT INTO requests_fts(requests_fts) VALUES('integrity-check')")).not.toThrow();
        const log = new RequestLog(db);
        const ids = reported.map((r) => r.id);
        const first = Math.min(...ids);
        const last = Math.max(...ids);
        const present = db.prepare('SELECT id, request_id AS requestId FROM requests WHERE id BETWEEN ? AND ?').all(first, last) as {
          id: number;
          requestId: string;
        }[];
        const byId = new Map(present.map((row) => [row.id, row.requestId]));
        const missing = reported.filter((r) => byId.get(r.id) !== r.requestId);
        expect(missing.slice(0, 5)).toEqual([]);
        // Nothing invented: at most the one append that committed between its COMMIT and its print.
        const beyond = db
          .prepare('SELECT count(*) AS n FROM requests WHERE id > ? AND request_id LIKE ?')
          .get(last, `kill9-r${round}-%`) as { n: number };
        expect(beyond.n).toBeLessThanOrEqual(1);
        // The search index took the last reported row in the same commit as the row itself.
        const lastRow = reported.at(-1)!;
        expect(log.search({ text: lastRow.requestId, limit: 5 }).map((e) => e.id)).toContain(lastRow.id);
        expect(log.findByRequestId(lastRow.requestId).map((e) => e.id)).toEqual([lastRow.id]);
        // Every snapshot reported committed is there, byte for byte.
        expect(snapshots.length).toBeGreaterThan(0);
        const store = new SnapshotStore(db);
        const damaged = snapshots.filter((s) => {
          const data = [...store.parts(s.id)][0]?.data;
          const complete = store.get('kill9', s.id)?.state === 'complete';
          return !complete || !data || createHash('sha256').update(data).digest('hex') !== s.sha;
        });
        expect(damaged).toEqual([]);
      } finally {
        db.close();
      }
    }, 40_000);
  });

  it('killed at least once with committed rows still only in the WAL (recovery was exercised)', () => {
    expect(walSizes.some((bytes) => bytes > 0)).toBe(true);
  });
});
