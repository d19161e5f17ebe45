/** Prints the fleet bench's table and writes its JSON line. */
import { appendFileSync } from 'node:fs';
import type { FloorBreakdown } from './floor';
import { FLEET_PRODUCTS } from './products';

export interface RunFigures {
  label: string;
  wallMs: number;
  ratio: number | null;
  rateLimited: number;
  failedCalls: number;
  calls: number;
  /** Calls the whole refresh needs (the app's run, which finished all of it). */
  neededCalls: number;
  completeConnections: number;
  connections: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const padLeft = (text: string | number, width: number): string => String(text).padStart(width);

export function printFloor(floor: FloorBreakdown): void {
  console.log(
    `${pad('product', 15)}${padLeft('calls', 7)}${padLeft('limit/min', 11)}${padLeft('full windows', 14)}${padLeft('floor', 10)}`,
  );
  for (const product of FLEET_PRODUCTS) {
    const p = floor.perProduct[product];
    console.log(
      `${pad(product, 15)}${padLeft(p.calls, 7)}${padLeft(p.limit, 11)}${padLeft(p.fullWindows, 14)}${padLeft(seconds(p.floorMs), 10)}`,
    );
  }
  console.log(
    `physical floor: ${seconds(floor.floorMs)} (set by ${floor.bindingProduct}); floor = max over products of (ceil(calls/limit) − 1) × 60 s`,
  );
}

export function printRuns(runs: RunFigures[], goalRatio: number): void {
  console.log(
    `${pad('run', 28)}${padLeft('wall (sim)', 12)}${padLeft('ratio', 8)}${padLeft('goal', 9)}${padLeft('429s seen', 11)}${padLeft('goal', 6)}` +
      `${padLeft('failed calls', 14)}${padLeft('ok calls / needed', 19)}${padLeft('complete', 10)}`,
  );
  for (const r of runs) {
    console.log(
      `${pad(r.label, 28)}${padLeft(seconds(r.wallMs), 12)}${padLeft(r.ratio === null ? 'n/a' : r.ratio.toFixed(3), 8)}${padLeft(`≤ ${goalRatio.toFixed(2)}`, 9)}` +
        `${padLeft(r.rateLimited, 11)}${padLeft('0', 6)}${padLeft(r.failedCalls, 14)}${padLeft(`${r.calls - r.failedCalls} / ${r.neededCalls}`, 19)}${padLeft(`${r.completeConnections}/${r.connections}`, 10)}`,
    );
  }
}

/** One JSON line on stdout, and appended to the (git-ignored) results file when given. */
export function emitJsonLine(record: Record<string, unknown>, resultsFile: string | null): void {
  const line = JSON.stringify(record);
  console.log(line);
  if (resultsFile) appendFileSync(resultsFile, `${line}\n`);
}
