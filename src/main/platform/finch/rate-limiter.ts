/**
 * Keeps the app inside Finch's per-application, per-product limits by construction: a call
 * waits for a free slot in the rolling window instead of earning a 429. Waiters are served
 * first-come first-served across every connection of the application. A slot is held from
 * the moment it is granted until the response arrives, and the window runs from the later of
 * the two, so network latency can never squeeze 21 arrivals into Finch's 60 seconds.
 */
import type { MeterReadingView } from '@shared/domain/request-log';
import type { Clock } from '../clock';
import { PRODUCT_LIMITS, RATE_WINDOW_MS } from './products';

/** A bucket's state as the meter shows it (the contract's shape); `blockedUntil` is set while a 429's Retry-After holds it closed. */
export type MeterReading = MeterReadingView;

interface Slot {
  time: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (error: Error) => void;
}

interface Bucket {
  clientId: string;
  product: string;
  limit: number;
  slots: Slot[];
  queue: Waiter[];
  blockedUntil: number;
  cancelTimer: (() => void) | null;
  timerAt: number;
}

export interface RateLimiterOptions {
  clock: Clock;
  limits?: Readonly<Record<string, number>>;
  windowMs?: number;
  /** Called whenever a bucket's reading changes (for the live meter). */
  onChange?: (reading: MeterReading) => void;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limits: Readonly<Record<string, number>>;
  private readonly windowMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.limits = options.limits ?? PRODUCT_LIMITS;
    this.windowMs = options.windowMs ?? RATE_WINDOW_MS;
  }

  /** Whether calls for this product are throttled at all. */
  throttles(product: string | null): boolean {
    return product !== null && this.limits[product] !== undefined;
  }

  /**
   * Waits for a slot. Resolves with `release`, to be called when the response has arrived.
   * Unthrottled products resolve at once.
   */
  acquire(clientId: string, product: string | null, signal?: AbortSignal): Promise<() => void> {
    if (!this.throttles(product)) return Promise.resolve(() => {});
    const bucket = this.bucket(clientId, product!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      bucket.queue.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const index = bucket.queue.indexOf(waiter);
          if (index >= 0) {
            bucket.queue.splice(index, 1);
            reject(new Error('The call was cancelled while waiting for a rate-limit slot.'));
            this.report(bucket);
          }
        },
        { once: true },
      );
      this.pump(bucket);
    });
  }

  /** A 429 arrived anyway (another app on the same credentials, a provider limit): hold the bucket. */
  penalize(clientId: string, product: string | null, retryAfterMs: number): void {
    if (!this.throttles(product)) return;
    const bucket = this.bucket(clientId, product!);
    bucket.blockedUntil = Math.max(bucket.blockedUntil, this.options.clock.now() + Math.max(0, retryAfterMs));
    this.report(bucket);
    this.pump(bucket);
  }

  readings(clientId?: string): MeterReading[] {
    return [...this.buckets.values()].filter((b) => clientId === undefined || b.clientId === clientId).map((b) => this.reading(b));
  }

  private bucket(clientId: string, product: string): Bucket {
    const key = `${clientId}\u0000${product}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { clientId, product, limit: this.limits[product]!, slots: [], queue: [], blockedUntil: 0, cancelTimer: null, timerAt: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private pump(bucket: Bucket): void {
    const now = this.options.clock.now();
    bucket.slots = bucket.slots.filter((s) => s.time + this.windowMs > now);
    let changed = false;
    while (bucket.queue.length > 0 && bucket.blockedUntil <= now && bucket.slots.length < bucket.limit) {
      const slot: Slot = { time: now };
      bucket.slots.push(slot);
      const waiter = bucket.queue.shift()!;
      waiter.resolve(() => {
        slot.time = Math.max(slot.time, this.options.clock.now());
        this.report(bucket);
      });
      changed = true;
    }
    if (changed) this.report(bucket);
    if (bucket.queue.length > 0) {
      const oldest = Math.min(...bucket.slots.map((s) => s.time));
      const freeAt = bucket.slots.length >= bucket.limit ? oldest + this.windowMs : now;
      this.wakeAt(bucket, Math.max(freeAt, bucket.blockedUntil));
    } else if (bucket.slots.length > 0) {
      // Nobody waits, but the meter should fall as slots expire.
      this.wakeAt(bucket, Math.min(...bucket.slots.map((s) => s.time)) + this.windowMs);
    }
  }

  private wakeAt(bucket: Bucket, at: number): void {
    if (bucket.cancelTimer && bucket.timerAt <= at) return;
    bucket.cancelTimer?.();
    bucket.timerAt = at;
    bucket.cancelTimer = this.options.clock.setTimeout(
      () => {
        bucket.cancelTimer = null;
        this.pump(bucket);
        this.report(bucket);
      },
      at - this.options.clock.now() + 1,
    );
  }

  private reading(bucket: Bucket): MeterReading {
    const now = this.options.clock.now();
    return {
      clientId: bucket.clientId,
      product: bucket.product,
      used: bucket.slots.filter((s) => s.time + this.windowMs > now).length,
      limit: bucket.limit,
      queued: bucket.queue.length,
      blockedUntil: bucket.blockedUntil > now ? bucket.blockedUntil : null,
    };
  }

  private report(bucket: Bucket): void {
    this.options.onChange?.(this.reading(bucket));
  }
}
