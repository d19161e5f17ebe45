/** Stored snapshots: what each holds, where it came from, and deleting (they hold personal data). */
import type { JSX } from 'react';
import { useState } from 'react';
import type { SnapshotSummary } from '@shared/domain/snapshots';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { useAction } from '@renderer/components/data/use-action';
import { unwrap, workbench } from '@renderer/workbench';

type Pending = { kind: 'one'; snapshot: SnapshotSummary } | { kind: 'connection'; connectionId: string; name: string; count: number };

const n = (v: number) => v.toLocaleString('en-US');

export function SnapshotList({
  snapshots,
  onChanged,
}: {
  snapshots: SnapshotSummary[];
  onChanged: (message: string) => void;
}): JSX.Element {
  const [pending, setPending] = useState<Pending | null>(null);
  const removal = useAction(
    (target: Pending) =>
      unwrap(
        target.kind === 'one'
          ? workbench().snapshots.remove({ id: target.snapshot.id })
          : workbench().snapshots.removeAll({ connectionId: target.connectionId }),
      ),
    {
      onDone: (result) => {
        setPending(null);
        onChanged(`Deleted ${result.removed} snapshot(s).`);
      },
    },
  );
  const error = removal.failure?.message ?? null;
  const confirm = () => pending && removal.run(pending);
  return (
    <section className="card" aria-label="Snapshots">
      <h2>Snapshots ({snapshots.length})</h2>
      <table className="snap-table">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Connection</th>
            <th scope="col">Label</th>
            <th scope="col" className="num">
              People
            </th>
            <th scope="col" className="num">
              Payments
            </th>
            <th scope="col" className="num">
              Pay statements
            </th>
            <th scope="col">Products</th>
            <th scope="col" title="Finch-Request-IDs of every call the pull made">
              Request ids
            </th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <tr key={s.id}>
              <td>
                {new Date(s.takenAt).toLocaleString()}
                {s.state !== 'complete' && (
                  <div className="muted" title="The pull stopped before the end: this snapshot holds only the pages read until then">
                    {s.state === 'pulling' ? 'Pulling…' : `${s.state === 'cancelled' ? 'Cancelled' : 'Interrupted'} — partial`}
                  </div>
                )}
              </td>
              <td>
                {s.providerId ?? '?'} · {s.customerName ?? 'no customer name'}
                <div className="mono muted">{s.connectionId.slice(0, 8)}</div>
              </td>
              <td>{s.label ?? <span className="muted">—</span>}</td>
              <td className="num">{n(s.counts.people)}</td>
              <td className="num">
                {n(s.counts.payments)}
                <div className="mono muted snap-range">
                  {s.startDate} → {s.endDate}
                </div>
              </td>
              <td className="num">{n(s.counts.payStatements)}</td>
              <td>
                <span className="snap-products">
                  {Object.entries(s.products)
                    .filter(([, status]) => status !== 'ok')
                    .map(([product, status]) => (
                      <span key={product} className="badge badge-warn">
                        {product}: {status.replace('_', ' ')}
                      </span>
                    ))}
                  {Object.values(s.products).every((st) => st === 'ok') && <span className="badge badge-ok">all read</span>}
                  {s.counts.itemErrors > 0 && <span className="badge badge-warn">{s.counts.itemErrors} item errors</span>}
                </span>
              </td>
              <td>
                <details>
                  <summary>
                    {s.requestIds.length} ids, {s.calls} calls
                  </summary>
                  <code className="mono snap-ids">{s.requestIds.join('\n')}</code>
                </details>
              </td>
              <td className="num">{(s.bytes / 1024).toFixed(1)} KB</td>
              <td>
                <div className="snap-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Delete snapshot ${s.id}`}
                    onClick={() => (removal.reset(), setPending({ kind: 'one', snapshot: s }))}
                  >
                    Delete
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Delete all snapshots of connection ${s.connectionId.slice(0, 8)}`}
                    onClick={() => {
                      removal.reset();
                      setPending({
                        kind: 'connection',
                        connectionId: s.connectionId,
                        name: s.customerName ?? s.connectionId,
                        count: snapshots.filter((x) => x.connectionId === s.connectionId).length,
                      });
                    }}
                  >
                    Delete all of connection
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'one' ? 'Delete this snapshot?' : `Delete all ${pending.count} snapshot(s) of ${pending.name}?`}
          confirmLabel="Delete"
          danger
          error={error}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p>
            {pending.kind === 'one'
              ? `The snapshot of ${new Date(pending.snapshot.takenAt).toLocaleString()} holds personal data of ${n(pending.snapshot.counts.people)} people. It is removed from this computer for good.`
              : 'These snapshots hold personal data. They are removed from this computer for good; the connection itself is not touched.'}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
