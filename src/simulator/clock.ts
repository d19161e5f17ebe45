/**
 * Simulated time. Everything time-dependent in the simulator (rate-limit windows, code and
 * session expiry, job progress, Retry-After) reads this clock, never Date.now(), so tests can
 * advance it instead of waiting a real minute for a rolling window to drain.
 */
export interface SimulatorClock {
  /** Milliseconds since the Unix epoch, like Date.now(). */
  now(): number;
}

export const systemClock: SimulatorClock = { now: () => Date.now() };

/**
 * Wraps a base clock with an offset and a speed factor. `advance(ms)` jumps forward;
 * `setSpeed(60)` makes one real second count as a simulated minute from now on.
 */
export class ControllableClock implements SimulatorClock {
  private offsetMs = 0;
  private speed = 1;
  /** Base time at which the current speed was set, and the simulated time it mapped to. */
  private anchorBase: number;
  private anchorSim: number;

  constructor(private readonly base: SimulatorClock = systemClock) {
    this.anchorBase = base.now();
    this.anchorSim = this.anchorBase;
  }

  now(): number {
    const elapsed = this.base.now() - this.anchorBase;
    return Math.floor(this.anchorSim + elapsed * this.speed + this.offsetMs);
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance() takes a non-negative number of milliseconds');
    this.offsetMs += ms;
    return this.now();
  }

  /** Jumps to an absolute time (only forward or backward by offset; speed is kept). */
  set(epochMs: number): number {
    if (!Number.isFinite(epochMs)) throw new RangeError('set() takes epoch milliseconds');
    this.offsetMs += epochMs - this.now();
    return this.now();
  }

  setSpeed(factor: number): void {
    if (!Number.isFinite(factor) || factor <= 0 || factor > 100_000) {
      throw new RangeError('speed must be a number in (0, 100000]');
    }
    const current = this.now();
    this.anchorBase = this.base.now();
    this.anchorSim = current - this.offsetMs;
    this.speed = factor;
  }

  getSpeed(): number {
    return this.speed;
  }
}
