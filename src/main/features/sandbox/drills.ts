/**
 * Scenario drills: set up a state on a sandbox connection, then check how the app and Finch
 * behave, step by step, ending with pass/fail and the request ids involved. Results are
 * stored as evidence for the readiness report. Sandbox environments only; the outage drill
 * needs the local simulator's fault controls.
 */
import type Database from 'better-sqlite3';
import type { DrillId, DrillResult, DrillStep } from '@shared/domain/drills';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import { WorkbenchError } from '@main/platform/errors';
import type { CallResult, FinchGateway } from '@main/platform/finch/gateway';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { RunningSimulator } from '@simulator';
import type { Clock } from '@main/platform/clock';
import type { Step } from './drills-limits-jobs';
import type { DeductionDrillPort } from './drills-deductions';
import { benefitTypeUnsupported, deductionJobPending, enrollmentPartialFailure } from './drills-deductions';
import { failingSyncJob, ids, rateLimitStorm } from './drills-limits-jobs';
import type { MockData } from './mock-data';
import type { SyncJobs } from './sync-job';
import { requireSandboxEnvironment } from '@main/platform/workspace/environment-rules';

export interface DrillOptions {
  db: Database.Database;
  environments: EnvironmentService;
  connections: ConnectionService;
  lifecycle: ConnectionLifecycle;
  gateway: FinchGateway;
  requestLog: RequestLog;
  mockData: MockData;
  syncJobs: SyncJobs;
  /** The clock the rate limiter runs on. */
  clock: Clock;
  simulator: () => RunningSimulator | null;
  /** The Deductions lab's writes, reads and job follower, passed in by the composition root. */
  deductions: DeductionDrillPort;
  now?: () => number;
}

/** Drills that inject the Local simulator's faults (no other Finch can be told to fail on cue). */
const NEEDS_SIMULATOR: Partial<Record<DrillId, string>> = {
  'provider-outage': 'The provider-outage drill injects faults and needs the Local simulator.',
  'enrollment-partial-failure': 'The enrollment partial-failure drill injects a provider refusal and needs the Local simulator.',
  'deduction-job-pending': 'The pending deduction job drill holds a job at the provider and needs the Local simulator.',
  'benefit-type-unsupported': 'The unsupported benefit type drill injects the provider’s refusal and needs the Local simulator.',
};

export class DrillRunner {
  private readonly now: () => number;
  private readonly insert;
  private readonly list;

  constructor(private readonly options: DrillOptions) {
    this.now = options.now ?? Date.now;
    this.insert = options.db
      .prepare(`INSERT INTO drill_results (environment_id, connection_id, drill, passed, started_at, finished_at, steps, request_ids)
      VALUES (@environmentId, @connectionId, @drill, @passed, @startedAt, @finishedAt, @steps, @requestIds)`);
    this.list = options.db
      .prepare(`SELECT id, drill, connection_id AS connectionId, passed, started_at AS startedAt, finished_at AS finishedAt,
      steps, request_ids AS requestIds FROM drill_results WHERE environment_id = ? ORDER BY id DESC LIMIT 50`);
  }

  results(environmentId: string): DrillResult[] {
    return (
      this.list.all(environmentId) as (Omit<DrillResult, 'passed' | 'steps' | 'requestIds'> & {
        passed: number;
        steps: string;
        requestIds: string;
      })[]
    ).map((r) => ({
      ...r,
      passed: r.passed === 1,
      steps: JSON.parse(r.steps) as DrillStep[],
      requestIds: JSON.parse(r.requestIds) as string[],
    }));
  }

  async run(environmentId: string, drill: DrillId, connectionId: string | null): Promise<DrillResult> {
    const env = this.options.environments.get(environmentId);
    requireSandboxEnvironment(env, 'Drills change connection state, so they run');
    const needsSimulator = NEEDS_SIMULATOR[drill];
    if (needsSimulator && (env.kind !== 'local-simulator' || !this.options.simulator())) {
      throw new WorkbenchError('validation', needsSimulator);
    }
    const startedAt = this.now();
    const steps: DrillStep[] = [];
    const record = (step: DrillStep) => steps.push(step);
    let usedConnection = connectionId;
    // What a drill set up (a fault rule) is undone whatever happened, newest first.
    const undo: (() => void)[] = [];
    try {
      const script = this.script(
        environmentId,
        drill,
        connectionId,
        (id) => (usedConnection = id),
        (fn) => undo.unshift(fn),
      );
      for (const step of script) {
        await step(record);
        if (steps.at(-1)?.ok === false) break;
      }
    } catch (error) {
      const requestId = (error as { details?: { requestId?: string } }).details?.requestId;
      record({ name: 'Unexpected failure', ok: false, detail: (error as Error).message, requestIds: requestId ? [requestId] : [] });
    } finally {
      for (const fn of undo) fn();
    }
    const passed = steps.length > 0 && steps.every((s) => s.ok);
    const requestIds = [...new Set(steps.flatMap((s) => s.requestIds))];
    const finishedAt = this.now();
    const info = this.insert.run({
      environmentId,
      connectionId: usedConnection,
      drill,
      passed: passed ? 1 : 0,
      startedAt,
      finishedAt,
      steps: JSON.stringify(steps),
      requestIds: JSON.stringify(requestIds),
    });
    return { id: Number(info.lastInsertRowid), drill, connectionId: usedConnection, passed, startedAt, finishedAt, steps, requestIds };
  }

  private script(
    env: string,
    drill: DrillId,
    connectionId: string | null,
    use: (id: string) => void,
    cleanup: (undo: () => void) => void,
  ): Step[] {
    const { gateway, connections, lifecycle } = this.options;
    const need = (): string => {
      if (!connectionId) throw new WorkbenchError('validation', 'Choose a connection for this drill.');
      return connectionId;
    };
    const setStatus = (id: string, status: 'reauth' | 'connected') =>
      gateway.call(connections.target(env, id), (client) => client.sandbox.connections.accounts.update({ connection_status: status }));
    const read = (id: string) => lifecycle.read(env, id, (client) => client.hris.company.retrieve());
    const failureOf = async <T>(promise: Promise<T>) =>
      promise.then(
        () => null,
        (e: unknown) => e as WorkbenchError,
      );

    const context = () => ({
      env,
      connectionId: need(),
      lifecycle,
      connections,
      requestLog: this.options.requestLog,
      mockData: this.options.mockData,
      syncJobs: this.options.syncJobs,
      now: () => this.options.clock.now(),
    });

    const deductionContext = () => {
      const simulator = this.options.simulator()!;
      return {
        env,
        connectionId: need(),
        deductions: this.options.deductions,
        faults: {
          add: (rule: Record<string, unknown>) => simulator.admin.addFault(rule),
          remove: (id: string) => simulator.admin.removeFault(id),
        },
        requestLog: this.options.requestLog,
        clock: this.options.clock,
        cleanup,
      };
    };

    switch (drill) {
      case 'enrollment-partial-failure':
        return enrollmentPartialFailure(deductionContext());
      case 'deduction-job-pending':
        return deductionJobPending(deductionContext());
      case 'benefit-type-unsupported':
        return benefitTypeUnsupported(deductionContext());
      case 'rate-limit-storm':
        return rateLimitStorm(context());
      case 'failing-sync-job':
        return failingSyncJob(context());
      case 'reauth': {
        const id = need();
        return [
          async (r) => {
            const forced = await setStatus(id, 'reauth');
            r({
              name: 'Force the connection into reauth (PUT /sandbox/connections/accounts)',
              ok: true,
              detail: 'status reauth',
              requestIds: ids(forced),
            });
          },
          async (r) => {
            const failure = await failureOf(read(id));
            const flipped = connections.get(env, id).status === 'reauth';
            r({
              name: 'A read answers 401 reauthenticate_user and the connection shows “needs reauth”',
              ok: failure?.kind === 'reauth_required' && flipped,
              detail: failure ? `${failure.kind}: ${failure.message}` : 'the read succeeded: reauth went unnoticed',
              requestIds: failure?.details.requestId ? [failure.details.requestId] : [],
            });
          },
          async (r) => {
            const restored = await setStatus(id, 'connected');
            connections.setStatus(env, id, 'connected', 'drill_reconnected', [restored.requestId]);
            r({
              name: 'Reconnect (the sandbox stands in for the employer’s Connect)',
              ok: true,
              detail: 'status connected',
              requestIds: ids(restored),
            });
          },
          async (r) => {
            const again = await read(id);
            r({ name: 'The read works again', ok: again.status === 200, detail: `HTTP ${again.status}`, requestIds: ids(again) });
          },
        ];
      }
      case 'assisted-onboarding': {
        let created: ConnectionIdHolder | null = null;
        return [
          async (r) => {
            const c = await connections.createSandbox(env, {
              providerId: 'finch',
              authenticationType: 'assisted',
              employeeSize: 5,
              customerName: 'Drill: assisted onboarding',
            });
            created = { id: c.id };
            use(c.id);
            r({
              name: 'Create an assisted sandbox connection',
              ok: true,
              detail: `connection ${c.id}, status ${c.status}`,
              requestIds: [],
            });
          },
          async (r) => {
            const pending = await lifecycle.read(env, created!.id, (client) => client.hris.directory.list());
            r({
              name: 'Reads answer 202 while Finch sets the connection up (not an error, not “no data”)',
              ok: pending.status === 202,
              detail: `HTTP ${pending.status} (${pending.outcome})`,
              requestIds: ids(pending),
            });
          },
          async (r) => {
            const done = await setStatus(created!.id, 'connected');
            connections.setStatus(env, created!.id, 'connected', 'drill_setup_complete', [done.requestId]);
            r({
              name: 'Finch completes the setup (sandbox status connected)',
              ok: true,
              detail: 'status connected',
              requestIds: ids(done),
            });
          },
          async (r) => {
            const ready: CallResult<{ individuals: unknown[] }> = await lifecycle.read(env, created!.id, (client) =>
              client.hris.directory.list(),
            );
            r({
              name: 'The directory arrives',
              ok: ready.status === 200 && ready.data.individuals.length > 0,
              detail: `${ready.data.individuals.length} people`,
              requestIds: ids(ready),
            });
          },
        ];
      }
      case 'batch-partial-failure': {
        const id = need();
        return [
          async (r) => {
            const directory = await lifecycle.read(env, id, (client) => client.hris.directory.list({ limit: 3 }));
            const known = directory.data.individuals.map((p) => ({ individual_id: p.id! }));
            const batch = await lifecycle.read(env, id, (client) =>
              client.hris.individuals.retrieveMany({ requests: [...known, { individual_id: 'drill-no-such-person' }] }),
            );
            const items = batch.data.responses;
            const failed = items.filter((i) => i.code !== 200);
            r({
              name: 'A batch with one unknown id answers per item',
              ok: batch.outcome === 'batch_partial_failure' && failed.length === 1 && items.length === known.length + 1,
              detail: `${items.length - failed.length} ok, ${failed.length} failed (${failed.map((f) => `${f.code}`).join(', ')}); logged as ${batch.outcome}`,
              requestIds: ids(directory, batch),
            });
          },
        ];
      }
      case 'provider-outage': {
        const id = need();
        return [
          async (r) => {
            this.options
              .simulator()!
              .admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 2, finch_code: 'server_error' });
            const result = await read(id);
            const attempts = this.options.requestLog.attemptsOf(result.callId);
            const failures = attempts.filter((a) => (a.status ?? 0) >= 500);
            r({
              name: 'Two 5xx answers are retried and the read recovers',
              ok: result.status === 200 && failures.length === 2 && new Set(attempts.map((a) => a.requestId)).size === attempts.length,
              detail: `${attempts.length} attempts: ${attempts.map((a) => a.status ?? 'none').join(' → ')}`,
              requestIds: attempts.map((a) => a.requestId).filter((x): x is string => x !== null),
            });
          },
        ];
      }
    }
  }
}

interface ConnectionIdHolder {
  id: string;
}
