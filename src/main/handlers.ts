/**
 * The handler map: one function per contract channel, each a thin call into a service.
 * The IPC guard has already validated the input against the contract.
 */
import type { HandlerMap } from '../shared/contract';
import { readAppInfo } from './app-info/app-info';
import type { WorkbenchServices } from './core';
import { checkCredentials } from './environments/credential-check';
import { checkConnectionAttempt } from './environments/environment-rules';
import { applicationTarget } from './environments/targets';
import { startRedirectFlow } from './connections/redirect-handler';
import { saveExport } from './files/export-saver';
import { buildWebhookHandlers } from './webhooks/handlers';

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
      exportJson: () => ({ json: s.environments.exportJson() }),
      importJson: ({ json }) => s.environments.importJson(json),
      checkConnection: ({ id, ...attempt }) => checkConnectionAttempt(s.environments.get(id).kind, attempt),
      checkCredentials: ({ id }) => checkCredentials(s.gateway, applicationTarget(s.environments.get(id), s.simulator, s.vault)),
    },
    connections: {
      list: () => s.connections.list(s.environments.activeId()),
      timeline: ({ connectionId }) => s.connections.timeline(s.environments.activeId(), connectionId),
      disconnect: ({ connectionId, confirmName }) => s.lifecycle.disconnect(s.environments.activeId(), connectionId, confirmName),
      disconnectAllSandbox: () => s.lifecycle.disconnectAllSandbox(s.environments.activeId()),
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
      directory: ({ connectionId }) => s.explorer.directory(s.environments.activeId(), connectionId),
      person: ({ connectionId, individualId }) => s.explorer.person(s.environments.activeId(), connectionId, individualId),
      company: async ({ connectionId }) => {
        const result = await s.lifecycle.read(s.environments.activeId(), connectionId, (client) => client.hris.company.retrieve());
        return { data: result.data, requestId: result.requestId, status: result.status };
      },
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
      saveExport: ({ suggestedName, content }) => saveExport(s.exportSaver, suggestedName, content),
    },
    rateLimits: {
      readings: () => s.limiter.readings(),
    },
    webhooks: buildWebhookHandlers(s.webhooks, () => s.environments.activeId()),
  };
}
