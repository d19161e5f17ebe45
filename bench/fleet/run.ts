/**
 * bench/fleet: refreshing a fleet of connections against Finch's published limits.
 *   npx tsx bench/fleet/run.ts           60 connections (about a minute of real time)
 *   npx tsx bench/fleet/run.ts --quick   24 connections (CI; well under 60 s)
 *   options: --speed N (simulator clock factor, default 10), --connections N
 *   --no-limiter: the app's path with its rate limiter switched off, to see the bench catch it
 * One application, N sandbox connections on the local simulator with Finch's per-application
 * per-product limits on and its clock sped up. Each connection: company; directory (every
 * page) → individuals + employments (batched); payments (last 90 days) → pay statements
 * (batched, paged). Two runs over the same fleet and the same work:
 *   1. the app: FinchGateway + RateLimiter + RequestLog (as main wires them);
 *   2. a naive loop of the plain SDK (default retries, no limiter); see naive-caller.ts for
 *      how its Retry-After sleeps are kept in simulated time.
 * Reports each run's wall time (simulated) as a ratio to the physical floor (floor.ts),
 * the 429s each met, and the calls that failed. Goals for the app: ratio ≤ 1.10, 0 × 429.
 * Exit code 1 when the app met a 429, lost a call or left a connection incomplete (any
 * mode), or missed the ratio goal (full mode only: --quick checks the bench works on a
 * shared CI machine, where latency at a fast clock weighs more).
 */
import { resolve } from 'node:path';
import { startSimulator } from '@simulator';
import { createFleet, recentWindow } from './fleet-setup';
import { physicalFloor } from './floor';
import { createGatewayCaller } from './gateway-caller';
import { createNaiveCaller } from './naive-caller';
import type { Caller, FleetConnection, RefreshWindow } from './refresh';
import { RefreshTally, refreshConnection } from './refresh';
import type { RunFigures } from './report';
import { emitJsonLine, printFloor, printRuns } from './report';
import { runMain } from '../shared/run-main';

const QUICK = process.argv.includes('--quick');
/**
 * The clock speed trades run time against accuracy: every real millisecond the simulator
 * spends on a request counts `speed` simulated milliseconds, so a fast clock inflates
 * latency (a 300 ms burst at the start is 18 s at ×60). ×10 keeps that to a few percent.
 */
const SETTINGS = { connections: numberArg('--connections') ?? (QUICK ? 24 : 60), speed: numberArg('--speed') ?? 10 };
const GOAL_RATIO = 1.1;
const PAYMENT_DAYS = 90;
/** Hard stop: whatever happens, the process ends (the full run needs about a minute). */
const DEADLINE_MS = QUICK ? 55_000 : 8 * 60_000;
/** Real time to keep counting 429s after the app's first one before stopping the run. */
const ABORT_GRACE_MS = 3_000;
const RESULTS_FILE = resolve(__dirname, '..', 'results.json');
const APP = { clientId: 'fleet-bench-app', clientSecret: 'fleet-bench-secret' };

async function timedRun(sim: Awaited<ReturnType<typeof startSimulator>>, caller: Caller, fleet: FleetConnection[], window: RefreshWindow) {
  const tally = new RefreshTally();
  const started = sim.clock.now();
  await Promise.all(fleet.map((connection) => refreshConnection(caller, connection, window, tally)));
  return { tally, wallMs: sim.clock.now() - started };
}

function numberArg(name: string): number | null {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : null;
}

const sum = (record: Record<string, number>): number => Object.values(record).reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`bench/fleet: still running after ${DEADLINE_MS / 1000} s; stopping.`);
    process.exit(2);
  }, DEADLINE_MS);
  watchdog.unref();

  const sim = await startSimulator({ seed: 7, log: () => {} });
  try {
    const fleet = await createFleet(sim, APP, SETTINGS.connections);
    const window = recentWindow(sim, PAYMENT_DAYS);
    sim.clock.setSpeed(SETTINGS.speed);
    console.log(
      `Fleet refresh${QUICK ? ` (--quick: ${fleet.length} connections instead of 60)` : ''}: ${fleet.length} connections of one application, ` +
        `simulator clock ×${SETTINGS.speed}, payments ${window.startDate}..${window.endDate}, Node ${process.version}`,
    );

    const gatewayCaller = createGatewayCaller(sim, APP.clientId, process.argv.includes('--no-limiter'));
    const realStarted = performance.now();
    const appRun = timedRun(sim, gatewayCaller, fleet, window);
    // A 429 already misses the app's goal, and the SDK would now sleep Retry-After in real
    // time (×speed too long): count what the next seconds bring, report, and stop.
    const broken = gatewayCaller
      .firstRateLimit()
      .then(() => new Promise<'broken'>((done) => setTimeout(() => done('broken'), ABORT_GRACE_MS)));
    const app = await Promise.race([appRun, broken]);
    if (app === 'broken') {
      const seen = gatewayCaller.rateLimitedAttempts();
      console.log(
        `\napp (gateway + limiter): ${seen} attempts answered 429 (goal 0) within ${ABORT_GRACE_MS / 1000} s of the first; run stopped.`,
      );
      emitJsonLine(
        {
          bench: 'fleet',
          quick: QUICK,
          time: new Date().toISOString(),
          connections: fleet.length,
          speed: SETTINGS.speed,
          aborted: true,
          app: { rateLimited: seen, attempts: gatewayCaller.attempts() },
        },
        RESULTS_FILE,
      );
      gatewayCaller.close();
      process.exit(1); // the SDK's pending real-time sleeps would otherwise hold the process
    }
    const appRealMs = performance.now() - realStarted;
    const appRateLimited = gatewayCaller.rateLimitedAttempts();
    const appAttempts = gatewayCaller.attempts();
    gatewayCaller.close();

    // Let both sides' rolling windows empty before the naive run: one full window of simulated time.
    sim.clock.advance(60_000);
    const naiveCaller = createNaiveCaller(sim);
    const naive = await timedRun(sim, naiveCaller, fleet, window);

    const floor = physicalFloor(app.tally.calls);
    const ratio = (wallMs: number): number | null => (floor.floorMs > 0 ? wallMs / floor.floorMs : null);
    const runs: RunFigures[] = [
      {
        label: 'app (gateway + limiter)',
        wallMs: app.wallMs,
        ratio: ratio(app.wallMs),
        rateLimited: appRateLimited,
        failedCalls: sum(app.tally.failed),
        calls: sum(app.tally.calls),
        neededCalls: sum(app.tally.calls),
        completeConnections: app.tally.completeConnections,
        connections: fleet.length,
      },
      {
        label: 'naive SDK loop',
        wallMs: naive.wallMs,
        ratio: ratio(naive.wallMs),
        rateLimited: naiveCaller.rateLimitedResponses(),
        failedCalls: sum(naive.tally.failed),
        calls: sum(naive.tally.calls),
        neededCalls: sum(app.tally.calls),
        completeConnections: naive.tally.completeConnections,
        connections: fleet.length,
      },
    ];
    console.log('');
    printFloor(floor);
    console.log('');
    printRuns(runs, GOAL_RATIO);
    console.log(
      `\napp: ${appAttempts} HTTP attempts for ${runs[0]!.calls} calls, ${(appRealMs / 1000).toFixed(1)} s real; ` +
        `records: ${JSON.stringify(app.tally.records)}; batch item errors ${app.tally.itemErrors}`,
    );
    console.log(
      `naive: same fleet and work, run after the app's run with the clock advanced 60 s (empty windows); ` +
        `SDK defaults (maxRetries 2), no limiter; Retry-After given to the SDK as retry-after-ms scaled ÷${SETTINGS.speed} so it sleeps simulated time. ` +
        `${naiveCaller.responses()} HTTP responses, ${runs[1]!.rateLimited} of them 429; ${naive.tally.brokenChains} refresh chains stopped at a failed call ` +
        `(their dependants never ran, so its ratio covers less work); records: ${JSON.stringify(naive.tally.records)}`,
    );

    const appOk =
      runs[0]!.rateLimited === 0 &&
      runs[0]!.failedCalls === 0 &&
      app.tally.completeConnections === fleet.length &&
      app.tally.itemErrors === 0;
    const ratioOk = runs[0]!.ratio !== null && runs[0]!.ratio <= GOAL_RATIO;
    console.log(
      `\napp goals: ratio ${ratioOk ? 'met' : 'NOT met'}; 429s ${runs[0]!.rateLimited === 0 ? 'met' : 'NOT met'}; all work done ${appOk ? 'yes' : 'NO'}`,
    );
    emitJsonLine(
      {
        bench: 'fleet',
        quick: QUICK,
        time: new Date().toISOString(),
        connections: fleet.length,
        speed: SETTINGS.speed,
        floorMs: floor.floorMs,
        bindingProduct: floor.bindingProduct,
        calls: app.tally.calls,
        goalRatio: GOAL_RATIO,
        app: { ...runs[0], attempts: appAttempts, realMs: Math.round(appRealMs) },
        naive: {
          ...runs[1],
          responses: naiveCaller.responses(),
          brokenChains: naive.tally.brokenChains,
          retryAfter: 'scaled to simulated time via retry-after-ms',
        },
      },
      RESULTS_FILE,
    );
    if (!appOk || (!QUICK && !ratioOk)) process.exitCode = 1;
  } finally {
    await sim.close();
    clearTimeout(watchdog);
  }
}

runMain(main);
