/**
 * A refusal from a disarmed Production environment ("… is Production and disarmed: … is
 * refused") is true only until the user arms it. Screens that show such a refusal clear it
 * when arming happens, so a stale "refused" never sits next to an armed band.
 */
import { useEffect, useRef } from 'react';
import { workbench } from '../workbench';
import type { ReadFailure } from './data/failure';

/**
 * Whether an act's failure is the refusal of a disarmed Production environment: main's
 * destructive-acts guard answers `forbidden`. (A token of another application is also
 * `forbidden`, but only on import, which no caller of this checks.)
 */
export function isArmingRefusal(failure: Pick<ReadFailure, 'kind'>): boolean {
  return failure.kind === 'forbidden';
}

/** Calls `onArmed` each time the active environment becomes armed. */
export function useOnArmed(onArmed: () => void): void {
  const latest = useRef(onArmed);
  latest.current = onArmed;
  useEffect(
    () =>
      workbench().safety.onArmingChanged((state) => {
        if (state.applies && state.armed) latest.current();
      }),
    [],
  );
}
