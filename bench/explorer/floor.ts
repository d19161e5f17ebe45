/**
 * The floor under "all rows": the explorer reads the directory in pages (a small first page so
 * rows show at once, then large ones), and Finch allows 20 directory calls per application in
 * any rolling 60 s. By the argument in bench/fleet/floor.ts, N calls cannot all have been sent
 * before (ceil(N / L) − 1) · 60 s after the first — counted from the click, which comes before
 * the first call. Calls made before the click (the Sandbox screen's picker page) only push the
 * real minimum later, so this stays a lower bound. Latency and the app's own work come on top.
 */
import { DIRECTORY_FIRST_PAGE, DIRECTORY_PAGE } from '@main/features/explorer/org-reads';
import { FINCH_RATE_LIMITS } from '@simulator';
import { windowsNeeded } from '../fleet/floor';
import { WINDOW_MS } from '../fleet/products';

export interface DirectoryFloor {
  calls: number;
  limit: number;
  floorMs: number;
  /** How it is computed, for the report. */
  explain: string;
}

export function directoryFloor(people: number): DirectoryFloor {
  const rest = Math.max(0, people - DIRECTORY_FIRST_PAGE);
  const calls = 1 + Math.ceil(rest / DIRECTORY_PAGE);
  const limit = FINCH_RATE_LIMITS.directory;
  const floorMs = windowsNeeded(calls, limit) * WINDOW_MS;
  return {
    calls,
    limit,
    floorMs,
    explain:
      `${calls} directory calls (1 × ${DIRECTORY_FIRST_PAGE} + ${calls - 1} × up to ${DIRECTORY_PAGE.toLocaleString('en-US')} people) ` +
      `at ${limit} calls / 60 s: (ceil(${calls} / ${limit}) − 1) × 60 s = ${(floorMs / 1000).toFixed(0)} s`,
  };
}
