import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { RequestLog } from '@main/platform/request-log/request-log';
import { toFtsQuery } from '@main/platform/request-log/statements';
import type { NewRequestLogEntry } from '@main/platform/request-log/types';

function entry(overrides: Partial<NewRequestLogEntry>): NewRequestLogEntry {
  return {
    callId: 'call-1',
    time: 1_000,
    environmentId: 'env-sandbox',
    connectionId: 'conn-a',
    method: 'GET',
    path: '/employer/company',
    product: 'company',
    status: 200,
    durationMs: 12.5,
    attempt: 1,
    requestId: 'req-0001',
    outcome: 'ok',
    errorName: null,
    finchCode: null,
    message: null,
    retryAfterMs: null,
    dataRetrieved: null,
    lastUpdateDate: null,
    lastUpdateResult: null,
    ...overrides,
  };
}

let log: RequestLog;
beforeEach(() => {
  log = new RequestLog(openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'log-')), 'db.sqlite')));
  log.append(
    entry({
      callId: 'c1',
      requestId: 'f1e2d3c4-aaaa',
      status: 500,
      outcome: 'server_error',
      errorName: 'InternalServerError',
      finchCode: 'server_error',
      time: 1000,
    }),
  );
  log.append(entry({ callId: 'c1', requestId: 'f1e2d3c4-bbbb', attempt: 2, time: 1600 }));
  log.append(
    entry({ callId: 'c2', path: '/employer/directory', product: 'directory', requestId: 'a9b8-cccc', time: 2000, connectionId: 'conn-b' }),
  );
  log.append(
    entry({
      callId: 'c3',
      path: '/employer/payment',
      product: 'payment',
      status: 429,
      outcome: 'rate_limited',
      finchCode: 'finch_application_rl',
      requestId: 'rl-dddd',
      time: 3000,
      retryAfterMs: 5000,
    }),
  );
  log.append(entry({ callId: 'c4', environmentId: 'env-prod', requestId: 'prod-eeee', time: 4000 }));
  log.append(
    entry({
      callId: 'c5',
      status: null,
      outcome: 'network',
      errorName: 'APIConnectionError',
      requestId: null,
      message: 'socket hang up',
      time: 5000,
    }),
  );
});

describe('RequestLog', () => {
  it('keeps each attempt of a call, in order, with its own request id', () => {
    const attempts = log.attemptsOf('c1');
    expect(attempts.map((a) => [a.attempt, a.status, a.requestId])).toEqual([
      [1, 500, 'f1e2d3c4-aaaa'],
      [2, 200, 'f1e2d3c4-bbbb'],
    ]);
  });

  it('tells listeners about every append (live tail)', () => {
    const seen: string[] = [];
    const off = log.onAppend((e) => seen.push(e.requestId ?? '-'));
    log.append(entry({ requestId: 'tail-1' }));
    off();
    log.append(entry({ requestId: 'tail-2' }));
    expect(seen).toEqual(['tail-1']);
  });

  it('filters by environment, connection, status class, product and time, newest first', () => {
    expect(log.search({ environmentId: 'env-prod' }).map((e) => e.requestId)).toEqual(['prod-eeee']);
    expect(log.search({ connectionId: 'conn-b' }).map((e) => e.requestId)).toEqual(['a9b8-cccc']);
    expect(log.search({ statusClass: '5xx' }).map((e) => e.requestId)).toEqual(['f1e2d3c4-aaaa']);
    expect(log.search({ statusClass: '4xx' }).map((e) => e.requestId)).toEqual(['rl-dddd']);
    expect(log.search({ statusClass: 'network' }).map((e) => e.message)).toEqual(['socket hang up']);
    expect(log.search({ product: 'payment' })).toHaveLength(1);
    expect(log.search({ from: 1500, to: 3000 }).map((e) => e.time)).toEqual([3000, 2000, 1600]);
    expect(log.search({ environmentId: 'env-sandbox', statusClass: '2xx' }).map((e) => e.requestId)).toEqual([
      'a9b8-cccc',
      'f1e2d3c4-bbbb',
    ]);
  });

  it('finds rows by any part of a request id, a path word or a Finch code', () => {
    expect(
      log
        .search({ text: 'f1e2d3c4' })
        .map((e) => e.attempt)
        .sort(),
    ).toEqual([1, 2]);
    expect(log.search({ text: 'f1e2d3c4-bbbb' }).map((e) => e.requestId)).toEqual(['f1e2d3c4-bbbb']);
    expect(log.search({ text: 'directory' }).map((e) => e.requestId)).toEqual(['a9b8-cccc']);
    expect(log.search({ text: 'finch_application_rl' }).map((e) => e.requestId)).toEqual(['rl-dddd']);
    expect(log.search({ text: 'hang' }).map((e) => e.outcome)).toEqual(['network']);
    expect(log.search({ text: 'employer payment' }).map((e) => e.requestId)).toEqual(['rl-dddd']);
    expect(log.search({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('treats FTS syntax in user text as plain words', () => {
    for (const nasty of ['"', 'NEAR(', 'a OR', '*', '-', 'path:x', "'; DROP TABLE requests; --", '((']) {
      expect(() => log.search({ text: nasty })).not.toThrow();
    }
    expect(log.count()).toBe(6);
    expect(toFtsQuery('  ')).toBeNull();
  });

  it('pages with beforeId without gaps or repeats', () => {
    const first = log.search({ limit: 4 });
    const second = log.search({ limit: 4, beforeId: first.at(-1)!.id });
    const ids = [...first, ...second].map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('RequestLog paging under filters and time ranges', () => {
  it('pages through filtered and time-bounded results without gaps', () => {
    const big = new RequestLog(openWorkbenchDatabase(join(mkdtempSync(join(tmpdir(), 'log-')), 'db.sqlite')));
    for (let i = 0; i < 50; i++)
      big.append(entry({ callId: `p${i}`, time: 10_000 + i, requestId: `page-${i}`, environmentId: i % 2 ? 'odd' : 'even' }));
    for (const query of [{ environmentId: 'odd' }, { text: 'page', environmentId: 'even' }, { from: 10_010, to: 10_039 }]) {
      const seen: number[] = [];
      let beforeId: number | undefined;
      for (;;) {
        const page = big.search({ ...query, limit: 7, ...(beforeId ? { beforeId } : {}) });
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.time));
        beforeId = page.at(-1)!.id;
      }
      const expected = Array.from({ length: 50 }, (_, i) => 10_000 + i)
        .filter((t) =>
          'environmentId' in query ? (t - 10_000) % 2 === (query.environmentId === 'odd' ? 1 : 0) : t >= 10_010 && t <= 10_039,
        )
        .reverse();
      expect(seen).toEqual(expected);
    }
  });
});
