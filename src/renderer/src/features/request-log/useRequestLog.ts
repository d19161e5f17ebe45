/**
 * The log view's data: runs the search in main whenever the filters change, and again
 * (debounced) when new attempts are logged while "Live" is on. Filtering and search stay in
 * SQLite, so the renderer never holds more than one page.
 */
import { useEffect, useRef } from 'react';
import type { RequestLogEntryView } from '@shared/domain/request-log';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

export interface LogFilters {
  scope: 'active' | 'all';
  /** Whose calls: the workbench's own, your app's (through the Integration lab proxy), or both. */
  source: '' | 'workbench' | 'your_app';
  statusClass: '' | '2xx' | '4xx' | '5xx' | 'network';
  product: string;
  connectionId: string;
  range: 'all' | '15m' | '1h' | '24h' | '7d';
  text: string;
}

export const DEFAULT_FILTERS: LogFilters = {
  scope: 'active',
  source: '',
  statusClass: '',
  product: '',
  connectionId: '',
  range: 'all',
  text: '',
};
/**
 * Filters a link opened the log with (`#/request-log?source=your_app&text=<request id>`: the
 * Integration lab's evidence); the defaults otherwise.
 */
export function filtersFromRoute(hash: string): LogFilters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const source = params.get('source');
  const text = params.get('text');
  if (!source && !text) return DEFAULT_FILTERS;
  return {
    ...DEFAULT_FILTERS,
    source: source === 'your_app' || source === 'workbench' ? source : '',
    text: (text ?? '').slice(0, 500),
  };
}

const RANGES: Record<LogFilters['range'], number | null> = {
  all: null,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};
const PAGE = 1000;
const NONE: RequestLogEntryView[] = [];

export function useRequestLog(filters: LogFilters, activeEnvironmentId: string | null, live: boolean) {
  const query = () => {
    const span = RANGES[filters.range];
    return {
      ...(filters.scope === 'active' && activeEnvironmentId ? { environmentId: activeEnvironmentId } : {}),
      ...(filters.source ? { source: filters.source } : {}),
      ...(filters.statusClass ? { statusClass: filters.statusClass } : {}),
      ...(filters.product ? { product: filters.product } : {}),
      ...(filters.connectionId.trim() ? { connectionId: filters.connectionId.trim() } : {}),
      ...(span !== null ? { from: Date.now() - span } : {}),
      ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
      limit: PAGE,
    };
  };

  // A new search whenever a filter changes (typing waits a moment); an answer for filters
  // already changed again is dropped. The page stays on screen under an error.
  const key = JSON.stringify({ ...filters, activeEnvironmentId });
  const search = useRead(key, () => unwrap(workbench().requestLog.search(query())), {
    delayMs: filters.text ? 150 : 0,
    keepDataOnError: true,
  });
  const { reload, setData } = search;

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = workbench().requestLog.onAppended(() => {
      timer ??= setTimeout(() => {
        timer = null;
        reload();
      }, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [live, key, reload]);

  // "Older": the page after the last row, appended only if the filters are still the ones it was asked for.
  const current = useRef(key);
  current.current = key;
  const older = useAction((_forKey: string, beforeId: number) => unwrap(workbench().requestLog.search({ ...query(), beforeId })), {
    onDone: (rows, forKey) => forKey === current.current && setData((shown) => [...(shown ?? []), ...rows]),
  });
  const entries = search.data ?? NONE;
  // A failed "Older" is stale once the rows have changed (a new search answered).
  const forgetOlder = older.reset;
  useEffect(() => forgetOlder(), [search.data, forgetOlder]);
  const loadOlder = (): void => {
    const last = entries.at(-1);
    if (last) void older.run(key, last.id);
  };

  return {
    entries,
    error: search.error?.message ?? older.failure?.message ?? null,
    // Until the first answer: later searches keep the rows they replace, so the count never blinks.
    loading: search.data === null && search.error === null,
    loadOlder,
    pageSize: PAGE,
  };
}
