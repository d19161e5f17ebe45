/**
 * "If you use our batch endpoints, ensure your application handles errors returned in the batch
 * format": a batch answer of 200 whose items carry their own errors is not resent whole in a
 * loop. Retrying only the failed items (a different body) is fine; resending the same body
 * over and over redoes the successful items and burns the product's rate limit.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, evidence, groupBy, line, plural, requestShapeOf } from './calls';
import { MAX_WHOLE_BATCH_RESENDS } from './thresholds';

export const BATCH_ERRORS: LineHead = {
  id: 'batch-item-errors',
  checklist: 'If you use our batch endpoints, ensure your application handles errors returned in the batch format.',
  title: 'A batch with per-item errors is not resent whole in a loop',
};

export function batchLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'The proxy compares request bodies by fingerprint: a resend with the items in another order counts as a different batch. ' +
    'Traffic cannot show that the app recorded which items failed, or treats a per-item 404 as final.';
  const withItemErrors = calls.filter((c) => c.batchItemErrors > 0);
  if (withItemErrors.length === 0) return line(BATCH_ERRORS, 'not_observed', 'No batch answers with per-item errors seen.', [], limits);

  const unknownBody = withItemErrors.filter((c) => c.bodyKey === null).length;
  const sameBatch = groupBy(
    calls.filter((c) => c.bodyKey !== null),
    requestShapeOf,
  );
  const loops: Evidence[] = [];
  const handled: ObservedCall[] = [];
  const judged = new Set<string>();
  for (const first of withItemErrors) {
    if (first.bodyKey === null) continue;
    const key = requestShapeOf(first);
    if (judged.has(key)) continue;
    judged.add(key);
    const resent = sameBatch.get(key)!.filter((c) => c !== first && c.at >= answeredAt(first));
    if (resent.length > MAX_WHOLE_BATCH_RESENDS)
      loops.push(
        evidence(
          `${first.method} ${first.path} answered ${plural(first.batchItemErrors, 'item error')}; the same batch was then sent whole ${resent.length} more times`,
          [first, ...resent],
        ),
      );
    else handled.push(first);
  }
  const tally = `${plural(withItemErrors.length, 'batch answer')} with item errors`;
  const note = unknownBody > 0 ? ` (${unknownBody} without a body fingerprint, not judged)` : '';
  if (loops.length > 0)
    return line(
      BATCH_ERRORS,
      'fail',
      `${loops.length === 1 ? '1 batch' : `${loops.length} batches`} resent whole in a loop. ${tally}${note}.`,
      loops,
      limits,
    );
  if (handled.length === 0) return line(BATCH_ERRORS, 'not_observed', `${tally}, none with a body fingerprint to compare.`, [], limits);
  return line(
    BATCH_ERRORS,
    'pass',
    `${tally}; none resent whole more than ${plural(MAX_WHOLE_BATCH_RESENDS, 'time')}${note}.`,
    [evidence('Batch answers with item errors', handled)],
    limits,
  );
}
