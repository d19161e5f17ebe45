/**
 * What refers to request log rows after pruning took some of them: search, the support bundle
 * (a window over pruned rows, a focus on a pruned row), the Integration lab's calls (live and
 * rebuilt after a restart), the readiness report and the size report. A setting change prunes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { LOCAL_ENVIRONMENT_ID } from '@main/platform/workspace/environment-service';
import type { Attempt } from '@main/features/integration-lab/recorder';
import { LabRecorder } from '@main/features/integration-lab/recorder';
import type { NewRequestLogEntry } from '@main/platform/request-log/types';
import { DAY_MS } from '@shared/domain/log-retention';

const NOW = Date.now();
const OLD = NOW - 200 * DAY_MS;
const YOUNG = NOW - DAY_MS;
let core: WorkbenchCore;
const ids: { oldFailure: number; youngFailure: number; youngRows: number[] } = { oldFailure: 0, youngFailure: 0, youngRows: [] };

function attempt(time: number, tag: string, failed = false): NewRequestLogEntry {
  return {
    callId: `call-${tag}`,
    time,
    environmentId: LOCAL_ENVIRONMENT_ID,
    connectionId: null,
    method: 'GET',
    path: `/employer/company?marker=${tag}`,
    product: 'company',
    status: failed ? 500 : 200,
    durationMs: 12,
    attempt: 1,
    requestId: `req-${tag}`,
    outcome: failed ? 'server_error' : 'ok',
    errorName: failed ? 'InternalServerError' : null,
    finchCode: failed ? 'server_error' : null,
    message: null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

function labAttempt(at: number, requestId: string): Attempt {
  return {
    at,
    durationMs: 8,
    method: 'GET',
    path: '/employer/directory',
    pathWithQuery: '/employer/directory',
    product: 'directory',
    status: 200,
    requestId,
    finchCode: null,
    retryAfterMs: null,
    clientId: 'your-client',
    connectionKey: 'conn-key',
    fromBrowser: false,
    sentClientSecret: false,
    codeKey: null,
    issuedTokenKey: null,
    batchItemErrors: 0,
    bodyKey: null,
    injectedBy: null,
    environmentId: LOCAL_ENVIRONMENT_ID,
    attempt: 1,
    errorName: null,
    message: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
  };
}

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: '9.9.9',
      runtime: 'browser-harness',
      platform: 'linux x64',
      dataFolder: mkdtempSync(join(tmpdir(), 'retention-refs-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    embeddedSimulator: false,
    log: () => {},
  });
  const log = core.requestLog;
  for (let i = 0; i < 30; i++) log.append(attempt(OLD + i, `oldmarker${i}`));
  ids.oldFailure = log.append(attempt(OLD + 100, 'oldfailure', true)).id;
  core.integrationLab.recorder.record(labAttempt(OLD + 200, 'req-lab-old'));
  for (let i = 0; i < 5; i++) ids.youngRows.push(log.append(attempt(YOUNG + i, `young${i}`)).id);
  ids.youngFailure = log.append(attempt(YOUNG + 100, 'youngfailure', true)).id;
  ids.youngRows.push(ids.youngFailure);
  // The recorder writes behind the traffic; list() flushes, so the call has its log row.
  core.integrationLab.recorder.record(labAttempt(YOUNG + 200, 'req-lab-young'));
  ids.youngRows.push(core.integrationLab.recorder.list().at(-1)!.logId!);

  // Saving the setting is what prunes: nothing else asks for it here.
  core.settings.update({ requestLogRetention: { maxAgeDays: 30, maxRows: null } });
  await vi.waitFor(() => expect(core.requestLog.count()).toBe(ids.youngRows.length), { timeout: 5_000 });
}, 30_000);
afterAll(() => core.close());

describe('after pruning', () => {
  it('saving a shorter retention pruned exactly the rows older than it', () => {
    expect(core.requestLog.count()).toBe(ids.youngRows.length);
    expect(core.requestLog.search({}).map((r) => r.id)).toEqual([...ids.youngRows].reverse());
  });

  it('search finds the kept rows and none of the pruned ones, text and filters alike', () => {
    expect(core.requestLog.search({ text: 'oldmarker1' })).toEqual([]);
    expect(core.requestLog.search({ text: 'young3' }).map((r) => r.requestId)).toEqual(['req-young3']);
    expect(core.requestLog.search({ environmentId: LOCAL_ENVIRONMENT_ID, statusClass: '5xx' }).map((r) => r.id)).toEqual([
      ids.youngFailure,
    ]);
    expect(core.requestLog.search({ from: 0, to: OLD + 1_000 })).toEqual([]);
  });

  it('a support bundle over a window that held pruned rows has the kept ones; one about a pruned failure says it is gone', () => {
    const selection = {
      environmentId: LOCAL_ENVIRONMENT_ID,
      connectionIds: [],
      includeUnscoped: true,
      from: OLD - DAY_MS,
      to: NOW,
      failedOnly: false,
    };
    const preview = core.support.preview(selection);
    expect(preview.counts.requests).toBe(ids.youngRows.length);
    expect(preview.counts.failed).toBe(1);

    expect(() => core.support.selectionForFailure(ids.oldFailure)).toThrow(/no longer in the log/);
    expect(() => core.support.preview({ ...selection, focusId: ids.oldFailure })).toThrow(/no longer in the log/);
    expect(core.support.preview(core.support.selectionForFailure(ids.youngFailure)).focus).not.toBeNull();
  });

  it("the lab's calls list keeps working, and rebuilt after a restart it holds only the kept calls", () => {
    expect(core.integrationLab.calls({}).map((c) => c.requestId)).toEqual(['req-lab-old', 'req-lab-young']);
    const restarted = new LabRecorder(core.db, core.requestLog, { background: false });
    restarted.restoreLatest();
    expect(restarted.list().map((c) => c.requestId)).toEqual(['req-lab-young']);
    expect(restarted.callsSeen).toBe(1);
    expect(core.integrationLab.scorecard(NOW)).toBeTruthy();
  });

  it('the readiness report still builds, and the size report says nothing more is due', () => {
    expect(() => core.readiness.report()).not.toThrow();
    const size = core.handlers.requestLog.size(undefined as never) as ReturnType<typeof core.logSize.measure>;
    expect(size).toMatchObject({ rows: ids.youngRows.length, oldestTime: YOUNG, pending: { byAge: 0, byCount: 0 } });
    expect(size.lastPrune?.deleted).toBe(32);
  });
});
