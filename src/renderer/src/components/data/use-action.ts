/**
 * The renderer's one way to run a user-triggered call (a write, a check, a run): `run(...args)`
 * calls it once at a time (a double submit is refused while pending), and the hook gives the
 * pending flag, the last result and the last failure as a ReadFailure. Callbacks run only while
 * the screen is mounted. (`useOperation` in OperationProgress is the other half of a long run:
 * its id, progress events and Cancel.)
 *
 *   const save = useAction((input: Input) => unwrap(workbench().webhooks.setForwarding(input)), {
 *     onDone: (next) => onState(next),
 *   });
 *   <button disabled={save.pending} onClick={() => void save.run(input)}>
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ActionCallbacks, ActionState } from './action-controller';
import { ActionController } from './action-controller';

export type { ActionCallbacks, ActionState } from './action-controller';

export interface Action<A extends unknown[], R> extends ActionState<R> {
  run: (...args: A) => Promise<boolean>;
  reset: () => void;
}

export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>, callbacks: ActionCallbacks<A, R> = {}): Action<A, R> {
  // The newest call and callbacks (they close over the render's values).
  const latest = useRef({ call, callbacks });
  latest.current = { call, callbacks };
  const [controller] = useState(
    () =>
      new ActionController<A, R>(
        () => latest.current.call,
        () => latest.current.callbacks,
      ),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    controller.revive();
    return () => controller.dispose();
  }, [controller]);
  return { ...state, run: controller.run, reset: controller.reset };
}
