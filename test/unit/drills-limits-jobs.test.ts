/**
 * The rate-limit storm and failing-sync-job drills, on a simulator whose clock (and the app's)
 * runs 60× fast: Finch's minute-long window passes in a second. Each passes when the app
 * behaves and fails when a fault the app should catch is injected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('drills2', { simulatorClockSpeed: 60 });
});
afterAll(() => core.close());

const newConnection = () => core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 5 });

describe('rate-limit storm drill', () => {
  it('passes: 25 reads, none throttled by Finch, at least 5 held back by the limiter', async () => {
    const c = await newConnection();
    const result = await core.drills.run('local', 'rate-limit-storm', c.id);
    expect(result.steps[0]!.detail).toMatch(/^25\/25 succeeded, 0 × 429 seen, \d+ held back/);
    expect(Number(/(\d+) held back/.exec(result.steps[0]!.detail)![1])).toBeGreaterThanOrEqual(5);
    expect(result.passed).toBe(true);
    expect(result.requestIds.length).toBeGreaterThanOrEqual(25);
  }, 30_000);

  it('fails, and says why, when Finch answers 429 although the app stayed within the limit', async () => {
    const c = await newConnection();
    core.simulator!.admin.addFault({
      kind: 'error',
      status: 429,
      path: '/employer/company',
      count: 2,
      finch_code: 'finch_application_rl',
      retry_after_seconds: 1,
    });
    const result = await core.drills.run('local', 'rate-limit-storm', c.id);
    core.simulator!.admin.clearFaults();
    expect(result.passed).toBe(false);
    expect(result.steps[0]!.detail).toMatch(/2 × 429 seen/);
    expect(result.steps[0]!.detail).toMatch(/something else is spending this application's budget/);
  }, 30_000);
});

describe('failing sync job drill', () => {
  it('passes: the job ends reauth_error, the app notices, reconnect + sync recovers', async () => {
    const c = await newConnection();
    const result = await core.drills.run('local', 'failing-sync-job', c.id);
    expect(result.steps.map((s) => [s.ok, s.name.slice(0, 20)])).toEqual(result.steps.map((s) => [true, s.name.slice(0, 20)]));
    expect(result.steps[1]!.detail).toMatch(/→ reauth_error; connection reauth$/);
    expect(result.passed).toBe(true);
    expect(core.connections.get('local', c.id).status).toBe('connected');
  }, 30_000);

  it('fails when the job cannot be watched (Finch’s job endpoint keeps failing)', async () => {
    const c = await newConnection();
    core.simulator!.admin.addFault({ kind: 'error', status: 500, path: '/jobs/automated/*', count: 10 });
    const result = await core.drills.run('local', 'failing-sync-job', c.id);
    core.simulator!.admin.clearFaults();
    expect(result.passed).toBe(false);
    expect(result.steps.at(-1)!.ok).toBe(false);
  }, 30_000);
});
