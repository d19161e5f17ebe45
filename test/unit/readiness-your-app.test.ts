/**
 * The readiness report cites the Integration lab's scorecard as "observed in your app": a failing
 * line fails its checklist item, passing lines pass it, lines the traffic could not show leave the
 * item as the app's own evidence had it.
 */
import { describe, expect, it } from 'vitest';
import { withYourApp } from '@main/features/readiness/observed-in-your-app';
import type { EvidenceContext, Verdict } from '@main/features/readiness/evidence-context';
import type { Scorecard, ScorecardLine } from '@shared/domain/integration-lab';

const ctx = { environments: [], text: (t: string) => t } as unknown as EvidenceContext;
const notYet: Verdict = { status: 'not_yet', summary: 'No 429 seen by the workbench.', evidence: [], next: 'Run the rate-limit drill.' };
const line = (id: string, status: ScorecardLine['status']): ScorecardLine => ({
  id,
  checklist: 'Implement an external rate limiter.',
  title: `Line ${id}`,
  status,
  summary: `${id} was ${status}.`,
  evidence: [{ text: 'a 429', logIds: [7], requestIds: ['req-7'] }],
  limits: null,
});
const card = (...lines: ScorecardLine[]): Scorecard => ({ generatedAt: 5, calls: 40, lines });

describe('readiness: observed in your app', () => {
  it('fails the item when the scorecard fails one of its lines, citing the request ids', () => {
    const v = withYourApp('rate-limiter', notYet, card(line('rate-limit-window', 'pass'), line('rate-limit-retry-after', 'fail')), ctx);
    expect(v.status).toBe('fail');
    expect(v.summary).toBe('Observed in your app: Line rate-limit-retry-after failed.');
    expect(v.evidence.map((e) => e.requestIds)).toContainEqual(['req-7']);
  });

  it('passes the item when every observed line passed', () => {
    const v = withYourApp(
      'rate-limiter',
      notYet,
      card(line('rate-limit-window', 'pass'), line('rate-limit-retry-after', 'not_observed')),
      ctx,
    );
    expect(v.status).toBe('pass');
    expect(v.evidence[0]!.text).toMatch(/^Observed in your app: passed/);
  });

  it('leaves items alone when nothing relevant was observed, or there is no traffic', () => {
    expect(withYourApp('rate-limiter', notYet, card(line('rate-limit-window', 'not_observed')), ctx)).toBe(notYet);
    expect(withYourApp('rate-limiter', notYet, null, ctx)).toBe(notYet);
    expect(withYourApp('support-ticket', notYet, card(line('rate-limit-window', 'fail')), ctx)).toBe(notYet);
  });
});
