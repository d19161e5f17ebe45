/**
 * bench/explorer:
 *  (a) first row of a 10,000-person directory in Chromium (/usr/bin/chromium, the E2E launch
 *      flags), on a new user's path: the Sandbox screen open on the company, then a click on
 *      Explorer; from that click to the first directory row painted (the rest streams in
 *      behind it; the time to all rows is printed too). Goal < 1,000 ms (median of the runs):
 *      a screen that answers within a second keeps the user's train of thought. Then the
 *      whole table scrolled to its end, one step per frame: median frame goal ≤ 33.4 ms.
 *  (b) a full snapshot of a 2,000-person company (company, directory, individuals,
 *      employments, a year of payments and their pay statements), through the app's
 *      gateway and limiter on the embedded simulator: wall time, calls, records.
 *      Goal ≤ 5 s on loopback (our own bound: no injected latency, so this is the app's cost).
 *   npx tsx bench/explorer/run.ts           3 paint runs, 3 snapshots
 *   npx tsx bench/explorer/run.ts --quick   1 paint run, 1 snapshot (CI)
 * Needs the renderer build (`npm run build`; built here when out/renderer is missing).
 * Exit code 1 when a run is incomplete (wrong people count, a product not read).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMain } from '../shared/run-main';
import { measureFirstPaint } from './first-paint';
import { measureSnapshots } from './snapshot';

const QUICK = process.argv.includes('--quick');
const PAINT_PEOPLE = 10_000;
const PAINT_RUNS = QUICK ? 1 : 3;
const PAINT_GOAL_MS = 1_000;
/** Two 60 Hz frames: one dropped frame in two is still a scroll that follows the hand. */
const FRAME_GOAL_MS = 33.4;
const SNAPSHOT_PEOPLE = 2_000;
const SNAPSHOT_RUNS = QUICK ? 1 : 3;
const SNAPSHOT_GOAL_MS = 5_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.log('out/renderer is missing: building it (electron-vite build)…');
    const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('electron-vite build failed');
  }
  let failures = 0;

  const paints = await measureFirstPaint(PAINT_PEOPLE, PAINT_RUNS);
  const paintMs = median(paints.map((p) => p.ms));
  console.log(
    `explorer first directory row (${PAINT_PEOPLE.toLocaleString('en-US')} people, Sandbox screen first, Chromium${QUICK ? ', quick' : ''})`,
  );
  paints.forEach((p, i) =>
    console.log(
      `  run ${i + 1}: ${p.ms.toFixed(1)} ms from the click on Explorer to the first row painted; all ${p.people.toLocaleString('en-US')} rows after ${p.allRowsMs.toFixed(0)} ms`,
    ),
  );
  console.log(`  median ${paintMs.toFixed(1)} ms   goal < ${PAINT_GOAL_MS} ms   ratio ${(paintMs / PAINT_GOAL_MS).toFixed(2)}`);
  // Scrolling: the median frame and the 95th percentile over every run's 60 frames.
  const frames = paints.flatMap((p) => p.scrollFrames).sort((a, b) => a - b);
  const frameMedian = median(frames);
  const frameP95 = frames[Math.floor(frames.length * 0.95)] ?? 0;
  console.log(
    `scrolling all ${PAINT_PEOPLE.toLocaleString('en-US')} rows to the end (60 steps, one per frame): median frame ${frameMedian.toFixed(1)} ms ` +
      `(goal ≤ ${FRAME_GOAL_MS} ms, ratio ${(frameMedian / FRAME_GOAL_MS).toFixed(2)}), p95 ${frameP95.toFixed(1)} ms`,
  );

  const snapshots = await measureSnapshots(SNAPSHOT_PEOPLE, SNAPSHOT_RUNS);
  console.log(`\nfull snapshot (${SNAPSHOT_PEOPLE.toLocaleString('en-US')} people, a year of payments)`);
  for (const [i, run] of snapshots.entries()) {
    const s = run.summary;
    const complete =
      s.counts.people === SNAPSHOT_PEOPLE &&
      s.counts.individuals === SNAPSHOT_PEOPLE &&
      s.counts.employments === SNAPSHOT_PEOPLE &&
      Object.values(s.products).every((p) => p === 'ok');
    if (!complete) failures += 1;
    const records = s.counts.people + s.counts.individuals + s.counts.employments + s.counts.payments + s.counts.payStatements + 1;
    console.log(
      `  run ${i + 1}${i === 0 ? ' (cold: the simulator generates the data)' : ''}: wall ${run.wallMs.toFixed(0)} ms, ${s.calls} calls, ${records.toLocaleString('en-US')} records ` +
        `(${JSON.stringify(s.counts)}), ${(s.bytes / 1024).toFixed(0)} KB gzip${complete ? '' : ' INCOMPLETE'}`,
    );
  }
  const snapMs = median(snapshots.map((r) => r.wallMs));
  console.log(`  median ${snapMs.toFixed(0)} ms   goal ≤ ${SNAPSHOT_GOAL_MS} ms   ratio ${(snapMs / SNAPSHOT_GOAL_MS).toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'explorer',
      quick: QUICK,
      firstPaintMs: paints.map((p) => p.ms),
      firstPaintMedianMs: paintMs,
      firstPaintGoalMs: PAINT_GOAL_MS,
      allRowsMs: paints.map((p) => p.allRowsMs),
      scrollFrameMedianMs: frameMedian,
      scrollFrameP95Ms: frameP95,
      scrollFrameGoalMs: FRAME_GOAL_MS,
      snapshotMs: snapshots.map((r) => r.wallMs),
      snapshotMedianMs: snapMs,
      snapshotGoalMs: SNAPSHOT_GOAL_MS,
      snapshotCalls: snapshots[0]?.summary.calls,
      failures,
    }),
  );
  if (failures > 0) process.exitCode = 1;
}

runMain(main);
