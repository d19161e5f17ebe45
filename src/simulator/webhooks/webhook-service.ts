/**
 * The simulator's webhook sender: endpoints, events on state changes, on-demand triggers
 * with a preview, and the delivery log. The simulator settles jobs lazily (when a request
 * touches a connection); while an endpoint is registered a ticker settles due jobs every
 * 100 ms instead, so their events go out when the job completes, as Finch's would.
 */
import { randomUUID } from 'node:crypto';
import type { ControllableClock } from '../clock';
import type { Datasets } from '../state/datasets';
import type { StateStore } from '../state/state-store';
import type { ConnectionRecord, JobRecord } from '../model/types';
import type { PlannedEvent } from './change-events';
import { accountUpdated, initialSyncEvents, jobData, jobEvents } from './change-events';
import type { DeliveryRecord, TamperKind } from './delivery';
import { FINCH_RETRY_SCHEDULE_MS, WebhookDispatcher } from './delivery';
import type { EndpointInput, WebhookEndpoint } from './endpoints';
import { EndpointRegistry, parseEndpoint } from './endpoints';
import type { WebhookEventType } from './event-types';
import { eventEnvelope } from './event-types';

export interface WebhookOptions {
  /** Delays between attempts in simulator ms (default Finch's: 5 s … 10 h, 8 attempts). */
  retryScheduleMs?: number[];
  /** How long one attempt may take (default 15 s). */
  timeoutMs?: number;
  /** Endpoints to register at start (e.g. from the CLI). */
  endpoints?: EndpointInput[];
  /** Time for `finch-timestamp` (default Date.now: receivers check it against their own clock). */
  wallClock?: () => number;
}

interface Deps {
  store: StateStore;
  clock: ControllableClock;
  datasets: Datasets;
  baseUrl: () => string;
  /** Settles a connection's due jobs (SimulatorCore.refresh). */
  settle: (connection: ConnectionRecord) => void;
  log: (line: string) => void;
}

export interface SentEvent {
  event_id: string;
  event_type: WebhookEventType;
  connection_id: string;
  body: string;
  deliveries: DeliveryRecord[];
}

const TICK_MS = 100;

export class SimulatorWebhooks {
  readonly endpoints = new EndpointRegistry();
  readonly dispatcher: WebhookDispatcher;
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    options: WebhookOptions = {},
  ) {
    this.dispatcher = new WebhookDispatcher({
      clock: deps.clock,
      retryScheduleMs: options.retryScheduleMs ?? FINCH_RETRY_SCHEDULE_MS,
      timeoutMs: options.timeoutMs ?? 15_000,
      wallClock: options.wallClock ?? (() => Date.now()),
      log: deps.log,
    });
    for (const input of options.endpoints ?? []) this.register(input);
  }

  register(input: EndpointInput): WebhookEndpoint {
    const endpoint = this.endpoints.add(parseEndpoint(input, this.deps.clock.now()));
    this.updateTicker();
    return endpoint;
  }

  unregister(id: string): boolean {
    const removed = this.endpoints.remove(id);
    this.updateTicker();
    return removed;
  }

  /** Sends one event to every endpoint that wants it. The body is sent byte for byte as given. */
  send(connection: ConnectionRecord, type: WebhookEventType, body: string, tamper: TamperKind | null = null): SentEvent {
    const id = randomUUID();
    const targets = this.endpoints.matching(connection.clientId, type).map((e) => ({ endpointId: e.id, url: e.url, secret: e.secret }));
    const deliveries = targets.length === 0 ? [] : this.dispatcher.send({ id, type, connectionId: connection.id, body, tamper }, targets);
    return { event_id: id, event_type: type, connection_id: connection.id, body, deliveries };
  }

  emit(connection: ConnectionRecord, events: PlannedEvent[]): void {
    if (this.endpoints.size === 0) return;
    for (const event of events) this.send(connection, event.type, JSON.stringify(eventEnvelope(connection, event.type, event.data)));
  }

  // Hooks called by the simulator where state changes.

  jobApplied(
    connection: ConnectionRecord,
    job: JobRecord,
    before: { status: ConnectionRecord['status']; syncedEditSeq: number },
    initialSync: JobRecord | null,
  ): void {
    if (this.endpoints.size === 0) return;
    this.emit(
      connection,
      jobEvents(this.deps.baseUrl(), connection, job, before, this.deps.store.editsFor(connection.companyId), initialSync),
    );
  }

  statusChanged(connection: ConnectionRecord, before: ConnectionRecord['status']): void {
    if (connection.status !== before) this.emit(connection, [accountUpdated(connection)]);
  }

  /** A new connection: its first sync is done at once (assisted ones wait for their setup job). */
  connectionCreated(connection: ConnectionRecord, initialSync: JobRecord): void {
    this.emit(connection, initialSyncEvents(this.deps.baseUrl(), initialSync, connection.products));
  }

  /** A realistic payload for an event type on this connection (real people, payments and jobs). */
  preview(connection: ConnectionRecord, type: WebhookEventType): Record<string, unknown> {
    return eventEnvelope(connection, type, this.sampleData(connection, type));
  }

  private sampleData(connection: ConnectionRecord, type: WebhookEventType): unknown {
    if (type === 'account.updated') return accountUpdated(connection).data;
    if (type === 'company.updated') return null;
    const view = this.deps.datasets.viewFor(connection);
    const individualId = String(view.directory()[0]?.row['id'] ?? randomUUID());
    if (type.startsWith('payment.') || type.startsWith('pay_statement.')) {
      const payment = view.payments().at(-1);
      const paymentId = payment?.id ?? randomUUID();
      if (type.startsWith('payment.'))
        return { payment_id: paymentId, pay_date: payment?.payDate ?? new Date(this.deps.clock.now()).toISOString().slice(0, 10) };
      return { payment_id: paymentId, individual_id: payment?.statements()[0]?.individual_id ?? individualId };
    }
    if (type.startsWith('job.')) {
      const jobType = type.split('.')[1] ?? '';
      const job = this.deps.store.state.jobs.filter((j) => j.connectionId === connection.id && j.type === jobType).at(-1);
      return jobData(this.deps.baseUrl(), job ?? { id: randomUUID(), kind: jobType.startsWith('benefit_') ? 'manual' : 'automated' });
    }
    return { individual_id: individualId };
  }

  deliveries(filter: { eventId?: string; limit?: number } = {}): DeliveryRecord[] {
    return this.dispatcher.deliveries(filter);
  }

  reset(): void {
    this.dispatcher.clear();
  }

  close(): void {
    this.endpoints.clear();
    this.updateTicker();
    this.dispatcher.close();
  }

  private updateTicker(): void {
    if (this.endpoints.size > 0 && !this.ticker) {
      this.ticker = setInterval(() => this.settleDue(), TICK_MS);
      this.ticker.unref();
    } else if (this.endpoints.size === 0 && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  private settleDue(): void {
    const now = this.deps.clock.now();
    for (const connection of this.deps.store.state.connections) {
      if (connection.nextJobDueAt !== null && connection.nextJobDueAt <= now) {
        try {
          this.deps.settle(connection);
        } catch (error) {
          this.deps.log(`webhooks: settling ${connection.id} failed: ${(error as Error).message}`);
        }
      }
    }
  }
}
