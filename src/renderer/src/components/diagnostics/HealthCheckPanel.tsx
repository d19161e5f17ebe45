/** A connection's health: token, status per product, last sync, rate-limit headroom, and what to do. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { HealthCheck } from '@shared/domain/diagnostics';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplanationCard } from './ExplanationCard';

export function HealthCheckPanel({ connectionId }: { connectionId: string }): JSX.Element {
  const [health, setHealth] = useState<HealthCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(workbench().diagnostics.healthCheck({ connectionId })).then(setHealth, (e: Error) => setError(e.message));
  }, [connectionId]);
  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!health) return <p className="muted">Checking…</p>;
  const green = health.tokenValid && health.problems.length === 0;
  return (
    <div className="health" role="region" aria-label={`Health of ${connectionId}`}>
      <p className={green ? 'check-ok' : 'field-error'}>
        {green ? 'Healthy' : 'Needs attention'} · token {health.tokenValid ? 'valid' : 'not valid'} · status {health.status}
        {health.lastSuccessfulSync ? ` · last sync ${health.lastSuccessfulSync}` : ' · never synced'}
        {health.requestId ? ` · Finch-Request-ID ${health.requestId}` : ''}
      </p>
      {health.products.length > 0 && (
        <p className="muted">Products: {health.products.map((p) => `${p.product} (${p.status})`).join(', ')}</p>
      )}
      <p className="muted">
        Rate-limit headroom:{' '}
        {health.rateLimits.length === 0
          ? 'no calls in the last minute'
          : health.rateLimits.map((r) => `${r.product} ${r.limit - r.used}/${r.limit}`).join(', ')}
      </p>
      {health.problems.map((p, i) => (
        <ExplanationCard key={i} explanation={p} />
      ))}
    </div>
  );
}
