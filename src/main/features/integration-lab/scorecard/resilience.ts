/**
 * Two answers a sync must ride out. All-null data ("Most data points returned by the API are
 * nullable"): the app keeps going to its next call instead of stopping (crashing) on it.
 * 202 "data sync in progress" (assisted connections, first sync): the app asks again later, not
 * in a loop.
 */
import type { Injection, ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, describeCall, evidence, groupBy, isSuccess, line, ms, plural, requestShapeOf } from './calls';
import { FOLLOW_UP_GRACE_MS, MAX_SYNC_RETRIES_PER_MINUTE, SYNC_RETRY_MIN_GAP_MS } from './thresholds';

export const NULLABLE_FIELDS: LineHead = {
  id: 'nullable-fields',
  checklist:
    'Most data points returned by the API are nullable. Ensure your integration is resilient to type of data by handling API responses properly.',
  title: 'After an answer with every nullable field null, the app carries on with its next calls',
};

export const SYNC_IN_PROGRESS: LineHead = {
  id: 'sync-in-progress',
  checklist: 'Your application should expect and handle different error types from Finch APIs.',
  title: '202 "data sync in progress" asked again later, not hammered',
};

/**
 * Which calls got an all-null answer. Only the proxy knows (it rewrote the body), so it is read
 * from the rule that shaped the answer: `injectedBy` names a rule, whose kind the caller passes
 * (a rule may also be named after its kind, as presets do).
 */
export function allNullAnswers(calls: readonly ObservedCall[], ruleKinds: ReadonlyMap<string, Injection>): ObservedCall[] {
  return calls.filter((c) => c.injectedBy !== null && isSuccess(c) && (ruleKinds.get(c.injectedBy) ?? c.injectedBy) === 'all_null');
}

export function nullableLine(calls: readonly ObservedCall[], now: number, ruleKinds: ReadonlyMap<string, Injection>): ScorecardLine {
  const limits =
    'Traffic shows the app made its next call, not that it stored or displayed the nulls correctly (or did not store garbage). ' +
    'If the nulled answer was the last call the app needed, no next call is expected: null an endpoint early in its work. ' +
    'Only answers the proxy nulled (an all_null rule) are judged.';
  const nulled = allNullAnswers(calls, ruleKinds);
  if (nulled.length === 0) return line(NULLABLE_FIELDS, 'not_observed', 'No all-null answers injected (add an all_null rule).', [], limits);
  const stopped: Evidence[] = [];
  const carried: ObservedCall[] = [];
  let pending = 0;
  for (const answer of nulled) {
    const answered = answeredAt(answer);
    const caller = (c: ObservedCall) =>
      answer.connectionKey !== null ? c.connectionKey === answer.connectionKey : c.clientId === answer.clientId;
    const next = calls.find((c) => caller(c) && c.at >= answered && c.path !== answer.path);
    if (next) {
      carried.push(answer, next);
      continue;
    }
    // The app went on elsewhere (another connection) or had time to: this connection's work stopped here.
    const elsewhere = calls.find((c) => !caller(c) && c.at >= answered);
    if (elsewhere || now - answered > FOLLOW_UP_GRACE_MS) {
      const why = elsewhere ? 'while it went on calling for another connection' : `in the ${ms(now - answered)} since`;
      stopped.push(
        evidence(
          `${describeCall(answer)} (all nulls): no further call for this connection ${why}`,
          elsewhere ? [answer, elsewhere] : [answer],
        ),
      );
    } else pending++;
  }
  const tally = plural(nulled.length, 'all-null answer');
  if (stopped.length > 0) return line(NULLABLE_FIELDS, 'fail', `The app stopped after ${stopped.length} of ${tally}.`, stopped, limits);
  if (carried.length === 0) return line(NULLABLE_FIELDS, 'not_observed', `${tally} moments ago; no next call yet.`, [], limits);
  const waiting = pending > 0 ? ` (${pending} moments ago, not judged yet)` : '';
  return line(
    NULLABLE_FIELDS,
    'pass',
    `After ${tally} the app went on to its next call${waiting}.`,
    [evidence('All-null answers and the call after each', carried)],
    limits,
  );
}

const isSyncInProgress = (c: ObservedCall) => c.status === 202;

export function syncInProgressLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'Per-item 202s inside a batch answer are not visible (they count as successes). Not asking again is also acceptable (the app may wait for a webhook); traffic cannot show that the app ever came back.';
  const accepted = calls.filter(isSyncInProgress);
  if (accepted.length === 0) return line(SYNC_IN_PROGRESS, 'not_observed', 'No 202 "data sync in progress" answers seen.', [], limits);
  const hammered: Evidence[] = [];
  const patient: ObservedCall[] = [];
  for (const series of groupBy(calls, requestShapeOf).values()) {
    const answers = series.filter(isSyncInProgress);
    if (answers.length === 0) continue;
    const early: string[] = [];
    const involved: ObservedCall[] = [];
    for (const answer of answers) {
      const next = series.find((c) => c !== answer && c.at >= answeredAt(answer));
      if (!next) continue;
      const gap = next.at - answeredAt(answer);
      if (gap < SYNC_RETRY_MIN_GAP_MS) {
        early.push(ms(gap));
        involved.push(answer, next);
      } else patient.push(answer, next);
    }
    // Even politely spaced, more than a few repeats a minute of a call that keeps answering 202 is a loop.
    const busiest = Math.max(...answers.map((a) => answers.filter((b) => b.at >= a.at && b.at < a.at + 60_000).length));
    const first = answers[0]!;
    if (early.length > 0)
      hammered.push(
        evidence(
          `${describeCall(first)} asked again ${plural(early.length, 'time')} under ${ms(SYNC_RETRY_MIN_GAP_MS)} (after ${early.join(', ')})`,
          [...new Set(involved)],
        ),
      );
    else if (busiest > MAX_SYNC_RETRIES_PER_MINUTE + 1)
      hammered.push(evidence(`${describeCall(first)} answered 202 ${busiest} times within a minute`, answers));
  }
  const tally = plural(accepted.length, '202 answer');
  if (hammered.length > 0) return line(SYNC_IN_PROGRESS, 'fail', `Hammered while the sync ran. ${tally}.`, hammered, limits);
  const retried = patient.length / 2;
  return line(
    SYNC_IN_PROGRESS,
    'pass',
    `${tally}; ${retried > 0 ? `asked again ${plural(retried, 'time')}, each at least ${ms(SYNC_RETRY_MIN_GAP_MS)} later` : 'not asked again in this trace'}.`,
    [evidence('202 answers and the next attempt', patient.length > 0 ? patient : accepted)],
    limits,
  );
}
