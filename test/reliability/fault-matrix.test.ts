/**
 * The simulator's fault matrix against the app's read path (the explorer's company read, as the
 * renderer calls it through the IPC guard): 429 storms, 5xx, timeouts, dropped connections,
 * malformed JSON, 202 and reauth. For each: no unhandled rejection, the reply is structured
 * data the UI can show, and every attempt is in the request log — with Finch's request id
 * wherever Finch answered at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import type { Result } from '@shared/ipc/contract-kit';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { createIpcGuard } from '@main/platform/ipc/guard';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let core: WorkbenchCore;
let dispatch: (channel: string, payload: unknown) => Promise<Result<unknown>>;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  core = await startTestCore('faults');
  const guard = createIpcGuard({ contract, handlers: core.handlers, isTrustedSender: () => true });
  const sender = { origin: 'app://workbench', isMainFrame: true, id: 'webContents:1' };
  dispatch = (channel, payload) => guard.dispatch(channel, payload, sender);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await core.close();
});

interface Case {
  name: string;
  fault: Record<string, unknown>;
  /** The error kind the UI shows, or 'accepted' for a 202 passed on as data. */
  expect: string;
  /** Whether Finch answered (so a request id exists). */
  answered: boolean;
}

const CASES: Case[] = [
  {
    name: '429 past every retry',
    fault: { kind: 'rate_limit', count: 3, retry_after_seconds: 0, finch_code: 'finch_application_rl' },
    expect: 'rate_limited',
    answered: true,
  },
  { name: '500 past every retry', fault: { kind: 'error', status: 500, count: 3 }, expect: 'finch_error', answered: true },
  { name: '503 twice, then recovery', fault: { kind: 'error', status: 503, count: 2 }, expect: 'ok', answered: true },
  {
    name: 'timeouts (hung up without an answer)',
    fault: { kind: 'timeout', latency_ms: 50, count: 3 },
    expect: 'network',
    answered: false,
  },
  { name: 'dropped connections', fault: { kind: 'drop', count: 3 }, expect: 'network', answered: false },
  { name: 'malformed JSON', fault: { kind: 'malformed_json', count: 1 }, expect: 'finch_error', answered: true },
  {
    name: '202 sync in progress',
    fault: { kind: 'accepted', count: 1, finch_code: 'data_sync_in_progress' },
    expect: 'accepted',
    answered: true,
  },
  { name: '401 reauthenticate_user', fault: { kind: 'reauth', count: 1 }, expect: 'reauth_required', answered: true },
];

describe('fault matrix on the explorer read path', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.expect === 'ok' || c.expect === 'accepted' ? c.expect : `a ${c.expect} error`} the UI can show, every attempt logged`, async () => {
      const connection = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3 });
      core.simulator!.admin.addFault({ ...c.fault, path: '/employer/company' });
      const before = Date.now();
      const reply = await dispatch('explorer:company', { connectionId: connection.id });
      core.simulator!.admin.clearFaults();
      const attempts = core.requestLog
        .search({ environmentId: 'local', connectionId: connection.id, limit: 20 })
        .filter((a) => a.path === '/employer/company' && a.time >= before - 5);
      expect(attempts.length).toBeGreaterThanOrEqual(1);
      if (c.answered) expect(attempts.every((a) => typeof a.requestId === 'string' && a.requestId.length > 0)).toBe(true);
      else expect(attempts.every((a) => a.outcome === 'network' && a.requestId === null && (a.message ?? '').length > 0)).toBe(true);

      if (c.expect === 'ok' || c.expect === 'accepted') {
        expect(reply.ok).toBe(true);
        const value = (reply as { ok: true; value: { status: number; requestId: string | null } }).value;
        expect(value.status).toBe(c.expect === 'ok' ? 200 : 202);
        expect(value.requestId).toBe(attempts[0]!.requestId);
        return;
      }
      expect(reply.ok).toBe(false);
      const error = (reply as { ok: false; error: { kind: string; message: string; requestId?: string } }).error;
      expect(error.kind).toBe(c.expect);
      expect(error.message.length).toBeGreaterThan(10);
      // The error names the request id of the last attempt, the one Finch support needs.
      if (c.answered) expect(error.requestId).toBe(attempts[0]!.requestId);
    }, 20_000);
  }

  it('left no unhandled rejection behind', () => {
    expect(unhandled).toEqual([]);
  });
});
