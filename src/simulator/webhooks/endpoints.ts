/**
 * Webhook endpoints registered with the simulator (Finch's dashboard setting, per
 * application). Kept in memory only: the secret is a secret, and the simulator never writes
 * secrets to its state file. Whoever registers an endpoint (the app, a test) registers it
 * again after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from './event-types';
import { isWebhookEventType } from './event-types';
import { isCanonicalBase64, newWebhookSecret } from './signing';

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  /** Only events of this application's connections; null = every application. */
  clientId: string | null;
  /** Only these event types; null = all. */
  eventTypes: WebhookEventType[] | null;
  createdAt: number;
}

export class EndpointInputError extends Error {}

export interface EndpointInput {
  url?: unknown;
  secret?: unknown;
  client_id?: unknown;
  event_types?: unknown;
}

export function parseEndpoint(input: EndpointInput, now: number): WebhookEndpoint {
  if (typeof input.url !== 'string') throw new EndpointInputError('"url" is required.');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new EndpointInputError('"url" must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EndpointInputError('"url" must be an http(s) URL.');
  if (url.username || url.password) throw new EndpointInputError('"url" must not carry credentials.');
  const secret = input.secret ?? newWebhookSecret();
  if (typeof secret !== 'string' || !isCanonicalBase64(secret)) {
    throw new EndpointInputError('"secret" must be base64 (Finch webhook secrets are; the SDK rejects anything else).');
  }
  if (input.client_id !== undefined && input.client_id !== null && (typeof input.client_id !== 'string' || input.client_id === '')) {
    throw new EndpointInputError('"client_id" must be a non-empty string.');
  }
  let eventTypes: WebhookEventType[] | null = null;
  if (input.event_types !== undefined && input.event_types !== null) {
    if (!Array.isArray(input.event_types) || !input.event_types.every(isWebhookEventType)) {
      throw new EndpointInputError('"event_types" must be an array of Finch webhook event types.');
    }
    eventTypes = [...new Set(input.event_types as WebhookEventType[])];
  }
  return {
    id: randomUUID(),
    url: url.toString(),
    secret,
    clientId: (input.client_id as string | undefined) ?? null,
    eventTypes,
    createdAt: now,
  };
}

/** What the admin API lists: never the secret, only its last characters. */
export function endpointView(endpoint: WebhookEndpoint, withSecret = false): Record<string, unknown> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    client_id: endpoint.clientId,
    event_types: endpoint.eventTypes,
    created_at: new Date(endpoint.createdAt).toISOString(),
    ...(withSecret ? { secret: endpoint.secret } : { secret_hint: `…${endpoint.secret.slice(-4)}` }),
  };
}

export class EndpointRegistry {
  private readonly byId = new Map<string, WebhookEndpoint>();

  add(endpoint: WebhookEndpoint): WebhookEndpoint {
    this.byId.set(endpoint.id, endpoint);
    return endpoint;
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  get size(): number {
    return this.byId.size;
  }

  list(): WebhookEndpoint[] {
    return [...this.byId.values()];
  }

  /** Endpoints that want this event of this application. */
  matching(clientId: string, type: WebhookEventType): WebhookEndpoint[] {
    return this.list().filter(
      (e) => (e.clientId === null || e.clientId === clientId) && (e.eventTypes === null || e.eventTypes.includes(type)),
    );
  }
}
