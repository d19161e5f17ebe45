/**
 * Time for main's services. Injected everywhere time matters (rate limiter, expiry, log
 * timestamps) so tests can run a minute-long Finch rate window in a second.
 */
export interface Clock {
  now(): number;
  /** Runs `fn` after `ms` of this clock's time; returns a cancel function. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** A clock that runs `getSpeed()` times faster than real time (the simulator's test clock). */
export function scaledClock(source: { now(): number; getSpeed(): number }): Clock {
  return {
    now: () => source.now(),
    setTimeout(fn, ms) {
      const timer = setTimeout(fn, Math.max(0, ms / source.getSpeed()));
      return () => clearTimeout(timer);
    },
  };
}
