import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@main/platform/finch/rate-limiter';
import type { MeterReading } from '@main/platform/finch/rate-limiter';
import { productForPath } from '@main/platform/finch/products';
import { FakeClock } from './fake-clock';

function setup() {
  const clock = new FakeClock();
  const readings: MeterReading[] = [];
  const limiter = new RateLimiter({ clock, onChange: (r) => readings.push(r) });
  return { clock, limiter, readings };
}

/** Starts n acquisitions; records the clock time at which each was granted. */
function startCalls(limiter: RateLimiter, clock: FakeClock, n: number, clientId = 'app-1', product = 'company') {
  const grantedAt: number[] = [];
  const done = Array.from({ length: n }, (_, i) =>
    limiter.acquire(clientId, product).then((release) => {
      grantedAt[i] = clock.now();
      release();
    }),
  );
  return { grantedAt, done };
}

describe('productForPath', () => {
  it('maps Finch paths to the products Finch limits', () => {
    expect(productForPath('/employer/company')).toBe('company');
    expect(productForPath('/employer/directory?limit=100&offset=200')).toBe('directory');
    expect(productForPath('/employer/pay-statement')).toBe('pay-statement');
    expect(productForPath('/employer/pay-statement-item/rule/abc')).toBe('pay-statement-item');
    expect(productForPath('/employer/pay-groups/123')).toBe('pay-groups');
    expect(productForPath('/introspect')).toBeNull();
  });
});

describe('RateLimiter', () => {
  it('lets 20 company calls through at once and holds the 21st until the window frees a slot', async () => {
    const { clock, limiter } = setup();
    const start = clock.now();
    const { grantedAt, done } = startCalls(limiter, clock, 25);
    await clock.advance(0);
    expect(grantedAt.filter((t) => t !== undefined)).toHaveLength(20);
    await clock.advance(59_000);
    expect(grantedAt.filter((t) => t !== undefined)).toHaveLength(20);
    await clock.advance(2_000);
    await Promise.all(done);
    expect(grantedAt.slice(20).every((t) => t >= start + 60_000)).toBe(true);
  });

  it('uses 12/min for payment, pay-groups and pay-statement', async () => {
    const { clock, limiter } = setup();
    const { grantedAt } = startCalls(limiter, clock, 15, 'app-1', 'payment');
    await clock.advance(0);
    expect(grantedAt.filter((t) => t !== undefined)).toHaveLength(12);
  });

  it('never lets more than the limit into any 60-second window', async () => {
    const { clock, limiter } = setup();
    const { grantedAt, done } = startCalls(limiter, clock, 70);
    await clock.advance(4 * 60_000);
    await Promise.all(done);
    const sorted = [...grantedAt].sort((a, b) => a - b);
    for (let i = 20; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 20]!).toBeGreaterThanOrEqual(60_000);
    // …and wastes no time: 70 calls need exactly three full windows.
    expect(sorted.at(-1)! - sorted[0]!).toBeLessThanOrEqual(3 * 60_000 + 10);
  });

  it('keeps applications and products apart', async () => {
    const { clock, limiter } = setup();
    const a = startCalls(limiter, clock, 20, 'app-1', 'company');
    const b = startCalls(limiter, clock, 20, 'app-2', 'company');
    const c = startCalls(limiter, clock, 20, 'app-1', 'directory');
    await clock.advance(0);
    for (const s of [a, b, c]) expect(s.grantedAt.filter((t) => t !== undefined)).toHaveLength(20);
  });

  it('serves waiters first come, first served', async () => {
    const { clock, limiter } = setup();
    startCalls(limiter, clock, 20);
    const order: string[] = [];
    const late = ['first', 'second', 'third'].map((name) => limiter.acquire('app-1', 'company').then(() => order.push(name)));
    await clock.advance(61_000);
    await Promise.all(late);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('counts the window from when the response arrived, so slow calls cannot bunch up at Finch', async () => {
    const { clock, limiter } = setup();
    const releases = await Promise.all(Array.from({ length: 20 }, () => limiter.acquire('app-1', 'company')));
    await clock.advance(10_000); // responses take 10 s to come back
    releases.forEach((release) => release());
    let granted = false;
    void limiter.acquire('app-1', 'company').then(() => (granted = true));
    await clock.advance(55_000); // 65 s after the grants, but only 55 s after the arrivals
    expect(granted).toBe(false);
    await clock.advance(6_000);
    expect(granted).toBe(true);
  });

  it('honours Retry-After from a 429 before granting more', async () => {
    const { clock, limiter } = setup();
    limiter.penalize('app-1', 'company', 5_000);
    let granted = false;
    void limiter.acquire('app-1', 'company').then(() => (granted = true));
    await clock.advance(4_900);
    expect(granted).toBe(false);
    expect(limiter.readings('app-1')[0]?.blockedUntil).not.toBeNull();
    await clock.advance(200);
    expect(granted).toBe(true);
  });

  it('does not throttle products without a published limit', async () => {
    const { limiter } = setup();
    await Promise.all(Array.from({ length: 100 }, () => limiter.acquire('app-1', null)));
    expect(limiter.readings()).toEqual([]);
  });

  it('reports the meter as slots are used and expire', async () => {
    const { clock, limiter, readings } = setup();
    startCalls(limiter, clock, 22);
    await clock.advance(0);
    expect(readings.at(-1)).toMatchObject({ product: 'company', used: 20, limit: 20, queued: 2 });
    await clock.advance(61_000);
    expect(readings.at(-1)).toMatchObject({ used: 2, queued: 0 });
    await clock.advance(61_000);
    expect(readings.at(-1)).toMatchObject({ used: 0, queued: 0 });
  });

  it('lets a waiting call be cancelled', async () => {
    const { clock, limiter } = setup();
    startCalls(limiter, clock, 20);
    const controller = new AbortController();
    const waiting = limiter.acquire('app-1', 'company', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/cancelled/);
    await clock.advance(0);
    expect(limiter.readings()[0]?.queued).toBe(0);
  });
});
