/**
 * Collects items and hands them over in batches: a fleet refresh logs hundreds of attempts a
 * second, and one IPC message per attempt would swamp the renderer.
 */
import type { Clock } from '../clock';

export function createBatcher<T>(clock: Clock, delayMs: number, flush: (items: T[]) => void): (item: T) => void {
  let pending: T[] = [];
  let scheduled = false;
  return (item) => {
    pending.push(item);
    if (scheduled) return;
    scheduled = true;
    clock.setTimeout(() => {
      scheduled = false;
      const items = pending;
      pending = [];
      flush(items);
    }, delayMs);
  };
}
