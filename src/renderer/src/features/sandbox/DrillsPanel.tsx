/** Scenario drills on a sandbox connection: one click each, a pass/fail summary with request ids. */
import type { JSX } from 'react';
import { useState } from 'react';
import type { DrillId } from '@shared/domain/drills';
import { DRILLS, DRILL_TITLES } from '@shared/domain/drills';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';
import { ExplainRequestIds } from '@renderer/components/diagnostics/ExplainRequestIds';

export function DrillsPanel({ connectionId }: { connectionId: string }): JSX.Element {
  const results = useRead('drill-results', () => unwrap(workbench().sandbox.drillResults()), { keepDataOnError: true });
  // One drill at a time: the others' buttons are disabled while it runs.
  const [asked, setAsked] = useState<DrillId | null>(null);
  const drill = useAction((id: DrillId) => unwrap(workbench().sandbox.runDrill({ drill: id, ...(connectionId ? { connectionId } : {}) })), {
    onDone: results.reload,
  });
  const running = drill.pending ? asked : null;
  const error = drill.failure?.message ?? (drill.pending ? null : results.error?.message) ?? null;
  const run = (id: DrillId): void => {
    setAsked(id);
    void drill.run(id);
  };
  const shown = results.data ?? [];

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
      {shown.length > 0 && (
        <ol className="traces" aria-label="Drill results">
          {shown.slice(0, 10).map((r) => (
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
