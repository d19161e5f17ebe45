/**
 * Reading ObservedCalls the way every scorecard rule needs: when an answer arrived, which Finch
 * product and connection a call counts against, which calls are "the same request" again, and
 * how to turn calls into evidence the screen can link to request log rows.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import { PRODUCT_LIMITS, productForPath } from '@main/platform/finch/products';

export type Evidence = ScorecardLine['evidence'][number];

/** The checklist line a rule answers and its own name. */
export interface LineHead {
  id: string;
  checklist: string;
  title: string;
}

/** Evidence lists stay readable and exports stay small: the first calls prove the point. */
const MAX_EVIDENCE_CALLS = 40;

/** When the app had the answer (request start + duration): later calls could have reacted to it. */
export const answeredAt = (call: ObservedCall): number => call.at + call.durationMs;

/** Finch's rate-limit bucket, named as the app's limiter names it (`pay-statement`, not `pay_statement`). */
export function productOf(call: ObservedCall): string | null {
  const product = call.product ?? productForPath(call.path);
  return product === null ? null : product.replace(/_/g, '-');
}

export function limitFor(call: ObservedCall): number | null {
  const product = productOf(call);
  return product === null ? null : (PRODUCT_LIMITS[product] ?? null);
}

/** Calls that read or write a connection's data (what must stop once the connection needs reauthentication). */
export function isDataCall(call: ObservedCall): boolean {
  return /^\/(employer|jobs|forward|payroll)(\/|$)/.test(call.path);
}

export const isServerError = (call: ObservedCall): boolean => call.status === null || call.status >= 500;
export const isSuccess = (call: ObservedCall): boolean => call.status !== null && call.status >= 200 && call.status < 300;

/** Who made the call: the connection when a bearer token was sent, else the application. */
export function callerOf(call: ObservedCall): string {
  if (call.connectionKey !== null) return `connection ${call.connectionKey}`;
  if (call.clientId !== null) return `application ${call.clientId}`;
  return 'an unidentified caller';
}

/** Calls that are the same request sent again: same caller, method, path and body. */
export const requestShapeOf = (call: ObservedCall): string =>
  [call.connectionKey ?? '', call.clientId ?? '', call.method, call.path, call.bodyKey ?? ''].join('|');

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The first call of `candidates` (sorted by start) that started once `after`'s answer had arrived. */
export function nextAfterAnswer(after: ObservedCall, candidates: readonly ObservedCall[]): ObservedCall | null {
  const answered = answeredAt(after);
  return candidates.find((c) => c !== after && c.at >= answered) ?? null;
}

export function evidence(text: string, calls: readonly ObservedCall[]): Evidence {
  const shown = calls.slice(0, MAX_EVIDENCE_CALLS);
  return {
    text: calls.length > shown.length ? `${text} (first ${shown.length} of ${calls.length} calls linked)` : text,
    logIds: shown.map((c) => c.logId).filter((id): id is number => id !== null),
    requestIds: shown.map((c) => c.requestId).filter((id): id is string => id !== null),
  };
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(0)} s` : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export const plural = (count: number, word: string): string =>
  `${count} ${count === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

export function describeCall(call: ObservedCall): string {
  return `${call.method} ${call.path} → ${call.status ?? 'no answer'}`;
}

/** Builds a line; `limits` says what the verdict cannot prove. */
export function line(
  head: LineHead,
  status: ScorecardLine['status'],
  summary: string,
  proof: Evidence[],
  limits: string | null,
): ScorecardLine {
  return { ...head, status, summary, evidence: proof, limits };
}
