/**
 * The Webhooks area: a local receiver that verifies Finch-signed events, the secret it checks
 * them with, forwarding to your dev server, triggers from the Local simulator, a form to
 * verify pasted payloads, and the live list of everything received.
 */
import type { JSX } from 'react';
import { useState } from 'react';
import type { EnvironmentView } from '@shared/domain/environment';
import type { WebhookEventSummary } from '@shared/domain/webhooks';
import { useConnections } from '@renderer/components/useConnections';
import { DeliveryLog } from './DeliveryLog';
import { EventDetail } from './EventDetail';
import { EventList } from './EventList';
import { ForwardPanel } from './ForwardPanel';
import { ReceiverPanel } from './ReceiverPanel';
import { TriggerPanel } from './TriggerPanel';
import { useWebhooks } from './useWebhooks';
import { VerifyPanel } from './VerifyPanel';

export function WebhooksScreen({ environment }: { environment: EnvironmentView | null }): JSX.Element {
  const { state, setState, events, error } = useWebhooks(environment?.id ?? null);
  const { connections } = useConnections(environment?.id ?? null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = events.find((e) => e.id === selectedId) ?? null;
  const select = (event: WebhookEventSummary): void => setSelectedId(event.id);

  return (
    <section className="screen screen-wide" aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks</h1>
      <p className="lede">
        Receive Finch-signed events on this machine, see why each one verifies or not, and forward them to your dev server.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {state && (
        <>
          <div className="wh-two">
            <ReceiverPanel state={state} onState={setState} />
            <ForwardPanel state={state} onState={setState} />
          </div>
          {state.simulator ? (
            <TriggerPanel connections={connections} />
          ) : (
            <VerifyPanel environmentName={state.environmentName} hasSecret={state.hasSecret} />
          )}
        </>
      )}
      <h2 className="wh-list-title">Received events</h2>
      <div className={selected ? 'log-layout with-drawer wh-layout' : 'log-layout'}>
        {events.length === 0 ? (
          <div className="card empty-state">
            <h2>No events yet</h2>
            <p className="muted">
              {state?.receiver.listening
                ? state.simulator
                  ? 'Trigger one above, or change something in the Local simulator (a sandbox edit and its sync job, a status): its events appear here as they arrive.'
                  : 'Point your tunnel at the receiver URL, or paste a payload above to verify it.'
                : 'Start the receiver: every event it gets appears here with its verdict.'}
            </p>
          </div>
        ) : (
          <EventList events={events} selectedId={selectedId} onSelect={select} />
        )}
        {selected && (
          <EventDetail
            event={selected}
            forwardUrl={state?.forwarding.url ?? null}
            unverified={state?.forwarding.unverified ?? 'forward_unchanged'}
            onClose={() => setSelectedId(null)}
            onSelect={select}
          />
        )}
      </div>
      {state?.simulator && <DeliveryLog refreshKey={events.length + (events[0]?.id ?? 0)} />}
      {state?.simulator && <VerifyPanel environmentName={state.environmentName} hasSecret={state.hasSecret} />}
    </section>
  );
}
