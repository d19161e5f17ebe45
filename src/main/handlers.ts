/**
 * The handler map: one function per contract channel, each a thin call into a service.
 * The IPC guard has already validated the input against the contract.
 */
import type { HandlerMap } from '../shared/contract';
import { readAppInfo } from './features/app/app-info';
import type { WorkbenchServices } from './core';
import { checkCredentials } from './features/environments/credential-check';
import { applicationTarget } from './platform/workspace/targets';
import { startRedirectFlow } from './features/connect/redirect-handler';
import { streamDirectory } from './features/explorer/directory-stream';
import { saveExport } from './features/files/export-saver';
import { buildWebhookHandlers } from './features/webhooks/handlers';

export function buildHandlers(s: WorkbenchServices): HandlerMap {
  return {
    app: {
      getInfo: () => readAppInfo({ ...s.app, secretStorage: () => s.cipher.status() }),
      listNotices: () => s.notices.list(),
      dismissNotice: ({ id }) => s.notices.dismiss(id),
    },
    settings: {
      get: () => s.settings.get(),
      update: (patch) => s.settings.update(patch),
    },
    environments: {
      getState: () => s.environments.state(),
      create: (input) => s.environments.create(input),
      update: (patch) => {
        const state = s.environments.update(patch);
        s.gateway.forget(patch.id); // credentials may have changed
        return state;
      },
      duplicate: ({ id, name }) => s.environments.duplicate(id, name),
      describeDeletion: ({ id }) => s.environments.describeDeletion(id),
      remove: ({ id, confirmName }) => {
        const state = s.environments.remove(id, confirmName);
        s.gateway.forget(id);
        return state;
      },
      setActive: ({ id }) => s.environments.setActive(id),
      importJson: ({ json }) => s.environments.importJson(json),
      checkConnection: ({ id, ...attempt }) => s.connect.check(id, attempt),
      checkCredentials: ({ id }) => checkCredentials(s.gateway, applicationTarget(s.environments.get(id), s.simulator, s.vault)),
    },
    connections: {
      list: () => s.connections.list(s.environments.activeId()),
      timeline: ({ connectionId }) => s.connections.timeline(s.environments.activeId(), connectionId),
      disconnect: ({ connectionId, confirmName }) => s.lifecycle.disconnect(s.environments.activeId(), connectionId, confirmName),
      describeDisconnectAll: () => s.lifecycle.describeDisconnectAll(s.environments.activeId()),
      disconnectAllSandbox: ({ connectionIds, confirm }) => s.lifecycle.disconnectAllSandbox(s.environments.activeId(), connectionIds, confirm),
      archive: ({ connectionId }) => s.connections.archive(s.environments.activeId(), connectionId),
      unarchive: ({ connectionId }) => s.connections.unarchive(s.environments.activeId(), connectionId),
      archiveDisconnected: () => s.connections.archiveDisconnected(s.environments.activeId()),
      importToken: ({ accessToken, customerName }) => s.lifecycle.importToken(s.environments.activeId(), accessToken, customerName),
    },
    connect: {
      start: (input) => s.connect.start(s.environments.activeId(), input),
      complete: ({ code, state }) => s.connect.complete(s.environments.activeId(), code, state),
      report: ({ state, kind, message, errorType }) => (s.connect.report(s.environments.activeId(), state, kind, message, errorType), null),
      startRedirect: (input) => startRedirectFlow(s, input),
      startReauth: ({ connectionId }) => s.connect.startReauth(s.environments.activeId(), connectionId),
    },
    sandbox: {
      createConnection: (input) => s.connections.createSandbox(s.environments.activeId(), input),
      runDrill: ({ drill, connectionId }) => s.drills.run(s.environments.activeId(), drill, connectionId ?? null),
      drillResults: () => s.drills.results(s.environments.activeId()),
      write: (input) => s.mockData.write(s.environments.activeId(), input),
      setStatus: ({ connectionId, status }) => s.mockData.setStatus(s.environments.activeId(), connectionId, status),
      jobConfiguration: ({ connectionId }) => s.mockData.jobConfiguration(s.environments.activeId(), connectionId),
      setJobConfiguration: ({ connectionId, completionStatus }) => s.mockData.setJobConfiguration(s.environments.activeId(), connectionId, completionStatus),
      runSyncJob: ({ connectionId, operationId }) => s.mockData.runSyncJob(s.environments.activeId(), connectionId, operationId),
    },
    explorer: {
      cancel: ({ operationId }) => ({ cancelled: s.operations.cancel(operationId) }),
      directory: ({ connectionId, operationId }) =>
        s.operations.start(
          'Directory',
          (op) => streamDirectory(s.explorer, s.environments.activeId(), connectionId, op, (rows) => s.events.emit('explorer', 'directoryRows', rows)),
          operationId,
        ),
      directoryPage: ({ connectionId, offset, limit, operationId }) =>
        s.operations.start('Directory page', (op) => s.explorer.directoryPage(s.environments.activeId(), connectionId, offset, limit, op), operationId),
      person: ({ connectionId, individualId }) => s.explorer.person(s.environments.activeId(), connectionId, individualId),
      company: ({ connectionId }) => s.explorer.company(s.environments.activeId(), connectionId),
      people: ({ connectionId, kind, individualIds, operationId }) =>
        s.operations.start(
          kind === 'individual' ? 'Individuals' : 'Employments',
          (op) => s.explorer.people(s.environments.activeId(), connectionId, kind, individualIds, op),
          operationId,
        ),
      payments: ({ connectionId, startDate, endDate }) => s.explorer.payments(s.environments.activeId(), connectionId, startDate, endDate),
      payStatements: ({ connectionId, paymentIds, operationId }) =>
        s.operations.start('Pay statements', (op) => s.explorer.payStatements(s.environments.activeId(), connectionId, paymentIds, op), operationId),
      personPay: ({ connectionId, individualId, startDate, endDate, operationId }) =>
        s.operations.start('Pay statements', (op) => s.explorer.personPay(s.environments.activeId(), connectionId, individualId, startDate, endDate, op), operationId),
      payGroups: ({ connectionId }) => s.explorer.payGroups(s.environments.activeId(), connectionId),
      payGroup: ({ connectionId, payGroupId }) => s.explorer.payGroup(s.environments.activeId(), connectionId, payGroupId),
      payStatementItems: ({ connectionId, ...query }) => s.explorer.payStatementItems(s.environments.activeId(), connectionId, query),
      benefits: ({ connectionId }) => s.explorer.benefits(s.environments.activeId(), connectionId),
      benefit: ({ connectionId, benefitId }) => s.explorer.benefit(s.environments.activeId(), connectionId, benefitId),
      documents: ({ connectionId }) => s.explorer.documents(s.environments.activeId(), connectionId),
      document: ({ connectionId, documentId }) => s.explorer.document(s.environments.activeId(), connectionId, documentId),
      jobs: ({ connectionId }) => s.explorer.jobs(s.environments.activeId(), connectionId),
      job: ({ connectionId, kind, jobId }) => s.explorer.job(s.environments.activeId(), connectionId, kind, jobId),
      startSync: ({ connectionId }) => s.explorer.startSync(s.environments.activeId(), connectionId),
      pendingContext: ({ connectionId }) => s.explorer.pendingContext(s.environments.activeId(), connectionId),
      providers: ({ connectionId }) => s.explorer.providers(s.environments.activeId(), connectionId),
      introspect: ({ connectionId }) => s.explorer.introspect(s.environments.activeId(), connectionId),
      forwardSupport: ({ connectionId }) => {
        const environmentId = s.environments.activeId();
        return s.explorer.forwardSupport(environmentId, connectionId, s.environments.get(environmentId).kind);
      },
      forward: ({ connectionId, ...request }) => {
        const environmentId = s.environments.activeId();
        return s.explorer.forward(environmentId, connectionId, s.environments.get(environmentId).kind, request);
      },
    },
    coverage: {
      run: (input) => s.coverage.run(s.environments.activeId(), input),
      runs: () => s.coverage.runs(s.environments.activeId()),
      deleteRun: ({ id }) => s.coverage.deleteRun(s.environments.activeId(), id),
    },
    snapshots: {
      take: (input) => s.snapshots.take(s.environments.activeId(), input),
      list: () => s.snapshots.list(s.environments.activeId()),
      remove: ({ id }) => s.snapshots.remove(s.environments.activeId(), id),
      removeAll: ({ connectionId }) => s.snapshots.removeAll(s.environments.activeId(), connectionId),
      diff: ({ fromId, toId }) => s.snapshots.diff(s.environments.activeId(), fromId, toId),
    },
    diagnostics: {
      explainRequest: ({ id }) => s.diagnostics.explainRequest(s.environments.activeId(), id),
      explainRequestId: ({ requestId }) => s.diagnostics.explainRequestId(s.environments.activeId(), requestId),
      connectTraces: () => s.diagnostics.connectTraces(s.environments.activeId()),
      traceConnectMessage: ({ state, kind, origin, detail }) => (s.connect.traceMessage(s.environments.activeId(), state, kind, origin, detail), null),
      healthCheck: ({ connectionId }) => s.diagnostics.healthCheck(s.environments.activeId(), connectionId),
    },
    requestLog: {
      search: (query) => s.requestLog.search(query),
      attemptsOf: ({ callId }) => s.requestLog.attemptsOf(callId),
    },
    files: {
      exportMode: () => ({ mode: s.exportSaver ? 'dialog' : 'download' }),
      saveExport: ({ suggestedName, content }) => (s.exportGate.assertNoSecrets(suggestedName, content), saveExport(s.exportSaver, suggestedName, content)),
      stageExport: (input) => s.exportGate.stage(input),
      prepareExport: (input) => s.exportGate.prepare(input),
      savePrepared: ({ exportId }) => s.exportGate.save(exportId),
    },
    safety: {
      armingState: () => s.arming.state(s.environments.activeId()),
      arm: ({ confirmName, minutes }) => s.arming.arm(s.environments.activeId(), confirmName, minutes),
      disarm: () => s.arming.disarm(s.environments.activeId()),
    },
    support: {
      scope: ({ environmentId }) => s.support.scope(environmentId ?? s.environments.activeId()),
      selectionForFailure: ({ requestLogId }) => s.support.selectionForFailure(requestLogId),
      preview: (selection) => s.support.preview(selection),
      export: (selection) => s.support.export(selection),
    },
    readiness: {
      report: () => s.readiness.report(),
      setCheck: ({ itemId, checked, note }) => s.readiness.setCheck(itemId, checked, note),
      export: ({ format }) => s.readiness.export(format),
    },
    rateLimits: {
      readings: () => s.limiter.readings(),
    },
    webhooks: buildWebhookHandlers(s.webhooks, () => s.environments.activeId()),
  };
}
