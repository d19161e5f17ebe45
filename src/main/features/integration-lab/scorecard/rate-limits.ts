/**
 * "Integrate an external rate limiter into your application that respects Finch APIs rate
 * limits": two lines. The window line counts every attempt the app sent (answered 429 or not:
 * sending them is the breach) per product per connection and per application, in every rolling
 * 60 s. The Retry-After line checks that after a 429 the app's next call to that product waited.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, describeCall, evidence, groupBy, limitFor, line, ms, nextAfterAnswer, plural, productOf } from './calls';
import { RATE_WINDOW_MS, RETRY_AFTER_SLACK_MS } from './thresholds';

const RATE_CHECKLIST = 'Integrate an external rate limiter into your application that respects Finch APIs rate limits.';

export const RATE_WINDOW: LineHead = {
  id: 'rate-limit-window',
  checklist: RATE_CHECKLIST,
  title: "Never more than Finch's per-product limit in any rolling 60 s",
};

export const RETRY_AFTER: LineHead = {
  id: 'rate-limit-retry-after',
  checklist: RATE_CHECKLIST,
  title: 'After a 429, the next call to that product waits at least Retry-After',
};

interface Busiest {
  scope: string;
  product: string;
  limit: number;
  /** The calls of the busiest rolling window. */
  window: ObservedCall[];
}

/** The busiest rolling window of one (scope, product) series, sorted by start. */
function busiestWindow(series: ObservedCall[]): ObservedCall[] {
  let best: ObservedCall[] = [];
  let start = 0;
  for (let end = 0; end < series.length; end++) {
    // Finch's window is (t − 60 s, t]: a call exactly 60 s earlier has left it.
    while (series[start]!.at <= series[end]!.at - RATE_WINDOW_MS) start++;
    if (end - start + 1 > best.length) best = series.slice(start, end + 1);
  }
  return best;
}

export function rateWindowLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limited = calls.filter((c) => limitFor(c) !== null);
  const limits =
    'Counts only calls that went through the proxy. Finch counts per application across all its connections and servers; ' +
    'calls made around the proxy, and the per-IP limit (1,000 requests / 5 min), are not seen. A pass means this traffic stayed under, not that a limiter exists.';
  if (limited.length === 0)
    return line(RATE_WINDOW, 'not_observed', 'No calls to a rate-limited product (company, directory, individual, …).', [], limits);

  // Per connection (what one customer's sync does) and per application when the proxy saw the client_id.
  const scopes = [
    ...groupBy(limited, (c) => (c.connectionKey === null ? null : `connection ${c.connectionKey}|${productOf(c)}`)),
    ...groupBy(limited, (c) => (c.clientId === null ? null : `application ${c.clientId}|${productOf(c)}`)),
  ];
  const busiest: Busiest[] = scopes.map(([key, series]) => {
    const [scope, product] = key.split('|') as [string, string];
    return { scope, product, limit: limitFor(series[0]!)!, window: busiestWindow(series) };
  });
  const breaches = busiest.filter((b) => b.window.length > b.limit);
  if (breaches.length > 0) {
    const proof: Evidence[] = breaches.map((b) => {
      const spanMs = b.window[b.window.length - 1]!.at - b.window[0]!.at;
      const rejected = b.window.filter((c) => c.status === 429).length;
      return evidence(
        `${b.window.length} calls to ${b.product} (limit ${b.limit}) within ${ms(spanMs)} from ${b.scope}; Finch answered ${plural(rejected, '429')} of them`,
        b.window,
      );
    });
    const worst = breaches.reduce((a, b) => (b.window.length / b.limit > a.window.length / a.limit ? b : a));
    return line(
      RATE_WINDOW,
      'fail',
      `Over Finch's limit for ${[...new Set(breaches.map((b) => b.product))].join(', ')}: worst ${worst.window.length} calls to ${worst.product} in 60 s (limit ${worst.limit}).`,
      proof,
      limits,
    );
  }
  const peak = busiest.reduce((a, b) => (b.window.length / b.limit > a.window.length / a.limit ? b : a));
  return line(
    RATE_WINDOW,
    'pass',
    `Always under the limits: busiest minute ${peak.window.length} of ${peak.limit} calls to ${peak.product} (${peak.scope}), over ${plural(limited.length, 'rate-limited call')}.`,
    [evidence(`Busiest rolling minute: ${peak.window.length} calls to ${peak.product}`, peak.window)],
    limits,
  );
}

export function retryAfterLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'Only calls through the proxy are seen; the check is per product and caller, so an application-wide or per-IP 429 that should pause every product is judged only on that product.';
  const rejected = calls.filter((c) => c.status === 429);
  const graded = rejected.filter((c) => c.retryAfterMs !== null);
  if (graded.length === 0) {
    const why = rejected.length > 0 ? `${plural(rejected.length, '429')} seen, none with a Retry-After header.` : 'No 429 answers seen.';
    return line(RETRY_AFTER, 'not_observed', why, [], limits);
  }
  // Same caller, same product (or same path for unthrottled ones like /auth/token).
  const seriesKey = (c: ObservedCall) => `${c.connectionKey ?? ''}|${c.clientId ?? ''}|${productOf(c) ?? c.path}`;
  const series = groupBy(calls, seriesKey);
  const early: Evidence[] = [];
  let honoured = 0;
  let noNextCall = 0;
  for (const answer of graded) {
    const next = nextAfterAnswer(answer, series.get(seriesKey(answer))!);
    if (next === null) {
      noNextCall++;
      continue;
    }
    const waited = next.at - answeredAt(answer);
    if (waited + RETRY_AFTER_SLACK_MS >= answer.retryAfterMs!) honoured++;
    else
      early.push(
        evidence(
          `${describeCall(answer)} said Retry-After ${ms(answer.retryAfterMs!)}; the next call to ${productOf(answer) ?? answer.path} came ${ms(waited)} later (${describeCall(next)})`,
          [answer, next],
        ),
      );
  }
  const tally = `${plural(graded.length, '429')} with Retry-After: ${honoured} waited, ${noNextCall} not followed by another call to that product`;
  if (early.length > 0) return line(RETRY_AFTER, 'fail', `${early.length} called again too early. ${tally}.`, early, limits);
  return line(RETRY_AFTER, 'pass', `${tally}.`, [evidence('The 429 answers', graded)], limits);
}
