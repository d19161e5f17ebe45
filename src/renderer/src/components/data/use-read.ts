/**
 * The renderer's one way to read: `useRead(key, load)` runs `load` whenever `key` changes
 * (null: nothing to read), `reload()` runs it again, and only the newest answer is shown (see
 * ReadController). Errors arrive as a ReadFailure (kind, message, request id, Finch code).
 *
 *   const runs = useRead(environmentId ?? 'none', () => unwrap(workbench().coverage.runs({})));
 *   runs.data / runs.error / runs.loading / runs.reload() / runs.setData(next)
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReadOptions, ReadState } from './read-controller';
import { ReadController } from './read-controller';

export type { ReadOptions, ReadState } from './read-controller';

export interface Read<T> extends ReadState<T> {
  reload: () => void;
  setData: ReadController<T>['setData'];
}

export interface UseReadOptions<T> extends ReadOptions {
  /**
   * Data already known for the first render (the first screen's answers the page carried in).
   * The first read then only confirms it: see ReadController.
   */
  initialData?: () => T | null;
}

export function useRead<T>(key: string | null, load: () => Promise<T>, options: UseReadOptions<T> = {}): Read<T> {
  // The newest options, read when a key opens (a delay may depend on the input).
  const settings = useRef(options);
  settings.current = options;
  const [controller] = useState(() => new ReadController<T>(() => settings.current, options.initialData?.() ?? null));
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // The newest `load` (it closes over the render's values), without re-reading on every render.
  const loader = useRef(load);
  loader.current = load;
  const current = useCallback(() => loader.current(), []);
  useEffect(() => {
    controller.open(key, current);
    return () => controller.close();
  }, [controller, key, current]);
  return { ...state, reload: controller.reload, setData: controller.setData };
}
