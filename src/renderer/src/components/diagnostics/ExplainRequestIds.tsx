/** Explanations for the attempts behind some request ids (a failed drill step, an explorer error). */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { Explanation } from '@shared/domain/diagnostics';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplanationCard } from './ExplanationCard';

export function ExplainRequestIds({ requestIds }: { requestIds: string[] }): JSX.Element | null {
  const [explanations, setExplanations] = useState<Explanation[]>([]);
  const key = requestIds.join(',');
  useEffect(() => {
    void Promise.all(requestIds.map((requestId) => unwrap(workbench().diagnostics.explainRequestId({ requestId })).catch(() => null))).then(
      (list) => setExplanations(list.filter((e): e is Explanation => e !== null)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (explanations.length === 0) return null;
  return (
    <>
      {explanations.map((e, i) => (
        <ExplanationCard key={i} explanation={e} />
      ))}
    </>
  );
}
