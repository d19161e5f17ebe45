/**
 * "Implement the troubleshooting tips to gracefully handle internal server errors": a 5xx (or
 * an attempt that got no answer: timeout, dropped connection) may be retried, a bounded number
 * of times, with a delay that grows, never in a tight loop. A retry is the same request (caller,
 * method, path, body) sent again after the failed answer arrived.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, describeCall, evidence, groupBy, isServerError, line, ms, plural, requestShapeOf } from './calls';
import { MAX_SERVER_ERROR_RETRIES, RETRY_HORIZON_MS, TIGHT_LOOP_GAP_MS } from './thresholds';

export const SERVER_ERRORS: LineHead = {
  id: 'server-error-retries',
  checklist: 'Implement the troubleshooting tips to gracefully handle internal server errors.',
  title: '5xx retried a bounded number of times with growing delay, not in a tight loop',
};

/** A failed attempt and what followed it: retries while they keep failing, ending with the first other answer. */
export interface RetryChain {
  attempts: ObservedCall[];
  /** Wait before each retry, from the previous answer to the retry's start. */
  gaps: number[];
}

/** Retry chains, each starting at a failure that was not itself a retry. */
export function retryChains(calls: readonly ObservedCall[]): RetryChain[] {
  const chains: RetryChain[] = [];
  for (const series of groupBy(calls, requestShapeOf).values()) {
    const used = new Set<ObservedCall>();
    for (const first of series) {
      if (used.has(first) || !isServerError(first)) continue;
      const attempts = [first];
      const gaps: number[] = [];
      let last = first;
      while (isServerError(last)) {
        const answered = answeredAt(last);
        const next = series.find((c) => !used.has(c) && c !== last && !attempts.includes(c) && c.at >= answered);
        if (!next || next.at - answered > RETRY_HORIZON_MS) break;
        attempts.push(next);
        gaps.push(next.at - answered);
        last = next;
      }
      attempts.forEach((a) => used.add(a));
      chains.push({ attempts, gaps });
    }
  }
  return chains;
}

/** What is wrong with a chain's retries, or null when they were bounded and backed off. */
function chainProblem(chain: RetryChain): string | null {
  const retries = chain.attempts.length - 1;
  const gapsText = chain.gaps.map(ms).join(', ');
  if (retries > MAX_SERVER_ERROR_RETRIES) return `retried ${retries} times (more than ${MAX_SERVER_ERROR_RETRIES}); waits ${gapsText}`;
  // The first retry may be immediate (a blip); after that a retry must wait.
  const tight = chain.gaps.slice(1).filter((gap) => gap < TIGHT_LOOP_GAP_MS);
  if (tight.length > 0)
    return `tight loop: ${plural(tight.length, 'retry')} under ${TIGHT_LOOP_GAP_MS} ms after the answer; waits ${gapsText}`;
  const shrinking = chain.gaps.some((gap, i) => i > 0 && gap < chain.gaps[i - 1]! * 0.75);
  const first = chain.gaps[0]!;
  const lastGap = chain.gaps[chain.gaps.length - 1]!;
  if (chain.gaps.length >= 2 && (shrinking || lastGap < first * 1.2))
    return `the delay does not grow (waits ${gapsText}); back off exponentially`;
  return null;
}

export function serverErrorLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'Traffic shows retries of the same request only (same caller, method, path and body). It cannot show whether the app told its user, ' +
    "queued the work for later, or kept the Finch-Request-ID; a 500 that means revoked access needs a retry hours later, which a short run won't show.";
  const chains = retryChains(calls);
  if (chains.length === 0) return line(SERVER_ERRORS, 'not_observed', 'No 5xx answers, timeouts or dropped connections seen.', [], limits);
  const bad: Evidence[] = [];
  let retried = 0;
  for (const chain of chains) {
    if (chain.attempts.length > 1) retried++;
    const problem = chainProblem(chain);
    if (problem !== null) bad.push(evidence(`${describeCall(chain.attempts[0]!)}: ${problem}`, chain.attempts));
  }
  const tally = `${plural(chains.length, 'failure')} (5xx or no answer), ${retried} retried`;
  if (bad.length > 0) return line(SERVER_ERRORS, 'fail', `${bad.length} handled badly. ${tally}.`, bad, limits);
  const proof = chains
    .filter((c) => c.attempts.length > 1)
    .slice(0, 5)
    .map((c) =>
      evidence(
        `${describeCall(c.attempts[0]!)}: ${plural(c.attempts.length - 1, 'retry')}, waits ${c.gaps.map(ms).join(', ')}`,
        c.attempts,
      ),
    );
  return line(
    SERVER_ERRORS,
    'pass',
    `${tally}; every retry series was bounded and backed off.`,
    proof.length > 0
      ? proof
      : [
          evidence(
            'Failures not retried',
            chains.map((c) => c.attempts[0]!),
          ),
        ],
    limits,
  );
}
