/** The live list of received and pasted events: time, type, connection, verdict, last forward. */
import type { JSX } from 'react';
import type { WebhookEventSummary } from '@shared/domain/webhooks';
import { VERDICT_LABELS } from '@shared/domain/webhooks';

export function verdictTone(verdict: WebhookEventSummary['verdict']): string {
  if (verdict === 'verified') return 'tone-ok';
  if (verdict === 'unknown_event_type' || verdict === 'unexpected_shape') return 'tone-warn';
  return 'tone-error';
}

/** The Fwd column's tooltip for an event that failed verification (its full story is in the event's forward log). */
function forwardTitle(failed: 'forwarded_unchanged' | 'not_forwarded'): string {
  return failed === 'not_forwarded'
    ? 'Not forwarded: it failed verification'
    : 'Forwarded unchanged: it failed verification, so it was not re-signed';
}

interface Props {
  events: WebhookEventSummary[];
  selectedId: number | null;
  onSelect: (event: WebhookEventSummary) => void;
}

export function EventList({ events, selectedId, onSelect }: Props): JSX.Element {
  return (
    <div className="log-table" role="table" aria-label="Webhook events">
      <div className="wh-row log-head" role="row">
        <span role="columnheader">Time</span>
        <span role="columnheader">Event type</span>
        <span role="columnheader">Connection</span>
        <span role="columnheader">Verdict</span>
        <span role="columnheader" title="Status of the last forward to your dev server">
          Fwd
        </span>
      </div>
      <div className="wh-scroller">
        {events.map((event) => (
          <div
            key={event.id}
            role="row"
            tabIndex={0}
            aria-selected={event.id === selectedId}
            aria-label={`${event.eventType ?? 'no event type'} ${VERDICT_LABELS[event.verdict]}`}
            className={event.id === selectedId ? 'wh-row log-row selected' : 'wh-row log-row'}
            onClick={() => onSelect(event)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(event))}
          >
            <span role="cell" className="mono" title={new Date(event.receivedAt).toISOString()}>
              {new Date(event.receivedAt).toLocaleTimeString()}
            </span>
            <span role="cell" className="ellipsis">
              {event.eventType ?? <span className="muted">—</span>}
              {event.source === 'pasted' && <span className="muted"> · pasted</span>}
            </span>
            <span role="cell" className="ellipsis" title={event.connectionId ?? undefined}>
              {event.connectionLabel ??
                (event.connectionId ? <span className="mono">{event.connectionId.slice(0, 8)}…</span> : <span className="muted">—</span>)}
            </span>
            <span role="cell">
              <span className={`status ${verdictTone(event.verdict)}`}>{VERDICT_LABELS[event.verdict]}</span>
            </span>
            <span
              role="cell"
              className="mono"
              title={event.lastForward?.failedVerification ? forwardTitle(event.lastForward.failedVerification) : undefined}
            >
              {event.lastForward
                ? event.lastForward.failedVerification === 'not_forwarded'
                  ? 'held'
                  : `${event.lastForward.status ?? 'failed'}${event.lastForward.failedVerification ? '*' : ''}`
                : ''}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
