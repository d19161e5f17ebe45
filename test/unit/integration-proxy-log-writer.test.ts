/**
 * The proxy's calls are logged off its thread: a request log that cannot take a write at the
 * moment (another connection holds SQLite's write lock: the headless proxy, a prune, a backup)
 * does not hold up your backend's calls, and once the lock is gone every call is in the log.
 * And if the background writer cannot start, the calls are logged on the main thread instead.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '@main/features/integration-lab/recorder';
import { LabRecorder } from '@main/features/integration-lab/recorder';
import { RequestLog } from '@main/platform/request-log/request-log';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import type { ProxyRig } from './integration-proxy-helpers';
import { startProxyRig } from './integration-proxy-helpers';

let rig: ProxyRig;
beforeAll(async () => {
  rig = await startProxyRig('proxy-log-writer');
});
afterAll(() => rig.close());

describe('logging behind the traffic', () => {
  it('keeps answering while another connection holds the write lock, and logs every call once it is free', async () => {
    const before = rig.core.integrationLab.calls({}).length;
    const rowsBefore = rig.core.requestLog.count();
    const holder = new Database(rig.core.db.name);
    holder.exec('BEGIN IMMEDIATE');
    try {
      // Each of these is answered and then recorded; on the proxy's thread the recording would
      // wait for the lock (busy timeout) with every other call behind it, then fail.
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${rig.proxyUrl}/employer/company`, { headers: { authorization: `Bearer ${rig.token}` } });
        expect(answer.status).toBe(200);
        await answer.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(holder.inTransaction).toBe(true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const calls = rig.core.integrationLab.calls({});
    expect(calls.length - before).toBe(3);
    expect(calls.slice(-3).every((c) => c.status === 200 && c.logId !== null)).toBe(true);
    expect(rig.core.requestLog.count() - rowsBefore).toBe(3);
    expect(rig.core.requestLog.get(calls.at(-1)!.logId!)).toMatchObject({ source: 'your_app', path: '/employer/company', status: 200 });
  });

  it('tells the live request log of each row the writer stored', async () => {
    const heard: string[] = [];
    const stop = rig.core.requestLog.onAppend((entry) => heard.push(`${entry.id} ${entry.path}`));
    try {
      const answer = await fetch(`${rig.proxyUrl}/employer/directory`, { headers: { authorization: `Bearer ${rig.token}` } });
      await answer.arrayBuffer();
      const call = rig.core.integrationLab.calls({}).at(-1)!;
      expect(heard).toEqual([`${call.logId} /employer/directory`]);
    } finally {
      stop();
    }
  });
});

describe('when the background writer cannot start', () => {
  it('logs the calls on the main thread, says so, and loses none', () => {
    const db = openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'lab-writer-')), 'workbench.sqlite'));
    const lines: string[] = [];
    const recorder = new LabRecorder(db, new RequestLog(db), { nativeBinding: '/no/such/better_sqlite3.node', log: (l) => lines.push(l) });
    try {
      recorder.record(attempt('req-1'));
      recorder.record(attempt('req-2'));
      const calls = recorder.list();
      expect(calls.map((c) => c.requestId)).toEqual(['req-1', 'req-2']);
      expect(calls.every((c) => c.logId !== null)).toBe(true);
      expect(lines.join('\n')).toMatch(/background writer could not open the database.*main thread/s);
      recorder.record(attempt('req-3'));
      expect(recorder.list().map((c) => c.requestId)).toEqual(['req-1', 'req-2', 'req-3']);
      expect((db.prepare('SELECT count(*) AS n FROM lab_calls').get() as { n: number }).n).toBe(3);
    } finally {
      db.close();
    }
  });
});

function attempt(requestId: string): Attempt {
  return {
    environmentId: 'local',
    at: Date.now(),
    durationMs: 3,
    method: 'GET',
    path: '/employer/company',
    pathWithQuery: '/employer/company',
    product: 'company',
    status: 200,
    requestId,
    finchCode: null,
    errorName: null,
    message: null,
    retryAfterMs: null,
    clientId: null,
    connectionKey: 'tok_0123456789abcdef',
    fromBrowser: false,
    sentClientSecret: false,
    codeKey: null,
    issuedTokenKey: null,
    batchItemErrors: 0,
    bodyKey: null,
    injectedBy: null,
    attempt: 1,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}
