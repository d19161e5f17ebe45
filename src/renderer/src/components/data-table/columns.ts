/**
 * Columns of a data table: how a cell's value is read, how values sort and filter, and
 * columns inferred from the records Finch returned (every dotted path seen, in first-seen
 * order), so a provider's extra fields show up without anyone listing them.
 */
import type { ReactNode } from 'react';
import { cellText } from '@shared/export/table-export';
import { isSensitive, MASK, maskSensitive } from '../sensitive';

export interface DataColumn<T> {
  /** Stable id; also the key the column chooser remembers. */
  id: string;
  /** Header shown in the view and written to exports. */
  header: string;
  /** The raw value (null stays null: the cell shows it as such). */
  value: (row: T) => unknown;
  /** Dotted path used to decide masking (defaults to id). */
  path?: string;
  /** Written as a CSS grid track, '120px' or 'minmax(140px, 1fr)' (the two forms column-widths.ts lays out). */
  width?: string;
  /** Start hidden (still offered by the column chooser). */
  hidden?: boolean;
  /** A custom cell; the export still writes `value`. */
  render?: (row: T) => ReactNode;
}

/** Nulls and absent values sort last; numbers as numbers; text naturally ("item 2" < "item 10"). */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined || a === '';
  const bMissing = b === null || b === undefined || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return cellText(a).localeCompare(cellText(b), undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * What the cell shows as text (its hover title, the filter, exports): masked until revealed.
 * A column kept whole as an array or object (`income_history`) masks what is sensitive
 * inside it (`income_history.amount`), as the cell itself does.
 */
export function shownValue<T>(column: DataColumn<T>, row: T, revealed: boolean): unknown {
  const value = column.value(row);
  if (value === null || value === undefined || value === '' || revealed) return value;
  const path = column.path ?? column.id;
  if (isSensitive(path)) return MASK;
  return typeof value === 'object' ? maskSensitive(value, false, path) : value;
}

export function matchesFilter<T>(row: T, columns: readonly DataColumn<T>[], needle: string, revealed: boolean): boolean {
  return columns.some((c) => {
    const value = shownValue(c, row, revealed);
    const text = value === null ? 'null' : cellText(value);
    return text.toLowerCase().includes(needle);
  });
}

/** Reads a dotted path (`department.name`) from a record. Absent stays undefined, null stays null. */
export function readPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Leaf paths of a record: nested objects flattened, arrays kept whole. */
function leafPaths(value: unknown, prefix: string, into: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (prefix) into.add(prefix);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 && prefix) into.add(prefix);
  for (const [k, v] of entries) leafPaths(v, prefix ? `${prefix}.${k}` : k, into);
}

const label = (path: string) => path.replace(/_/g, ' ').replace(/\./g, ' › ');

/**
 * Columns for every path seen in the first `sample` records (a column that is null on
 * every sampled row still appears: that is what coverage looks like). `first` paths lead.
 */
export function inferColumns<T>(
  records: readonly T[],
  read: (row: T) => unknown,
  options: { first?: string[]; sample?: number; prefix?: string } = {},
): DataColumn<T>[] {
  const paths = new Set<string>(options.first ?? []);
  for (const record of records.slice(0, options.sample ?? 300)) leafPaths(read(record), '', paths);
  return [...paths].map((path) => ({
    id: `${options.prefix ?? ''}${path}`,
    header: label(path),
    path,
    value: (row: T) => readPath(read(row), path),
  }));
}
