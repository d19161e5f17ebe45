/**
 * THE table for list views: column chooser, sort (click a header), a text filter over the
 * shown columns, virtualised rows (10,000 scroll as smoothly as 10), and CSV/JSON export of
 * exactly what is shown — the filtered, sorted rows and the chosen columns, sensitive cells
 * masked unless revealed. Nulls show as null, absent values as —, "" as "".
 */
import type { JSX, ReactNode } from 'react';
import { useMemo, useRef, useState } from 'react';
import type { ColumnDef, SortingState, VisibilityState } from '@tanstack/react-table';
import { getCoreRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DataColumn } from './columns';
import { compareValues, matchesFilter, shownValue } from './columns';
import { cellText } from '@shared/export/table-export';
import { ColumnChooser } from './ColumnChooser';
import { ExportButtons } from './ExportButtons';
import { Value } from './Value';
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
}

const ROW = 32;
// A row's gap between cells and its side padding (.data-row in data-table.css).
const CELL_GAP = 8;
const ROW_PADDING = 24;

/** The narrowest a grid track may be: its px minimum (`120px`, `minmax(140px, 1fr)`), else 0. */
function trackMinimum(track: string): number {
  return Number(/(\d+(?:\.\d+)?)px/.exec(track)?.[1] ?? 0);
}

export function DataTable<T>(props: DataTableProps<T>): JSX.Element {
  const { rows, columns, revealed = false, rowKey, selected, onSelectedChange } = props;
  const [filter, setFilter] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    Object.fromEntries(columns.filter((c) => c.hidden).map((c) => [c.id, false])),
  );
  const [plural, noun] = [props.noun?.[1] ?? 'rows', props.noun?.[0] ?? 'row'];

  const shownColumns = useMemo(() => columns.filter((c) => visibility[c.id] !== false), [columns, visibility]);
  // Filtering is ours (over the shown columns, as shown): react-table sorts and hides.
  const filtered = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle ? rows.filter((r) => matchesFilter(r, shownColumns, needle, revealed)) : rows;
  }, [rows, shownColumns, filter, revealed]);

  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.value(row),
        sortingFn: (a, b, id) => compareValues(a.getValue(id), b.getValue(id)),
        meta: c,
      })),
    [columns],
  );
  const table = useReactTable<T>({
    data: filtered as T[],
    columns: defs,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row, index) => rowKey(row, index),
  });
  const visibleRows = table.getRowModel().rows;
  const leafColumns = table.getVisibleLeafColumns();
  // Wide enough for every track at its minimum, with the gaps and padding between and around
  // them: narrower, and the grid's overflow clip would cut off the last columns.
  const trackList = [
    selected ? '32px' : null,
    ...leafColumns.map((c) => (c.columnDef.meta as DataColumn<T>).width ?? 'minmax(130px, 1fr)'),
  ].filter((t): t is string => t !== null);
  const minWidth = trackList.reduce((sum, t) => sum + trackMinimum(t), 0) + CELL_GAP * Math.max(trackList.length - 1, 0) + ROW_PADDING;
  const tracks = trackList.join(' ');

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visibleRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 15,
  });
  // Keyboard users move between rows with the arrows, Home/End and Page keys; rows outside the
  // virtual window are scrolled in first, then focused.
  const moveFocus = (index: number): void => {
    virtualizer.scrollToIndex(index);
    const focus = (tries: number): void => {
      const target = scroller.current?.querySelector<HTMLElement>(`[aria-rowindex="${index + 2}"]`);
      if (target) target.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(10));
  };

  if (rows.length === 0) return <div className="card-empty">{props.empty ?? <p className="muted">Finch returned no {plural}.</p>}</div>;

  const allVisibleSelected = selected !== undefined && visibleRows.length > 0 && visibleRows.every((r) => selected.has(r.id));
  const toggleAll = () => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    for (const r of visibleRows) allVisibleSelected ? next.delete(r.id) : next.add(r.id);
    onSelectedChange(next);
  };
  const toggle = (key: string) => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelectedChange(next);
  };

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
          <ColumnChooser table={table} />
          <ExportButtons
            stem={props.exportStem}
            rows={visibleRows.map((r) => r.original)}
            columns={leafColumns.map((c) => c.columnDef.meta as DataColumn<T>)}
            revealed={revealed}
            partial={props.partial ?? null}
          />
        </div>
      </div>
      {props.partial && <p className="data-table-partial">{props.partial}: exports hold only these rows, and say so in their file name.</p>}
      <p className="muted data-table-count" role="status">
        {visibleRows.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} {rows.length === 1 ? noun : plural}
      </p>
      <div className="data-table-frame">
        <div
          className="log-table data-table-grid"
          role="table"
          aria-label={props.label}
          aria-rowcount={visibleRows.length + 1}
          style={{ minWidth }}
        >
          <div className="data-row log-head" role="row" style={{ gridTemplateColumns: tracks }}>
            {selected && (
              <span role="columnheader">
                <input
                  type="checkbox"
                  aria-label={`Choose all ${visibleRows.length} shown`}
                  checked={allVisibleSelected}
                  onChange={toggleAll}
                />
              </span>
            )}
            {leafColumns.map((c) => {
              const sorted = c.getIsSorted();
              return (
                <span key={c.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                  <button type="button" className="sort-button" onClick={c.getToggleSortingHandler()} title="Sort">
                    <span className="ellipsis">{String(c.columnDef.header)}</span>
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </span>
              );
            })}
          </div>
          {visibleRows.length === 0 ? (
            <p className="data-table-none muted">
              No {plural} match “{filter}”.{' '}
              <button type="button" className="link-button" onClick={() => setFilter('')}>
                Clear the filter
              </button>
            </p>
          ) : (
            // As tall as its rows, up to a screenful: a filtered list should not leave a void.
            <div
              ref={scroller}
              className="log-scroller"
              style={{ height: Math.min(Math.max(visibleRows.length, 1) * ROW, props.maxHeight ?? 480), minHeight: 0 }}
            >
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const row = visibleRows[item.index]!;
                  const extra = props.rowClass?.(row.original);
                  return (
                    <div
                      key={row.id}
                      role="row"
                      tabIndex={props.onOpen || item.index === 0 ? 0 : -1}
                      aria-rowindex={item.index + 2}
                      className={`data-row${props.onOpen ? ' clickable' : ''}${extra ? ` ${extra}` : ''}${selected?.has(row.id) ? ' selected' : ''}`}
                      style={{ transform: `translateY(${item.start}px)`, height: ROW, gridTemplateColumns: tracks }}
                      onClick={() => props.onOpen?.(row.original)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') props.onOpen?.(row.original);
                        else if (ROW_KEYS[e.key]) {
                          e.preventDefault();
                          moveFocus(ROW_KEYS[e.key]!(item.index, visibleRows.length));
                        }
                      }}
                    >
                      {selected && (
                        <span role="cell" onClick={(e) => e.stopPropagation()}>
                          <input
                            type="checkbox"
                            aria-label={`Choose ${row.id}`}
                            checked={selected.has(row.id)}
                            onChange={() => toggle(row.id)}
                          />
                        </span>
                      )}
                      {leafColumns.map((c) => {
                        const column = c.columnDef.meta as DataColumn<T>;
                        const shown = shownValue(column, row.original, revealed);
                        return (
                          // The full value on hover: cells are cut at the column's width.
                          <span
                            key={c.id}
                            role="cell"
                            className="ellipsis"
                            title={shown === null || shown === undefined ? undefined : cellText(shown)}
                          >
                            {column.render ? (
                              column.render(row.original)
                            ) : (
                              <Value value={column.value(row.original)} path={column.path ?? column.id} revealed={revealed} />
                            )}
                          </span>
                        );
                      })}
                    </div>
                  );
                })}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** Row-to-row keys: where focus goes from row `i` of `n`. */
const ROW_KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: (i) => Math.max(i - 1, 0),
  PageDown: (i, n) => Math.min(i + 15, n - 1),
  PageUp: (i) => Math.max(i - 15, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};
