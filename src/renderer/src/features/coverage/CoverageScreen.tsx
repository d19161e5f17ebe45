/**
 * Field coverage: measure a connection (a full pull with progress and Cancel), then compare
 * the latest run of every connection in one matrix beside what each provider claims.
 */
import '@renderer/components/pull/pull.css';
import type { JSX } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { CoverageRunView } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import type { EnvironmentView } from '@shared/domain/environment';
import { exportName } from '@renderer/components/export/save-export';
import { tableCells } from '@renderer/components/export/prepare';
import { useOutput } from '@renderer/components/export/useOutput';
import { ExportFormatButtons } from '@renderer/components/export/ExportFormatButtons';
import { useRead } from '@renderer/components/data/use-read';
import { SelectField, ResultMessage } from '@renderer/components/fields';
import { unwrap, workbench } from '@renderer/workbench';
import type { MatrixFilter } from './CoverageMatrix';
import { CoverageMatrix, visibleRows } from './CoverageMatrix';
import { exportCell, exportColumns, matrixRows, runTitle } from './coverage-export';
import { PullForm, useConnectionPull } from '@renderer/components/pull/PullForm';
import { RunHistory } from './RunHistory';

const NO_RUNS: CoverageRunView[] = [];

/** The newest run of each connection, newest first. */
function latestPerConnection(runs: readonly CoverageRunView[]): CoverageRunView[] {
  const seen = new Set<string>();
  return runs.filter((r) => (seen.has(r.connectionId) ? false : (seen.add(r.connectionId), true)));
}

export function CoverageScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const pull = useConnectionPull(environment?.id ?? null);
  const { live, message, setMessage } = pull;
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState<MatrixFilter>({ product: 'all', text: '', onlyNulls: false, onlyDisagreements: false });

  // Runs are stored per environment: read again when it changes (a late list of the previous one is dropped).
  const read = useRead(`environment:${environment?.id}`, () => unwrap(workbench().coverage.runs({})), { keepDataOnError: true });
  const runs = read.data ?? NO_RUNS;
  const load = read.reload;
  useEffect(() => {
    if (read.error) setMessage({ ok: false, text: read.error.message });
  }, [read.error, setMessage]);

  const latest = useMemo(() => latestPerConnection(runs), [runs]);
  const shown = latest.filter((r) => !hidden.has(r.connectionId));

  const measure = () =>
    pull.run(async (input) => {
      const run = await unwrap(workbench().coverage.run(input));
      const notOk = run.products.filter((p) => p.status !== 'ok').map((p) => `${p.product} ${p.status.replace('_', ' ')}`);
      load();
      return `Measured ${runTitle(run)}: ${run.requestIds.length} request ids kept${notOk.length ? `; ${notOk.join(', ')}` : ''}.`;
    });

  const output = useOutput();
  useEffect(() => {
    if (output.note) setMessage(output.note);
  }, [output.note, setMessage]);
  const exportAs = (format: 'csv' | 'json') => {
    const rows = visibleRows(matrixRows(shown), shown, filter);
    const columns = exportColumns(shown);
    output.exportFile(`Export coverage as ${format.toUpperCase()}`, `${rows.length} fields × ${shown.length} connection(s)`, {
      target: 'file',
      suggestedName: exportName('field-coverage', format),
      kind: 'table',
      format,
      columns,
      rows: tableCells(
        rows,
        columns.map((c) => c.key),
        exportCell,
      ),
    });
  };

  return (
    <section className="screen screen-wide" aria-labelledby="coverage-title">
      {output.element}
      <h1 id="coverage-title">Field coverage</h1>
      <p className="lede">Which fields each provider really fills, beside what Finch says it supports.</p>
      <p className="muted">
        Per product and field of Finch’s spec, the share of records with a non-null value, counted from the raw JSON, next to GET
        /providers’ supported_fields.
      </p>
      {live.length === 0 ? (
        <div className="card empty-state">
          <h2>No connection to measure in {environment?.name ?? 'this environment'}</h2>
          <p className="muted">
            Make one under Connections (Finch Connect) or Sandbox (without Connect), then come back and press “Measure coverage”.
          </p>
        </div>
      ) : (
        <PullForm
          pull={pull}
          name="Measure coverage"
          action="Measure coverage"
          description="Reads company, every directory page, all individuals and employments, payments in the range and their pay statements."
          onSubmit={() => void measure()}
        />
      )}
      <ResultMessage result={message} />
      {latest.length === 0 ? (
        live.length > 0 && (
          <div className="card empty-state">
            <h2>No coverage measured yet</h2>
            <p className="muted">
              Pick a connection and press “Measure coverage”. Measure several connections (different providers) to compare them side by
              side.
            </p>
          </div>
        )
      ) : (
        <section className="card" aria-label="Coverage matrix card">
          <div className="card-head">
            <h2>Matrix: latest run per connection</h2>
            <div className="toolbar">
              <ExportFormatButtons onExport={exportAs} disabled={shown.length === 0} />
            </div>
          </div>
          <fieldset className="inline-fields cov-columns">
            <legend className="muted">Connections shown</legend>
            {latest.map((run) => (
              <label key={run.connectionId} className="checkbox">
                <input
                  type="checkbox"
                  checked={!hidden.has(run.connectionId)}
                  onChange={(e) => {
                    const next = new Set(hidden);
                    if (e.target.checked) next.delete(run.connectionId);
                    else next.add(run.connectionId);
                    setHidden(next);
                  }}
                />
                {runTitle(run)}
              </label>
            ))}
          </fieldset>
          <div className="filters inline-fields">
            <SelectField
              label="Product"
              value={filter.product}
              options={[{ value: 'all', label: 'All products' }, ...COVERAGE_PRODUCTS.map((p) => ({ value: p, label: p }))]}
              onChange={(product) => setFilter({ ...filter, product })}
            />
            <label className="field">
              <span>Field</span>
              <input
                type="search"
                value={filter.text}
                placeholder="e.g. residence, income"
                onChange={(e) => setFilter({ ...filter, text: e.target.value })}
              />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filter.onlyNulls} onChange={(e) => setFilter({ ...filter, onlyNulls: e.target.checked })} />
              Only fields with nulls
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={filter.onlyDisagreements}
                onChange={(e) => setFilter({ ...filter, onlyDisagreements: e.target.checked })}
              />
              Only where the provider’s claim and the data disagree
            </label>
          </div>
          <p className="muted cov-legend">
            Share of records with a non-null value. ✓ the provider says supported · ✗ unsupported · ? not declared, or mixed below.{' '}
            <span className="cov-disagree-key">Outlined</span>: claim and data disagree. <span className="value-null">null</span> counts are
            nulls Finch sent; “absent” (key missing) is counted apart — hover a cell.
          </p>
          {shown.length === 0 ? (
            <p className="muted">Tick at least one connection above.</p>
          ) : (
            <CoverageMatrix runs={shown} filter={filter} />
          )}
        </section>
      )}
      {runs.length > 0 && <RunHistory runs={runs} onDeleted={load} />}
    </section>
  );
}
