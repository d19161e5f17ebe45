/** Local simulator: what it sent, to where, each attempt's answer, and the next retry. */
import type { JSX } from 'react';
import type { DeliveryView } from '@shared/domain/webhooks';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

const NONE: DeliveryView[] = [];

export function DeliveryLog({ refreshKey }: { refreshKey: number }): JSX.Element {
  // Read a moment after each change of the events (the simulator logs its delivery first).
  const read = useRead(String(refreshKey), () => unwrap(workbench().webhooks.deliveries({})), { delayMs: 300, keepDataOnError: true });
  const deliveries = read.data ?? NONE;
  const error = read.error?.message ?? null;

  return (
    <details className="card" aria-label="Simulator delivery log">
      <summary>
        <strong>Simulator delivery log</strong>{' '}
        <span className="muted">
          ({deliveries.length} deliveries; failed ones are retried on Finch’s schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
        </span>
      </summary>
      {error && <p className="field-error">{error}</p>}
      {deliveries.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <table className="wh-deliveries">
          <thead>
            <tr>
              <th>Sent</th>
              <th>Event type</th>
              <th>State</th>
              <th>Attempts</th>
              <th>Next retry</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.deliveryId}>
                <td className="mono">{new Date(d.createdAt).toLocaleTimeString()}</td>
                <td>
                  {d.eventType}
                  {d.tamper && <span className="muted"> · {d.tamper.replace(/_/g, ' ')}</span>}
                </td>
                <td>{d.state === 'pending' && d.attempts.length > 0 ? 'retrying' : d.state}</td>
                <td className="mono">{d.attempts.map((a) => a.statusCode ?? a.error ?? '?').join(' → ')}</td>
                <td className="mono">{d.nextAttemptAt ? new Date(d.nextAttemptAt).toLocaleTimeString() : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
