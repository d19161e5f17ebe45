/**
 * The logic of `useAction`, outside React so it can be tested as it is: one user-triggered
 * call at a time (a second click while the first is pending is refused, even within the same
 * tick, before React has re-rendered the disabled button), its pending flag, last result and
 * last failure. Once the screen is gone (`dispose`), nothing is published and no callback runs.
 */
import type { ReadFailure } from './failure';
import { toFailure } from './failure';

export interface ActionState<R> {
  pending: boolean;
  /** The last run's answer (null before the first, while running, and after a failure). */
  result: R | null;
  /** The last run's failure (null before the first, while running, and after a success). */
  failure: ReadFailure | null;
}

export interface ActionCallbacks<A extends unknown[], R> {
  /** After a success, with the run's arguments. */
  onDone?: (result: R, ...args: A) => void;
  /** After a failure (cancelled runs included: check `failure.kind`), with the run's arguments. */
  onFailure?: (failure: ReadFailure, ...args: A) => void;
}

const READY: ActionState<never> = { pending: false, result: null, failure: null };

export class ActionController<A extends unknown[], R> {
  private state: ActionState<R> = READY;
  private readonly listeners = new Set<() => void>();
  private running = false;
  private live = true;

  /** `callbacks()` gives the newest callbacks: a screen's handlers change with every render. */
  constructor(
    private readonly call: () => (...args: A) => Promise<R>,
    private readonly callbacks: () => ActionCallbacks<A, R> = () => ({}),
  ) {}

  readonly getState = (): ActionState<R> => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /**
   * Runs the call unless one is pending (then it is refused: resolves false without calling).
   * Resolves true once the run has ended, failed or not; a failure is state, never a rejection.
   */
  readonly run = async (...args: A): Promise<boolean> => {
    if (this.running) return false;
    this.running = true;
    this.publish({ pending: true, result: null, failure: null });
    try {
      const result = await this.call()(...args);
      this.finish({ pending: false, result, failure: null }, () => this.callbacks().onDone?.(result, ...args));
    } catch (error) {
      const failure = toFailure(error);
      this.finish({ pending: false, result: null, failure }, () => this.callbacks().onFailure?.(failure, ...args));
    }
    return true;
  };

  /** Forgets the last result and failure (a dialog closed, the input changed). */
  readonly reset = (): void => {
    if (!this.running) this.publish(READY);
  };

  /** The screen is gone: a run still in flight publishes nothing and calls back nobody. */
  dispose(): void {
    this.live = false;
  }

  /** The screen is back (React StrictMode mounts, unmounts and mounts again). */
  revive(): void {
    this.live = true;
  }

  private finish(state: ActionState<R>, callback: () => void): void {
    this.running = false;
    if (!this.live) return;
    this.publish(state);
    callback();
  }

  private publish(state: ActionState<R>): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
