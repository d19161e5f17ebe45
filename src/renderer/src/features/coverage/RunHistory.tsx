/** Every stored coverage run with the request ids it came from (evidence for support and readiness). */
import type { JSX } from 'react';
import type { CoverageRunView } from '@shared/domain/coverage';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';
import { runTitle } from './coverage-export';

export function RunHistory({ runs, onDeleted }: { runs: CoverageRunView[]; onDeleted: () => void }): JSX.Element {
  const remove = useAction((id: number) => unwrap(workbench().coverage.deleteRun({ id })), { onDone: onDeleted });
  const error = remove.failure?.message ?? null;
  return (
    <section className="card" aria-label="Coverage runs">
      <h2>Runs ({runs.length})</h2>
      <table className="cov-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Connection</th>
            <th scope="col">Payments</th>
            <th scope="col">Provider claims</th>
            <th scope="col">Finch-Request-IDs</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{new Date(run.at).toLocaleString()}</td>
              <td>
                {runTitle(run)} <span className="mono muted">{run.connectionId.slice(0, 8)}</span>
              </td>
              <td className="mono">
                {run.startDate} → {run.endDate}
              </td>
              <td>
                {run.providerClaims === 'found'
                  ? `supported_fields (${run.authMethod ?? 'first method'})`
                  : run.providerClaims.replace(/_/g, ' ')}
              </td>
              <td>
                <details>
                  <summary>{run.requestIds.length} ids</summary>
                  <code className="mono">{run.requestIds.join('\n')}</code>
                </details>
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete run of ${new Date(run.at).toLocaleString()}`}
                  onClick={() => void remove.run(run.id)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
