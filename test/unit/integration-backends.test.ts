/**
 * The two sample backends (test/fixtures/integration-backends) run the same work against the
 * simulator, through a recorder that stands in for the Integration lab proxy and injects the
 * "rate-limit storm + reauth + batch errors" kind of scenario. The scorecard must tell them
 * apart line by line: the sloppy one fails what it gets wrong, the careful one passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@simulator';
import { startSimulator } from '@simulator';
import type { Scorecard } from '@shared/domain/integration-lab';
import { scorecard } from '@main/features/integration-lab/scorecard';
import { runCareful } from '../fixtures/integration-backends/careful-backend';
import { runSloppy } from '../fixtures/integration-backends/sloppy-backend';
import type { BackendOptions } from '../fixtures/integration-backends/work';
import type { RecorderRule } from './recording-fetch';
import { RecordingFetch } from './recording-fetch';

/** Connection 1 meets the storm; connection 2 is told to reauthenticate on its first data call. */
const SCENARIO: RecorderRule[] = [
  { id: 'reauth-second-connection', inject: 'reauthenticate', path: '/employer/company', count: 1, tokenNumber: 2 },
  { id: 'company-429', inject: 'rate_limit', path: '/employer/company', count: 1, tokenNumber: 1, retryAfterSeconds: 1 },
  { id: 'directory-500s', inject: 'server_error', path: '/employer/directory', count: 2, tokenNumber: 1 },
  { id: 'employment-item-errors', inject: 'batch_item_errors', path: '/employer/employment', count: 3, tokenNumber: 1, items: 2 },
  { id: 'payment-syncing', inject: 'sync_in_progress', path: '/employer/payment', count: 2, tokenNumber: 1 },
  { id: 'pay-groups-all-null', inject: 'all_null', path: '/employer/pay-groups', count: 1, tokenNumber: 1 },
];

/** The verdict each backend must earn on each line traffic can show. */
const EXPECTED: Record<string, { sloppy: string; careful: string }> = {
  'rate-limit-window': { sloppy: 'fail', careful: 'pass' },
  'rate-limit-retry-after': { sloppy: 'fail', careful: 'pass' },
  'server-error-retries': { sloppy: 'fail', careful: 'pass' },
  'reauthentication-flow': { sloppy: 'fail', careful: 'pass' },
  'batch-item-errors': { sloppy: 'fail', careful: 'pass' },
  'sync-in-progress': { sloppy: 'fail', careful: 'pass' },
  'nullable-fields': { sloppy: 'fail', careful: 'pass' },
  'code-exchange-server-side': { sloppy: 'fail', careful: 'pass' },
  'credentials-server-side': { sloppy: 'fail', careful: 'pass' },
  'introspect-new-tokens': { sloppy: 'fail', careful: 'pass' },
  'finch-request-id': { sloppy: 'manual', careful: 'manual' },
};

let sim: RunningSimulator;
const cards: Record<'sloppy' | 'careful', Scorecard | null> = { sloppy: null, careful: null };

/** Runs a backend through the recorder and grades it a minute after it finished (its follow-ups are due by then). */
async function graded(run: (options: BackendOptions) => Promise<void>, clientId: string): Promise<Scorecard> {
  const recorder = new RecordingFetch(SCENARIO);
  const lines: string[] = [];
  await run({
    baseUrl: sim.baseUrl,
    clientId,
    clientSecret: 'sample-secret',
    fetch: recorder.fetch,
    log: (l) => lines.push(l),
    maxMs: 20_000,
  });
  return scorecard(recorder.calls, Date.now() + 60_000, { rules: SCENARIO });
}

beforeAll(async () => {
  sim = await startSimulator({ log: () => {} });
  // Each its own application, so the simulator's rate limits do not mix their traffic.
  cards.careful = await graded(runCareful, 'careful-app');
  cards.sloppy = await graded(runSloppy, 'sloppy-app');
}, 60_000);
afterAll(() => sim?.close());

const verdicts = (card: Scorecard | null) => Object.fromEntries(card!.lines.filter((l) => l.id in EXPECTED).map((l) => [l.id, l.status]));

describe('the scorecard tells the sample backends apart', () => {
  it('passes the careful backend on every line traffic can show', () => {
    expect(verdicts(cards.careful)).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([id, e]) => [id, e.careful])));
  });

  it('fails the sloppy backend on each mistake it makes', () => {
    expect(verdicts(cards.sloppy)).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([id, e]) => [id, e.sloppy])));
  });

  it("links each of the sloppy backend's failures to the calls that prove it", () => {
    for (const line of cards.sloppy!.lines.filter((l) => l.status === 'fail')) {
      expect(line.evidence.length, line.id).toBeGreaterThan(0);
      expect(line.evidence.flatMap((e) => e.logIds).length, line.id).toBeGreaterThan(0);
    }
  });
});
