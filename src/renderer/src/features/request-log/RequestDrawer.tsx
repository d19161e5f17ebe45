/** One attempt in full, with every attempt of the same call, and what to copy for support. */
import type { JSX } from 'react';
import type { RequestLogEntryView } from '@shared/domain/request-log';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';
import { statusTone } from './LogTable';
import { ExplanationCard } from '@renderer/components/diagnostics/ExplanationCard';

interface Props {
  entry: RequestLogEntryView;
  onClose: () => void;
  onCopyLine: (entry: RequestLogEntryView) => void;
  onCopyId: (entry: RequestLogEntryView) => void;
  onCopyCurl: (entry: RequestLogEntryView) => void;
}

export function RequestDrawer({ entry, onClose, onCopyLine, onCopyId, onCopyCurl }: Props): JSX.Element {
  // Both keyed by the entry: a late answer for the row clicked before is dropped. Neither is
  // essential, so a failure just leaves it out.
  const attempts = useRead(entry.callId, () => unwrap(workbench().requestLog.attemptsOf({ callId: entry.callId }))).data ?? [];
  const explanation = useRead(String(entry.id), () => unwrap(workbench().diagnostics.explainRequest({ id: entry.id })), {
    clearOnKeyChange: true,
  }).data;
  const facts: [string, string | number | null][] = [
    ['Time', new Date(entry.time).toISOString()],
    ['Request', `${entry.method} ${entry.path}`],
    ['Status', entry.status ?? 'no response'],
    ['Outcome', entry.outcome.replace(/_/g, ' ')],
    ['Finch code', entry.finchCode ?? entry.errorName],
    ['Message', entry.message],
    ['Attempt', entry.attempt],
    ['Duration', `${entry.durationMs.toFixed(1)} ms`],
    ['Product', entry.product],
    ['Connection', entry.connectionId],
    // Your app's calls (Integration lab proxy): who called, never the credentials themselves.
    ['Source', entry.source === 'your_app' ? 'Your app (through the Integration lab proxy)' : null],
    ['Application (client_id)', entry.clientId],
    ['Connection fingerprint', entry.connectionKey],
    ['Sent by a browser', entry.fromBrowser ? 'yes (Origin header or CORS preflight)' : null],
    ['Injected by scenario rule', entry.injectedBy],
    ['Retry-After', entry.retryAfterMs === null ? null : `${entry.retryAfterMs} ms`],
    ['Data retrieved', entry.dataRetrieved],
    ['Last update', entry.lastUpdateDate ? `${entry.lastUpdateDate} (${entry.lastUpdateResult ?? '?'})` : null],
  ];
  return (
    <aside className="drawer" aria-label="Request details">
      <div className="drawer-head">
        <h2>
          <span className={`status ${statusTone(entry)}`}>{entry.status ?? '—'}</span> {entry.method} {entry.path.split('?')[0]}
        </h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close details">
          Close
        </button>
      </div>
      <p className="mono request-id">Finch-Request-ID: {entry.requestId ?? 'none (no response)'}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => onCopyId(entry)} disabled={!entry.requestId}>
          Copy request ID
        </button>
        <button type="button" className="button button-primary" onClick={() => onCopyLine(entry)}>
          Copy support line
        </button>
        <button type="button" className="button" onClick={() => onCopyCurl(entry)}>
          Copy as cURL
        </button>
        {entry.outcome !== 'ok' && entry.outcome !== 'accepted' && (
          <button type="button" className="button" onClick={() => (window.location.hash = `/support?failure=${entry.id}`)}>
            Support bundle for this failure
          </button>
        )}
      </div>
      {explanation && <ExplanationCard explanation={explanation} />}
      <dl className="facts">
        {facts
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k} className="fact">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {attempts.length > 1 && (
        <>
          <h3>All attempts of this call</h3>
          <ol className="attempts">
            {attempts.map((a) => (
              <li key={a.id} className={a.id === entry.id ? 'current' : ''}>
                #{a.attempt} <span className={`status ${statusTone(a)}`}>{a.status ?? '—'}</span>{' '}
                <span className="mono">{a.requestId ?? 'no id'}</span>{' '}
                {a.outcome !== 'ok' && <span className="muted">{a.outcome.replace(/_/g, ' ')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
