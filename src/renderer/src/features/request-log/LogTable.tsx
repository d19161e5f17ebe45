/** The attempts as a virtualised table: 100,000 rows scroll as smoothly as 10. */
import type { JSX } from 'react';
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RequestLogEntryView } from '@shared/domain/request-log';

const ROW_HEIGHT = 34;

interface Props {
  entries: RequestLogEntryView[];
  selectedId: number | null;
  onSelect: (entry: RequestLogEntryView) => void;
  onCopyId: (entry: RequestLogEntryView) => void;
}

export function statusTone(entry: RequestLogEntryView): string {
  if (entry.status === null || entry.status >= 500) return 'tone-error';
  if (entry.status >= 400 || entry.outcome === 'batch_partial_failure') return 'tone-warn';
  if (entry.status === 202) return 'tone-info';
  return 'tone-ok';
}

export function LogTable({ entries, selectedId, onSelect, onCopyId }: Props): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return (
    <div className="log-table request-log-table" role="table" aria-label="Logged requests" aria-rowcount={entries.length}>
      <div className="log-row log-head" role="row">
        {['Time', 'Request', 'Status', 'Try', 'Outcome', 'Finch-Request-ID', 'ms'].map((h) => (
          <span key={h} role="columnheader">
            {h}
          </span>
        ))}
      </div>
      <div ref={scroller} className="log-scroller" data-testid="log-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index]!;
            return (
              <div
                key={entry.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={entry.id === selectedId}
                tabIndex={0}
                className={`log-row${entry.id === selectedId ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                onClick={() => onSelect(entry)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(entry)}
              >
                <span role="cell" className="mono">
                  {new Date(entry.time).toLocaleTimeString()}
                </span>
                <span role="cell" className="mono ellipsis" title={`${entry.method} ${entry.path}`}>
                  <strong>{entry.method}</strong> {entry.path}
                </span>
                <span role="cell" className={`status ${statusTone(entry)}`}>
                  {entry.status ?? '—'}
                </span>
                <span role="cell">{entry.attempt}</span>
                <span role="cell" className="ellipsis" title={entry.finchCode ?? entry.outcome}>
                  {entry.outcome.replace(/_/g, ' ')}
                  {entry.finchCode ? ` · ${entry.finchCode}` : ''}
                </span>
                <span role="cell" className="mono ellipsis">
                  {entry.requestId ? (
                    <button
                      type="button"
                      className="link-button mono"
                      title="Copy the request ID"
                      aria-label={`Copy request ID ${entry.requestId}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onCopyId(entry);
                      }}
                    >
                      {entry.requestId}
                    </button>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </span>
                <span role="cell" className="mono num">
                  {Math.round(entry.durationMs)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
