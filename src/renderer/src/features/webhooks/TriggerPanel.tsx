/**
 * Local simulator: send any event type for a chosen connection now. The payload is previewed
 * from the simulator's own data and can be edited before sending; a tester can also ask for
 * a deliberately broken signature to see their handler reject it.
 */
import type { JSX } from 'react';
import { useEffect, useState } from 'react';
import type { ConnectionView } from '@shared/domain/connection';
import type { WebhookEventType } from '@shared/domain/webhooks';
import { TAMPERS, WEBHOOK_EVENT_TYPES } from '@shared/domain/webhooks';
import { ResultMessage, SelectField } from '@renderer/components/fields';
import { useAction } from '@renderer/components/data/use-action';
import { useRead } from '@renderer/components/data/use-read';
import { unwrap, workbench } from '@renderer/workbench';

type Signing = 'valid' | (typeof TAMPERS)[number];
const SIGNING_OPTIONS: { value: Signing; label: string }[] = [
  { value: 'valid', label: 'Signed correctly' },
  { value: 'tampered_body', label: 'Body changed after signing' },
  { value: 'wrong_secret', label: 'Signed with another secret' },
  { value: 'stale_timestamp', label: 'Timestamp 6 minutes old' },
  { value: 'future_timestamp', label: 'Timestamp 6 minutes ahead' },
  { value: 'missing_signature', label: 'No finch-signature header' },
];

export function TriggerPanel({ connections }: { connections: ConnectionView[] }): JSX.Element {
  const live = connections.filter((c) => c.disconnectedAt === null);
  const [picked, setPicked] = useState('');
  const connectionId = live.some((c) => c.id === picked) ? picked : (live[0]?.id ?? '');
  const [eventType, setEventType] = useState<WebhookEventType>('individual.updated');
  const [signing, setSigning] = useState<Signing>('valid');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  // The simulator's payload for the choice; an answer for a choice already changed again is dropped.
  const preview = useRead(
    connectionId ? JSON.stringify([connectionId, eventType]) : null,
    () => unwrap(workbench().webhooks.preview({ connectionId, eventType })),
    { keepDataOnError: true },
  );
  useEffect(() => {
    if (preview.error) setResult({ ok: false, text: preview.error.message });
  }, [preview.error]);
  // What the user typed over the preview it started from; a new preview (or Reset) replaces it.
  const [edit, setEdit] = useState<{ from: unknown; body: string } | null>(null);
  const edited = edit !== null && edit.from === preview.data;
  const body = edited ? edit.body : (preview.data?.body ?? '');
  const setBody = (next: string): void => setEdit({ from: preview.data, body: next });
  const loadPreview = (): void => {
    if (connectionId) preview.reload();
  };

  let jsonProblem: string | null = null;
  try {
    if (body.trim() !== '') JSON.parse(body);
  } catch (e) {
    jsonProblem = (e as Error).message;
  }

  const trigger = useAction(
    (type: WebhookEventType) =>
      unwrap(workbench().webhooks.trigger({ connectionId, eventType: type, body, ...(signing === 'valid' ? {} : { tamper: signing }) })),
    {
      onDone: (sent, type) =>
        setResult({
          ok: true,
          text: `Sent ${type} (finch-event-id ${sent.eventId}) to ${sent.deliveries} endpoint${sent.deliveries === 1 ? '' : 's'}.`,
        }),
      onFailure: (failure) => setResult({ ok: false, text: failure.message }),
    },
  );
  const busy = trigger.pending;
  const send = (): void => {
    if (busy) return;
    setResult(null);
    void trigger.run(eventType);
  };

  if (live.length === 0) {
    return (
      <section className="card empty-state" aria-labelledby="wh-trigger-title">
        <h2 id="wh-trigger-title">Trigger an event</h2>
        <p className="muted">
          No live connection in the Local simulator yet. Create one under Sandbox or Connections; its events then show up here.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="wh-trigger-title">
      <h2 id="wh-trigger-title">Trigger an event</h2>
      <p className="hint muted">
        The simulator also sends events by itself when its state changes: sandbox edits after their sync job, status changes, job
        completions, new connections.
      </p>
      <div className="inline-fields">
        <SelectField
          label="Connection"
          value={connectionId}
          options={live.map((c) => ({
            value: c.id,
            label: `${c.customerName ?? 'No customer'} · ${c.providerId ?? '?'} · ${c.id.slice(0, 8)}…`,
          }))}
          onChange={setPicked}
        />
        <SelectField label="Event type" value={eventType} options={WEBHOOK_EVENT_TYPES} onChange={setEventType} />
        <SelectField label="Signing" value={signing} options={SIGNING_OPTIONS} onChange={setSigning} />
      </div>
      <label className="field">
        <span>Payload {edited ? '(edited)' : '(preview)'}</span>
        <textarea
          className="wh-code"
          rows={10}
          spellCheck={false}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={jsonProblem !== null}
        />
      </label>
      {jsonProblem && <p className="check-warn">Not valid JSON yet: {jsonProblem}</p>}
      <div className="form-actions wh-actions">
        <button type="button" className="button" onClick={loadPreview} disabled={!edited}>
          Reset to preview
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={send}
          disabled={busy || jsonProblem !== null || body.trim() === ''}
        >
          Send event
        </button>
      </div>
      <ResultMessage result={result} />
    </section>
  );
}
