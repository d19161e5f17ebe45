/** Scenario drills on a sandbox connection: one click each, a pass/fail summary with request ids. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { DrillId, DrillResult } from '@shared/domain/drills';
import { DRILLS, DRILL_TITLES } from '@shared/domain/drills';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplainRequestIds } from '@renderer/components/diagnostics/ExplainRequestIds';

export function DrillsPanel({ connectionId }: { connectionId: string }): JSX.Element {
  const [running, setRunning] = useState<DrillId | null>(null);
  const [results, setResults] = useState<DrillResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => unwrap(workbench().sandbox.drillResults()).then(setResults, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);
  const chosen = connectionId;

  const run = (drill: DrillId): void => {
    setRunning(drill);
    setError(null);
    unwrap(workbench().sandbox.runDrill({ drill, ...(chosen ? { connectionId: chosen } : {}) }))
      .then(
        () => load(),
        (e: Error) => setError(e.message),
      )
      .finally(() => setRunning(null));
  };

  return (
    <section className="card" aria-labelledby="drills-title">
      <h2 id="drills-title">Scenario drills</h2>
      <p className="muted">
        Each drill sets up a state on the chosen connection (the assisted one makes its own), checks how Finch and the app behave, and keeps
        the result for the readiness report.
      </p>
      <ul className="drill-buttons">
        {DRILLS.map((drill) => (
          <li key={drill}>
            <button
              type="button"
              className="button"
              disabled={running !== null}
              onClick={() => run(drill)}
              aria-label={`Run drill ${drill}`}
            >
              {running === drill ? 'Running…' : 'Run'}
            </button>{' '}
            {DRILL_TITLES[drill]}
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ol className="traces" aria-label="Drill results">
          {results.slice(0, 10).map((r) => (
            <li key={r.id} aria-label={`Drill ${r.drill} ${r.passed ? 'passed' : 'failed'}`}>
              <span className={`badge ${r.passed ? 'badge-ok' : 'badge-warn'}`}>{r.passed ? 'PASS' : 'FAIL'}</span>{' '}
              <strong>{r.drill}</strong> <span className="muted">{new Date(r.finishedAt).toLocaleTimeString()}</span>
              <ol className="timeline">
                {r.steps.map((s, i) => (
                  <li key={i}>
                    {s.ok ? '✓' : '✗'} {s.name} — <span className="muted">{s.detail}</span>
                    {s.requestIds.length > 0 && <span className="mono muted"> · {s.requestIds.join(', ')}</span>}
                    {!s.ok && <ExplainRequestIds requestIds={s.requestIds.slice(-1)} />}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
