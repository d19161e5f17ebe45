/** One event in full: verdict and every check, related connection, headers, pretty body, forwards, replay. */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type {
  ForwardMode,
  ForwardRecord,
  UnverifiedForward,
  WebhookCheck,
  WebhookEventDetail,
  WebhookEventSummary,
} from '@shared/domain/webhooks';
import { VERDICT_LABELS, failsVerification } from '@shared/domain/webhooks';
import { ResultMessage, SelectField } from '@renderer/components/fields';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';
import { verdictTone } from './EventList';
import { MODE_OPTIONS, failedVerificationNote } from './ForwardPanel';

const CHECK_LABELS: Record<WebhookCheck['name'], string> = {
  size: 'Size',
  headers: 'Headers',
  timestamp: 'Timestamp',
  signature: 'Signature',
  json: 'JSON',
  event_type: 'Event type',
  shape: 'Shape',
};

export function ChecksList({ checks }: { checks: WebhookCheck[] }): JSX.Element {
  return (
    <ul className="wh-checks" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.name} className={check.ok === true ? 'wh-check-ok' : check.ok === false ? 'wh-check-failed' : 'muted'}>
          <strong>
            {check.ok === true ? '✓' : check.ok === false ? '✗' : '–'} {CHECK_LABELS[check.name]}:
          </strong>{' '}
          {check.message}
        </li>
      ))}
    </ul>
  );
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** What the user is told after “Forward to dev server”. */
function forwardOutcome(f: ForwardRecord): { ok: boolean; text: string } {
  if (f.failedVerification === 'not_forwarded')
    return {
      ok: false,
      text: 'Not forwarded: this event failed verification, and events that fail verification are set not to be forwarded.',
    };
  const unchanged =
    f.failedVerification === 'forwarded_unchanged' ? 'Forwarded unchanged (it failed verification, so it is never re-signed). ' : '';
  if (f.status === null) return { ok: false, text: `${unchanged}${f.error ?? 'No answer.'}` };
  return { ok: f.status < 300, text: `${unchanged}Your server answered ${f.status} in ${f.durationMs.toFixed(0)} ms.` };
}

interface Props {
  event: WebhookEventSummary;
  forwardUrl: string | null;
  /** The Forwarding setting for events that fail verification. */
  unverified: UnverifiedForward;
  onClose: () => void;
  onSelect: (event: WebhookEventSummary) => void;
}

export function EventDetail({ event, forwardUrl, unverified, onClose, onSelect }: Props): JSX.Element {
  const [mode, setMode] = useState<ForwardMode>('resigned');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const failed = failsVerification(event.verdict);
  useEffect(() => setResult(null), [event.id]);
  // A forward updates the summary (lastForward): the detail is read again with it. An answer
  // for an event clicked before is dropped.
  const read = useRead(`${event.id}:${event.lastForward?.id ?? ''}`, () => unwrap(workbench().webhooks.get({ id: event.id })), {
    keepDataOnError: true,
  });
  const detail: WebhookEventDetail | null = read.data;
  useEffect(() => {
    if (read.error) setResult({ ok: false, text: read.error.message });
  }, [read.error]);

  const action = useAction(
    async (what: 'forward' | 'replay'): Promise<{ outcome: { ok: boolean; text: string }; replayed?: WebhookEventSummary }> => {
      if (what === 'forward') return { outcome: forwardOutcome(await unwrap(workbench().webhooks.forward({ id: event.id, mode }))) };
      const replayed = await unwrap(workbench().webhooks.replay({ id: event.id, mode }));
      // Main replays a failed event unchanged whatever the mode (or refuses, by the setting): say so.
      const how = failed ? 'Replayed unchanged (it failed verification, so it is never re-signed)' : 'Replayed';
      return {
        outcome: {
          ok: replayed.verdict === 'verified',
          text: `${how} as a new event: ${VERDICT_LABELS[replayed.verdict]}. ${replayed.verdict === 'verified' ? '' : replayed.verdictMessage}`,
        },
        replayed,
      };
    },
    {
      onDone: ({ outcome, replayed }) => {
        setResult(outcome);
        if (replayed) onSelect(replayed);
      },
      onFailure: (failure) => setResult({ ok: false, text: failure.message }),
    },
  );
  const busy = action.pending;
  const act = (what: 'forward' | 'replay'): void => {
    if (busy) return;
    setResult(null);
    void action.run(what);
  };

  return (
    <aside className="drawer wh-drawer" aria-label="Webhook event">
      <div className="drawer-head">
        <h2>{event.eventType ?? 'Event without a type'}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close event">
          ✕
        </button>
      </div>
      <p
        className={`verdict ${event.verdict === 'verified' ? 'verdict-ok' : verdictTone(event.verdict) === 'tone-warn' ? 'check-warn' : 'verdict-blocked'}`}
        role="status"
      >
        <strong>{VERDICT_LABELS[event.verdict]}.</strong> {event.verdictMessage}
      </p>
      <dl className="facts">
        <div className="fact">
          <dt>Received</dt>
          <dd>{new Date(event.receivedAt).toISOString()}</dd>
        </div>
        <div className="fact">
          <dt>Event id</dt>
          <dd className="mono">{event.eventId ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>Connection</dt>
          <dd>
            {event.connectionId ? (
              <>
                {event.connectionLabel ?? <span className="muted">not a connection of this environment</span>}
                <br />
                <span className="mono">{event.connectionId}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>Size</dt>
          <dd>{event.bodyBytes.toLocaleString()} bytes</dd>
        </div>
      </dl>
      {detail && (
        <>
          <h3>Checks</h3>
          <ChecksList checks={detail.checks} />
          <h3>Headers</h3>
          <table className="wh-headers">
            <tbody>
              {detail.headers.map(([name, value], i) => (
                <tr key={`${name}-${i}`}>
                  <th scope="row">{name}</th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Body{detail.bodyTruncated ? ' (only the start was kept)' : ''}</h3>
          <pre className="json" aria-label="Body">
            {prettyBody(detail.body)}
          </pre>
          <h3>Forward or replay</h3>
          {failed ? (
            <p className="hint check-warn" aria-label="Failed verification">
              This event failed verification, so it is never re-signed:{' '}
              {unverified === 'dont_forward'
                ? 'it is not forwarded or replayed (“Events that fail verification” under Forwarding).'
                : 'it goes byte for byte with its original headers, and your server should reject it.'}
            </p>
          ) : (
            <SelectField label="Mode" value={mode} options={MODE_OPTIONS} onChange={setMode} />
          )}
          <div className="toolbar wh-actions">
            <button
              type="button"
              className="button"
              disabled={busy || !forwardUrl || detail.bodyTruncated}
              onClick={() => act('forward')}
              title={forwardUrl ? `POST to ${forwardUrl}` : 'Set a dev server URL first'}
            >
              Forward to dev server
            </button>
            <button type="button" className="button" disabled={busy || detail.bodyTruncated} onClick={() => act('replay')}>
              Replay to receiver
            </button>
          </div>
          {!forwardUrl && <p className="hint muted">Set your dev server’s URL under “Forward to your dev server” to forward.</p>}
          <ResultMessage result={result} />
          {detail.forwards.length > 0 && (
            <ol className="attempts" aria-label="Forwards">
              {detail.forwards.map((f) => (
                <li key={f.id}>
                  {new Date(f.at).toLocaleTimeString()} · {failedVerificationNote(f) ?? f.mode} → {f.url}
                  {f.failedVerification === 'not_forwarded' ? '' : `: ${f.status ?? f.error} (${f.durationMs.toFixed(0)} ms)`}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {!detail && <ResultMessage result={result} />}
    </aside>
  );
}
