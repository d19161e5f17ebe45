/**
 * The Webhooks area's service: the local receiver and what it records, each environment's
 * webhook secret (in the vault, never sent to the renderer), forwarding to a dev server,
 * replays, triggers through the embedded simulator, and verification of pasted payloads.
 */
import type Database from 'better-sqlite3';
import type {
  DeliveryView,
  ForwardMode,
  ForwardRecord,
  UnverifiedForward,
  VerdictCode,
  WebhookEventDetail,
  WebhookEventSummary,
  WebhookEventType,
  WebhookState,
} from '@shared/domain/webhooks';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { LOCAL_ENVIRONMENT_ID } from '@main/platform/workspace/environment-service';
import { LOCAL_CLIENT_ID } from '@main/platform/workspace/targets';
import { WorkbenchError } from '@main/platform/errors';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import type { RunningSimulator, TamperKind } from '@simulator';
import { forward } from './forwarder';
import { parsePastedHeaders } from './pasted-headers';
import type { ReceivedRequest } from './receiver-server';
import { MAX_RECEIVED_BYTES, ReceiverServer } from './receiver-server';
import { isCanonicalBase64 } from './signature';
import { judge } from './verdict';
import { WebhookStore } from './webhook-store';
import {
  SimulatorEndpoint,
  assertEventObject,
  deliveryView,
  randomWebhookSecret,
  simulatorFor,
  webhookSecretOf,
} from './simulator-endpoint';

export interface WebhookServiceOptions {
  db: Database.Database;
  vault: SecretVault;
  environments: EnvironmentService;
  connections: ConnectionService;
  simulator: () => RunningSimulator | null;
  /** A new or updated event, for the renderer's live list. */
  onEvent: (summary: WebhookEventSummary) => void;
  log: (line: string) => void;
  /**
   * Registers a secret the app just generated with the export gate, which reveals it once for
   * the returned id (files/one-time-secrets.ts). Without it a generated secret is never shown.
   */
  offerOneTimeSecret?: (secret: string) => string;
  /** Wall-clock ms: timestamps are checked against this machine's clock, as the SDK does. */
  now?: () => number;
  fetch?: typeof fetch;
}

/** HTTP status the receiver answers per verdict: acknowledge what a handler would accept. */
const STATUS_FOR: Record<VerdictCode, number> = {
  verified: 200,
  unknown_event_type: 200,
  unexpected_shape: 200,
  too_large: 413,
  missing_headers: 400,
  invalid_timestamp: 400,
  stale_timestamp: 401,
  future_timestamp: 401,
  no_secret: 401,
  invalid_secret: 401,
  invalid_signature: 401,
  not_json: 400,
};

export class WebhookService {
  private readonly store: WebhookStore;
  private readonly receiver: ReceiverServer;
  private receiverError: string | null = null;
  /** The simulator endpoint that posts to our receiver, and the secret it signs with. */
  private readonly endpoint: SimulatorEndpoint;
  private readonly localSimulator = (environmentId: string) =>
    simulatorFor(this.options.environments, this.options.simulator, environmentId);
  private readonly now: () => number;

  constructor(private readonly options: WebhookServiceOptions) {
    this.endpoint = new SimulatorEndpoint(options.simulator);
    this.store = new WebhookStore(options.db);
    this.now = options.now ?? (() => Date.now());
    this.receiver = new ReceiverServer((request) => this.receive(request), options.log);
  }

  /** Starts the receiver again if it was listening when the app closed. */
  async restore(): Promise<void> {
    const saved = this.store.receiver();
    if (!saved.listening) return;
    try {
      await this.listen(saved.port ?? 0);
    } catch {
      // The old port is taken: a new random one beats not listening at all.
      await this.listen(0).catch((error: Error) => (this.receiverError = error.message));
    }
  }

  state(environmentId: string): WebhookState {
    const env = this.options.environments.get(environmentId);
    const port = this.receiver.port;
    return {
      environmentId,
      environmentName: env.name,
      simulator: env.kind === 'local-simulator',
      hasSecret: this.options.vault.has(secretRefs.webhookSecret(environmentId)),
      secretHint: this.secretOf(environmentId)?.slice(-4) ?? null,
      secretStorage: this.options.vault.status().mode,
      receiver: {
        listening: this.receiver.listening,
        port,
        url: port === null ? null : this.receiverUrl(environmentId),
        error: this.receiverError,
      },
      simulatorRegistered: env.kind === 'local-simulator' && this.endpoint.registered,
      forwarding: this.store.settings(environmentId),
    };
  }

  receiverUrl(environmentId: string): string {
    if (this.receiver.port === null) throw new WorkbenchError('conflict', 'The receiver is not listening. Start it first.');
    return `http://127.0.0.1:${this.receiver.port}/webhooks/${encodeURIComponent(environmentId)}`;
  }

  /**
   * The user's “Start receiver”: returns the reveal id of a secret generated for the Local
   * simulator on the way (null: none was), so they see it once.
   */
  async startReceiver(port: number): Promise<string | null> {
    return this.revealable(await this.listen(port));
  }

  /** Listens (again) on this port; returns a secret generated for the Local simulator on the way. */
  private async listen(port: number): Promise<string | null> {
    if (this.receiver.listening && (port === 0 || port === this.receiver.port)) return null;
    await this.receiver.stop();
    try {
      const bound = await this.receiver.start(port);
      this.receiverError = null;
      this.store.putReceiver(bound, true);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.receiverError =
        code === 'EADDRINUSE'
          ? `Port ${port} is in use by another program; choose another or leave it empty for a free one.`
          : (error as Error).message;
      throw new WorkbenchError('conflict', this.receiverError);
    }
    return this.syncSimulatorEndpoint();
  }

  async stopReceiver(): Promise<void> {
    await this.receiver.stop();
    this.store.putReceiver(this.store.receiver().port, false);
    this.syncSimulatorEndpoint();
  }

  setSecret(environmentId: string, secret: string): void {
    this.options.environments.get(environmentId);
    if (!isCanonicalBase64(secret))
      throw new WorkbenchError('validation', 'The secret must be base64, exactly as Finch shows it.', {
        fields: [{ path: 'secret', message: 'must be base64' }],
      });
    this.options.vault.put(secretRefs.webhookSecret(environmentId), secret);
    if (environmentId === LOCAL_ENVIRONMENT_ID) this.syncSimulatorEndpoint();
  }

  /**
   * Local simulator only: a fresh random secret, kept in the vault (Finch issues real ones).
   * Returns the id that reveals it once, so the user can set the same one on their dev server.
   */
  generateSecret(environmentId: string): string | null {
    if (this.options.environments.get(environmentId).kind !== 'local-simulator') {
      throw new WorkbenchError('validation', 'Finch issues the webhook secret for this environment: copy it from Finch’s dashboard.');
    }
    const secret = randomWebhookSecret();
    this.options.vault.put(secretRefs.webhookSecret(environmentId), secret);
    this.syncSimulatorEndpoint();
    return this.revealable(secret);
  }

  /** The listening Local simulator needs a secret to sign with: it gets a new one, whose reveal id this returns. */
  clearSecret(environmentId: string): string | null {
    this.options.vault.delete(secretRefs.webhookSecret(environmentId));
    return environmentId === LOCAL_ENVIRONMENT_ID ? this.revealable(this.syncSimulatorEndpoint()) : null;
  }

  /** `unverified` left out keeps the stored choice for events that fail verification. */
  setForwarding(
    environmentId: string,
    settings: { url: string | null; mode: ForwardMode; auto: boolean; unverified?: UnverifiedForward | undefined },
  ): void {
    this.options.environments.get(environmentId);
    if (settings.auto && !settings.url)
      throw new WorkbenchError('validation', 'Automatic forwarding needs a URL.', {
        fields: [{ path: 'url', message: 'is required to forward automatically' }],
      });
    this.store.putSettings(environmentId, {
      url: settings.url,
      mode: settings.mode,
      auto: settings.auto,
      unverified: settings.unverified ?? this.store.settings(environmentId).unverified,
    });
  }

  list(environmentId: string, limit: number, beforeId: number | null): WebhookEventSummary[] {
    return this.store.list(environmentId, limit, beforeId).map((s) => this.labelled(s));
  }

  get(environmentId: string, id: number): WebhookEventDetail {
    const stored = this.store.get(environmentId, id);
    if (!stored) throw new WorkbenchError('not_found', `No webhook event ${id} in this environment.`);
    return this.labelled(stored.detail);
  }

  /**
   * Sends a stored event to the dev server (the URL set under forwarding unless one is given).
   * An event that failed verification is never re-signed (see forwarder.ts): it goes byte for
   * byte or, by the environment's setting, not at all; the record says which.
   */
  async forward(environmentId: string, id: number, mode: ForwardMode, url?: string): Promise<ForwardRecord> {
    const stored = this.store.get(environmentId, id);
    if (!stored) throw new WorkbenchError('not_found', `No webhook event ${id} in this environment.`);
    const settings = this.store.settings(environmentId);
    const target = url ?? settings.url;
    if (!target) throw new WorkbenchError('validation', 'Set your dev server’s URL under Forwarding first.');
    if (stored.detail.bodyTruncated)
      throw new WorkbenchError('validation', 'Only the start of this body was kept, so it cannot be sent again.');
    const record = await forward(
      {
        url: target,
        mode,
        verdict: stored.detail.verdict,
        unverified: settings.unverified,
        headers: stored.detail.headers,
        body: stored.raw,
        secret: this.secretOf(environmentId),
        eventId: stored.detail.eventId,
        nowMs: this.now(),
      },
      this.options.fetch,
    );
    const saved = this.store.addForward(id, record);
    this.options.onEvent(this.labelled({ ...stored.summary, lastForward: saved }));
    return saved;
  }

  /**
   * Delivers a stored event to the receiver again (exact: its old signature; resigned: now), as
   * a new event. Like a forward, an event that failed verification goes unchanged or not at all.
   */
  async replay(environmentId: string, id: number, mode: ForwardMode): Promise<WebhookEventSummary> {
    if (!this.receiver.listening) await this.listen(0);
    const record = await this.forward(environmentId, id, mode, this.receiverUrl(environmentId));
    if (record.failedVerification === 'not_forwarded') {
      throw new WorkbenchError(
        'validation',
        `Not replayed: it failed verification, and events that fail verification are set not to be forwarded (under “Forward to your dev server”).`,
      );
    }
    if (record.status === null) throw new WorkbenchError('network', record.error ?? 'The receiver did not answer.');
    const answer = JSON.parse(record.responseExcerpt ?? '{}') as { id?: number };
    if (typeof answer.id !== 'number') throw new WorkbenchError('internal', 'The receiver did not record the replay.');
    return this.list(environmentId, 1, answer.id + 1)[0] ?? this.get(environmentId, answer.id);
  }

  preview(environmentId: string, connectionId: string, eventType: WebhookEventType): { body: string } {
    const simulator = this.localSimulator(environmentId);
    this.options.connections.get(environmentId, connectionId);
    return { body: JSON.stringify(simulator.webhooks.preview(connectionId, eventType), null, 2) };
  }

  async trigger(
    environmentId: string,
    input: { connectionId: string; eventType: WebhookEventType; body?: string; tamper?: TamperKind },
  ): Promise<{ eventId: string; deliveries: number }> {
    const simulator = this.localSimulator(environmentId);
    this.options.connections.get(environmentId, input.connectionId);
    if (input.body !== undefined) assertEventObject(input.body);
    if (!this.receiver.listening) await this.listen(0);
    this.syncSimulatorEndpoint();
    const sent = simulator.webhooks.trigger(input.connectionId, input.eventType, {
      ...(input.body !== undefined ? { body: input.body } : {}),
      tamper: input.tamper ?? null,
    });
    return { eventId: sent.event_id, deliveries: sent.deliveries.length };
  }

  deliveries(environmentId: string): DeliveryView[] {
    return this.localSimulator(environmentId).webhooks.deliveries({ limit: 100 }).map(deliveryView);
  }

  /** Checks a payload the user pasted (from their own tunnel or logs) with the stored secret; it is kept like a received one. */
  verifyPasted(environmentId: string, headersText: string, body: string): WebhookEventDetail {
    const headers = parsePastedHeaders(headersText);
    const id = this.record(environmentId, 'pasted', { environmentId, headers, body: Buffer.from(body, 'utf8'), oversizedBytes: null });
    return this.get(environmentId, id.id);
  }

  async close(): Promise<void> {
    this.endpoint.unregister();
    await this.receiver.stop();
  }

  private receive(request: ReceivedRequest): { status: number; verdict: VerdictCode; message: string; id: number } {
    const environmentId = request.environmentId ?? this.options.environments.activeId();
    try {
      this.options.environments.get(environmentId);
    } catch {
      throw new WorkbenchError('not_found', `No environment ${environmentId}.`);
    }
    const outcome = this.record(environmentId, 'receiver', request);
    const settings = this.store.settings(environmentId);
    if (settings.auto && settings.url && outcome.verdict !== 'too_large') {
      void this.forward(environmentId, outcome.id, settings.mode).catch((error: Error) =>
        this.options.log(`webhooks: auto-forward failed: ${error.message}`),
      );
    }
    return { ...outcome, status: STATUS_FOR[outcome.verdict] };
  }

  private record(
    environmentId: string,
    source: 'receiver' | 'pasted',
    request: ReceivedRequest,
  ): { id: number; verdict: VerdictCode; message: string } {
    const env = this.options.environments.get(environmentId);
    const judgement = judge({
      headers: request.headers,
      body: request.body,
      oversizedBytes: request.oversizedBytes,
      maxBytes: MAX_RECEIVED_BYTES,
      secret: this.secretOf(environmentId),
      environmentName: env.name,
      nowSeconds: Math.floor(this.now() / 1000),
    });
    const id = this.store.insert({
      environmentId,
      receivedAt: this.now(),
      source,
      eventId: judgement.eventId?.slice(0, 200) ?? null,
      eventType: judgement.eventType?.slice(0, 200) ?? null,
      connectionId: judgement.connectionId?.slice(0, 200) ?? null,
      verdict: judgement.verdict,
      verdictMessage: judgement.message,
      checks: judgement.checks,
      headers: request.headers.map(([n, v]) => [n, v]),
      body: request.body,
      bodyBytes: request.oversizedBytes ?? request.body.length,
    });
    const summary = this.store.list(environmentId, 1, id + 1)[0];
    if (summary) this.options.onEvent(this.labelled(summary));
    return { id, verdict: judgement.verdict, message: judgement.message };
  }

  private labelled<T extends Omit<WebhookEventSummary, 'connectionLabel'>>(event: T): T & { connectionLabel: string | null } {
    let connectionLabel: string | null = null;
    if (event.connectionId) {
      try {
        const connection = this.options.connections.get(event.environmentId, event.connectionId);
        connectionLabel = connection.customerName ?? connection.customerId ?? connection.id;
      } catch {
        connectionLabel = null; // not a connection this environment knows
      }
    }
    return { ...event, connectionLabel };
  }

  /** The one-time reveal id of a secret the app just generated (null when none was). */
  private revealable(generated: string | null): string | null {
    return generated === null ? null : (this.options.offerOneTimeSecret?.(generated) ?? null);
  }

  /**
   * Keeps the simulator posting the Local simulator's events to our receiver, signed with the
   * secret in the vault (generated on first use), and stops it when the receiver stops.
   * Returns the secret when it generated one, for the caller to reveal once.
   */
  private syncSimulatorEndpoint(): string | null {
    if (!this.options.simulator() || !this.receiver.listening) {
      this.endpoint.unregister();
      return null;
    }
    let secret = this.secretOf(LOCAL_ENVIRONMENT_ID);
    let generated: string | null = null;
    if (secret === null || !isCanonicalBase64(secret)) {
      secret = generated = randomWebhookSecret();
      this.options.vault.put(secretRefs.webhookSecret(LOCAL_ENVIRONMENT_ID), secret);
    }
    this.endpoint.ensure(this.receiverUrl(LOCAL_ENVIRONMENT_ID), secret, LOCAL_CLIENT_ID);
    return generated;
  }

  private secretOf(environmentId: string): string | null {
    return webhookSecretOf(this.options.vault, environmentId);
  }
}
