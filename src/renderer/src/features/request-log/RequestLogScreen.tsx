/** The Request log area: every attempt to Finch, filterable, searchable, quotable. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import { useOutput } from '@renderer/components/export/useOutput';
import { LogSizeSummary } from '@renderer/components/LogSizeSummary';
import type { EnvironmentsState } from '@shared/domain/environment';
import type { RequestLogEntryView } from '@shared/domain/request-log';
import { curlFor, supportLine } from '@shared/domain/request-log';
import { LogTable } from './LogTable';
import { RateMeter } from './RateMeter';
import { RequestDrawer } from './RequestDrawer';
import type { LogFilters } from './useRequestLog';
import { DEFAULT_FILTERS, filtersFromRoute, useRequestLog } from './useRequestLog';

/** How long "Copied …" stays next to the count. */
const COPIED_NOTE_MS = 4_000;

const PRODUCTS = [
  'company',
  'directory',
  'individual',
  'employment',
  'payment',
  'pay-statement',
  'pay-groups',
  'pay-statement-item',
  'benefits',
  'documents',
];

export function RequestLogScreen({ environments }: { environments: EnvironmentsState | null }): JSX.Element {
  const [filters, setFilters] = useState<LogFilters>(() => filtersFromRoute(window.location.hash));
  const [live, setLive] = useState(true);
  const [selected, setSelected] = useState<RequestLogEntryView | null>(null);
  // The outcome of the last copy, beside the count (never in its place); a success fades.
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const { entries, error, loading, loadOlder, pageSize } = useRequestLog(filters, environments?.activeId ?? null, live);
  const envName = (id: string) => environments?.environments.find((e) => e.id === id)?.name ?? id;
  const set = <K extends keyof LogFilters>(key: K, value: LogFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  // Copies pass main's export gate: what leaves is redacted, with a preview when anything was hidden.
  const output = useOutput();
  useEffect(() => {
    if (output.note) setCopied(output.note);
  }, [output.note]);
  useEffect(() => {
    if (!copied?.ok) return;
    const timer = setTimeout(() => setCopied(null), COPIED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = (text: string, what: string): void => {
    setCopied(null);
    void output.copy(text, what);
  };
  const copyId = (entry: RequestLogEntryView) => entry.requestId && copy(entry.requestId, `request ID ${entry.requestId}`);
  const copyLine = (entry: RequestLogEntryView) => copy(supportLine(entry, envName(entry.environmentId)), 'support line');
  const copyCurl = (entry: RequestLogEntryView): void => {
    setCopied(null);
    void output.copy(curlFor(entry), 'cURL command', 'command');
  };

  return (
    <section className="screen screen-wide" aria-labelledby="log-title">
      {output.element}
      <h1 id="log-title">Request log</h1>
      <p className="lede">Every HTTP attempt to Finch, retries included, with its Finch-Request-ID.</p>
      <RateMeter />
      <div className="filters" role="search">
        <label className="field">
          <span>Search</span>
          <input
            type="search"
            value={filters.text}
            onChange={(e) => set('text', e.target.value)}
            placeholder="request ID, path, finch_code…"
          />
        </label>
        <label className="field">
          <span>Environment</span>
          <select value={filters.scope} onChange={(e) => set('scope', e.target.value as LogFilters['scope'])}>
            <option value="active">Active: {environments ? envName(environments.activeId) : '…'}</option>
            <option value="all">All environments</option>
          </select>
        </label>
        <label className="field">
          <span>Source</span>
          <select value={filters.source} onChange={(e) => set('source', e.target.value as LogFilters['source'])}>
            <option value="">All</option>
            <option value="workbench">This app</option>
            <option value="your_app">Your app</option>
          </select>
        </label>
        <label className="field">
          <span>Status</span>
          <select value={filters.statusClass} onChange={(e) => set('statusClass', e.target.value as LogFilters['statusClass'])}>
            <option value="">Any</option>
            <option value="2xx">2xx</option>
            <option value="4xx">4xx</option>
            <option value="5xx">5xx</option>
            <option value="network">No response</option>
          </select>
        </label>
        <label className="field">
          <span>Product</span>
          <select value={filters.product} onChange={(e) => set('product', e.target.value)}>
            <option value="">Any</option>
            {PRODUCTS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Connection</span>
          <input value={filters.connectionId} onChange={(e) => set('connectionId', e.target.value)} placeholder="connection_id" />
        </label>
        <label className="field">
          <span>Time</span>
          <select value={filters.range} onChange={(e) => set('range', e.target.value as LogFilters['range'])}>
            <option value="all">Any time</option>
            <option value="15m">Last 15 minutes</option>
            <option value="1h">Last hour</option>
            <option value="24h">Last 24 hours</option>
            <option value="7d">Last 7 days</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} /> Live
        </label>
      </div>
      <div className="log-status">
        <p className="muted log-count" role="status" aria-live="polite">
          {loading ? 'Loading…' : `${entries.length}${entries.length >= pageSize ? '+' : ''} attempt${entries.length === 1 ? '' : 's'}`}
        </p>
        {copied && (
          <p className={copied.ok ? 'check-ok copy-note' : 'field-error copy-note'} role={copied.ok ? 'status' : 'alert'}>
            {copied.text}
          </p>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={selected ? 'log-layout with-drawer' : 'log-layout'}>
        {entries.length === 0 && !loading ? (
          <div className="card empty-state">
            <h2>{filters === DEFAULT_FILTERS ? 'No requests yet' : 'Nothing matches these filters'}</h2>
            <p className="muted">
              {filters === DEFAULT_FILTERS
                ? 'Every call the app makes to Finch will appear here, retries included, with the Finch-Request-ID to quote to support.'
                : 'Clear a filter or search for part of a request ID.'}
            </p>
          </div>
        ) : (
          <LogTable entries={entries} selectedId={selected?.id ?? null} onSelect={setSelected} onCopyId={copyId} />
        )}
        {selected && (
          <RequestDrawer entry={selected} onClose={() => setSelected(null)} onCopyId={copyId} onCopyLine={copyLine} onCopyCurl={copyCurl} />
        )}
      </div>
      {entries.length >= pageSize && (
        <button type="button" className="button" onClick={loadOlder}>
          Load older
        </button>
      )}
      <details className="card log-size-card">
        <summary>Log size and retention</summary>
        <LogSizeSummary />
        <p className="hint muted">
          Change the retention in <a href="#/settings">Settings</a>.
        </p>
      </details>
    </section>
  );
}
