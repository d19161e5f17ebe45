/** The `webhooks` channels: thin calls into WebhookService for the active environment. */
import type { HandlerMap } from '@shared/contract';
import type { WebhookService } from './webhook-service';

export function buildWebhookHandlers(w: WebhookService, activeId: () => string): HandlerMap['webhooks'] {
  const state = () => w.state(activeId());
  /** State plus the one-time reveal id of a secret the act generated (never the secret). */
  const changed = (revealId: string | null) => ({ ...state(), revealId });
  return {
    state,
    startReceiver: async ({ port }) => changed(await w.startReceiver(port ?? 0)),
    stopReceiver: async () => (await w.stopReceiver(), state()),
    setSecret: ({ secret }) => (w.setSecret(activeId(), secret), state()),
    generateSecret: () => changed(w.generateSecret(activeId())),
    clearSecret: () => changed(w.clearSecret(activeId())),
    setForwarding: (settings) => (w.setForwarding(activeId(), settings), state()),
    list: ({ limit, beforeId }) => w.list(activeId(), limit ?? 200, beforeId ?? null),
    get: ({ id }) => w.get(activeId(), id),
    forward: ({ id, mode }) => w.forward(activeId(), id, mode),
    replay: ({ id, mode }) => w.replay(activeId(), id, mode),
    preview: ({ connectionId, eventType }) => w.preview(activeId(), connectionId, eventType),
    trigger: (input) => w.trigger(activeId(), input),
    deliveries: () => w.deliveries(activeId()),
    verifyPasted: ({ headers, body }) => w.verifyPasted(activeId(), headers, body),
  };
}
