/**
 * Finch's per-application, per-product rate limits: a rolling 60-second window per
 * (client_id, product). Rejected requests do not count. Retry-After is the whole number of
 * seconds until the oldest counted request leaves the window, read from the simulator clock.
 */
import type { SimulatorClock } from '../clock';

export type RateLimitedProduct =
  'company' | 'directory' | 'individual' | 'employment' | 'pay_statement_item' | 'payment' | 'pay_groups' | 'pay_statement';

/** Finch's published numbers (requests per rolling minute per application). */
export const FINCH_RATE_LIMITS: Readonly<Record<RateLimitedProduct, number>> = {
  company: 20,
  directory: 20,
  individual: 20,
  employment: 20,
  pay_statement_item: 20,
  payment: 12,
  pay_groups: 12,
  pay_statement: 12,
};

export const RATE_WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; limit: number; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  enabled = true;

  constructor(private readonly clock: SimulatorClock) {}

  /** Counts the request if allowed; otherwise says how long to wait. */
  take(clientId: string, product: RateLimitedProduct): RateDecision {
    if (!this.enabled) return { allowed: true };
    const limit = FINCH_RATE_LIMITS[product];
    const now = this.clock.now();
    const key = `${clientId}\u0000${product}`;
    let stamps = this.windows.get(key);
    if (!stamps) {
      stamps = [];
      this.windows.set(key, stamps);
    }
    // Drop requests that have left the rolling window (stamps are in time order).
    let expired = 0;
    while (expired < stamps.length && (stamps[expired] ?? 0) <= now - RATE_WINDOW_MS) expired++;
    if (expired > 0) stamps.splice(0, expired);
    if (stamps.length >= limit) {
      const oldest = stamps[0] ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now) / 1000));
      return { allowed: false, limit, retryAfterSeconds };
    }
    stamps.push(now);
    return { allowed: true };
  }

  /** Remaining requests in the current window (for the admin API). */
  remaining(clientId: string, product: RateLimitedProduct): number {
    const now = this.clock.now();
    const stamps = this.windows.get(`${clientId}\u0000${product}`) ?? [];
    return FINCH_RATE_LIMITS[product] - stamps.filter((t) => t > now - RATE_WINDOW_MS).length;
  }

  clear(): void {
    this.windows.clear();
  }
}
