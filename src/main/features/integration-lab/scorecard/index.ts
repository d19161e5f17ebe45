/**
 * The Integration lab's scorecard: a pure function of what the proxy recorded. One line per item
 * of Finch's Successful Integration Checklist that traffic can show (pass / fail / not_observed,
 * with the calls that prove it and what the verdict cannot prove), then the items only a person
 * can tick (manual).
 */
import type { Injection, ObservedCall, Scorecard, ScenarioRule } from '@shared/domain/integration-lab';
import { batchLine } from './batches';
import { codeExchangeLine, credentialsLine, introspectLine } from './credentials';
import { manualLines, requestIdLine } from './manual';
import { rateWindowLine, retryAfterLine } from './rate-limits';
import { reauthenticationLine } from './reauthentication';
import { nullableLine, syncInProgressLine } from './resilience';
import { serverErrorLine } from './server-errors';

export interface ScorecardOptions {
  /** The scenario rules that were active: `injectedBy` names one, and only its kind says the answer was all-null. */
  rules?: readonly Pick<ScenarioRule, 'id' | 'inject'>[];
}

export function scorecard(calls: readonly ObservedCall[], now: number, options: ScorecardOptions = {}): Scorecard {
  // Rules read calls in the order they reached the proxy; the recorder may deliver them in answer order.
  const ordered = [...calls].sort((a, b) => a.at - b.at);
  const ruleKinds = new Map<string, Injection>((options.rules ?? []).map((r) => [r.id, r.inject]));
  return {
    generatedAt: now,
    calls: calls.length,
    lines: [
      rateWindowLine(ordered),
      retryAfterLine(ordered),
      serverErrorLine(ordered),
      reauthenticationLine(ordered, now),
      batchLine(ordered),
      syncInProgressLine(ordered),
      nullableLine(ordered, now, ruleKinds),
      codeExchangeLine(ordered),
      credentialsLine(ordered),
      introspectLine(ordered, now),
      requestIdLine(ordered),
      ...manualLines(),
    ],
  };
}
