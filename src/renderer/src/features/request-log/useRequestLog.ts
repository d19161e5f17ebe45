/**
 * The log view's data: runs the search in main whenever the filters change, and again
 * (debounced) when new attempts are logged while "Live" is on. Filtering and search stay in
 * SQLite, so the renderer never holds more than one page.
 */
import { useEffect, useRef, useState } from 'react';
import type { RequestLogEntryView } from '@shared/domain/request-log';
import { unwrap, workbench } from '@renderer/workbench';

export interface LogFilters {
  scope: 'active' | 'all';
  statusClass: '' | '2xx' | '4xx' | '5xx' | 'network';
  product: string;
  connectionId: string;
  range: 'all' | '15m' | '1h' | '24h' | '7d';
  text: string;
}

export const DEFAULT_FILTERS: LogFilters = { scope: 'active', statusClass: '', product: '', connectionId: '', range: 'all', text: '' };
const RANGES: Record<LogFilters['range'], number | null> = {
  all: null,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};
const PAGE = 1000;

export function useRequestLog(filters: LogFilters, activeEnvironmentId: string | null, live: boolean) {
  const [entries, setEntries] = useState<RequestLogEntryView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const query = () => {
    const span = RANGES[filters.range];
    return {
      ...(filters.scope === 'active' && activeEnvironmentId ? { environmentId: activeEnvironmentId } : {}),
      ...(filters.statusClass ? { statusClass: filters.statusClass } : {}),
      ...(filters.product ? { product: filters.product } : {}),
      ...(filters.connectionId.trim() ? { connectionId: filters.connectionId.trim() } : {}),
      ...(span !== null ? { from: Date.now() - span } : {}),
      ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
      limit: PAGE,
    };
  };

  const refresh = (): void => {
    const mine = ++generation.current;
    unwrap(workbench().requestLog.search(query())).then(
      (rows) => {
        if (mine !== generation.current) return; // a newer search already answered
        setEntries(rows);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        setError(e.message);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    const timer = setTimeout(refresh, filters.text ? 150 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters.scope, filters.statusClass, filters.product, filters.connectionId, filters.range, filters.text, activeEnvironmentId]);

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = workbench().requestLog.onAppended(() => {
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, 250);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, filters, activeEnvironmentId]);

  const loadOlder = (): void => {
    const last = entries.at(-1);
    if (!last) return;
    unwrap(workbench().requestLog.search({ ...query(), beforeId: last.id })).then(
      (rows) => setEntries((current) => [...current, ...rows]),
      (e: Error) => setError(e.message),
    );
  };

  return { entries, error, loading, loadOlder, pageSize: PAGE };
}
