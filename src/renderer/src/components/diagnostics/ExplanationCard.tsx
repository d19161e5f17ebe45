/** "What this means / what to do next", with the request ids to quote. */
import type { JSX } from 'react';
import type { Explanation } from '@shared/domain/diagnostics';

export function ExplanationCard({ explanation }: { explanation: Explanation }): JSX.Element {
  return (
    <div
      className={explanation.ruleId ? 'explanation' : 'explanation explanation-unknown'}
      role="note"
      aria-label={`Explanation: ${explanation.title}`}
    >
      <strong>{explanation.title}</strong>
      <p>
        <span className="muted">What this means: </span>
        {explanation.meaning}
      </p>
      <p>
        <span className="muted">What to do next: </span>
        {explanation.nextStep}
      </p>
      {explanation.requestIds.length > 0 && <p className="mono muted">Quote: {explanation.requestIds.join(', ')}</p>}
    </div>
  );
}
