/**
 * The coverage matrix as export rows: one row per product and field, and for each connection
 * its share and counts and what the provider claims. The CSV/JSON holds what the matrix shows.
 */
import type { ExportColumn } from '@shared/export/table-export';
import type { CoverageRunView, FieldCoverage } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';

export interface MatrixRow {
  key: string;
  product: string;
  path: string;
  specNullable: boolean;
  /** Per run id: the field's coverage in that run (absent when the product has no such field). */
  cells: Record<number, FieldCoverage | undefined>;
}

export function matrixRows(runs: readonly CoverageRunView[]): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const product of COVERAGE_PRODUCTS) {
    const paths = new Map<string, boolean>();
    for (const run of runs)
      for (const f of run.products.find((p) => p.product === product)?.fields ?? [])
        if (!paths.has(f.path)) paths.set(f.path, f.specNullable);
    for (const [path, specNullable] of paths) {
      const cells: MatrixRow['cells'] = {};
      for (const run of runs) cells[run.id] = run.products.find((p) => p.product === product)?.fields.find((f) => f.path === path);
      rows.push({ key: `${product}.${path}`, product, path, specNullable, cells });
    }
  }
  return rows;
}

/** Share as the matrix prints it: "87.5%", or "—" without records. */
export function shareText(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  const pct = share * 100;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function supportText(supported: boolean | null | undefined): string {
  return supported === true ? 'supported' : supported === false ? 'unsupported' : 'not declared';
}

export function runTitle(run: CoverageRunView): string {
  return `${run.providerId ?? 'unknown'} · ${run.customerName ?? run.connectionId.slice(0, 8)}`;
}

export function exportColumns(runs: readonly CoverageRunView[]): ExportColumn[] {
  const columns: ExportColumn[] = [
    { key: 'product', label: 'Product' },
    { key: 'path', label: 'Field' },
    { key: 'specNullable', label: 'Nullable in spec' },
  ];
  for (const run of runs) {
    const t = `${runTitle(run)} (${run.connectionId})`;
    columns.push(
      { key: `${run.id}:share`, label: `${t}: non-null share` },
      { key: `${run.id}:values`, label: `${t}: values` },
      { key: `${run.id}:empty`, label: `${t}: empty` },
      { key: `${run.id}:nulls`, label: `${t}: null` },
      { key: `${run.id}:absent`, label: `${t}: absent` },
      { key: `${run.id}:supported`, label: `${t}: provider says` },
    );
  }
  return columns;
}

/** Reads one export cell; the share is written as the matrix shows it. */
export function exportCell(row: unknown, key: string): unknown {
  const r = row as MatrixRow;
  if (key === 'product' || key === 'path' || key === 'specNullable') return r[key];
  const [id, what] = key.split(':') as [string, keyof FieldCoverage | 'supported'];
  const cell = r.cells[Number(id)];
  if (!cell) return null;
  if (what === 'share') return shareText(cell.share);
  if (what === 'supported') return supportText(cell.supported);
  return cell[what];
}
