/**
 * The composition root shared by the Electron app and the browser harness: builds every
 * service from the adapters it is given (and starts the embedded Finch simulator), then
 * returns the handler map the IPC guard serves. Nothing here imports `electron`;
 * src/main/index.ts passes the Electron adapters in.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { HandlerMap } from '../shared/contract';
import { contract } from '../shared/contract';
import { scaledClock, systemClock } from './platform/clock';
import { ConnectFlow } from './features/connect/connect-flow';
import { ConnectionService } from './platform/workspace/connection-service';
import { ConnectionLifecycle } from './platform/workspace/connection-lifecycle';
import { exportSaverFrom } from './features/files/export-saver';
import { ExportGate } from './features/files/export-gate';
import { ConnectTraces } from './platform/connect-traces/connect-trace';
import { DiagnosticsService } from './features/diagnostics/diagnostics-service';
import { DrillRunner } from './features/sandbox/drills';
import { MockData } from './features/sandbox/mock-data';
import { SyncJobs } from './features/sandbox/sync-job';
import { ExplorerService } from './features/explorer/explorer-service';
import { PayItemRules } from './features/explorer/pay-item-rules';
import { CoverageService } from './features/coverage/coverage-service';
import { SnapshotService } from './features/snapshots/snapshot-service';
import type { OperationProgress } from './platform/operations/operations';
import { OperationRegistry } from './platform/operations/operations';
import { EnvironmentService, LOCAL_ENVIRONMENT_ID } from './platform/workspace/environment-service';
import { createDeductionsLab } from './features/deductions/deductions-lab';
import { IntegrationLab } from './features/integration-lab/integration-lab';
import type { ObservedCall } from '../shared/domain/integration-lab';
import { KeyedFingerprints } from './platform/secrets/keyed-fingerprint';
import { createBatcher } from './platform/events/batcher';
import { createEventHub } from './platform/events/event-hub';
import { FinchGateway } from './platform/finch/gateway';
import type { MeterReading } from './platform/finch/rate-limiter';
import { RateLimiter } from './platform/finch/rate-limiter';
import { guardDestructiveActs } from './features/safety/destructive-acts';
import { ProductionArming } from './features/safety/production-arming';
import { NoticeBoard } from './platform/notices/notice-board';
import { RequestLog } from './platform/request-log/request-log';
import { LogPruner } from './platform/request-log/log-pruner';
import { LogSizeReport } from './platform/request-log/log-size';
import type { RequestLogEntry } from './platform/request-log/types';
import { SecretScrubber } from './platform/secrets/secret-scrubber';
import { SecretVault } from './platform/secrets/secret-vault';
import { LOCAL_CLIENT_SECRET } from './platform/workspace/targets';
import { SettingsService } from './features/settings/settings-service';
import type { RunningSimulator } from '../simulator';
import { startSimulator } from '../simulator';
import { DatabaseOpenError, openBulkWriter, openWorkbenchDatabase } from './platform/storage/database';
import { prepareDataFolder } from './platform/startup/data-folder';
import { SupportService } from './features/support/support-service';
import { ReadinessService } from './features/readiness/readiness-service';
import { WebhookService } from './features/webhooks/webhook-service';
import type { CoreAdapters, WorkbenchServices } from './services';
import { assembleHandlers } from './handler-map';

export type { CoreAdapters, WorkbenchServices } from './services';

export interface WorkbenchCore extends WorkbenchServices {
  handlers: HandlerMap;
  close(): Promise<void>;
}

export async function startWorkbenchCore(adapters: CoreAdapters): Promise<WorkbenchCore> {
  const folder = adapters.app.dataFolder;
  // A fresh machine may lack the folder and its parents: create it owner-only, or stop with a fix.
  prepareDataFolder(folder);
  const log = adapters.log ?? ((line: string) => console.error(line));
  const events = createEventHub(contract);
  const notices = new NoticeBoard((list) => events.emit('app', 'noticesChanged', list));
  // Set once the request log exists (below): a changed retention prunes at once.
  let onSettingsChanged = (): void => {};
  const settings = new SettingsService({
    path: join(folder, 'settings.json'),
    openStore: adapters.openSettingsStore,
    notices,
    onChanged: (value) => (events.emit('settings', 'changed', value), onSettingsChanged()),
  });
  const db = openDatabaseOrTemporary(join(folder, 'workbench.sqlite'), adapters.sqliteNativeBinding, notices);
  const partsDb = openBulkWriter(db, adapters.sqliteNativeBinding);
  const vault = new SecretVault({
    path: join(folder, 'secrets.json'),
    openStore: adapters.openSettingsStore,
    cipher: adapters.cipher,
    notices,
  });
  // Set once the operation registry exists (below): a switch of environment cancels its pulls.
  let onEnvironmentsChanged = (_activeId: string): void => {};
  const environments = new EnvironmentService({
    db,
    vault,
    active: { get: () => settings.getStored('activeEnvironmentId'), set: (id) => settings.setStored({ activeEnvironmentId: id }) },
    onChanged: (state) => (events.emit('environments', 'changed', state), onEnvironmentsChanged(state.activeId)),
  });
  const simulator = adapters.embeddedSimulator === false ? null : await startEmbeddedSimulator(folder, notices, log);
  // Tests may run the simulator's clock fast; the app's clock then follows it, so a Finch
  // minute passes for both at once (rate windows, job durations, poll intervals).
  if (simulator && adapters.simulatorClockSpeed) simulator.clock.setSpeed(adapters.simulatorClockSpeed);
  const clock = adapters.clock ?? (simulator && adapters.simulatorClockSpeed ? scaledClock(simulator.clock) : systemClock);
  // Free text the app stores (error messages, query strings, event details) loses the vault's secrets first.
  const scrubber = new SecretScrubber(vault, [LOCAL_CLIENT_SECRET]);
  const requestLog = new RequestLog(db, (text) => scrubber.scrub(text));
  requestLog.onAppend(createBatcher<RequestLogEntry>(clock, 200, (entries) => events.emit('requestLog', 'appended', entries)));
  // Retention is in real days, whatever the simulator's clock does.
  const logPruner = new LogPruner(db, {
    retention: () => settings.get().requestLogRetention,
    onError: (error) => log(`[request-log] pruning stopped: ${error.message}`),
    searchIndex: requestLog.searchIndex,
    onPartitionDropped: (name) => requestLog.forgetPartition(name),
  });
  requestLog.onAppend(() => logPruner.noteAppend());
  onSettingsChanged = () => void logPruner.request();
  // On start (after the first screen has had its turn), then hourly as rows age.
  logPruner.startSchedule(3_600_000, 5_000);
  const meter = createBatcher<MeterReading>(clock, 250, (readings) => {
    // Only the latest reading per bucket matters.
    const latest = new Map(readings.map((r) => [`${r.clientId}\u0000${r.product}`, r]));
    events.emit('rateLimits', 'changed', [...latest.values()]);
  });
  const limiter = new RateLimiter({ clock, onChange: meter });
  const gateway = new FinchGateway({ log: requestLog, limiter, clock, ...(adapters.fetch ? { fetch: adapters.fetch } : {}) });

  const connections = new ConnectionService({
    db,
    vault,
    environments,
    gateway,
    simulator: () => simulator,
    scrub: (text) => scrubber.scrub(text),
    onChanged: (environmentId) => events.emit('connections', 'changed', { environmentId }),
  });

  const traces = new ConnectTraces();
  const connect = new ConnectFlow({
    traces,
    lookupAttempt: (requestId) => requestLog.findByRequestId(requestId)[0],
    environments,
    connections,
    gateway,
    vault,
    simulator: () => simulator,
  });
  const lifecycle = new ConnectionLifecycle({ environments, connections, gateway, vault, simulator: () => simulator });
  const diagnostics = new DiagnosticsService({
    requestLog,
    connections,
    lifecycle,
    environments,
    limiter,
    traces,
    simulator: () => simulator,
  });
  const syncJobs = new SyncJobs({ lifecycle, connections, clock });

  const progress = createBatcher<OperationProgress>(clock, 100, (updates) => {
    // Only each operation's latest state matters to the progress bar.
    for (const update of new Map(updates.map((u) => [u.operationId, u])).values()) events.emit('explorer', 'progress', update);
  });
  const operations = new OperationRegistry(progress, () => environments.activeId());
  // A pull for an environment that is no longer active must not go on spending its budget.
  onEnvironmentsChanged = (activeId) => void operations.cancelOutside(activeId);
  const arming = new ProductionArming({
    environments,
    connections,
    clock,
    onChanged: (state) => events.emit('safety', 'armingChanged', state),
  });
  const mockData = new MockData({ environments, connections, lifecycle, syncJobs, operations });
  const drills = new DrillRunner({
    db,
    environments,
    connections,
    lifecycle,
    gateway,
    requestLog,
    mockData,
    syncJobs,
    clock,
    simulator: () => simulator,
    // Called only when a drill runs, after `deductions` below exists.
    deductions: {
      support: (env, id) => deductions.reads.support(env, id),
      benefits: (env, id) => deductions.reads.benefits(env, id),
      people: (env, id) => deductions.reads.people(env, id),
      enrollments: (env, id, benefitId) => deductions.reads.enrollments(env, id, benefitId),
      createBenefit: (env, input) => deductions.writes.createBenefit(env, input),
      enroll: (env, input) => deductions.writes.enroll(env, input),
      check: (env, jobId) => deductions.follower.check(env, jobId),
      follow: (env, jobId, deadlineMs, everyMs) => deductions.follower.follow(env, jobId, deadlineMs, everyMs),
    },
  });

  const coverage = new CoverageService({ db, lifecycle, connections, operations });
  // One save path for every export: the shell's file saver (a save dialog in Electron).
  const exportSaver = adapters.fileSaver ? exportSaverFrom(adapters.fileSaver) : null;
  const appFacts = () => ({
    name: adapters.app.name,
    version: adapters.app.version,
    runtime: adapters.app.runtime,
    platform: adapters.app.platform,
  });
  const support = new SupportService({
    db,
    environments,
    connections,
    requestLog,
    vault,
    app: appFacts,
    fileSaver: adapters.fileSaver ?? null,
  });
  const readiness = new ReadinessService({
    db,
    environments,
    drillResults: (environmentId) => drills.results(environmentId),
    vault,
    meter: () => limiter.readings(),
    app: appFacts,
    fileSaver: adapters.fileSaver ?? null,
    pdfPrinter: adapters.pdfPrinter ?? null,
    coverageRuns: (environmentId) => coverage.coverageRuns(environmentId),
    // Called only when a report is made, after `integrationLab` below exists.
    yourApp: () => (integrationLab.recorder.list(0, 1).length > 0 ? integrationLab.scorecard(Date.now()) : null),
    // Called only when a report is made, after `deductions` below exists.
    deductions: {
      jobs: (environmentId) => deductions.store.jobs(environmentId),
      reconciliations: (environmentId) => deductions.store.reconciliations(environmentId),
    },
  });

  const exportGate = new ExportGate({
    secrets: () => vault.allSecretsForRedaction(),
    db,
    saver: exportSaver,
    environmentsJson: () => environments.exportJson(),
  });
  const webhooks = new WebhookService({
    db,
    vault,
    environments,
    connections,
    simulator: () => simulator,
    log,
    ...(adapters.fetch ? { fetch: adapters.fetch } : {}),
    onEvent: (summary) => events.emit('webhooks', 'received', summary),
    // A secret the app generates is shown once, through the gate (files/one-time-secrets.ts).
    offerOneTimeSecret: (secret) => exportGate.offerOneTimeSecret(secret),
  });
  await webhooks.restore();
  const deductions = createDeductionsLab({
    db,
    clock,
    environments,
    connections,
    lifecycle,
    // Only the Local simulator can run a payroll on request; elsewhere the user picks one the provider ran.
    payrollRunner: (environmentId) => (environmentId === LOCAL_ENVIRONMENT_ID && simulator ? simulator.admin : null),
    onJobChanged: (job) => events.emit('deductions', 'jobChanged', job),
  });
  deductions.follower.startSchedule();
  // Real time, not the (possibly sped-up) Finch clock: your app waits in real seconds.
  const labCalls = createBatcher<ObservedCall>(systemClock, 200, (calls) => events.emit('integrationLab', 'callsArrived', calls));
  const integrationLab = new IntegrationLab({
    db,
    requestLog,
    environments,
    fingerprints: new KeyedFingerprints(vault),
    simulator: () => simulator,
    armed: (environmentId) => arming.state(environmentId).armed,
    onCall: labCalls,
    log,
    ...(adapters.sqliteNativeBinding ? { sqliteNativeBinding: adapters.sqliteNativeBinding } : {}),
  });

  const services: WorkbenchServices = {
    app: adapters.app,
    cipher: adapters.cipher,
    events,
    notices,
    settings,
    vault,
    environments,
    requestLog,
    logPruner,
    logSize: new LogSizeReport(db),
    limiter,
    gateway,
    connections,
    connect,
    lifecycle,
    diagnostics,
    drills,
    explorer: new ExplorerService(lifecycle),
    payItemRules: new PayItemRules({ environments, connections, lifecycle }),
    support,
    readiness,
    redirectOpener: adapters.redirectOpener ?? null,
    exportSaver,
    simulator,
    db,
    operations,
    mockData,
    arming,
    coverage,
    webhooks,
    deductions,
    integrationLab,
    exportGate,
    snapshots: new SnapshotService({ db, partsDb, lifecycle, connections, operations }),
  };
  return {
    ...services,
    handlers: guardDestructiveActs(assembleHandlers(services), arming, () => environments.activeId()),
    async close() {
      deductions.follower.stopSchedule();
      await logPruner.close();
      await integrationLab.close();
      await webhooks.close();
      await simulator?.close();
      partsDb?.close();
      db.close();
    },
  };
}

/** The Local simulator environment's Finch, on a random loopback port; its state survives restarts. */
async function startEmbeddedSimulator(folder: string, notices: NoticeBoard, log: (line: string) => void): Promise<RunningSimulator | null> {
  try {
    return await startSimulator({ stateFile: join(folder, 'simulator-state.json'), log: (line) => log(`[simulator] ${line}`) });
  } catch (error) {
    notices.add({
      id: 'simulator-failed',
      level: 'error',
      message: `The local Finch simulator could not start: ${(error as Error).message}`,
    });
    return null;
  }
}

/**
 * A damaged database, or one from a newer version, is left untouched (see migrate.ts). The
 * app still starts, on a temporary in-memory database, and says so loudly.
 */
function openDatabaseOrTemporary(path: string, nativeBinding: string | undefined, notices: NoticeBoard): Database.Database {
  try {
    return openWorkbenchDatabase(path, { nativeBinding });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    notices.add({
      id: 'database-unavailable',
      level: 'error',
      message: `${error.message} Until then the app runs on a temporary database: nothing you record now will be kept.`,
    });
    return openWorkbenchDatabase(':memory:', { nativeBinding });
  }
}
