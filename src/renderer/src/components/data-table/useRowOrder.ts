/**
 * A table's rows in display order (filtered, sorted) as an index array, computed by an engine
 * (row-order-engine.ts) that is fed only the rows that arrived since last time: a streamed
 * directory's 1,000-person events are encoded once each, never re-sent. An answer that a newer
 * request superseded is dropped; while rows stream in under a sort or filter, the engine is
 * asked again once each answer is in (never a queue of stale requests).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DataColumn } from './columns';
import { encodeRows } from './row-encoding';
import type { RowQuery } from './row-order';
import { isIdentity, RowStore } from './row-order';
import type { RowOrderEngine } from './row-order-engine';
import { inPageEngine, workerEngine } from './row-order-engine';
import type { FromTableWorker } from './row-order-protocol';

/** Rows encoded per message: small enough that encoding never holds a frame for long (a few ms). */
const CHUNK = 1_000;

export interface RowOrderView {
  /** Row positions in display order; null: every row in order. */
  order: Uint32Array | null;
  /** The request the order answers (what the header arrows and the count describe). */
  applied: RowQuery;
  /** First row (in row order) passing the applied filter, -1 for none. */
  firstMatch: number;
  /** A newer request, or newer rows, are not in the order yet. */
  pending: boolean;
}

const keyOf = (q: RowQuery) => JSON.stringify(q);

/**
 * Columns as the engine sees them: by id and path. Views may rebuild their column list every
 * render (inline arrays); the same columns must not re-feed the rows.
 */
const columnsKey = <T>(columns: readonly DataColumn<T>[]) => columns.map((c) => `${c.id}\u0001${c.path ?? ''}`).join('\u0000');

interface Fed<T> {
  rows: readonly T[];
  count: number;
  columns: readonly DataColumn<T>[];
  columnsKey: string;
  revealed: boolean;
}

/** The order of a table's rows: in a worker when `offThread` (fixed for the table's life), else in place. */
export function useRowOrder<T>(
  rows: readonly T[],
  columns: readonly DataColumn<T>[],
  revealed: boolean,
  query: RowQuery,
  offThread: boolean,
): RowOrderView {
  const local = useLocalOrder(rows, columns, revealed, query, !offThread);
  const worker = useWorkerOrder(rows, columns, revealed, query, offThread);
  return local ?? worker!;
}

/** A small table: sorted and filtered during render, as it always was (same engine, no worker). */
function useLocalOrder<T>(
  rows: readonly T[],
  columns: readonly DataColumn<T>[],
  revealed: boolean,
  query: RowQuery,
  enabled: boolean,
): RowOrderView | null {
  const shape = columnsKey(columns);
  const key = keyOf(query);
  return useMemo(() => {
    if (!enabled) return null;
    if (isIdentity(query)) return { order: null, applied: query, firstMatch: rows.length > 0 ? 0 : -1, pending: false };
    const store = new RowStore();
    store.append(encodeRows(rows, 0, rows.length, columns, revealed));
    const result = store.order(query);
    return { order: result.order, applied: query, firstMatch: result.firstMatch, pending: false };
    // `shape` and `key` stand for columns and query (rebuilt each render by some views, equal in content).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, rows, shape, revealed, key]);
}

function useWorkerOrder<T>(
  rows: readonly T[],
  columns: readonly DataColumn<T>[],
  revealed: boolean,
  query: RowQuery,
  enabled: boolean,
): RowOrderView | null {
  const [answer, setAnswer] = useState<{
    order: Uint32Array | null;
    rows: number;
    firstMatch: number;
    key: string;
    query: RowQuery;
  } | null>(null);
  const live = useRef({
    engine: null as RowOrderEngine | null,
    generation: 0,
    seq: 0,
    fed: null as Fed<T> | null,
    feeding: null as ReturnType<typeof setTimeout> | null,
    /** The latest request, and the one the engine is working on. */
    query,
    inFlight: null as { seq: number; key: string } | null,
    again: false,
    shownSeq: -1,
    /** The worker failed once: this table sorts on the page from then on. */
    inPage: false,
    /** This render's `sync` (the engine's callbacks outlive the render that made them). */
    resync: () => {},
  });
  const self = live.current;
  self.query = query;

  const ask = (): void => {
    const current = self.query;
    if (!enabled || isIdentity(current) || !self.engine) return;
    const key = keyOf(current);
    if (self.inFlight && self.inFlight.key === key) {
      self.again = true;
      return;
    }
    self.seq += 1;
    self.inFlight = { seq: self.seq, key };
    self.engine.query(self.generation, self.seq, current);
  };

  const onAnswer = (message: FromTableWorker): void => {
    if (message.generation !== self.generation) return;
    const asked = self.inFlight;
    if (asked && asked.seq === message.seq) self.inFlight = null;
    // Only the latest request's answer is shown; an older one for the same request (fewer rows) still helps.
    const latestKey = keyOf(self.query);
    if (message.seq <= self.shownSeq || (asked?.seq === message.seq ? asked.key : null) !== latestKey) {
      if (!self.inFlight) ask();
      return;
    }
    self.shownSeq = message.seq;
    setAnswer({ order: message.order, rows: message.rows, firstMatch: message.firstMatch, key: latestKey, query: self.query });
    if (self.again || (self.fed && message.rows < self.fed.count)) {
      self.again = false;
      ask();
    }
  };

  // The rows the worker held are gone with it (their buffers were handed over): start again on the page.
  const onWorkerFailure = (reason: string): void => {
    if (self.inPage) return;
    console.warn(`Table sort and filter run on the page instead of a worker: ${reason}`);
    self.inPage = true;
    self.engine?.dispose();
    self.engine = null;
    self.fed = null;
    self.resync();
  };

  const shape = columnsKey(columns);
  // Feed what arrived since last time (all of it after a reset), then ask for the order.
  const sync = (): void => {
    if (!enabled) return;
    // Created here, not during render: StrictMode's second mount gets a fresh worker.
    self.engine ??= self.inPage ? inPageEngine(onAnswer) : workerEngine(onAnswer, onWorkerFailure);
    const fed = self.fed;
    const extendsFed =
      fed !== null &&
      fed.columnsKey === shape &&
      fed.revealed === revealed &&
      rows.length >= fed.count &&
      (fed.count === 0 || (rows[0] === fed.rows[0] && rows[fed.count - 1] === fed.rows[fed.count - 1]));
    if (!extendsFed) {
      if (self.feeding) clearTimeout(self.feeding);
      self.feeding = null;
      self.generation += 1;
      self.inFlight = null;
      self.again = false;
      self.shownSeq = -1;
      self.engine!.reset(self.generation);
      self.fed = { rows, count: 0, columns, columnsKey: shape, revealed };
      setAnswer(null);
    } else {
      fed.rows = rows;
      fed.columns = columns;
    }
    if (self.feeding) return; // the feed under way picks up the new rows
    const feedMore = (): void => {
      self.feeding = null;
      const target = self.fed!;
      const end = Math.min(target.rows.length, target.count + CHUNK);
      if (end > target.count) {
        self.engine!.append(self.generation, encodeRows(target.rows, target.count, end, target.columns, target.revealed));
        target.count = end;
      }
      if (target.count < target.rows.length) {
        // A worker's table is fed a chunk per task: the first rows paint before 100,000 are encoded.
        self.feeding = setTimeout(feedMore, 0);
        return;
      }
      ask();
    };
    if (self.fed!.count === 0 && rows.length > CHUNK) self.feeding = setTimeout(feedMore, 0);
    else feedMore();
  };

  self.resync = sync;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(sync, [enabled, rows, shape, revealed]);
  const queryKey = keyOf(query);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(ask, [queryKey]);
  useEffect(
    () => () => {
      if (self.feeding) clearTimeout(self.feeding);
      self.feeding = null;
      self.engine?.dispose();
      self.engine = null;
      self.fed = null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  if (!enabled) return null;
  if (isIdentity(query)) return { order: null, applied: query, firstMatch: rows.length > 0 ? 0 : -1, pending: false };
  if (!answer) return { order: null, applied: IDENTITY(query), firstMatch: rows.length > 0 ? 0 : -1, pending: true };
  return {
    order: answer.order,
    applied: answer.query,
    firstMatch: answer.firstMatch,
    pending: answer.key !== queryKey || answer.rows < rows.length,
  };
}

/** Nothing applied yet: every row in order (the shown columns as asked). */
const IDENTITY = (q: RowQuery): RowQuery => ({ needle: '', shown: q.shown, sort: null });
