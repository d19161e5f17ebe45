/**
 * The handler map: each feature's part of the contract, built by the feature from exactly the
 * services it names. Features scope to the active environment through `activeId`.
 */
import type { HandlerMap } from '../shared/contract';
import { buildAppHandlers } from './features/app/handlers';
import { buildSettingsHandlers } from './features/settings/handlers';
import { buildEnvironmentHandlers } from './features/environments/handlers';
import { buildConnectionHandlers } from './features/connections/handlers';
import { buildConnectHandlers } from './features/connect/handlers';
import { buildSandboxHandlers } from './features/sandbox/handlers';
import { buildExplorerHandlers } from './features/explorer/handlers';
import { buildCoverageHandlers } from './features/coverage/handlers';
import { buildSnapshotHandlers } from './features/snapshots/handlers';
import { buildDiagnosticsHandlers } from './features/diagnostics/handlers';
import { buildRateLimitHandlers, buildRequestLogHandlers } from './features/request-log/handlers';
import { buildFileHandlers } from './features/files/handlers';
import { buildSafetyHandlers } from './features/safety/handlers';
import { buildSupportHandlers } from './features/support/handlers';
import { buildReadinessHandlers } from './features/readiness/handlers';
import { buildWebhookHandlers } from './features/webhooks/handlers';
import { buildDeductionHandlers } from './features/deductions/handlers';
import { buildIntegrationLabHandlers } from './features/integration-lab/handlers';
import type { WorkbenchServices } from './services';

export function assembleHandlers(s: WorkbenchServices): HandlerMap {
  const activeId = () => s.environments.activeId();
  return {
    app: buildAppHandlers({ app: s.app, cipher: s.cipher, notices: s.notices }),
    settings: buildSettingsHandlers(s.settings),
    environments: buildEnvironmentHandlers({
      environments: s.environments,
      connections: s.connections,
      gateway: s.gateway,
      vault: s.vault,
      simulator: () => s.simulator,
    }),
    connections: buildConnectionHandlers({ connections: s.connections, lifecycle: s.lifecycle, activeId }),
    connect: buildConnectHandlers({
      connect: s.connect,
      environments: s.environments,
      events: s.events,
      redirectOpener: s.redirectOpener,
      activeId,
    }),
    sandbox: buildSandboxHandlers({ connections: s.connections, drills: s.drills, mockData: s.mockData, activeId }),
    explorer: buildExplorerHandlers({
      explorer: s.explorer,
      payItemRules: s.payItemRules,
      operations: s.operations,
      environments: s.environments,
      emitRows: (rows) => s.events.emit('explorer', 'directoryRows', rows),
    }),
    coverage: buildCoverageHandlers(s.coverage, activeId),
    snapshots: buildSnapshotHandlers(s.snapshots, activeId),
    diagnostics: buildDiagnosticsHandlers({ diagnostics: s.diagnostics, tracer: s.connect, activeId }),
    requestLog: buildRequestLogHandlers({
      requestLog: s.requestLog,
      // Retention is in real days (as the pruner counts them).
      size: () => s.logSize.measure(s.settings.get().requestLogRetention, Date.now(), s.logPruner.lastPrune),
    }),
    files: buildFileHandlers({ exportGate: s.exportGate, exportSaver: s.exportSaver }),
    safety: buildSafetyHandlers(s.arming, activeId),
    support: buildSupportHandlers(s.support, activeId),
    readiness: buildReadinessHandlers(s.readiness),
    rateLimits: buildRateLimitHandlers(s.limiter),
    webhooks: buildWebhookHandlers(s.webhooks, activeId),
    deductions: buildDeductionHandlers(s.deductions, activeId),
    // Calls are stamped with the wall clock as they reach the proxy (recorder.ts): grade them by it.
    integrationLab: buildIntegrationLabHandlers(s.integrationLab, () => Date.now()),
  };
}
