/**
 * Snapshots: save a full pull of a connection (progress, Cancel: a cancelled pull keeps the
 * pages it had read, marked as cancelled), list and delete them, and compare any two — also of
 * two connections of one customer.
 */
import '@renderer/components/pull/pull.css';
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import type { SnapshotDiff, SnapshotSummary } from '@shared/domain/snapshots';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { SelectField, ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';
import { PullForm, useConnectionPull } from '@renderer/components/pull/PullForm';
import { DiffView } from './DiffView';
import { SnapshotList } from './SnapshotList';

const NO_SNAPSHOTS: SnapshotSummary[] = [];

function optionLabel(s: SnapshotSummary): string {
  return `${new Date(s.takenAt).toLocaleString()} · ${s.providerId ?? '?'} · ${s.customerName ?? s.connectionId.slice(0, 8)}${s.label ? ` · “${s.label}”` : ''} (${s.counts.people} people)${s.state === 'complete' ? '' : ` — ${s.state}, partial`}`;
}

export function SnapshotsScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const pull = useConnectionPull(environment?.id ?? null, 'Cancelled: what was read so far is kept, as a snapshot marked cancelled.');
  const { live, message, setMessage } = pull;
  const [label, setLabel] = useState('');
  const [pair, setPair] = useState<{ fromId: string; toId: string }>({ fromId: '', toId: '' });
  // Snapshots are stored per environment: read again when it changes (a late list of the previous one is dropped).
  const read = useRead(`environment:${environment?.id}`, () => unwrap(workbench().snapshots.list({})), { keepDataOnError: true });
  const snapshots = read.data ?? NO_SNAPSHOTS;
  const load = read.reload;
  useEffect(() => {
    if (read.error) setMessage({ ok: false, text: read.error.message });
  }, [read.error, setMessage]);
  const comparison = useAction((fromId: number, toId: number) => unwrap(workbench().snapshots.diff({ fromId, toId })));
  const diff: SnapshotDiff | null = comparison.result;
  const diffError = comparison.failure?.message ?? null;

  // Default comparison: the two newest snapshots, older first.
  const fromId = pair.fromId || String(snapshots[1]?.id ?? '');
  const toId = pair.toId || String(snapshots[0]?.id ?? '');

  const take = () =>
    pull.run(async (input) => {
      // Cancelled, the pull still leaves a (partial) snapshot: the list is read again either way.
      const s = await unwrap(workbench().snapshots.take({ ...input, ...(label.trim() ? { label: label.trim() } : {}) })).finally(load);
      setLabel('');
      setPair({ fromId: '', toId: '' });
      return `Saved: ${s.counts.people} people, ${s.counts.payments} payments, ${s.counts.payStatements} pay statements (${s.calls} calls).`;
    });

  const compare = () => comparison.run(Number(fromId), Number(toId));

  const options = snapshots.map((s) => ({ value: String(s.id), label: optionLabel(s) }));
  return (
    <section className="screen screen-wide" aria-labelledby="snapshots-title">
      <h1 id="snapshots-title">Snapshots</h1>
      <p className="lede">Full pulls of a connection kept on this computer, and what changed between two.</p>
      <p className="muted">
        People added or removed, fields old → new, company and payments — also between two connections of the same customer.
      </p>
      {live.length === 0 ? (
        <div className="card empty-state">
          <h2>No connection to snapshot in {environment?.name ?? 'this environment'}</h2>
          <p className="muted">
            Make one under Connections (Finch Connect) or Sandbox (without Connect), then save its first snapshot here.
          </p>
        </div>
      ) : (
        <PullForm
          pull={pull}
          name="Take a snapshot"
          action="Take snapshot"
          description="Company, every person (directory, individual, employment), payments in the range and all their pay statements. Stored compressed on this computer; SSNs are never kept."
          onSubmit={() => void take()}
        >
          <label className="field snap-label">
            <span>Label (optional)</span>
            <input
              value={label}
              maxLength={120}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="e.g. before go-live"
              disabled={pull.running}
            />
          </label>
        </PullForm>
      )}
      <ResultMessage result={message} />
      {snapshots.length === 0 ? (
        live.length > 0 && (
          <div className="card empty-state">
            <h2>No snapshots yet</h2>
            <p className="muted">
              Take one now, another after the data changes (or of a second connection of the same customer), then compare the two.
            </p>
          </div>
        )
      ) : (
        <>
          <section className="card" aria-label="Compare snapshots">
            <h2>Compare</h2>
            {snapshots.length < 2 ? (
              <p className="muted">Take a second snapshot to compare it with the first.</p>
            ) : (
              <div className="inline-fields">
                <SelectField label="Older" value={fromId} options={options} onChange={(v) => setPair({ fromId: v, toId })} />
                <SelectField label="Newer" value={toId} options={options} onChange={(v) => setPair({ fromId, toId: v })} />
                <div className="form-actions">
                  <button type="button" className="button button-primary" onClick={() => void compare()} disabled={!fromId || !toId}>
                    Compare
                  </button>
                </div>
              </div>
            )}
            {diffError && (
              <p className="field-error" role="alert">
                {diffError}
              </p>
            )}
          </section>
          {diff && <DiffView diff={diff} />}
          <SnapshotList
            snapshots={snapshots}
            onChanged={(text) => {
              setMessage({ ok: true, text });
              comparison.reset();
              setPair({ fromId: '', toId: '' });
              load();
            }}
          />
        </>
      )}
    </section>
  );
}
