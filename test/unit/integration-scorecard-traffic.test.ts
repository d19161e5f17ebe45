/**
 * Scorecard rules about the shape of traffic: rate limits, Retry-After, 5xx retries, batch
 * resends, 202 sync-in-progress. Each rule gets a trace that passes and one that fails.
 */
import { describe, expect, it } from 'vitest';
import { scorecard } from '@main/features/integration-lab/scorecard';
import { call, lineOf, linkedLogIds, series, T0 } from './observed-calls';

describe('scorecard: an empty trace', () => {
  it('observes nothing, and keeps the lines only a person can tick as manual', () => {
    const card = scorecard([], T0);
    expect(card).toMatchObject({ generatedAt: T0, calls: 0 });
    const byStatus = (status: string) => card.lines.filter((l) => l.status === status).map((l) => l.id);
    expect(byStatus('not_observed')).toEqual([
      'rate-limit-window',
      'rate-limit-retry-after',
      'server-error-retries',
      'reauthentication-flow',
      'batch-item-errors',
      'sync-in-progress',
      'nullable-fields',
      'code-exchange-server-side',
      'credentials-server-side',
      'introspect-new-tokens',
    ]);
    expect(byStatus('manual')).toContain('finch-request-id');
    expect(byStatus('manual')).toContain('connect-messaging');
    expect(byStatus('pass')).toEqual([]);
    expect(byStatus('fail')).toEqual([]);
  });
});

describe('rate-limit-window', () => {
  it('passes 20 company calls in a minute (the limit) and says how busy the minute was', () => {
    const l = lineOf(series(20, 2_900), 'rate-limit-window');
    expect(l.status).toBe('pass');
    expect(l.summary).toMatch(/busiest minute 20 of 20 calls to company/);
  });

  it('fails the 21st company call within 60 s, linking the calls of that window', () => {
    const calls = series(21, 2_900);
    const l = lineOf(calls, 'rate-limit-window');
    expect(l.status).toBe('fail');
    expect(l.summary).toMatch(/21 calls to company in 60 s \(limit 20\)/);
    expect(linkedLogIds(l)).toEqual(calls.map((c) => c.logId));
  });

  it("uses the product's own limit: 13 pay-statement calls a minute is over 12", () => {
    const calls = series(13, 1_000, { method: 'POST', path: '/employer/pay-statement', product: 'pay_statement' });
    expect(lineOf(calls, 'rate-limit-window').status).toBe('fail');
    expect(lineOf(calls.slice(0, 12), 'rate-limit-window').status).toBe('pass');
  });

  it('lets a call exactly 60 s after another start a new window, and counts connections apart', () => {
    const spaced = [...series(20, 100), ...series(20, 100, {}, 60_000)];
    expect(lineOf(spaced, 'rate-limit-window').status).toBe('pass');
    const twoConnections = [...series(15, 100), ...series(15, 100, { connectionKey: 'conn-b' })];
    expect(lineOf(twoConnections, 'rate-limit-window').status).toBe('pass');
  });

  it('counts per application too when the proxy knows the client_id', () => {
    const calls = [...series(15, 100, { clientId: 'app-1' }), ...series(15, 100, { clientId: 'app-1', connectionKey: 'conn-b' })];
    const l = lineOf(calls, 'rate-limit-window');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/30 calls to company .* from application app-1/);
  });

  it('does not grade unthrottled paths', () => {
    expect(lineOf(series(50, 10, { path: '/introspect' }), 'rate-limit-window').status).toBe('not_observed');
  });
});

describe('rate-limit-retry-after', () => {
  const rejected = (at: number) => call({ at, status: 429, retryAfterMs: 2_000, finchCode: 'finch_application_rl' });

  it('passes when the next call to that product waited Retry-After', () => {
    const l = lineOf([rejected(0), call({ at: 2_030 })], 'rate-limit-retry-after');
    expect(l.status).toBe('pass');
  });

  it('fails a call made before Retry-After ran out, naming both calls', () => {
    const first = rejected(0);
    const early = call({ at: 500 });
    const l = lineOf([first, early], 'rate-limit-retry-after');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/Retry-After 2\.0 s; the next call to company came 480 ms later/);
    expect(linkedLogIds(l)).toEqual([first.logId, early.logId]);
  });

  it('ignores calls already in flight when the 429 arrived and calls to other products', () => {
    const inFlight = call({ at: 5, durationMs: 100 });
    const other = call({ at: 100, path: '/employer/directory' });
    expect(lineOf([rejected(0), inFlight, other, call({ at: 2_100 })], 'rate-limit-retry-after').status).toBe('pass');
  });

  it('has nothing to grade without a 429 carrying Retry-After', () => {
    expect(lineOf([call({ status: 429 }), call({ at: 1 })], 'rate-limit-retry-after').status).toBe('not_observed');
  });
});

describe('server-error-retries', () => {
  const failing = { path: '/employer/directory', status: 500, finchCode: 'server_error' };

  it("passes Finch's SDK pattern: two retries backing off 0.5 s then 1 s", () => {
    const calls = [call({ ...failing, at: 0 }), call({ ...failing, at: 520 }), call({ path: '/employer/directory', at: 1_560 })];
    const l = lineOf(calls, 'server-error-retries');
    expect(l.status).toBe('pass');
    expect(l.evidence[0]!.text).toMatch(/2 retries, waits 500 ms, 1\.0 s/);
  });

  it('fails a tight loop, linking every attempt', () => {
    const calls = [...series(3, 25, failing), call({ path: '/employer/directory', at: 75 })];
    const l = lineOf(calls, 'server-error-retries');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/tight loop/);
    expect(linkedLogIds(l)).toEqual(calls.map((c) => c.logId));
  });

  it('fails more than 5 retries even when spaced out', () => {
    const calls = Array.from({ length: 7 }, (_, i) => call({ ...failing, at: 1_000 * (2 ** i - 1) }));
    expect(lineOf(calls, 'server-error-retries').evidence[0]!.text).toMatch(/retried 6 times/);
  });

  it('fails retries that wait but do not back off', () => {
    const calls = [0, 1_020, 2_040, 3_060].map((at) => call({ ...failing, at }));
    expect(lineOf(calls, 'server-error-retries').evidence[0]!.text).toMatch(/does not grow/);
  });

  it('treats an attempt that got no answer like a 5xx, and a later successful read as a new request', () => {
    const calls = [call({ status: null, durationMs: 30_000 }), call({ at: 31_000 }), call({ at: 31_100 })];
    expect(lineOf(calls, 'server-error-retries').status).toBe('pass');
  });
});

describe('batch-item-errors', () => {
  const batch = { method: 'POST', path: '/employer/employment', bodyKey: 'body-all' };

  it('passes retrying only the failed items (another body)', () => {
    const calls = [call({ ...batch, batchItemErrors: 2 }), call({ ...batch, bodyKey: 'body-failed-two', at: 600 })];
    expect(lineOf(calls, 'batch-item-errors').status).toBe('pass');
  });

  it('fails the same batch sent whole again and again after item errors', () => {
    const calls = [call({ ...batch, batchItemErrors: 2 }), ...series(3, 10, { ...batch, batchItemErrors: 2 }, 50)];
    const l = lineOf(calls, 'batch-item-errors');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/2 item errors; the same batch was then sent whole 3 more times/);
    expect(linkedLogIds(l)).toEqual(calls.map((c) => c.logId));
  });

  it('does not count the answer with item errors as its own resend when it was answered at once', () => {
    const calls = [call({ ...batch, batchItemErrors: 1, durationMs: 0 }), ...series(2, 1_000, batch, 100)];
    expect(lineOf(calls, 'batch-item-errors').status).toBe('pass');
  });

  it('allows a couple of whole resends, and the same batch on another connection', () => {
    const calls = [
      call({ ...batch, batchItemErrors: 1 }),
      ...series(2, 1_000, batch, 100),
      call({ ...batch, connectionKey: 'conn-b', at: 200 }),
    ];
    expect(lineOf(calls, 'batch-item-errors').status).toBe('pass');
  });
});

describe('sync-in-progress', () => {
  const syncing = { path: '/employer/payment', status: 202, finchCode: 'data_sync_in_progress' };

  it('passes asking again a few seconds later', () => {
    const l = lineOf(
      [call({ ...syncing }), call({ ...syncing, at: 2_000 }), call({ path: '/employer/payment', at: 6_000 })],
      'sync-in-progress',
    );
    expect(l.status).toBe('pass');
    expect(l.summary).toMatch(/asked again 2 times/);
  });

  it('fails asking again at once', () => {
    const calls = series(5, 30, syncing);
    const l = lineOf(calls, 'sync-in-progress');
    expect(l.status).toBe('fail');
    expect(l.evidence[0]!.text).toMatch(/asked again 4 times under 1\.0 s/);
  });

  it('fails a politely spaced loop that repeats many times a minute', () => {
    expect(lineOf(series(8, 1_100, syncing), 'sync-in-progress').status).toBe('fail');
  });
});
