/**
 * The coverage matrix: one row per product field, one column per connection (its latest
 * run). Each cell shows the share of records with a non-null value and what GET /providers
 * claims; cells where the claim and the data disagree are marked. A product a connection did
 * not return (202, 501, not granted, failed) says so in its header row instead of 0%.
 */
import type { JSX } from 'react';
import { Fragment, useMemo } from 'react';
import type { CoverageRunView, FieldCoverage, ProductCoverage } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import type { MatrixRow } from './coverage-export';
import { matrixRows, runTitle, shareText, supportText } from './coverage-export';

const PRODUCT_LABEL: Record<string, string> = {
  company: 'Company',
  directory: 'Directory',
  individual: 'Individual',
  employment: 'Employment',
  payment: 'Payment',
  pay_statement: 'Pay statement',
};

/** The claim and the data disagree: "supported" but nulls seen, or "unsupported" yet values came. */
export function disagrees(cell: FieldCoverage | undefined): boolean {
  if (!cell || cell.share === null) return false;
  return (cell.supported === true && cell.nulls > 0) || (cell.supported === false && cell.values > 0);
}

function tone(cell: FieldCoverage): string {
  if (cell.share === null) return '';
  if (cell.share === 1) return 'cov-full';
  if (cell.share === 0) return 'cov-none';
  return 'cov-part';
}

function Cell({ cell }: { cell: FieldCoverage | undefined }): JSX.Element {
  if (!cell || cell.share === null) return <td className="cov-cell muted">—</td>;
  const detail = `${cell.values} with a value · ${cell.empty} empty · ${cell.nulls} null · ${cell.absent} absent · provider: ${supportText(cell.supported)}`;
  const mark = cell.supported === true ? '✓' : cell.supported === false ? '✗' : '?';
  return (
    <td
      className={`cov-cell ${tone(cell)}${disagrees(cell) ? ' cov-disagree' : ''}`}
      title={detail}
      aria-label={`${shareText(cell.share)}, ${detail}`}
    >
      <span className="cov-share">{shareText(cell.share)}</span>
      <span className={`cov-claim cov-claim-${supportText(cell.supported).replace(' ', '-')}`} aria-hidden="true">
        {mark}
      </span>
      {cell.nulls > 0 && <span className="value-null cov-nulls">{cell.nulls} null</span>}
    </td>
  );
}

function ProductHead({ product, runs }: { product: string; runs: readonly CoverageRunView[] }): JSX.Element {
  return (
    <tr className="cov-product">
      <th scope="rowgroup" colSpan={2}>
        {PRODUCT_LABEL[product] ?? product}
      </th>
      {runs.map((run) => {
        const p = run.products.find((x) => x.product === product);
        return (
          <td key={run.id} className="cov-product-cell">
            <ProductState product={p} />
          </td>
        );
      })}
    </tr>
  );
}

function ProductState({ product }: { product: ProductCoverage | undefined }): JSX.Element {
  if (!product) return <span className="muted">not measured</span>;
  if (product.status !== 'ok') {
    const label = { accepted: '202 not ready', not_implemented: '501 not supported', not_granted: 'not granted', failed: 'failed', ok: '' }[
      product.status
    ];
    return (
      <span className="badge badge-warn" title={product.message ?? ''}>
        {label}
      </span>
    );
  }
  const errors = product.itemErrors > 0 ? ` · ${product.itemErrors} item errors` : '';
  const offer = product.providerOffers === false ? ' · provider lists no such product' : '';
  return (
    <span className="muted">
      {product.records.toLocaleString('en-US')} {product.records === 1 ? 'record' : 'records'}
      {errors}
      {offer}
    </span>
  );
}

export interface MatrixFilter {
  product: string;
  text: string;
  onlyNulls: boolean;
  onlyDisagreements: boolean;
}

export function visibleRows(rows: MatrixRow[], runs: readonly CoverageRunView[], filter: MatrixFilter): MatrixRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.product !== 'all' && row.product !== filter.product) return false;
    if (needle && !row.key.toLowerCase().includes(needle)) return false;
    const cells = runs.map((r) => row.cells[r.id]);
    if (filter.onlyNulls && !cells.some((c) => c && c.nulls > 0)) return false;
    if (filter.onlyDisagreements && !cells.some(disagrees)) return false;
    return true;
  });
}

export function CoverageMatrix({ runs, filter }: { runs: readonly CoverageRunView[]; filter: MatrixFilter }): JSX.Element {
  const rows = useMemo(() => matrixRows(runs), [runs]);
  const shown = visibleRows(rows, runs, filter);
  return (
    <div className="cov-scroll">
      <table className="cov-table" aria-label="Coverage matrix">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col" title="The spec allows null here">
              Nullable in spec
            </th>
            {runs.map((run) => (
              <th key={run.id} scope="col" className="cov-run-head">
                <span>{runTitle(run)}</span>
                <span className="muted mono">{new Date(run.at).toLocaleString()}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COVERAGE_PRODUCTS.map((product) => {
            const mine = shown.filter((r) => r.product === product);
            if (mine.length === 0) return null;
            return (
              <Fragment key={product}>
                <ProductHead product={product} runs={runs} />
                {mine.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className="mono cov-path">
                      {row.path}
                    </th>
                    <td className="cov-spec">{row.specNullable ? 'nullable' : 'never null'}</td>
                    {runs.map((run) => (
                      <Cell key={run.id} cell={row.cells[run.id]} />
                    ))}
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">No field matches these filters.</p>}
    </div>
  );
}
