/**
 * THE table for list views: column chooser, sort (click a header), a text filter over the
 * shown columns, windowed rows (100,000 scroll as smoothly as 10), and CSV/JSON export of
 * exactly what is shown — the filtered, sorted rows and the chosen columns, sensitive cells
 * masked unless revealed. Nulls show as null, absent values as —, "" as "".
 * Sort and filter run on column data and answer with an index order (useRowOrder): in a worker
 * for a table that can hold a whole directory (`offThread`), in place for the others.
 */
import type { JSX, ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { DataColumn } from './columns';
import { resolveTracks, trackMinimum } from './column-widths';
import { ColumnChooser } from './ColumnChooser';
import type { RowsShared } from './DataRows';
import { DataRows } from './DataRows';
import { ExportButtons } from './ExportButtons';
import type { RowQuery } from './row-order';
import { useRowOrder } from './useRowOrder';
import './data-table.css';

export interface DataTableProps<T> {
  /** Accessible name of the table (e.g. "Directory"). */
  label: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  /** Singular and plural noun for the count line: "2,500 of 2,500 people". */
  noun?: [string, string];
  filterLabel?: string;
  filterPlaceholder?: string;
  /** File-name stem of exports, e.g. "directory-acme". */
  exportStem: string;
  rowKey: (row: T, index: number) => string;
  onOpen?: (row: T) => void;
  /** Extra class per row (e.g. a per-item error). */
  rowClass?: (row: T) => string | undefined;
  /** Sensitive values shown in clear (the view's reveal toggle). */
  revealed?: boolean;
  /** Row selection (a checkbox column), e.g. payments to read statements for. */
  selected?: ReadonlySet<string>;
  onSelectedChange?: (keys: Set<string>) => void;
  /** Controls shown in the toolbar, after the filter. */
  toolbar?: ReactNode;
  /** Shown instead of the table when there are no rows at all: say what to do. */
  empty?: ReactNode;
  /** Tallest the rows area grows (px). */
  maxHeight?: number;
  /** A small table inside a card (a statement's earnings): no filter box. */
  compact?: boolean;
  /**
   * Set when `rows` is not everything yet (a directory still streaming in, or cut short):
   * shown beside the export buttons, and exports are named and described as partial.
   */
  partial?: string | null;
  /**
   * Sort and filter in a worker: for tables that can hold 100,000 rows (the directory). The
   * header arrows and the count then follow the answer, a moment after the click.
   */
  offThread?: boolean;
}

// A row's gap between cells and its side padding (.data-row in data-table.css).
const CELL_GAP = 8;
const ROW_PADDING = 24;

type Sort = { id: string; desc: boolean } | null;

export function DataTable<T>(props: DataTableProps<T>): JSX.Element {
  const { rows, columns, revealed = false, rowKey, selected, onSelectedChange } = props;
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(columns.filter((c) => c.hidden).map((c) => c.id)));
  const [plural, noun] = [props.noun?.[1] ?? 'rows', props.noun?.[0] ?? 'row'];

  const shownColumns = useMemo(() => columns.filter((c) => !hidden.has(c.id)), [columns, hidden]);
  const needle = filter.trim().toLowerCase();
  const shownIds = needle ? shownColumns.map((c) => c.id) : [];
  const query: RowQuery = { needle, shown: shownIds, sort };
  const view = useRowOrder(rows, columns, revealed, query, props.offThread ?? false);
  const order = view.order;
  const count = order ? order.length : rows.length;
  const rowAt = (i: number): { row: T; index: number } | null => {
    const index = order ? order[i]! : i;
    const row = rows[index];
    return row === undefined ? null : { row, index };
  };
  const shownRows = (): T[] => (order ? Array.from(order, (i) => rows[i]!).filter((r) => r !== undefined) : [...rows]);

  // Wide enough for every track at its minimum, with the gaps and padding between and around
  // them: narrower, and the grid's overflow clip would cut off the last columns.
  const trackList = [selected ? '32px' : null, ...shownColumns.map((c) => c.width ?? 'minmax(130px, 1fr)')].filter(
    (t): t is string => t !== null,
  );
  const minWidth = trackList.reduce((sum, t) => sum + trackMinimum(t), 0) + CELL_GAP * Math.max(trackList.length - 1, 0) + ROW_PADDING;
  // One string, so the widths below are worked out again only when the columns change.
  const tracks = trackList.join('|');
  // The rows' width (DataRows measures it: inside the scroller, past its scrollbar), so the
  // header's columns line up with the rows'.
  const [rowWidth, setRowWidth] = useState(0);
  const widths = useMemo(() => resolveTracks(tracks.split('|'), rowWidth - ROW_PADDING, CELL_GAP), [tracks, rowWidth]);

  const toggle = (key: string) => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelectedChange(next);
  };
  const shared = useMemo<RowsShared<T>>(
    () => ({ columns: shownColumns, widths, revealed, rowKey, onOpen: props.onOpen, rowClass: props.rowClass, selected, toggle }),
    // `toggle` reads `selected`, which is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownColumns, widths, revealed, rowKey, props.onOpen, props.rowClass, selected],
  );

  if (rows.length === 0) return <div className="card-empty">{props.empty ?? <p className="muted">Finch returned no {plural}.</p>}</div>;

  const shownKeys = (): string[] => {
    const keys: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = rowAt(i);
      if (at) keys.push(rowKey(at.row, at.index));
    }
    return keys;
  };
  const allVisibleSelected = selected !== undefined && count > 0 && shownKeys().every((k) => selected.has(k));
  const toggleAll = () => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    for (const k of shownKeys()) allVisibleSelected ? next.delete(k) : next.add(k);
    onSelectedChange(next);
  };
  // Header clicks as before: first direction ascending for a text column, descending otherwise
  // (judged by the first row passing the filter), then the other direction, then unsorted.
  const clickSort = (column: DataColumn<T>) => {
    const firstRow = view.firstMatch >= 0 ? rows[view.firstMatch] : undefined;
    const firstDesc = typeof (firstRow === undefined ? undefined : column.value(firstRow)) !== 'string';
    setSort((current) => {
      if (current?.id !== column.id) return { id: column.id, desc: firstDesc };
      if (current.desc !== firstDesc) return null;
      return { id: column.id, desc: !current.desc };
    });
  };
  const applied = view.applied.sort;
  const visibleCount = count.toLocaleString('en-US');

  return (
    <div className="data-table">
      <div className="data-table-toolbar">
        {!props.compact && (
          <label className="field inline-search">
            <span>{props.filterLabel ?? `Filter ${plural}`}</span>
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={props.filterPlaceholder ?? 'any shown value…'}
            />
          </label>
        )}
        {props.toolbar}
        <div className="data-table-actions">
          <ColumnChooser
            columns={columns}
            isShown={(id) => !hidden.has(id)}
            onChange={(id, show) =>
              setHidden((h) => {
                const next = new Set(h);
                if (show) next.delete(id);
                else next.add(id);
                return next;
              })
            }
            onShowAll={() => setHidden(new Set())}
          />
          <ExportButtons
            stem={props.exportStem}
            rows={shownRows}
            columns={shownColumns}
            revealed={revealed}
            partial={props.partial ?? null}
          />
        </div>
      </div>
      {props.partial && <p className="data-table-partial">{props.partial}: exports hold only these rows, and say so in their file name.</p>}
      <p className="muted data-table-count" role="status">
        {visibleCount} of {rows.length.toLocaleString('en-US')} {rows.length === 1 ? noun : plural}
      </p>
      <div className="data-table-frame">
        <div
          className="log-table data-table-grid"
          role="table"
          aria-label={props.label}
          aria-rowcount={count + 1}
          aria-busy={view.pending || undefined}
          style={{ minWidth }}
        >
          <div className="data-row log-head" role="row">
            {selected && (
              <span role="columnheader" style={{ width: widths[0] }}>
                <input type="checkbox" aria-label={`Choose all ${count} shown`} checked={allVisibleSelected} onChange={toggleAll} />
              </span>
            )}
            {shownColumns.map((c, k) => {
              // The arrow shows once the rows are in that order.
              const sorted = applied?.id === c.id ? (applied.desc ? 'desc' : 'asc') : false;
              return (
                <span
                  key={c.id}
                  role="columnheader"
                  style={{ width: widths[k + (selected ? 1 : 0)] }}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => clickSort(c)} title="Sort">
                    <span className="ellipsis">{c.header}</span>
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </span>
              );
            })}
          </div>
          {count === 0 ? (
            <p className="data-table-none muted">
              No {plural} match “{filter}”.{' '}
              <button type="button" className="link-button" onClick={() => setFilter('')}>
                Clear the filter
              </button>
            </p>
          ) : (
            <DataRows count={count} rowAt={rowAt} shared={shared} maxHeight={props.maxHeight ?? 480} onWidth={setRowWidth} />
          )}
        </div>
      </div>
    </div>
  );
}
