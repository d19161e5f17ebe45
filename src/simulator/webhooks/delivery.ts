/**
 * Sends signed webhook requests and keeps the delivery log. Like Finch's sender, a delivery
 * that does not get a 2xx within the timeout is retried on a growing schedule (Finch's is
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), and every attempt is signed afresh with its own
 * timestamp. The schedule runs on real time divided by the simulator clock's speed, so a
 * fast test clock also hurries retries. The log lives in memory (most recent first).
 */
import { randomUUID } from 'node:crypto';
import type { ControllableClock } from '../clock';
import { newWebhookSecret, signedHeaders } from './signing';

export const FINCH_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const MAX_LOGGED_DELIVERIES = 1_000;
const RESPONSE_EXCERPT_BYTES = 500;

/** Deliberate faults a tester can ask for, to see their handler reject them. */
export const TAMPER_KINDS = ['tampered_body', 'wrong_secret', 'stale_timestamp', 'future_timestamp', 'missing_signature'] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

export interface DeliveryTarget {
  endpointId: string;
  url: string;
  secret: string;
}

export interface DeliveryAttempt {
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  response_excerpt: string | null;
}

export interface DeliveryRecord {
  delivery_id: string;
  event_id: string;
  event_type: string;
  endpoint_id: string;
  url: string;
  connection_id: string;
  created_at: string;
  state: 'pending' | 'succeeded' | 'failed';
  tamper: TamperKind | null;
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
}

export interface DispatcherOptions {
  clock: ControllableClock;
  /** Delays between attempts (ms of simulator time); its length + 1 is the number of attempts. */
  retryScheduleMs: number[];
  timeoutMs: number;
  /** Wall clock for `finch-timestamp` (receivers compare it with their own clock, not the simulator's). */
  wallClock: () => number;
  log: (line: string) => void;
}

interface Pending {
  record: DeliveryRecord;
  target: DeliveryTarget;
  body: string;
  timer: NodeJS.Timeout | null;
}

export class WebhookDispatcher {
  private readonly log: DeliveryRecord[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  /** Queues one delivery per target and makes the first attempt at once. */
  send(
    event: { id: string; type: string; connectionId: string; body: string; tamper: TamperKind | null },
    targets: DeliveryTarget[],
  ): DeliveryRecord[] {
    return targets.map((target) => {
      const record: DeliveryRecord = {
        delivery_id: randomUUID(),
        event_id: event.id,
        event_type: event.type,
        endpoint_id: target.endpointId,
        url: target.url,
        connection_id: event.connectionId,
        created_at: new Date(this.options.wallClock()).toISOString(),
        state: 'pending',
        tamper: event.tamper,
        attempts: [],
        next_attempt_at: null,
      };
      this.log.unshift(record);
      if (this.log.length > MAX_LOGGED_DELIVERIES) this.log.length = MAX_LOGGED_DELIVERIES;
      const pending: Pending = { record, target, body: event.body, timer: null };
      this.pending.set(record.delivery_id, pending);
      this.track(this.attempt(pending));
      return record;
    });
  }

  deliveries(filter: { eventId?: string; limit?: number } = {}): DeliveryRecord[] {
    const rows = filter.eventId ? this.log.filter((d) => d.event_id === filter.eventId) : this.log;
    return rows.slice(0, filter.limit ?? 100);
  }

  /** Resolves when no attempt is on the wire (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  clear(): void {
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
    this.log.length = 0;
  }

  close(): void {
    this.closed = true;
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private request(pending: Pending): { headers: Record<string, string>; body: string } {
    const { record, target } = pending;
    const now = Math.floor(this.options.wallClock() / 1000);
    const skew = record.tamper === 'stale_timestamp' ? -360 : record.tamper === 'future_timestamp' ? 360 : 0;
    const secret = record.tamper === 'wrong_secret' ? newWebhookSecret() : target.secret;
    const headers: Record<string, string> = {
      ...signedHeaders(secret, record.event_id, now + skew, pending.body),
      'user-agent': 'Finch-Simulator-Webhooks/1',
    };
    if (record.tamper === 'missing_signature') delete headers['finch-signature'];
    // Signed as sent, then changed on the way: what a man in the middle would do.
    const body = record.tamper === 'tampered_body' ? pending.body.replace(/}\s*$/, ',"tampered":true}') : pending.body;
    return { headers, body };
  }

  private async attempt(pending: Pending): Promise<void> {
    const { record } = pending;
    pending.timer = null;
    record.next_attempt_at = null;
    const { headers, body } = this.request(pending);
    const started = performance.now();
    const attempt: DeliveryAttempt = {
      at: new Date(this.options.wallClock()).toISOString(),
      status_code: null,
      error: null,
      duration_ms: 0,
      response_excerpt: null,
    };
    try {
      const response = await fetch(pending.target.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      attempt.status_code = response.status;
      attempt.response_excerpt = (await response.text()).slice(0, RESPONSE_EXCERPT_BYTES);
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      attempt.error = e.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : (e.cause?.code ?? e.message);
    }
    attempt.duration_ms = Math.round((performance.now() - started) * 10) / 10;
    record.attempts.push(attempt);
    if (attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300) {
      record.state = 'succeeded';
      this.pending.delete(record.delivery_id);
      return;
    }
    const delay = this.options.retryScheduleMs[record.attempts.length - 1];
    if (delay === undefined || this.closed) {
      record.state = 'failed';
      this.pending.delete(record.delivery_id);
      this.options.log(
        `webhooks: delivery ${record.delivery_id} of ${record.event_type} to ${record.url} failed after ${record.attempts.length} attempts`,
      );
      return;
    }
    const realDelay = delay / this.options.clock.getSpeed();
    record.next_attempt_at = new Date(this.options.wallClock() + realDelay).toISOString();
    pending.timer = setTimeout(() => this.track(this.attempt(pending)), realDelay);
    pending.timer.unref();
  }
}
