/**
 * A fixed number of slots for big answers in flight: `run` waits for a free slot, holds it
 * while the work (the call and the handling of its answer) runs, and frees it however the work
 * ends. Waiters are served in the order they asked.
 */
export class AnswerSlots {
  private busy = 0;
  private peak = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`AnswerSlots needs a positive whole size, not ${size}`);
  }

  /** The most slots that were ever taken at once (for tests and benches). */
  get maxInUse(): number {
    return this.peak;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Waits for a free slot and takes it; the function returned frees it (once, however often it is called). */
  async acquire(): Promise<() => void> {
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy += 1;
    this.peak = Math.max(this.peak, this.busy);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `busy` counts it without a gap.
      if (next) next();
      else this.busy -= 1;
    };
  }

  /**
   * Holds one of these slots for work that hands back its own release (`bigCall`'s answer and
   * its slot in hand): the slot is freed with it.
   */
  async hold<T>(work: () => Promise<[T, () => void]>): Promise<[T, () => void]> {
    const release = await this.acquire();
    try {
      const [value, done] = await work();
      return [
        value,
        () => {
          done();
          release();
        },
      ];
    } catch (error) {
      release();
      throw error;
    }
  }
}
