/**
 * The rows of a data table, windowed: every row is ROW px tall, so the rows on screen follow
 * from scrollTop alone (no per-row measurement, no per-row objects for 100,000 rows). Only the
 * window's rows are rendered.
 * The window's row elements are reused in place: the element at the window's j-th place shows
 * whichever row is j-th in the window now. A scroll frame then rewrites text in elements that
 * stay instead of building a screenful of new ones (on a jump to new rows, a frame's median time
 * on the main thread went from 12–17 ms to 8–9 ms in bench/explorer's scroll), and the elements
 * never move, so the page keeps the rows in screen order (screen readers read it) without React
 * moving an element, which would drop its keyboard focus.
 * Focus belongs to a row, not an element: when the focused element starts showing another row,
 * focus goes to the element now showing its row, or to the scroller while that row is out of
 * the window, and comes back to the row when it is scrolled in again.
 */
import type { FocusEvent, JSX, KeyboardEvent } from 'react';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { cellText } from '@shared/export/table-export';
import type { DataColumn } from './columns';
import { shownValue } from './columns';
import { isSensitive, Value } from './Value';

export const ROW = 32;
/**
 * Rows rendered above and below the visible ones. Every scroll frame rewrites all of the
 * window's rows, so each extra row costs every frame; the window is rendered in the scroll
 * event's own frame, and keyboard moves scroll before they focus, so one row is enough.
 */
const OVERSCAN = 1;

/** What every row shares (one object per table render, so unchanged rows can skip rendering). */
export interface RowsShared<T> {
  columns: readonly DataColumn<T>[];
  /** Each cell's width in px (the selection column first, when there is one): column-widths.ts. */
  widths: readonly number[];
  revealed: boolean;
  rowKey: (row: T, index: number) => string;
  onOpen?: ((row: T) => void) | undefined;
  rowClass?: ((row: T) => string | undefined) | undefined;
  selected?: ReadonlySet<string> | undefined;
  toggle: (key: string) => void;
}

interface Props<T> {
  /** Rows shown (after filter and sort). */
  count: number;
  /** The row shown at position i, and its position among all rows (for its key). */
  rowAt: (i: number) => { row: T; index: number } | null;
  shared: RowsShared<T>;
  maxHeight: number;
  /** The rows' width, now and whenever it changes (the table fits its columns inside their padding). */
  onWidth: (width: number) => void;
}

export function DataRows<T>({ count, rowAt, shared, maxHeight, onWidth }: Props<T>): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const topRef = useRef(0);
  /** The row (its key) keyboard focus belongs to, whichever element shows it. */
  const focusKey = useRef<string | null>(null);
  const height = Math.min(Math.max(count, 1) * ROW, maxHeight);

  useLayoutEffect(() => {
    const element = scroller.current!;
    const onScroll = (): void => {
      const first = Math.floor(element.scrollTop / ROW);
      if (first === topRef.current) return;
      topRef.current = first;
      // Rendered in the same frame as the scroll, so a fast scroll never shows an empty band.
      flushSync(() => setTop(first));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, []);
  // The rows' width: read before the first paint, then followed (a window resized, the scrollbar
  // coming or going with the row count).
  useLayoutEffect(() => {
    const element = content.current!;
    onWidth(element.clientWidth);
    const observer = new ResizeObserver(() => onWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [onWidth]);
  // Fewer rows (a filter) can clamp the scroll position without a scroll event. Read only when
  // they can have: reading scrollTop right after new rows went in forces a layout.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || (topRef.current + 1) * ROW <= Math.max(0, count * ROW - height)) return;
    const first = Math.floor(element.scrollTop / ROW);
    topRef.current = first;
    setTop(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  // After every render: keep focus on its row while the elements' rows change under it.
  useLayoutEffect(() => {
    const element = scroller.current;
    const wanted = focusKey.current;
    const active = document.activeElement;
    if (!element || wanted === null || !(active instanceof HTMLElement) || !element.contains(active)) return;
    const shownRow = active === element ? null : active.closest<HTMLElement>('[role="row"]');
    if (shownRow?.dataset['key'] === wanted) return;
    const target = [...element.querySelectorAll<HTMLElement>('[role="row"]')].find((row) => row.dataset['key'] === wanted);
    if (target) target.focus({ preventScroll: true });
    else if (active !== element) element.focus({ preventScroll: true });
  });
  const onFocusRow = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    if (row?.dataset['key'] !== undefined) focusKey.current = row.dataset['key'];
  };
  // Focus leaving the table for good (not to the scroller, which holds it for a row out of view).
  const onBlurRows = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !scroller.current?.contains(next)) focusKey.current = null;
  };

  const first = Math.max(0, Math.min(top, count - 1) - OVERSCAN);
  const last = Math.min(count, top + Math.ceil(height / ROW) + OVERSCAN);

  // Keyboard users move between rows with the arrows, Home/End and Page keys; a row outside the
  // window is scrolled in first, then focused.
  const moveFocus = (index: number): void => {
    const element = scroller.current;
    if (!element) return;
    if (index * ROW < element.scrollTop) element.scrollTop = index * ROW;
    else if ((index + 1) * ROW > element.scrollTop + element.clientHeight) element.scrollTop = (index + 1) * ROW - element.clientHeight;
    const focus = (tries: number): void => {
      const target = element.querySelector<HTMLElement>(`[aria-rowindex="${index + 2}"]`);
      if (target) target.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(10));
  };
  const onKey = (event: KeyboardEvent, position: number, row: T): void => {
    if (event.key === 'Enter') shared.onOpen?.(row);
    else if (ROW_KEYS[event.key]) {
      event.preventDefault();
      moveFocus(ROW_KEYS[event.key]!(position, count));
    }
  };

  // Rows keep one handler for the table's life; it always acts on the latest count.
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const [stableOnKey] = useState(
    () => (event: KeyboardEvent, position: number, row: unknown) => onKeyRef.current(event, position, row as T),
  );

  const items: JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    const at = rowAt(i);
    // A row that is gone (new rows replaced the old ones before their order came back) is skipped.
    if (!at) continue;
    const key = shared.rowKey(at.row, at.index);
    items.push(
      <DataRow
        key={i - first}
        rowKey={key}
        row={at.row}
        position={i}
        shared={shared as RowsShared<unknown>}
        selected={shared.selected?.has(key) ?? false}
        onKey={stableOnKey}
      />,
    );
  }

  return (
    // As tall as its rows, up to a screenful: a filtered list should not leave a void.
    // tabIndex -1: it holds focus for a focused row scrolled out of the window. A focusable part
    // of a table must have a table's role: it is the group of the table's rows (the header row
    // stands beside it).
    <div
      ref={scroller}
      className="log-scroller"
      role="rowgroup"
      style={{ height, minHeight: 0 }}
      tabIndex={-1}
      onFocus={onFocusRow}
      onBlur={onBlurRows}
    >
      <div ref={content} style={{ height: count * ROW, position: 'relative' }}>
        {items}
      </div>
    </div>
  );
}

interface RowProps {
  rowKey: string;
  row: unknown;
  position: number;
  shared: RowsShared<unknown>;
  selected: boolean;
  onKey: (event: KeyboardEvent, position: number, row: unknown) => void;
}

/** One row; re-rendered only when its row, place, selection or the table's shared settings change. */
const DataRow = memo(
  function DataRow({ rowKey, row, position, shared, selected, onKey }: RowProps): JSX.Element {
    const extra = shared.rowClass?.(row);
    return (
      <div
        role="row"
        tabIndex={shared.onOpen || position === 0 ? 0 : -1}
        aria-rowindex={position + 2}
        data-key={rowKey}
        className={`data-row${shared.onOpen ? ' clickable' : ''}${extra ? ` ${extra}` : ''}${selected ? ' selected' : ''}`}
        style={{ transform: `translateY(${position * ROW}px)`, height: ROW }}
        onClick={() => shared.onOpen?.(row)}
        onKeyDown={(e) => onKey(e, position, row)}
      >
        {shared.selected && (
          <span role="cell" style={{ width: shared.widths[0] }} onClick={(e) => e.stopPropagation()}>
            <input type="checkbox" aria-label={`Choose ${rowKey}`} checked={selected} onChange={() => shared.toggle(rowKey)} />
          </span>
        )}
        {shared.columns.map((column, k) => {
          const shown = shownValue(column, row, shared.revealed);
          return (
            // The full value on hover: cells are cut at the column's width.
            <span
              key={column.id}
              role="cell"
              className="ellipsis"
              style={{ width: shared.widths[k + (shared.selected ? 1 : 0)] }}
              title={shown === null || shown === undefined ? undefined : cellText(shown)}
            >
              {column.render ? column.render(row) : cellContent(column.value(row), column.path ?? column.id, shared.revealed)}
            </span>
          );
        })}
      </div>
    );
  },
  (a, b) => a.row === b.row && a.position === b.position && a.shared === b.shared && a.selected === b.selected && a.rowKey === b.rowKey,
);

/**
 * A cell's content: a plain value as bare text (one element fewer per cell to build and lay out
 * on every scroll frame), anything Value dresses up (null, —, "", masked, objects) through it.
 */
function cellContent(value: unknown, path: string, revealed: boolean): JSX.Element | string {
  const plain = (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';
  if (plain && (revealed || !isSensitive(path))) return String(value);
  return <Value value={value} path={path} revealed={revealed} />;
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
