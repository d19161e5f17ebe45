/**
 * A snapshot diff: what changed between two pulls (of one connection, or of two connections
 * of one customer), with the matching used, every caveat, old → new values, and exports.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { FieldChange, SnapshotDiff, SnapshotSummary } from '@shared/domain/snapshots';
import { exportName } from '@renderer/components/export/save-export';
import { tableCells } from '@renderer/components/export/prepare';
import { useOutput } from '@renderer/components/export/useOutput';
import { ExportFormatButtons } from '@renderer/components/export/ExportFormatButtons';
import { RevealToggle } from '@renderer/components/RevealToggle';
import { DiffValue } from './DiffValue';
import { DIFF_COLUMNS, diffRows } from './diff-export';

/** Rows drawn per list; the export always holds everything. */
const SHOWN = 500;

function snapshotName(s: SnapshotSummary): string {
  return `${s.label ? `“${s.label}” ` : ''}${s.providerId ?? ''} · ${s.customerName ?? s.connectionId.slice(0, 8)} · ${new Date(s.takenAt).toLocaleString()}`;
}

function Change({ change, revealed }: { change: FieldChange; revealed: boolean }): JSX.Element {
  return (
    <>
      <td className="mono">{change.path}</td>
      <td>
        <DiffValue value={change.before} absent={change.beforeAbsent} path={change.path} revealed={revealed} />
      </td>
      <td aria-hidden="true" className="diff-arrow">
        →
      </td>
      <td>
        <DiffValue value={change.after} absent={change.afterAbsent} path={change.path} revealed={revealed} />
      </td>
    </>
  );
}

function More({ total }: { total: number }): JSX.Element | null {
  return total > SHOWN ? (
    <p className="muted">
      Showing {SHOWN} of {total.toLocaleString('en-US')}; the export holds all of them.
    </p>
  ) : null;
}

export function DiffView({ diff }: { diff: SnapshotDiff }): JSX.Element {
  const [revealed, setRevealed] = useState(false);
  const changes = diff.peopleChanged.flatMap((p) => p.changes.map((c) => ({ person: p, change: c })));
  const nothing =
    diff.peopleAdded.length +
      diff.peopleRemoved.length +
      changes.length +
      diff.companyChanges.length +
      diff.paymentsAdded.length +
      diff.paymentsRemoved.length +
      diff.paymentsChanged.length ===
    0;

  const output = useOutput();
  const exportAs = (format: 'csv' | 'json') => {
    const rows = diffRows(diff);
    // Before/After hold the value of the field named in the row's Field cell: main redacts them by that field.
    const columns = DIFF_COLUMNS.map((c) => (c.key === 'before' || c.key === 'after' ? { ...c, pathFrom: 'field' } : c));
    output.exportFile(`Export the diff as ${format.toUpperCase()}`, `${rows.length.toLocaleString('en-US')} rows`, {
      target: 'file',
      suggestedName: exportName('snapshot-diff', format),
      kind: 'table',
      format,
      columns,
      rows: tableCells(
        rows,
        columns.map((c) => c.key),
        (row, key) => row[key as keyof typeof row],
      ),
    });
  };

  return (
    <section className="card" aria-label="Snapshot diff">
      {output.element}
      <div className="card-head">
        <h2>Differences</h2>
        <div className="toolbar">
          <RevealToggle revealed={revealed} onChange={setRevealed} />
          <ExportFormatButtons onExport={exportAs} />
        </div>
      </div>
      {output.note && (
        <p className={output.note.ok ? 'check-ok' : 'field-error'} role={output.note.ok ? 'status' : 'alert'}>
          {output.note.text}
        </p>
      )}
      <dl className="facts diff-facts">
        <div className="fact">
          <dt>Older</dt>
          <dd>{snapshotName(diff.from)}</dd>
        </div>
        <div className="fact">
          <dt>Newer</dt>
          <dd>{snapshotName(diff.to)}</dd>
        </div>
        <div className="fact">
          <dt>Matching</dt>
          <dd>{diff.matchingNote}</dd>
        </div>
      </dl>
      <p className="diff-summary" role="status">
        {diff.peopleAdded.length} added · {diff.peopleRemoved.length} removed · {diff.peopleChanged.length} changed ({changes.length}{' '}
        fields) · {diff.peopleUnchanged} unchanged · {diff.companyChanges.length} company changes · payments {diff.paymentsAdded.length}{' '}
        added, {diff.paymentsRemoved.length} removed, {diff.paymentsChanged.length} changed
      </p>
      {diff.caveats.length > 0 && (
        <ul className="diff-caveats">
          {diff.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {nothing && <p className="muted">No differences: the two snapshots hold the same people, company and payments.</p>}

      {(diff.peopleAdded.length > 0 || diff.peopleRemoved.length > 0) && (
        <div className="diff-pair">
          <PeopleList title="People added" people={diff.peopleAdded.map((p) => ({ name: p.name, id: p.toId ?? '' }))} />
          <PeopleList title="People removed" people={diff.peopleRemoved.map((p) => ({ name: p.name, id: p.fromId ?? '' }))} />
        </div>
      )}
      {changes.length > 0 && (
        <>
          <h3>Fields changed</h3>
          <table className="diff-table" aria-label="Fields changed">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Matched by</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col" aria-label="becomes" className="diff-arrow" />
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, SHOWN).map(({ person, change }) => (
                <tr key={`${person.fromId}-${person.toId}-${change.path}`}>
                  <td>
                    {person.name} <span className="mono muted">{(person.toId ?? '').slice(0, 8)}</span>
                  </td>
                  <td>{person.matchedBy.replace('_', ' + ')}</td>
                  <Change change={change} revealed={revealed} />
                </tr>
              ))}
            </tbody>
          </table>
          <More total={changes.length} />
        </>
      )}
      {diff.companyChanges.length > 0 && (
        <>
          <h3>Company</h3>
          <table className="diff-table" aria-label="Company changes">
            <tbody>
              {diff.companyChanges.map((change) => (
                <tr key={change.path}>
                  <Change change={change} revealed={revealed} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(diff.paymentsAdded.length > 0 || diff.paymentsRemoved.length > 0 || diff.paymentsChanged.length > 0) && (
        <>
          <h3>Payments</h3>
          <table className="diff-table" aria-label="Payment changes">
            <tbody>
              {diff.paymentsAdded.map((p) => (
                <tr key={`a-${p.id}`}>
                  <td>added</td>
                  <td>{p.payDate ?? 'no pay date'}</td>
                  <td className="mono" colSpan={4}>
                    {p.id}
                  </td>
                </tr>
              ))}
              {diff.paymentsRemoved.map((p) => (
                <tr key={`r-${p.id}`}>
                  <td>removed</td>
                  <td>{p.payDate ?? 'no pay date'}</td>
                  <td className="mono" colSpan={4}>
                    {p.id}
                  </td>
                </tr>
              ))}
              {diff.paymentsChanged.flatMap((p) =>
                p.changes.map((change) => (
                  <tr key={`c-${p.id}-${change.path}`}>
                    <td>changed</td>
                    <td>{p.payDate ?? 'no pay date'}</td>
                    <Change change={change} revealed={revealed} />
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PeopleList({ title, people }: { title: string; people: { name: string; id: string }[] }): JSX.Element {
  return (
    <div>
      <h3>
        {title} ({people.length})
      </h3>
      {people.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="diff-people" aria-label={title}>
          {people.slice(0, SHOWN).map((p) => (
            <li key={p.id}>
              {p.name} <span className="mono muted">{p.id}</span>
            </li>
          ))}
        </ul>
      )}
      <More total={people.length} />
    </div>
  );
}
