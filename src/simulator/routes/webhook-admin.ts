/**
 * Admin API under /_simulator/webhooks (same loopback-only guard as the rest of /_simulator):
 * register endpoints, preview and trigger any event type for a connection, read the
 * delivery log.
 */
import type { ServerResponse } from 'node:http';
import { errorBody } from '../http/finch-errors';
import { sendJson } from '../http/io';
import type { SimulatorCore } from '../simulator-core';
import type { TamperKind } from '../webhooks/delivery';
import { TAMPER_KINDS } from '../webhooks/delivery';
import { EndpointInputError, endpointView } from '../webhooks/endpoints';
import { WEBHOOK_EVENT_TYPES, isWebhookEventType } from '../webhooks/event-types';

export const WEBHOOK_ADMIN_ENDPOINTS = [
  'GET    /_simulator/webhooks/endpoints        registered webhook URLs (secrets hidden)',
  'POST   /_simulator/webhooks/endpoints        { url, secret?, client_id?, event_types? } → 201 with the secret (shown once)',
  'DELETE /_simulator/webhooks/endpoints/{id}   stop sending to it',
  'GET    /_simulator/webhooks/event-types      every event type the simulator can send',
  'POST   /_simulator/webhooks/preview          { connection_id, event_type } → { payload }',
  'POST   /_simulator/webhooks/trigger          { connection_id, event_type, body?: raw JSON text, tamper? } → 201 event + deliveries',
  'GET    /_simulator/webhooks/deliveries       delivery log, newest first (?event_id=&limit=)',
] as const;

function bad(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, errorBody(status, status === 404 ? 'not_found_error' : 'invalid_request_error', 'simulator_admin', message));
}

function connectionOf(core: SimulatorCore, input: Record<string, unknown>, res: ServerResponse) {
  const id = input['connection_id'];
  const connection = typeof id === 'string' ? core.store.connections.get(id) : undefined;
  if (!connection) {
    bad(res, 404, `No connection ${typeof id === 'string' ? id : '(connection_id missing)'} in this simulator.`);
    return null;
  }
  const type = input['event_type'];
  if (!isWebhookEventType(type)) {
    bad(res, 400, `"event_type" must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}.`);
    return null;
  }
  return { connection, type };
}

/** Answers a /_simulator/webhooks request; false when the path is not one of ours. */
export function handleWebhookAdmin(
  core: SimulatorCore,
  method: string,
  path: string,
  url: URL,
  input: Record<string, unknown>,
  res: ServerResponse,
): boolean {
  const hooks = core.webhooks;
  const route = `${method} ${path}`;
  if (route === 'GET /_simulator/webhooks/endpoints') {
    sendJson(res, 200, { endpoints: hooks.endpoints.list().map((e) => endpointView(e)) });
  } else if (route === 'POST /_simulator/webhooks/endpoints') {
    try {
      sendJson(res, 201, endpointView(hooks.register(input), true));
    } catch (error) {
      if (!(error instanceof EndpointInputError)) throw error;
      bad(res, 400, error.message);
    }
  } else if (method === 'DELETE' && path.startsWith('/_simulator/webhooks/endpoints/')) {
    if (hooks.unregister(path.slice('/_simulator/webhooks/endpoints/'.length))) sendJson(res, 200, { removed: true });
    else bad(res, 404, 'No such webhook endpoint.');
  } else if (route === 'GET /_simulator/webhooks/event-types') {
    sendJson(res, 200, { event_types: WEBHOOK_EVENT_TYPES });
  } else if (route === 'GET /_simulator/webhooks/deliveries') {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      bad(res, 400, '"limit" must be an integer from 1 to 1000.');
      return true;
    }
    sendJson(res, 200, { deliveries: hooks.deliveries({ eventId: url.searchParams.get('event_id') ?? undefined, limit }) });
  } else if (route === 'POST /_simulator/webhooks/preview') {
    const target = connectionOf(core, input, res);
    if (target) sendJson(res, 200, { payload: hooks.preview(target.connection, target.type) });
  } else if (route === 'POST /_simulator/webhooks/trigger') {
    const target = connectionOf(core, input, res);
    if (!target) return true;
    const tamper = input['tamper'] ?? null;
    if (tamper !== null && !(TAMPER_KINDS as readonly unknown[]).includes(tamper)) {
      bad(res, 400, `"tamper" must be one of ${TAMPER_KINDS.join(', ')}.`);
      return true;
    }
    const raw = input['body'];
    let body: string;
    if (raw === undefined) {
      body = JSON.stringify(hooks.preview(target.connection, target.type));
    } else {
      if (typeof raw !== 'string') {
        bad(res, 400, '"body" must be the raw JSON text to send.');
        return true;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        bad(res, 400, `"body" is not valid JSON: ${(error as Error).message}`);
        return true;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        bad(res, 400, '"body" must be a JSON object, as every Finch event is.');
        return true;
      }
      body = raw;
    }
    if (hooks.endpoints.matching(target.connection.clientId, target.type).length === 0) {
      bad(res, 409, 'No webhook endpoint is registered for this application and event type: register one first.');
      return true;
    }
    sendJson(res, 201, hooks.send(target.connection, target.type, body, tamper as TamperKind | null));
  } else {
    return false;
  }
  return true;
}
