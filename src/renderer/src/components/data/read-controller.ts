/**
 * The logic of `useRead`, outside React so it can be tested as it is: a read is opened for a
 * key, read again on demand, and closed when the key changes or the screen goes. Only the
 * newest read may publish: an answer that arrives after the key changed, after a reload or
 * after the screen closed is dropped, so a slow old answer never overwrites a newer one.
 */
import type { ReadFailure } from './failure';
import { toFailure } from './failure';

export interface ReadState<T> {
  data: T | null;
  error: ReadFailure | null;
  /** A read is in flight (data, if any, is the previous answer). */
  loading: boolean;
}

export interface ReadOptions {
  /**
   * Wait this long before reading a new key, restarting the wait on each change (typing a
   * search or a date should not send one call per keystroke). `loading` is true while
   * waiting. A reload reads at once.
   */
  delayMs?: number;
  /**
   * A failed read keeps the data it had (a list stays on screen under its error). By default a
   * failure clears it, so an error never sits beside an answer it contradicts.
   */
  keepDataOnError?: boolean;
  /**
   * A new key starts from no data (another record's answer must not show meanwhile). By
   * default the previous answer stays until the new one arrives; a reload always keeps it.
   */
  clearOnKeyChange?: boolean;
}

const IDLE: ReadState<never> = { data: null, error: null, loading: false };

export class ReadController<T> {
  private state: ReadState<T> = IDLE;
  private readonly listeners = new Set<() => void>();
  /** Bumped by every open, reload and close: a read publishes only while it is still the newest. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private key: string | null = null;
  private load: (() => Promise<T>) | null = null;
  /** The first open confirms data given at construction (see the constructor). */
  private confirming: boolean;

  /**
   * `options` may be a function: the newest options are read at each open (a delay that depends on the input).
   * `initial`: data already known (the first screen's answers carried in by the page). The first
   * read then confirms it: no `loading` meanwhile, and an answer that is the same object publishes
   * nothing, so the screen is not rendered again for the same data.
   */
  constructor(
    private readonly options: ReadOptions | (() => ReadOptions) = {},
    initial: T | null = null,
  ) {
    this.confirming = initial !== null;
    if (initial !== null) this.state = { data: initial, error: null, loading: false };
  }

  private get settings(): ReadOptions {
    return typeof this.options === 'function' ? this.options() : this.options;
  }

  readonly getState = (): ReadState<T> => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Reads for `key` (null: nothing to read, the state goes idle). */
  open(key: string | null, load: () => Promise<T>): void {
    const changed = key !== this.key;
    this.key = key;
    this.load = load;
    if (key === null) {
      this.supersede();
      this.publish(IDLE);
      return;
    }
    const confirm = this.confirming;
    this.confirming = false;
    this.start(changed && this.settings.clearOnKeyChange === true, this.settings.delayMs ?? 0, confirm);
  }

  /** Reads the current key again; the data stays until the answer replaces it. */
  readonly reload = (): void => {
    if (this.key !== null) this.start(false, 0);
  };

  /** Replaces the data locally (after a write whose answer is the new state, or an event). */
  readonly setData = (update: T | null | ((current: T | null) => T | null)): void => {
    const data = typeof update === 'function' ? (update as (current: T | null) => T | null)(this.state.data) : update;
    this.publish({ ...this.state, data });
  };

  /** Nobody waits for the read in flight any more: its answer is dropped. */
  close(): void {
    this.supersede();
  }

  private start(clear: boolean, delayMs: number, confirm = false): void {
    const mine = this.supersede();
    const load = this.load!;
    if (!confirm) this.publish({ data: clear ? null : this.state.data, error: null, loading: true });
    const settle = (next: (s: ReadState<T>) => ReadState<T>) => {
      if (mine !== this.generation) return;
      const state = next(this.state);
      const same = state.data === this.state.data && state.error === this.state.error && state.loading === this.state.loading;
      if (!(confirm && same)) this.publish(state);
    };
    const run = (): void => {
      this.timer = null;
      let answer: Promise<T>;
      try {
        answer = load();
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (data) => settle(() => ({ data, error: null, loading: false })),
        (error: unknown) =>
          settle((s) => ({ data: this.settings.keepDataOnError ? s.data : null, error: toFailure(error), loading: false })),
      );
    };
    if (delayMs > 0) this.timer = setTimeout(run, delayMs);
    else run();
  }

  private supersede(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return ++this.generation;
  }

  private publish(state: ReadState<T>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
