/**
 * The report's second witness: the Integration lab's scorecard of the user's own backend. Where a
 * checklist item is about what the integration does (rate limits, retries, reauthentication,
 * batch errors, the code exchange, /introspect, nulls), what the proxy saw the user's app do is
 * the better evidence: a failing line fails the item, passing lines pass it, and either way the
 * lines are cited with their request ids as "observed in your app".
 */
import type { ReadinessItemId } from '@shared/domain/readiness';
import type { Scorecard } from '@shared/domain/integration-lab';
import type { EvidenceContext, Verdict } from './evidence-context';
import { evidence } from './evidence-context';

export const SCORECARD_LINES: Partial<Record<ReadinessItemId, readonly string[]>> = {
  'rate-limiter': ['rate-limit-window', 'rate-limit-retry-after'],
  'server-errors': ['server-error-retries'],
  'reauth-flow': ['reauthentication-flow'],
  'batch-errors': ['batch-item-errors'],
  'backend-exchange': ['code-exchange-server-side', 'credentials-server-side'],
  'company-id': ['introspect-new-tokens'],
  'nullable-fields': ['nullable-fields'],
};

export function withYourApp(itemId: ReadinessItemId, verdict: Verdict, card: Scorecard | null, ctx: EvidenceContext): Verdict {
  const ids = SCORECARD_LINES[itemId];
  if (!card || !ids) return verdict;
  const lines = card.lines.filter((l) => ids.includes(l.id) && (l.status === 'pass' || l.status === 'fail'));
  if (lines.length === 0) return verdict;
  const cited = lines.map((l) =>
    evidence(
      ctx,
      `Observed in your app: ${l.status === 'pass' ? 'passed' : 'FAILED'} — ${l.title}. ${l.summary}`,
      card.generatedAt,
      l.evidence.flatMap((e) => e.requestIds).slice(0, 5),
    ),
  );
  const failed = lines.filter((l) => l.status === 'fail');
  if (failed.length > 0) {
    return {
      status: 'fail',
      summary: `Observed in your app: ${failed.map((l) => l.title).join('; ')} failed.`,
      evidence: [...cited, ...verdict.evidence],
      next: 'Fix it in your backend, then run it through the Integration lab’s proxy again.',
    };
  }
  return {
    status: verdict.status === 'fail' ? 'fail' : 'pass',
    summary: verdict.status === 'fail' ? verdict.summary : `Observed in your app: ${lines.map((l) => l.title).join('; ')}.`,
    evidence: [...cited, ...verdict.evidence],
    next: verdict.status === 'fail' ? verdict.next : null,
  };
}
