/** Hand-built ObservedCalls for scorecard tests: a trace reads like the proxy's log. */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import { scorecard, type ScorecardOptions } from '@main/features/integration-lab/scorecard';

export const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
let nextLogId = 1;

/** One attempt; `at` is ms after T0. Defaults: a 20 ms 200 GET /employer/company on connection conn-a. */
export function call(overrides: Partial<ObservedCall> & { at?: number } = {}): ObservedCall {
  const logId = nextLogId++;
  return {
    logId,
    durationMs: 20,
    method: 'GET',
    path: '/employer/company',
    product: null,
    status: 200,
    requestId: `req-${logId}`,
    finchCode: null,
    retryAfterMs: null,
    clientId: null,
    connectionKey: 'conn-a',
    fromBrowser: false,
    sentClientSecret: false,
    codeKey: null,
    issuedTokenKey: null,
    batchItemErrors: 0,
    bodyKey: null,
    injectedBy: null,
    ...overrides,
    at: T0 + (overrides.at ?? 0),
  };
}

/** `count` calls spaced `everyMs` apart starting at `from`. */
export function series(count: number, everyMs: number, overrides: Partial<ObservedCall> = {}, from = 0): ObservedCall[] {
  return Array.from({ length: count }, (_, i) => call({ ...overrides, at: from + i * everyMs }));
}

/** The scorecard line with this id, graded `nowAfterMs` after T0 (default: an hour later). */
export function lineOf(calls: ObservedCall[], id: string, nowAfterMs = 3_600_000, options?: ScorecardOptions): ScorecardLine {
  const found = scorecard(calls, T0 + nowAfterMs, options).lines.find((l) => l.id === id);
  if (!found) throw new Error(`no scorecard line ${id}`);
  return found;
}

export const linkedLogIds = (l: ScorecardLine): number[] => l.evidence.flatMap((e) => e.logIds);
